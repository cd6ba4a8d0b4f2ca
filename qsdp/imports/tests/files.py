"""Builders of register files as officials keep them, for tests and the benchmark:
title rows, a merged two-row header, a row of column numbers, CCCDs stored as
numbers (leading zero lost), dates as text or Excel dates, blank rows, a
signature block; optionally NFD text or a legacy font encoding."""

import csv
import random
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from qsdp.imports import legacy

FAMILY = ["Nguyễn", "Trần", "Hoàng", "Đặng", "Lương", "Nông", "Hà", "Lý", "Triệu", "Phùng"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quang", "Thu", "Hữu", "Ngọc"]
GIVEN = ["Đạt", "Hồng", "Hùng", "Dũng", "Hương", "Tuấn", "Lực", "Nguyệt", "Thắng", "Việt"]
VILLAGES = ["Thôn Nà Pài", "Thôn Bản Pèn", "Thôn Khuổi Mật", "Tổ 7"]


@dataclass
class PersonRow:
    full_name: str
    birth: Any  # a date, a year (int) or a text as typed
    sex: str  # "Nam"/"Nữ"
    national_id: str  # 12 digits, or "" when unknown
    address: str = "Thôn Nà Pài"
    extra: tuple[Any, ...] = ()  # the cells of the register's own columns


def cccd(born: date, sex: str, serial: int) -> str:
    digit = (born.year // 100 - 19) * 2 + (1 if sex == "Nữ" else 0)
    return f"006{digit}{born.year % 100:02d}{serial:06d}"


def people(
    count: int, *, seed: int = 7, start_serial: int = 1, born_from: date = date(1975, 1, 1)
) -> list[PersonRow]:
    """``count`` people born in the 30 years from ``born_from``."""
    rng = random.Random(seed)
    rows = []
    for index in range(count):
        sex = "Nữ" if index % 3 == 0 else "Nam"
        middle = "Thị" if sex == "Nữ" else rng.choice([m for m in MIDDLE if m != "Thị"])
        born = born_from + timedelta(days=rng.randrange(0, 365 * 30))
        rows.append(
            PersonRow(
                full_name=f"{rng.choice(FAMILY)} {middle} {rng.choice(GIVEN)}",
                birth=born,
                sex=sex,
                national_id=cccd(born, sex, start_serial + index),
                address=rng.choice(VILLAGES),
            )
        )
    return rows


def _tcvn3_table() -> dict[str, str]:
    table = {letter: legacy._cp1252_char(b) for b, letter in legacy._TCVN3_LOWER.items()}
    table.update({letter: legacy._cp1252_char(b) for b, letter in legacy._TCVN3_UPPER.items()})
    return table


def to_tcvn3(text: str) -> str:
    """Unicode → TCVN3 as typed: all-caps words in the capitals font (.VnTimeH),
    which uses the lower-case bytes."""
    table = _tcvn3_table()
    out = []
    for word in text.split(" "):
        capitals = word.isupper()
        out.append(
            "".join(
                table.get(ch.lower() if capitals and ch.lower() in table else ch, ch)
                for ch in unicodedata.normalize("NFC", word)
            )
        )
    return " ".join(out)


def to_vni(text: str) -> str:
    inverse: dict[str, str] = {}
    for seq, letter in sorted(legacy._VNI.items(), key=lambda item: len(item[0])):
        if seq == seq.upper() or seq == seq.lower():
            inverse.setdefault(letter, seq)
    return "".join(inverse.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def _encode(value: Any, encoding: str, nfd: bool) -> Any:
    if not isinstance(value, str):
        return value
    if encoding == legacy.TCVN3:
        return to_tcvn3(value)
    if encoding == legacy.VNI:
        return to_vni(value)
    return unicodedata.normalize("NFD", value) if nfd else value


HEADERS = {
    "people": [],
    "military_service": ["Ngày đăng ký"],
    "reservists": ["Ngày đăng ký", "Nguồn", "Số tháng tại ngũ", "Cấp bậc"],
    "militia": ["Loại dân quân", "Ngày vào dân quân", "Chức vụ"],
}


def _title_rows(kind: str) -> list[list[Any]]:
    return [
        ["UBND XÃ DƯƠNG QUANG", "", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["BAN CHỈ HUY QUÂN SỰ", "", "", "Độc lập - Tự do - Hạnh phúc"],
        [],
        ["DANH SÁCH CÔNG DÂN NĂM 2023"],
        [],
    ]


def register_table(
    rows: list[PersonRow], kind: str = "people", *, date_as_text: bool = True
) -> list[list[Any]]:
    """The sheet's cells, row by row, header on sheet rows 6–7 (merged)."""
    extra = HEADERS[kind]
    top = ["STT", "Họ và tên", "Ngày, tháng, năm sinh", "", "Số định danh", "Nơi cư trú", *extra]
    sub = ["", "", "Nam", "Nữ", "", "", *[""] * len(extra)]
    numbers = [f"({n})" for n in range(1, len(top) + 1)]
    table: list[list[Any]] = [*_title_rows(kind), top, sub, numbers]
    for index, row in enumerate(rows, start=1):
        birth = row.birth
        if isinstance(birth, date) and date_as_text:
            birth = birth.strftime("%d/%m/%Y")
        male, female = (birth, "") if row.sex == "Nam" else ("", birth)
        number: Any = int(row.national_id) if row.national_id.isdigit() else row.national_id
        table.append([index, row.full_name, male, female, number, row.address, *row.extra])
        if index % 7 == 0:
            table.append([])  # officials leave blank rows
    table += [
        [],
        ["", "", "", "", "Dương Quang, ngày 15 tháng 01 năm 2023"],
        ["", "Người lập biểu", "", "", "CHỈ HUY TRƯỞNG"],
        ["", "(Ký, ghi rõ họ tên)"],
        ["", "Hoàng Văn Lực", "", "", "Triệu Quang Minh"],
    ]
    return table


def write_xlsx(
    path: Path, rows: list[PersonRow], kind: str = "people", *, encoding: str = "unicode",
    nfd: bool = False, date_as_text: bool = True,
) -> Path:  # fmt: skip
    workbook = Workbook()
    sheet = workbook.active
    table = register_table(rows, kind, date_as_text=date_as_text)
    for cells in table:
        sheet.append([_encode(v, encoding, nfd) for v in cells])
    # The header as on paper: name, number and address over two rows, the birth
    # date over its Nam/Nữ columns.
    for column in ("A", "B", "E", "F"):
        sheet.merge_cells(f"{column}6:{column}7")
    sheet.merge_cells("C6:D6")
    sheet.merge_cells("A4:F4")
    workbook.save(path)
    return path


def write_csv(
    path: Path, rows: list[PersonRow], kind: str = "people", *, encoding: str = "unicode"
) -> Path:
    table = register_table(rows, kind)
    table[5][3] = "Ngày, tháng, năm sinh"  # a CSV has no merged cells
    text_encoding = "utf-8-sig" if encoding == "unicode" else "cp1252"
    with path.open("w", newline="", encoding=text_encoding) as handle:
        writer = csv.writer(handle)
        for cells in table:
            writer.writerow([_encode(v, encoding, False) for v in cells])
    return path


def write_big_xlsx(path: Path, count: int, *, born_from: date = date(1975, 1, 1)) -> Path:
    """A province-sized people file (write-only, so building it stays fast)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    table = register_table(people(count, seed=11, start_serial=100000, born_from=born_from))
    table[5][3] = "Ngày, tháng, năm sinh"  # write-only sheets cannot merge cells
    for cells in table:
        sheet.append(cells)
    workbook.save(path)
    return path
