"""Decree 30/2020/NĐ-CP: the fixed texts, the page geometry and the formatting all renderers share.

The fixed texts are legal form, the same whatever the user's language: they are document
data, kept here in Vietnamese, not UI strings for gettext.
"""

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from qsdp.documents.context import DocumentHeader, Signer, TableColumn

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"  # Quốc hiệu
MOTTO = "Độc lập - Tự do - Hạnh phúc"  # Tiêu ngữ
NUMBER_LABEL = "Số:"
RECIPIENTS_LABEL = "Nơi nhận:"

# A blank an official fills in by hand; no-break spaces so that HTML keeps its width.
BLANK = "\u00a0" * 6

# A4, with the margins of Decree 30 (top and bottom 20–25 mm, left 30–35, right 15–20).
# A landscape page keeps the binding margin on the left as printed.
PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0
MARGIN_TOP_MM = 20.0
MARGIN_BOTTOM_MM = 20.0
MARGIN_LEFT_MM = 30.0
MARGIN_RIGHT_MM = 15.0

# Word and Excel name Times New Roman; the PDF embeds Liberation Serif (Debian's
# fonts-liberation2), metric-compatible with it and complete for Vietnamese.
OFFICE_FONT = "Times New Roman"
PDF_FONT_FAMILY = "Liberation Serif"

# Sizes in points, per element (Appendix I of the decree as generally applied).
SIZE_BODY = 14
SIZE_HEADER = 13  # parent body, issuing body, Quốc hiệu, "Số:"
SIZE_TABLE = 12
SIZE_RECIPIENTS_LABEL = 12
SIZE_RECIPIENTS = 11

MIN_COLUMN_MM = 8.0


def nfc(text: str) -> str:
    """Vietnamese is printed precomposed (NFC), whatever form the data came in."""
    return unicodedata.normalize("NFC", text)


def text_lines(text: str) -> list[str]:
    return [nfc(line) for line in text.split("\n")] if text else []


def number_line(number: str) -> str:
    """ "Số: 15/BC-BCHQS"; a blank for the number when it is given by hand.

    >>> number_line("15/BC-BCHQS")
    'Số: 15/BC-BCHQS'
    """
    number = nfc(number.strip())
    if not number:
        return f"{NUMBER_LABEL}{BLANK}/…"
    if number.startswith("/"):
        return f"{NUMBER_LABEL}{BLANK}{number}"
    return f"{NUMBER_LABEL} {number}"


def vietnamese_date(day: date) -> str:
    """ "ngày 05 tháng 02 năm 2023": days below 10 and the months 1 and 2 take a leading zero.

    >>> vietnamese_date(date(2023, 3, 5))
    'ngày 05 tháng 3 năm 2023'
    """
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def date_line(place: str, issued_on: date | None) -> str:
    """ "Bắc Kạn, ngày 05 tháng 02 năm 2023", or blanks to fill in by hand."""
    when = vietnamese_date(issued_on) if issued_on else f"ngày{BLANK}tháng{BLANK}năm{BLANK}"
    place = nfc(place.strip())
    return f"{place}, {when}" if place else when[0].upper() + when[1:]


def cell_text(value: object) -> str:
    """A table value as printed in a PDF or DOCX cell (XLSX keeps numbers and dates typed)."""
    if value is None or value is False:
        return ""
    if value is True:
        return "x"
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float | Decimal):
        # Vietnamese writes the decimal comma; no thousands grouping (years, codes).
        return format(value, "f" if isinstance(value, Decimal) else ".12g").replace(".", ",")
    return nfc(str(value))


def content_width_mm(*, landscape: bool) -> float:
    width = PAGE_HEIGHT_MM if landscape else PAGE_WIDTH_MM
    return width - MARGIN_LEFT_MM - MARGIN_RIGHT_MM


def column_widths_mm(columns: Sequence[TableColumn], total_mm: float) -> list[float]:
    """Fixed widths as given, the rest of `total_mm` shared equally; all scaled to fit."""
    fixed = sum(c.width_mm for c in columns if c.width_mm is not None)
    free = [c for c in columns if c.width_mm is None]
    share = max((total_mm - fixed) / len(free), MIN_COLUMN_MM) if free else 0.0
    widths = [c.width_mm if c.width_mm is not None else share for c in columns]
    scale = min(1.0, total_mm / sum(widths)) if widths else 1.0
    return [w * scale for w in widths]


@dataclass(frozen=True)
class HeaderLines:
    """A `DocumentHeader` as the lines printed, in NFC, for every renderer."""

    parent_lines: list[str]
    issuing_lines: list[str]
    national_name: str
    motto: str
    number: str
    date: str
    document_type: str
    summary_lines: list[str]


def header_lines(header: DocumentHeader) -> HeaderLines:
    return HeaderLines(
        parent_lines=text_lines(header.parent_body),
        issuing_lines=text_lines(header.issuing_body),
        national_name=NATIONAL_NAME,
        motto=MOTTO,
        number=number_line(header.number),
        date=date_line(header.place, header.issued_on),
        document_type=nfc(header.document_type),
        summary_lines=text_lines(header.summary),
    )


def signer_heading(signer: Signer) -> list[str]:
    """ "TM. ỦY BAN NHÂN DÂN" then "CHỦ TỊCH": the bold lines above the signature."""
    return [*text_lines(signer.acting_for), *text_lines(signer.title)]


# The kind of a unit in front of its name, left out where the place is written.
UNIT_PREFIXES = (
    "Thành phố ", "Thị trấn ", "Thị xã ", "Đặc khu ", "Phường ", "Huyện ", "Quận ", "Tỉnh ", "Xã ",
)  # fmt: skip


def place_of(unit_name: str) -> str:
    """ "Dương Quang" for "Xã Dương Quang": the place in the date line (Decree 30/2020)."""
    for prefix in UNIT_PREFIXES:
        if unit_name.startswith(prefix):
            return unit_name[len(prefix) :]
    return unit_name
