from datetime import date, datetime
from io import BytesIO

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from qsdp.documents.renderers import render_xlsx
from qsdp.documents.tests import samples

HEAD_ROW = 10  # 4 header rows, a gap, type, summary, a gap, the intro paragraph


@pytest.fixture(scope="module")
def content():
    return render_xlsx(samples.call_up_list(6))


@pytest.fixture(scope="module")
def sheet(content):
    return load_workbook(BytesIO(content)).worksheets[0]


@pytest.fixture(scope="module")
def rows(content):
    return CalamineWorkbook.from_filelike(BytesIO(content)).get_sheet_by_index(0).to_python()


def test_the_header_block_has_the_issuing_body_and_the_national_name_side_by_side(rows):
    assert rows[0][:3] == ["UBND THÀNH PHỐ BẮC KẠN", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert rows[1][:3] == ["BAN CHỈ HUY QUÂN SỰ", "", "Độc lập - Tự do - Hạnh phúc"]
    assert rows[2][0] == "THÀNH PHỐ"
    assert rows[3][:3] == ["Số: 15/DS-BCHQS", "", "Bắc Kạn, ngày 05 tháng 02 năm 2023"]
    assert rows[5][0] == "DANH SÁCH"
    assert rows[6][0] == "Công dân thực hiện Nghĩa vụ quân sự năm 2023"


def test_the_header_blocks_are_merged_over_their_share_of_the_columns(sheet):
    merged = {str(r) for r in sheet.merged_cells.ranges}

    assert {"A1:B1", "C1:E1", "A2:B2", "C2:E2", "A6:E6", "A7:E7"} <= merged
    assert sheet["A2"].font.bold
    assert not sheet["A1"].font.bold
    assert sheet["C2"].font.bold
    assert sheet["C4"].font.italic
    assert sheet["A1"].font.name == "Times New Roman"


def test_the_table_head_is_bold_with_borders_and_a_row_of_column_numbers(sheet, rows):
    assert rows[HEAD_ROW - 1] == ["STT", "Họ và tên", "Ngày sinh", "Phường, xã", "Loại sức khỏe"]
    assert rows[HEAD_ROW] == ["(1)", "(2)", "(3)", "(4)", "(5)"]
    head = sheet.cell(row=HEAD_ROW, column=2)
    assert head.font.bold
    assert head.alignment.wrap_text
    assert head.border.left.style == "thin"
    assert head.border.bottom.style == "thin"


def test_the_values_are_in_place_typed(rows):
    first = rows[HEAD_ROW + 1]
    second = rows[HEAD_ROW + 2]

    assert first == [1, "Phùng Chí Kiên", date(2004, 1, 1), "Xã Dương Quang", 1]
    assert second == [2, "Đặng Thị Hường", date(2004, 2, 2), "Phường Phùng Chí Kiên", 2]


def test_a_date_is_an_excel_date_shown_day_first(sheet):
    cell = sheet.cell(row=HEAD_ROW + 3, column=3)  # the second person

    assert cell.is_date
    assert cell.number_format == "dd/mm/yyyy"
    assert cell.value == datetime(2004, 2, 2)


def test_a_number_is_a_number(sheet):
    assert sheet.cell(row=HEAD_ROW + 2, column=1).data_type == "n"
    assert sheet.cell(row=HEAD_ROW + 2, column=5).data_type == "n"


def test_the_signature_block_sits_under_the_table(rows):
    tail = [row for row in rows[HEAD_ROW + 7 :] if any(row)]

    assert tail[0][0] == "Danh sách có 6 công dân."
    assert tail[1][0] == "Nơi nhận:"
    assert tail[1][2] == "KT. CHỈ HUY TRƯỞNG"
    assert tail[2] == ["- Bộ CHQS tỉnh Bắc Kạn;", "", "PHÓ CHỈ HUY TRƯỞNG", "", ""]
    assert tail[-1][2] == "Hoàng Văn Minh"


def test_the_sheet_prints_on_a4_with_the_head_repeated_and_the_panes_frozen(sheet):
    assert sheet.title == "Nhập ngũ 2023"
    assert sheet.freeze_panes == f"A{HEAD_ROW + 2}"
    assert sheet.print_title_rows == f"${HEAD_ROW}:${HEAD_ROW + 1}"
    assert int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.page_setup.orientation == "portrait"
    assert round(sheet.page_margins.left * 25.4) == 30
    assert round(sheet.page_margins.right * 25.4) == 15
    assert round(sheet.page_margins.top * 25.4) == 20
    assert sheet.page_setup.fitToWidth == 1
    assert sheet.HeaderFooter.differentFirst
    assert sheet.oddHeader.center.text == "&P"


def test_fixed_column_widths_follow_the_millimetres(sheet):
    assert sheet.column_dimensions["A"].width < sheet.column_dimensions["C"].width
    assert sheet.column_dimensions["B"].width == sheet.column_dimensions["D"].width


def test_a_landscape_table_prints_landscape():
    sheet = load_workbook(BytesIO(render_xlsx(samples.call_up_list(2, landscape=True))))

    assert sheet.worksheets[0].page_setup.orientation == "landscape"


def test_a_sheet_name_is_cut_to_what_excel_allows():
    doc = samples.call_up_list(1)
    doc = type(doc)(**{**doc.__dict__, "title_for_sheet": "Danh sách: công dân [2023] / " * 3})

    title = load_workbook(BytesIO(render_xlsx(doc))).worksheets[0].title

    assert len(title) <= 31
    assert title.startswith("Danh sách công dân 2023")
