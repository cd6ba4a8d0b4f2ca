from datetime import date, datetime
from decimal import Decimal

import pytest

from qsdp.documents.context import DocumentHeader, TableColumn
from qsdp.documents.layout import (
    BLANK,
    cell_text,
    column_widths_mm,
    date_line,
    header_lines,
    number_line,
    vietnamese_date,
)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2023, 2, 5), "ngày 05 tháng 02 năm 2023"),
        (date(2023, 1, 15), "ngày 15 tháng 01 năm 2023"),
        (date(2023, 3, 9), "ngày 09 tháng 3 năm 2023"),
        (date(2024, 12, 31), "ngày 31 tháng 12 năm 2024"),
    ],
)
def test_days_below_10_and_months_1_and_2_take_a_leading_zero(day, expected):
    assert vietnamese_date(day) == expected


def test_the_date_line_starts_with_the_place():
    assert date_line("Bắc Kạn", date(2023, 2, 5)) == "Bắc Kạn, ngày 05 tháng 02 năm 2023"


def test_without_a_date_the_line_keeps_blanks_to_fill_in():
    assert date_line("Bắc Kạn", None) == f"Bắc Kạn, ngày{BLANK}tháng{BLANK}năm{BLANK}"


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("15/BC-BCHQS", "Số: 15/BC-BCHQS"),
        ("", f"Số:{BLANK}/…"),
        ("/LGNN-UBND", f"Số:{BLANK}/LGNN-UBND"),
    ],
)
def test_the_number_line(number, expected):
    assert number_line(number) == expected


def test_header_texts_come_out_precomposed():
    decomposed = "Ban chi\u0309 huy"  # "ỉ" as i + combining hook above
    header = DocumentHeader("", decomposed, "", "Bắc Kạn", None, "DANH SÁCH", "a\nb")

    lines = header_lines(header)

    assert lines.issuing_lines == ["Ban chỉ huy"]
    assert lines.summary_lines == ["a", "b"]
    assert lines.national_name == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert lines.motto == "Độc lập - Tự do - Hạnh phúc"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        (True, "x"),
        (False, ""),
        (12, "12"),
        (2023, "2023"),
        (95.5, "95,5"),
        (Decimal("100.00"), "100,00"),
        (date(2004, 1, 9), "09/01/2004"),
        (datetime(2023, 2, 14, 7, 0), "14/02/2023 07:00"),
        ("Phùng Chí Kiên", "Phùng Chí Kiên"),
    ],
)
def test_cell_text(value, expected):
    assert cell_text(value) == expected


def test_fixed_widths_are_kept_and_the_rest_is_shared():
    columns = [TableColumn("a", "A", width_mm=15), TableColumn("b", "B"), TableColumn("c", "C")]

    assert column_widths_mm(columns, 165) == [15, 75, 75]


def test_widths_wider_than_the_page_are_scaled_down():
    columns = [TableColumn("a", "A", width_mm=100), TableColumn("b", "B", width_mm=230)]

    assert column_widths_mm(columns, 165) == [50, 115]
