import gc
import sys
import unicodedata
from io import BytesIO
from pathlib import Path

import pytest
import weasyprint
from pypdf import PdfReader

from qsdp.documents.context import DocumentHeader, LetterDocument
from qsdp.documents.renderers import render_pdf
from qsdp.documents.renderers.pdf import collector_paused
from qsdp.documents.tests import samples

MM = 72 / 25.4
TOP_MARGIN = 20 * MM
A4 = (round(210 * MM), round(297 * MM))


def top_margin_texts(page) -> list[str]:
    """What is printed in the top margin (where the page number goes)."""
    height = float(page.mediabox.height)
    found = []

    def visit(text, cm, tm, font, size):
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if text.strip() and y > height - TOP_MARGIN:
            found.append(text.strip())

    page.extract_text(visitor_text=visit)
    return found


def base_fonts(reader) -> set[str]:
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            assert "/FontFile2" in descendant["/FontDescriptor"]  # embedded
            names.add(str(font["/BaseFont"]).split("+", 1)[1])
    return names


@pytest.fixture(scope="module")
def long_list():
    return PdfReader(BytesIO(render_pdf(samples.call_up_list(80))))


@pytest.fixture(scope="module")
def order():
    content = render_pdf(samples.call_up_order("Đặng Thị Hường"))
    return content, PdfReader(BytesIO(content))


def test_it_is_a_pdf_of_one_a4_page(order):
    content, reader = order

    assert content.startswith(b"%PDF-")
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == A4


@pytest.mark.parametrize(
    "expected",
    [
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ BẮC KẠN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
        "Bắc Kạn, ngày 05 tháng 02 năm 2023",
        "LỆNH GỌI CÔNG DÂN NHẬP NGŨ",
        "Họ và tên: Đặng Thị Hường",
        "Nơi cư trú: Phường Phùng Chí Kiên, thành phố Bắc Kạn",
        "thực hiện Nghĩa vụ quân sự.",
        "Nơi nhận:\n- Công dân có tên trên;",
        "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nĐinh Quang Tuyên",
    ],
)
def test_the_vietnamese_text_comes_out_exactly(order, expected):
    text = order[1].pages[0].extract_text()

    assert unicodedata.is_normalized("NFC", text)
    assert expected in text


def test_a_blank_number_keeps_room_for_the_hand_written_one(order):
    assert "Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/LGNN-UBND" in order[1].pages[0].extract_text()


def test_the_embedded_font_is_liberation_serif_for_every_glyph(order, long_list):
    # Another font would appear here if Liberation Serif lacked a Vietnamese glyph.
    for reader in (order[1], long_list):
        assert base_fonts(reader) <= {
            "Liberation-Serif",
            "Liberation-Serif-Bold",
            "Liberation-Serif-Italic",
            "Liberation-Serif-Bold-Italic",
        }
    assert "Liberation-Serif-Bold" in base_fonts(order[1])


def test_a_long_table_runs_over_pages_with_its_head_repeated(long_list):
    pages = [page.extract_text() for page in long_list.pages]

    assert len(pages) == 3
    for text in pages:
        assert "STT Họ và tên Ngày sinh Phường, xã Loại sức khỏe\n(1) (2) (3) (4) (5)" in text
    assert "1 Phùng Chí Kiên 01/01/2004 Xã Dương Quang 1" in pages[0]
    assert "80 Đặng Thị Hường 24/08/2004 Phường Phùng Chí Kiên 2" in pages[-1]
    assert "DANH SÁCH" in pages[0]
    assert "DANH SÁCH" not in pages[1]


def test_the_page_number_is_in_the_top_margin_from_page_two(long_list):
    assert [top_margin_texts(page) for page in long_list.pages] == [[], ["2"], ["3"]]


def test_the_signer_comes_after_the_table(long_list):
    last = long_list.pages[-1].extract_text()

    assert "KT. CHỈ HUY TRƯỞNG\nPHÓ CHỈ HUY TRƯỞNG" in last
    assert last.index("Nơi nhận:") > last.index("80 Đặng Thị Hường")


def test_a_landscape_table_is_printed_across_a4():
    reader = PdfReader(BytesIO(render_pdf(samples.call_up_list(3, landscape=True))))
    page = reader.pages[0]

    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == A4[::-1]


def test_a_batch_of_letters_is_one_letter_a_page_without_page_numbers():
    names = ["Phùng Chí Kiên", "Đặng Thị Hường", "Nguyễn Văn Đạt"]

    reader = PdfReader(BytesIO(render_pdf([samples.call_up_order(n) for n in names])))

    assert len(reader.pages) == 3
    for page, name in zip(reader.pages, names, strict=True):
        assert f"Họ và tên: {name}" in page.extract_text()
        assert top_margin_texts(page) == []


def test_in_a_batch_each_letter_counts_its_own_pages():
    long_letter = LetterDocument(
        header=DocumentHeader("", "BAN CHQS", "", "Bắc Kạn", None, "BÁO CÁO"),
        paragraphs=[f"Đoạn {i}: Nghĩa vụ quân sự." for i in range(60)],
    )

    reader = PdfReader(BytesIO(render_pdf([samples.call_up_order("Phùng Chí Kiên"), long_letter])))

    numbers = [top_margin_texts(page) for page in reader.pages]
    assert len(numbers) >= 3
    assert numbers == [[], [], *([str(n)] for n in range(2, len(numbers)))]


def test_data_cannot_make_the_renderer_fetch_anything():
    letter = LetterDocument(
        header=DocumentHeader("", "<img src='http://127.0.0.1:9/x.png'>", "", "", None, ""),
        paragraphs=["<link rel=stylesheet href='file:///etc/passwd'>"],
    )

    text = PdfReader(BytesIO(render_pdf(letter))).pages[0].extract_text()

    assert "<link rel=stylesheet href='file:///etc/passwd'>" in text  # printed, not obeyed


def collections_in_weasyprint(render) -> int:
    """How many times Python's cyclic collector ran while WeasyPrint was on the stack."""
    package = str(Path(weasyprint.__file__).parent)
    collections = 0

    def record(phase, info):
        nonlocal collections
        frame = sys._getframe(1)
        while phase == "start" and frame is not None:
            if frame.f_code.co_filename.startswith(package):
                collections += 1
                break
            frame = frame.f_back

    gc.callbacks.append(record)
    try:
        render()
    finally:
        gc.callbacks.remove(record)
    return collections


def test_the_collector_does_not_run_while_weasyprint_lays_out_a_long_table():
    long_list = samples.call_up_list(40)

    assert collections_in_weasyprint(lambda: render_pdf(long_list)) == 0
    assert gc.isenabled()


def test_collector_paused_turns_the_collector_off_for_the_call_only():
    seen = []

    @collector_paused
    def render(name: str) -> bytes:
        seen.append(gc.isenabled())
        return name.encode()

    assert render("hồ sơ") == "hồ sơ".encode()
    assert seen == [False]
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off():
    gc.disable()
    try:
        render_pdf(samples.call_up_order("Phùng Chí Kiên"))

        assert not gc.isenabled()
    finally:
        gc.enable()
