"""Reading a register sheet as officials keep it: title rows above the table,
merged header cells, a row of column numbers, blank rows, a signature block
below, text in Unicode (NFC or NFD) or in a legacy font encoding.

``parse_file`` finds the header row by the register's column names, keeps the
sheet's own row numbers and the headers as written (converted to Unicode), and
returns the data rows as raw cell values; ``values`` turns them into fields.
"""

import csv
import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

from qsdp.core.text import fold
from qsdp.imports import legacy
from qsdp.imports.columns import IGNORED, KIND_FIELDS, SEX_SUBHEADERS, header_key, synonyms

HEADER_SEARCH_ROWS = 40
# Lines under the table: the place and date, the signers, a total.
_FOOTER = re.compile(
    r"^(nguoi lap|lap bieu|chi huy|xac nhan|t m|tm |tm\.|chu tich|truong ban|thu truong|"
    r"can bo|ky ten|tong cong|cong |ngay \S* thang|.*, ngay \S* thang \S* nam)"
)
_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")


@dataclass(frozen=True)
class Column:
    index: int
    field: str
    header: str  # as written in the file, in Unicode
    sex: str = ""  # "male"/"female" for a birth-date column under "Nam"/"Nữ"

    @property
    def key(self) -> str:
        """The cell's name in a row: the field, or the birth date of one sex."""
        return f"birth_date_{self.sex}" if self.sex else self.field


@dataclass(slots=True)
class ParsedRow:
    number: int  # the sheet's own row number
    cells: dict[str, Any] = field(default_factory=dict)  # Column.key → value


@dataclass
class ParsedFile:
    kind: str
    encoding: str
    columns: list[Column]
    rows: list[ParsedRow]
    header_row: int = 0  # 0 when no header was found
    missing: list[str] = field(default_factory=list)  # required fields with no column


def _csv_rows(path: Path) -> Iterator[list[Any]]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    yield from csv.reader(io.StringIO(text, newline=""), dialect)


def _sheet_rows(path: Path) -> list[list[Any]]:
    """The first sheet's rows from row 1 and column A, merged cells filled in."""
    workbook = CalamineWorkbook.from_path(str(path))
    try:
        sheet = workbook.get_sheet_by_index(0)
        top, left = sheet.start or (0, 0)
        pad = [""] * left
        rows: list[list[Any]] = [[] for _ in range(top)]
        values = sheet.to_python(skip_empty_area=False)
        rows += [pad + row for row in values] if left else values  # no copy when not needed
        for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or []:
            if r0 >= len(rows) or c0 >= len(rows[r0]):
                continue
            value = rows[r0][c0]
            for r in range(r0, min(r1, len(rows) - 1) + 1):
                row = rows[r]
                row.extend([""] * (c1 + 1 - len(row)))
                for c in range(c0, c1 + 1):
                    if row[c] in ("", None):
                        row[c] = value
        return rows
    finally:
        workbook.close()


def read_rows(path: Path) -> list[list[Any]]:
    if path.suffix.lower() == ".csv":
        return list(_csv_rows(path))
    return _sheet_rows(path)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _find_header(rows: list[list[Any]], kind: str, encoding: str) -> int | None:
    table = synonyms(kind)
    best, best_index = 1, None
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        keys = {header_key(legacy.to_unicode(_text(v), encoding)) for v in row}
        hits = len(keys & table.keys())
        if hits > best and "full_name" in {table.get(k) for k in keys}:
            best, best_index = hits, index
    return best_index


def _columns(
    header: list[Any], below: list[Any], kind: str, encoding: str
) -> tuple[list[Column], bool]:
    """The known columns, and whether ``below`` is a sub-header row."""
    table = synonyms(kind)
    columns: list[Column] = []
    seen: set[str] = set()
    sub_used = False
    width = max(len(header), len(below))
    for index in range(width):
        top = legacy.to_unicode(_text(header[index]) if index < len(header) else "", encoding)
        sub = legacy.to_unicode(_text(below[index]) if index < len(below) else "", encoding)
        name = table.get(header_key(top))
        sub_name = table.get(header_key(sub)) if sub and sub != top else None
        if name == "birth_date" and header_key(sub) in SEX_SUBHEADERS:
            sex = SEX_SUBHEADERS[header_key(sub)]
            columns.append(Column(index, name, f"{top} – {sub}", sex=sex))
            sub_used = True
            continue
        if sub_name and (name is None or name == sub_name or header_key(top) not in table):
            name, top = sub_name, sub
            sub_used = True
        if name and name not in seen and header_key(top) not in IGNORED:
            seen.add(name)
            columns.append(Column(index, name, top))
    # A header merged over two rows repeats in the second: that row is header too.
    repeated = sum(1 for v in below if header_key(legacy.to_unicode(_text(v), encoding)) in table)
    return columns, sub_used or repeated >= 2


def _is_column_numbers(row: list[Any]) -> bool:
    cells = [str(v).strip() for v in row if v not in ("", None)]
    return len(cells) >= 2 and all(_COLUMN_NUMBER.match(c.replace(".0", "")) for c in cells)


def _is_data(value: Any) -> bool:
    """A birth date or a CCCD, not the place-and-date line of the signatures."""
    if isinstance(value, str):
        return value[:1].isdigit()
    return value is not None


def _has_data(row: list[Any], indexes: list[int]) -> bool:
    width = len(row)
    return any(i < width and _is_data(row[i]) for i in indexes)


def _is_blank(row: list[Any]) -> bool:
    return all(v in ("", None) or (isinstance(v, str) and not v.strip()) for v in row)


def _is_footer(row: list[Any], encoding: str) -> bool:
    for value in row:
        text = _text(value)
        if text:
            return bool(_FOOTER.match(fold(legacy.to_unicode(text, encoding))))
    return False


def parse_rows(raw: list[list[Any]], kind: str) -> ParsedFile:
    encoding = legacy.detect(v for row in raw[:2000] for v in row if isinstance(v, str))
    start = _find_header(raw, kind, encoding)
    if start is None:
        return ParsedFile(kind, encoding, [], [])
    below = raw[start + 1] if start + 1 < len(raw) else []
    columns, sub_used = _columns(raw[start], below, kind, encoding)
    first = start + (2 if sub_used else 1)
    while first < len(raw) and _is_column_numbers(raw[first]):
        first += 1
    found = {c.field for c in columns}
    missing = [f.name for f in KIND_FIELDS[kind] if f.required and f.name not in found]
    rows: list[ParsedRow] = []
    name_index = next(c.index for c in columns if c.field == "full_name")
    # A row with a date of birth or a CCCD is data; only the others may be the
    # signature block (checking every row would fold every name).
    data_indexes = [c.index for c in columns if c.field in ("birth_date", "national_id")]
    convert = encoding != legacy.UNICODE
    places = [(c.key, c.index) for c in columns]
    normalize = unicodedata.normalize
    # A register's names, places and dates repeat: each distinct text is
    # converted once.
    texts: dict[str, str] = {}
    for index in range(first, len(raw)):
        row = raw[index]
        width = len(row)
        if not _has_data(row, data_indexes):
            if _is_blank(row):
                continue
            name = row[name_index] if name_index < width else ""
            footer = _is_footer(row, encoding) and not _is_column_numbers(row)
            if footer and (not _text(name) or _FOOTER.match(fold(_text(name)))):
                break
        cells: dict[str, Any] = {}
        filled = False
        for key, at in places:
            value = row[at] if at < width else ""
            if isinstance(value, str):
                text = texts.get(value)
                if text is None:
                    text = value.strip()
                    if convert:
                        text = legacy.to_unicode(text, encoding)
                    elif not text.isascii():
                        text = normalize("NFC", text)
                    texts[value] = text
                value = text
            if value not in ("", None):
                filled = True
            cells[key] = value
        if filled:  # not only a running number or a note
            rows.append(ParsedRow(index + 1, cells))
    return ParsedFile(kind, encoding, columns, rows, header_row=start + 1, missing=missing)


def parse_file(path: str | Path, kind: str) -> ParsedFile:
    """The data rows of the register sheet at ``path`` (XLSX, XLS or CSV)."""
    return parse_rows(read_rows(Path(path)), kind)
