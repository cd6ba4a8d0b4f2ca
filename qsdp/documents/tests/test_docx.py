from io import BytesIO

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from qsdp.documents.renderers import render_docx
from qsdp.documents.tests import samples


def mm(*lengths) -> tuple[float, ...]:
    """Lengths in mm, to a tenth: Word stores twips."""
    return tuple(round(length.mm, 1) for length in lengths)


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


@pytest.fixture(scope="module")
def order():
    return Document(BytesIO(render_docx(samples.call_up_order("Đặng Thị Hường"))))


@pytest.fixture(scope="module")
def call_up_list():
    return Document(BytesIO(render_docx(samples.call_up_list(6))))


def test_the_page_is_a4_portrait_with_the_decree_margins(order):
    section = order.sections[0]

    assert section.orientation == WD_ORIENT.PORTRAIT
    assert mm(section.page_width, section.page_height) == (210, 297)
    assert mm(section.top_margin, section.bottom_margin) == (20, 20)
    assert mm(section.left_margin, section.right_margin) == (30, 15)


def test_a_landscape_table_turns_the_page():
    section = Document(BytesIO(render_docx(samples.call_up_list(2, landscape=True)))).sections[0]

    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert mm(section.page_width, section.page_height) == (297, 210)


def test_the_font_is_times_new_roman(order):
    normal = order.styles["Normal"]
    defaults = order.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    fonts = defaults.find(qn("w:rPr")).find(qn("w:rFonts"))

    assert normal.font.name == "Times New Roman"
    assert fonts.get(qn("w:hAnsi")) == "Times New Roman"
    assert fonts.get(qn("w:hAnsiTheme")) is None


def test_the_page_number_is_in_the_header_from_page_two(order):
    section = order.sections[0]

    assert section.different_first_page_header_footer
    assert section.first_page_header.paragraphs[0].text == ""
    header_xml = section.header._element.xml
    assert "PAGE" in header_xml
    assert 'w:fldCharType="begin"' in header_xml


@pytest.mark.parametrize(
    "expected",
    [
        "ỦY BAN NHÂN DÂN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/LGNN-UBND",
        "Bắc Kạn, ngày 05 tháng 02 năm 2023",
        "LỆNH GỌI CÔNG DÂN NHẬP NGŨ",
        "Họ và tên: Đặng Thị Hường",
        "Nơi nhận:",
        "TM. ỦY BAN NHÂN DÂN",
        "Đinh Quang Tuyên",
    ],
)
def test_the_texts_are_there(order, expected):
    assert expected in all_text(order)


def test_the_header_is_styled_as_the_decree_says(order):
    body, nation = order.tables[0].rows[0].cells
    date_cell = order.tables[0].rows[1].cells[1]

    assert body.paragraphs[0].runs[0].bold
    assert nation.paragraphs[0].runs[0].bold
    assert nation.paragraphs[1].runs[0].underline
    assert date_cell.paragraphs[0].runs[0].italic
    name_run = next(p.runs[1] for p in order.paragraphs if p.text.startswith("Họ và tên"))
    assert name_run.bold


def test_the_table_has_its_head_a_row_of_column_numbers_and_the_values(call_up_list):
    table = call_up_list.tables[1]
    rows = [[cell.text for cell in row.cells] for row in table.rows]

    assert rows[0] == ["STT", "Họ và tên", "Ngày sinh", "Phường, xã", "Loại sức khỏe"]
    assert rows[1] == ["(1)", "(2)", "(3)", "(4)", "(5)"]
    assert rows[3] == ["2", "Đặng Thị Hường", "02/02/2004", "Phường Phùng Chí Kiên", "2"]
    assert len(rows) == 2 + 6
    for row in table.rows[:2]:
        assert row._tr.trPr.find(qn("w:tblHeader")) is not None
    assert table.rows[2]._tr.trPr is None or table.rows[2]._tr.trPr.find(qn("w:tblHeader")) is None


def test_the_signer_follows_the_table(call_up_list):
    recipients, signer = call_up_list.tables[2].rows[0].cells

    assert recipients.paragraphs[0].text == "Nơi nhận:"
    assert [p.text for p in signer.paragraphs if p.text] == [
        "KT. CHỈ HUY TRƯỞNG",
        "PHÓ CHỈ HUY TRƯỞNG",
        "Hoàng Văn Minh",
    ]
