"""The review as DOCX and PDF in the Decree 30/2020 layout (built figures, no database)."""

import shutil
import subprocess
import unicodedata
from datetime import date
from io import BytesIO

import pytest
from docx import Document
from docx.oxml.ns import qn
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from qsdp.documents.renderers.report import (
    render_article_docx,
    render_report_docx,
    render_report_pdf,
)
from qsdp.documents.tests.test_pdf import A4, top_margin_texts
from qsdp.review.generator import ReviewSettings, build_review, to_report_document
from qsdp.review.tests.samples import city_facts

SETTINGS = ReviewSettings(
    number="215/BC-UBND", issued_on=date(2023, 11, 22), signer_name="Hoàng Hà Bắc"
)
FONT = "Times New Roman"
SOFFICE = shutil.which("soffice") or "soffice"


@pytest.fixture(scope="module")
def context():
    return build_review(city_facts(), SETTINGS)


@pytest.fixture(scope="module")
def docx_bytes(context):
    return render_report_docx(to_report_document(context))


@pytest.fixture(scope="module")
def pdf(context):
    return PdfReader(BytesIO(render_report_pdf(to_report_document(context))))


def docx_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_the_docx_header_is_the_two_column_header_of_decree_30(docx_bytes):
    document = Document(BytesIO(docx_bytes))
    header = document.tables[0]

    body, nation = header.rows[0].cells
    assert body.text.startswith("UỶ BAN NHÂN DÂN\nTHÀNH PHỐ BẮC KẠN")
    assert nation.text.startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc")
    assert header.rows[1].cells[0].text == "Số: 215/BC-UBND"
    place = header.rows[1].cells[1].paragraphs[0]
    assert place.text == "Bắc Kạn, ngày 22 tháng 11 năm 2023"
    assert place.runs[0].italic is True
    assert header._tbl.tblPr.find(qn("w:tblBorders")) is None  # borderless: no style, no borders
    title = next(p for p in document.paragraphs if p.text == "BÁO CÁO")
    assert title.runs[0].bold is True
    assert "Tổng kết công tác quốc phòng, quân sự địa phương năm 2023;" in docx_text(document)


def test_the_docx_page_is_a4_with_the_decree_margins(docx_bytes):
    section = Document(BytesIO(docx_bytes)).sections[0]

    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.mm) for m in margins] == [20, 20, 30, 15]


def test_the_docx_names_times_new_roman_for_every_script(docx_bytes):
    document = Document(BytesIO(docx_bytes))
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    fonts = defaults.find(qn("w:rPr")).find(qn("w:rFonts"))
    normal = document.styles["Normal"].element.rPr.rFonts

    for element in (fonts, normal):
        assert {a: element.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "eastAsia", "cs")} == {
            "ascii": FONT, "hAnsi": FONT, "eastAsia": FONT, "cs": FONT,
        }  # fmt: skip
    runs = [r for p in document.paragraphs for r in p.runs if r.text]
    assert {r._r.rPr.rFonts.get(qn("w:eastAsia")) for r in runs} == {FONT}
    assert {r.font.name for r in runs} == {FONT}
    assert document.styles["Normal"].font.size.pt == 14
    body = next(p for p in document.paragraphs if p.text.startswith("Công tác tuyển quân"))
    assert body.alignment == 3  # justified


def test_the_docx_numbers_pages_from_the_second_in_the_top_margin(docx_bytes):
    section = Document(BytesIO(docx_bytes)).sections[0]

    assert section.different_first_page_header_footer is True
    assert "PAGE" not in section.first_page_header._element.xml
    number = section.header.paragraphs[0]
    assert number.alignment == 1  # centred
    instructions = [t.text.strip() for t in number._p.iter(qn("w:instrText"))]
    assert instructions == ["PAGE"]


def test_the_docx_has_the_sentences_the_signer_recipients_and_the_annex(docx_bytes):
    text = docx_text(Document(BytesIO(docx_bytes)))

    assert "hoàn thành 100% chỉ tiêu tuyển chọn, gọi công dân nhập ngũ (45/45)" in text
    assert "cho 02 phường (Sông Cầu, Đức Xuân)" in text
    assert "TM. UỶ BAN NHÂN DÂN\nCHỦ TỊCH" in text
    assert "Hoàng Hà Bắc" in text
    assert "Nơi nhận:\n- UBND tỉnh Bắc Kạn;" in text
    assert "PHỤ LỤC" in text
    assert "- Phường Đức Xuân: đã phê duyệt ngày 12/11/2023" in text


@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice) is not installed: make test installs libreoffice-writer-nogui",
)
def test_libreoffice_opens_the_docx_and_converts_it_to_pdf(docx_bytes, tmp_path):
    source = tmp_path / "review.docx"
    source.write_bytes(docx_bytes)

    subprocess.run(  # noqa: S603 — our own file, a fixed command
        [SOFFICE, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip

    reader = PdfReader(tmp_path / "review.pdf")
    assert len(reader.pages) >= 2
    assert "BÁO CÁO" in reader.pages[0].extract_text()


def test_the_pdf_is_a4_and_numbered_from_page_two(pdf):
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in pdf.pages}

    assert sizes == {A4}
    assert len(pdf.pages) >= 3
    numbers = [top_margin_texts(page) for page in pdf.pages]
    assert numbers[0] == []
    assert numbers[1] == ["2"]


def test_the_pdf_text_is_the_review(pdf, context):
    text = "\n".join(page.extract_text() for page in pdf.pages)

    assert unicodedata.is_normalized("NFC", text)
    assert "UỶ BAN NHÂN DÂN\nTHÀNH PHỐ BẮC KẠN" in text
    assert "Bắc Kạn, ngày 22 tháng 11 năm 2023" in text
    assert "gọi công dân nhập ngũ (45/45)." in " ".join(text.split())
    assert "Tình trạng phê duyệt số liệu:" in text


def embedded_fonts(reader):
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            yield descriptor["/FontFile2"].get_object().get_data()


def test_the_pdf_embeds_fonts_that_cover_every_vietnamese_character(pdf, context):
    covered = set()
    programs = list(embedded_fonts(pdf))
    for program in programs:
        covered |= set(TTFont(BytesIO(program)).getBestCmap())
    characters = {ord(c) for c in context.text() if not c.isspace()}

    assert programs
    assert {ord(c) for c in "ĐđẠạẶặỆệỘộỰựẢảỦủỶỷ"} & characters
    assert sorted(chr(c) for c in characters - covered) == []


def test_the_news_article_opens_as_docx():
    document = Document(BytesIO(render_article_docx("Tiêu đề", ["Đoạn một.", "Đoạn hai."])))

    assert [p.text for p in document.paragraphs if p.text] == ["Tiêu đề", "Đoạn một.", "Đoạn hai."]
