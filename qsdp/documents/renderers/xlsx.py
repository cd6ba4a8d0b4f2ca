"""XLSX through openpyxl: the Decree 30 header above a table as officials lay it out in Excel.

Issuing body on the left and the national name with the motto on the right, each merged over
its share of the table's columns; the document type and summary across the table; the table
with a bold bordered head and a row of column numbers (1) (2) (3)…; then the recipients and
the signer. Dates stay dates (dd/mm/yyyy) and numbers stay numbers, so the sheet can be
summed and filtered; it prints on A4 with the head repeated on every page.
"""

import math
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from qsdp.documents.context import Align, Paragraph, TableDocument, as_paragraph
from qsdp.documents.layout import (
    MARGIN_BOTTOM_MM,
    MARGIN_LEFT_MM,
    MARGIN_RIGHT_MM,
    MARGIN_TOP_MM,
    OFFICE_FONT,
    RECIPIENTS_LABEL,
    SIZE_BODY,
    SIZE_HEADER,
    SIZE_RECIPIENTS,
    SIZE_RECIPIENTS_LABEL,
    SIZE_TABLE,
    column_widths_mm,
    content_width_mm,
    header_lines,
    nfc,
    signer_heading,
    text_lines,
)

DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
THIN = Side(style="thin", color="000000")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
MM_PER_INCH = 25.4
SHEET_TITLE_MAX = 31
SHEET_TITLE_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})


def _font(
    size: float, *, bold: bool = False, italic: bool = False, underline: bool = False
) -> Font:
    return Font(
        name=OFFICE_FONT,
        size=size,
        bold=bold,
        italic=italic,
        underline="single" if underline else None,
    )


def _excel_width(mm: float) -> float:
    """Excel's column width (in '0' characters of Calibri 11, 7 px) for a width in mm."""
    return max(round((mm * 96 / MM_PER_INCH - 5) / 7, 1), 2.0)


class _Sheet:
    """Writes rows top to bottom on a worksheet whose columns have known widths."""

    def __init__(self, ws: Worksheet, widths_mm: Sequence[float]):
        self.ws = ws
        self.widths_mm = list(widths_mm)
        self.count = len(widths_mm)
        self.row = 1
        # The issuing body takes about 40 % of the width, the national name the rest.
        if self.count >= 2:
            target = 0.4 * sum(widths_mm)
            split = min(range(1, self.count), key=lambda k: abs(sum(self.widths_mm[:k]) - target))
            self.left, self.right = (1, split), (split + 1, self.count)
        else:
            self.left = self.right = (1, 1)

    def put(
        self,
        row: int,
        span: tuple[int, int],
        value: object,
        font: Font,
        align: str = "center",
        wrap: bool = False,
    ) -> None:
        first, last = span
        cell = self.ws.cell(row=row, column=first, value=value)
        cell.font = font
        cell.alignment = Alignment(horizontal=align, vertical="top", wrap_text=wrap)
        if last > first:
            self.ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)

    def width_mm(self, span: tuple[int, int]) -> float:
        return sum(self.widths_mm[span[0] - 1 : span[1]])

    def blocks(self, left: list[tuple[str, Font]], right: list[tuple[str, Font]]) -> None:
        """Two blocks side by side (stacked when the table has a single column)."""
        if self.left == self.right:
            for text, font in [*left, *right]:
                self.put(self.row, self.left, text, font, wrap=True)
                self.row += 1
            return
        for i in range(max(len(left), len(right))):
            for items, span in ((left, self.left), (right, self.right)):
                if i < len(items):
                    text, font = items[i]
                    self.put(self.row, span, text, font)
            self.row += 1

    def paragraph(self, item: str | Paragraph) -> None:
        paragraph = as_paragraph(item)
        text = "".join(nfc(run.text) for run in paragraph.parts)
        parts = paragraph.parts
        font = _font(
            SIZE_BODY,
            bold=all(run.bold for run in parts),
            italic=all(run.italic for run in parts),
        )
        span = (1, self.count)
        align = Align(paragraph.align).value
        self.put(self.row, span, text, font, align=align, wrap=True)
        self.ws.row_dimensions[self.row].height = _height(text, self.width_mm(span), SIZE_BODY)
        self.row += 1


def _height(text: str, width_mm: float, size: float) -> float:
    """A row's height in points for wrapped text: merged cells are never autofitted."""
    per_line = max(int(width_mm / (size * 0.16)), 1)  # a Times character is ~0.45 em wide
    lines = sum(max(math.ceil(len(line) / per_line), 1) for line in text.split("\n"))
    return lines * size * 1.35


def _value(value: object) -> object:
    if value is None or value is False:
        return None
    if value is True:
        return "x"
    if isinstance(value, date | int | float | Decimal):
        return value
    return nfc(str(value))


def _sheet_title(doc: TableDocument) -> str:
    title = nfc(doc.title_for_sheet or doc.header.document_type or "Sheet")
    title = " ".join(title.translate(SHEET_TITLE_FORBIDDEN).split()).strip("'")
    return title[:SHEET_TITLE_MAX] or "Sheet"


def render_xlsx(doc: TableDocument) -> bytes:
    """The table document as an XLSX workbook of one sheet."""
    if not doc.columns:
        raise ValueError("A table document needs at least one column.")
    workbook = Workbook()
    ws = workbook.worksheets[0]
    ws.title = _sheet_title(doc)

    widths = column_widths_mm(doc.columns, content_width_mm(landscape=doc.landscape))
    for index, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(index)].width = _excel_width(width)
    sheet = _Sheet(ws, widths)
    full = (1, len(doc.columns))

    header = header_lines(doc.header)
    sheet.blocks(
        [(line, _font(SIZE_HEADER)) for line in header.parent_lines]
        + [(line, _font(SIZE_HEADER, bold=True)) for line in header.issuing_lines],
        [
            (header.national_name, _font(SIZE_HEADER, bold=True)),
            (header.motto, _font(SIZE_BODY, bold=True, underline=True)),
        ],
    )
    sheet.blocks(
        [(header.number, _font(SIZE_HEADER))],
        [(header.date, _font(SIZE_BODY, italic=True))],
    )
    sheet.row += 1
    if header.document_type:
        sheet.put(sheet.row, full, header.document_type, _font(SIZE_BODY, bold=True))
        sheet.row += 1
    for line in header.summary_lines:
        sheet.put(sheet.row, full, line, _font(SIZE_BODY, bold=True))
        sheet.row += 1
    sheet.row += 1
    for item in doc.intro_paragraphs:
        sheet.paragraph(item)

    head_row = sheet.row
    for index, column in enumerate(doc.columns, 1):
        cell = ws.cell(row=head_row, column=index, value="\n".join(text_lines(column.title)))
        cell.font = _font(SIZE_TABLE, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = GRID
        number = ws.cell(row=head_row + 1, column=index, value=f"({index})")
        number.font = _font(SIZE_TABLE - 1, italic=True)
        number.alignment = Alignment(horizontal="center", vertical="center")
        number.border = GRID
    sheet.row = head_row + 2

    for record in doc.rows:
        for index, column in enumerate(doc.columns, 1):
            value = _value(record.get(column.key))
            cell = ws.cell(row=sheet.row, column=index, value=value)
            cell.font = _font(SIZE_TABLE)
            cell.border = GRID
            cell.alignment = Alignment(
                horizontal=Align(column.align).value, vertical="top", wrap_text=True
            )
            if isinstance(value, datetime):
                cell.number_format = DATETIME_FORMAT
            elif isinstance(value, date):
                cell.number_format = DATE_FORMAT
        sheet.row += 1
    ws.freeze_panes = f"A{head_row + 2}"

    sheet.row += 1
    for item in doc.closing_paragraphs:
        sheet.paragraph(item)
    _closing(sheet, doc)
    _print_setup(ws, doc, head_row)

    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _closing(sheet: _Sheet, doc: TableDocument) -> None:
    left: list[tuple[str, Font]] = []
    if doc.recipients:
        left.append((RECIPIENTS_LABEL, _font(SIZE_RECIPIENTS_LABEL, bold=True, italic=True)))
        left += [(f"- {nfc(r)}", _font(SIZE_RECIPIENTS)) for r in doc.recipients]
    right: list[tuple[str, Font]] = []
    if doc.signer:
        right += [(line, _font(SIZE_BODY, bold=True)) for line in signer_heading(doc.signer)]
        if doc.signer.note:
            right.append((nfc(doc.signer.note), _font(SIZE_BODY, italic=True)))
        right += [("", _font(SIZE_BODY))] * 3  # room for the signature and the seal
        right.append((nfc(doc.signer.name), _font(SIZE_BODY, bold=True)))
    if not (left or right):
        return
    sheet.row += 1
    if sheet.left == sheet.right:
        sheet.blocks(left, right)
        return
    # Recipients are left-aligned, the signer is centred on the right.
    for i in range(max(len(left), len(right))):
        if i < len(left):
            sheet.put(sheet.row, sheet.left, left[i][0], left[i][1], align="left")
        if i < len(right) and right[i][0]:
            sheet.put(sheet.row, sheet.right, right[i][0], right[i][1])
        sheet.row += 1


def _print_setup(ws: Worksheet, doc: TableDocument, head_row: int) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if doc.landscape else "portrait"
    ws.page_margins = PageMargins(
        left=MARGIN_LEFT_MM / MM_PER_INCH,
        right=MARGIN_RIGHT_MM / MM_PER_INCH,
        top=MARGIN_TOP_MM / MM_PER_INCH,
        bottom=MARGIN_BOTTOM_MM / MM_PER_INCH,
        header=8 / MM_PER_INCH,
        footer=8 / MM_PER_INCH,
    )
    # One page wide, as many pages long as it takes; the head printed on each page.
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = f"{head_row}:{head_row + 1}"
    # The page number centred in the top margin, from the second page.
    ws.HeaderFooter.differentFirst = True
    ws.oddHeader.center.text = "&P"
    ws.oddHeader.center.font = f"{OFFICE_FONT},Regular"
    ws.oddHeader.center.size = SIZE_HEADER
