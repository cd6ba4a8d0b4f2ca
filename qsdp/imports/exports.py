"""Streaming exports of lists to XLSX and CSV.

XLSX goes through openpyxl's write-only mode into a temporary file that is then
streamed (constant memory whatever the row count); CSV is written row by row
into the response, UTF-8 with a BOM so that Excel reads the diacritics. Text
cells that a spreadsheet would run as a formula are neutralised."""

import csv
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from django.http import FileResponse, StreamingHttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from qsdp.documents.http import CONTENT_TYPES, download_filenames

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class ExportColumn:
    header: str
    value: Callable[[Any], Any]
    width: int = 16


def neutralise(value: Any) -> Any:
    """A text a spreadsheet would read as a formula, made plain text (OWASP
    "CSV injection"): prefixed with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def _disposition(filename: str, extension: str) -> str:
    name, ascii_name = download_filenames(filename, "xlsx")
    name, ascii_name = name[:-5] + extension, ascii_name[:-5] + extension
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"


def _rows(columns: list[ExportColumn], objects: Iterable[Any]) -> Iterator[list[Any]]:
    for number, obj in enumerate(objects, start=1):
        yield [number, *(column.value(obj) for column in columns)]


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_response(
    *, title: str, columns: list[ExportColumn], objects: Iterable[Any], number_header: str
) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield "\ufeff"
        yield writer.writerow([number_header, *(c.header for c in columns)])
        for row in _rows(columns, objects):
            yield writer.writerow([neutralise(_cell_text(v)) for v in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = _disposition(title, ".csv")
    response["Cache-Control"] = "private, no-store"
    return response


def write_xlsx(
    handle: Any, *, title: str, columns: list[ExportColumn], objects: Iterable[Any],
    number_header: str, count: int,
) -> None:  # fmt: skip
    """A formatted sheet: bold shaded header, frozen under it, with filters."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31].replace("/", " ") or "Sheet")
    widths = [6, *(c.width for c in columns)]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(widths))
    sheet.auto_filter.ref = f"A1:{last}{count + 1}"
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    wrap = Alignment(wrap_text=True, vertical="center")
    header = []
    for text in [number_header, *(c.header for c in columns)]:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font, cell.fill, cell.alignment = bold, fill, wrap
        header.append(cell)
    sheet.append(header)
    for row in _rows(columns, objects):
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=neutralise(value))
            if isinstance(value, date):
                cell.number_format = "DD/MM/YYYY"
            cells.append(cell)
        sheet.append(cells)
    workbook.save(handle)


def xlsx_response(
    *, title: str, columns: list[ExportColumn], objects: Iterable[Any], number_header: str,
    count: int,
) -> FileResponse:  # fmt: skip
    handle = tempfile.TemporaryFile()  # noqa: SIM115 — the response closes (and so removes) it
    write_xlsx(
        handle, title=title, columns=columns, objects=objects, number_header=number_header,
        count=count,
    )  # fmt: skip
    handle.seek(0)
    response = FileResponse(handle, content_type=CONTENT_TYPES["xlsx"])
    response["Content-Disposition"] = _disposition(title, ".xlsx")
    response["Cache-Control"] = "private, no-store"
    return response
