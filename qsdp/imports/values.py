"""Cell values as officials type them → typed fields, with per-cell errors."""

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from typing import Any

from django.db import models
from django.utils import translation
from django.utils.translation import gettext as _

from qsdp.core.text import fold, nfc_repeated
from qsdp.imports.columns import FIELD_LABELS, KIND_FIELDS
from qsdp.imports.errors import ImportErrorCode as Code
from qsdp.imports.parsing import Column, ParsedRow
from qsdp.militia.models import MilitiaTypeChoices, Position
from qsdp.people.choices import Ethnicity, Religion
from qsdp.reserves.models import Rank, Source

_DATE = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$")
_YEAR = re.compile(r"^(\d{4})(?:\.0)?$")
_EXPONENT = re.compile(r"\d+(?:E\+\d+)?", re.IGNORECASE)
_TWELVE_DIGITS = re.compile(r"\d{12}")
_GRADE = re.compile(r"^(\d{1,2})(?:\s*/\s*(?:10|12))?$")
_EXCEL_EPOCH = date(1899, 12, 30)


@dataclass(frozen=True)
class CellError:
    row: int
    column: str
    code: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "code": self.code, "message": self.message}


_fold_word = lru_cache(maxsize=65536)(fold)


def fold_name(text: str) -> str:
    """``fold(text)``, one word at a time from a cache: a file's names share
    few words, and folding is most of a row's cost."""
    return " ".join([w for w in map(_fold_word, text.split()) if w])


@dataclass(slots=True)
class RowValues:
    number: int
    values: dict[str, Any] = field(default_factory=dict)
    errors: list[CellError] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # field → header as written

    def error(self, name: str, code: Code | str, message: str) -> None:
        code_value = code.value if isinstance(code, Code) else code
        header = self.columns.get(name) or str(FIELD_LABELS.get(name, name))
        self.errors.append(CellError(self.number, header, code_value, str(message)))


def as_date(value: Any) -> date | int | None:
    """A date, a year alone (int), or None for an empty cell; ValueError otherwise."""
    if value in ("", None):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float):
        number = int(value)
        if 1900 <= number <= 2100 and number == value:
            return number  # a year typed as a number
        if 1 <= number < 80000:  # an Excel serial date kept as a number
            return _EXCEL_EPOCH + timedelta(days=number)
        raise ValueError(value)
    text = str(value).strip()
    if match := _DATE.match(text):
        day, month, year = (int(g) for g in match.groups())
        return date(year, month, day)
    if match := _ISO.match(text):
        year, month, day = (int(g) for g in match.groups())
        return date(year, month, day)
    if match := _YEAR.match(text):
        return int(match.group(1))
    raise ValueError(value)


_date = lru_cache(maxsize=65536, typed=True)(as_date)


def as_national_id(value: Any) -> str:
    """The CCCD as 12 digits when Excel dropped its leading zeros (every
    province code starts with 0, so a stored number has 10 or 11 digits)."""
    if value in ("", None):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        text = str(value)  # a number kept as a number: digits only
    else:
        text = "".join(str(value).split()).replace(".", "").replace("'", "")
        if "E" in text.upper() and _EXPONENT.fullmatch(text):
            text = str(int(float(str(value))))
    if text.isdigit() and 10 <= len(text) < 12:
        text = text.zfill(12)
    return text


@cache
def _vi_labels(choices: type[models.Choices]) -> dict[str, str]:
    with translation.override("vi"):
        table = {fold(str(label)): str(value) for value, label in choices.choices}
    table.update({fold(str(value)): str(value) for value in choices.values})
    return table


def as_choice(
    choices: type[models.Choices], value: Any, *, extra: dict[str, str] | None = None
) -> str:
    """The value whose Vietnamese label (or value) is typed, loosely: "Cơ động"
    finds "Dân quân cơ động"."""
    key = fold(str(value))
    table = {**_vi_labels(choices), **(extra or {})}
    if key in table:
        return table[key]
    found = {v for label, v in table.items() if key and (key in label or label in key)}
    if len(found) == 1:
        return found.pop()
    raise ValueError(value)


_SEX = {"nam": "male", "nu": "female", "male": "male", "female": "female", "x": ""}
_RELIGION: dict[str, str] = {
    "khong": Religion.NONE, "": Religion.NONE, "phat giao": Religion.BUDDHISM,
    "phat": Religion.BUDDHISM, "thien chua": Religion.CATHOLICISM,
    "cong giao": Religion.CATHOLICISM, "tin lanh": Religion.PROTESTANTISM,
}  # fmt: skip


def _text(row: RowValues, cells: dict[str, Any], name: str) -> str:
    value = cells.get(name)
    if value is None or value == "":  # most registers leave most columns out
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return nfc_repeated(str(value))


@lru_cache(maxsize=65536)
def _name(name: str) -> tuple[int, dict[str, str]]:
    """How many words the name has, and its fields (family, middle and given
    names when there are two words or more; the search name always)."""
    parts = name.split()
    fields = {"full_name": name, "search_name": fold_name(name)}
    if len(parts) >= 2:
        fields.update(family_name=parts[0], middle_name=" ".join(parts[1:-1]), given_name=parts[-1])
    return len(parts), fields


def _person(row: RowValues, cells: dict[str, Any]) -> None:
    words, fields = _name(_text(row, cells, "full_name"))
    if not words:
        row.error("full_name", Code.REQUIRED, _("The full name is missing."))
    elif words < 2:
        row.error("full_name", Code.NAME_INCOMPLETE, _("Write the family name and the given name."))
    row.values.update(fields)
    sex = ""
    birth: Any = None
    birth_column = "birth_date"
    for key, column_sex in (("birth_date_male", "male"), ("birth_date_female", "female")):
        if cells.get(key, "") not in ("", None):
            birth, sex, birth_column = cells[key], column_sex, key
    if "birth_date" in cells:
        birth = cells["birth_date"]
    try:
        parsed = _date(birth)
    except ValueError:
        row.error(
            birth_column,
            Code.DATE_INVALID,
            _("“%(value)s” is not a date: write it as dd/mm/yyyy.") % {"value": birth},
        )
        parsed = None
    else:
        if parsed is None:
            row.error(birth_column, Code.REQUIRED, _("The date of birth is missing."))
    row.values["birth_date"] = parsed
    row.values["birth_column"] = birth_column
    national_id = as_national_id(cells.get("national_id", ""))
    row.values["national_id"] = national_id
    typed_sex = _text(row, cells, "sex")
    typed_sex = fold_name(typed_sex) if typed_sex else ""
    if typed_sex:
        if typed_sex not in _SEX:
            row.error("sex", Code.SEX_UNKNOWN, _("Write the sex as “Nam” or “Nữ”."))
        sex = _SEX.get(typed_sex, "") or sex
    if not sex and _TWELVE_DIGITS.fullmatch(national_id):
        sex = "female" if int(national_id[3]) % 2 else "male"  # the CCCD's fourth digit
    if not sex and not typed_sex:
        row.error(
            "sex",
            Code.SEX_UNKNOWN,
            _("The sex is not given: add a “Giới tính” column or the citizen ID."),
        )
    row.values["sex"] = sex
    for key, choices, extra, default in (
        ("ethnicity", Ethnicity, None, "01"),
        ("religion", Religion, _RELIGION, Religion.NONE.value),
    ):
        typed = _text(row, cells, key)
        try:
            row.values[key] = as_choice(choices, typed, extra=extra) if typed else default
        except ValueError:
            row.error(
                key, Code.CHOICE_UNKNOWN, _("“%(value)s” is not in the list.") % {"value": typed}
            )
    education = _text(row, cells, "education")
    grade = _GRADE.match(education)
    row.values["education_grade"] = int(grade.group(1)) if grade else None
    if education and not grade:
        row.error(
            "education",
            Code.NUMBER_INVALID,
            _("Write the education grade as a number such as 9/12 or 12/12."),
        )
    for key in ("occupation", "workplace", "address"):
        row.values[key] = _text(row, cells, key)
    phone = _text(row, cells, "phone")
    if phone.isdigit() and len(phone) == 9:
        phone = "0" + phone  # a number that lost its leading zero
    row.values["phone"] = phone


def _required_date(row: RowValues, cells: dict[str, Any], name: str) -> None:
    raw = cells.get(name, "")
    try:
        value = as_date(raw)
    except ValueError:
        value = None
        row.error(
            name,
            Code.DATE_INVALID,
            _("“%(value)s” is not a date: write it as dd/mm/yyyy.") % {"value": raw},
        )
    else:
        if value is None:
            row.error(name, Code.REQUIRED, _("This date is missing."))
        elif isinstance(value, int):
            value = None
            row.error(name, Code.DATE_INVALID, _("Write the full date, not only the year."))
    row.values[name] = value


def _choice(
    row: RowValues,
    cells: dict[str, Any],
    name: str,
    choices: type[models.Choices],
    default: str | None,
) -> None:
    typed = _text(row, cells, name)
    if not typed:
        if default is None:
            row.error(name, Code.REQUIRED, _("This value is missing."))
        row.values[name] = default or ""
        return
    try:
        row.values[name] = as_choice(choices, typed)
    except ValueError:
        row.values[name] = ""
        row.error(
            name, Code.CHOICE_UNKNOWN, _("“%(value)s” is not in the list.") % {"value": typed}
        )


def _number(row: RowValues, cells: dict[str, Any], name: str) -> None:
    typed = _text(row, cells, name)
    try:
        row.values[name] = int(float(typed.replace(",", "."))) if typed else None
    except ValueError:
        row.values[name] = None
        row.error(name, Code.NUMBER_INVALID, _("“%(value)s” is not a number.") % {"value": typed})


def column_headers(columns: list[Column]) -> dict[str, str]:
    """Cell name → header as written, shared by every row of a file."""
    return {column.key: column.header for column in columns}


@cache
def _field_names(kind: str) -> frozenset[str]:
    return frozenset(f.name for f in KIND_FIELDS[kind])


def row_values(kind: str, parsed: ParsedRow, headers: dict[str, str]) -> RowValues:
    """The typed fields of one row for ``kind``, with what is wrong in it."""
    row = RowValues(parsed.number)
    row.columns = headers
    cells = parsed.cells
    _person(row, cells)
    if "registered_on" in _field_names(kind):
        _required_date(row, cells, "registered_on")
    if kind == "reservists":
        _choice(row, cells, "source", Source, None)
        _choice(row, cells, "rank", Rank, "")
        _number(row, cells, "active_service_months")
        _number(row, cells, "health_class")
        row.values["specialty_code"] = _text(row, cells, "specialty_code")
        row.values["specialty_name"] = _text(row, cells, "specialty_name")
    if kind == "militia":
        _choice(row, cells, "militia_type", MilitiaTypeChoices, None)
        _choice(row, cells, "position", Position, Position.MEMBER.value)
        _required_date(row, cells, "term_start")
    return row
