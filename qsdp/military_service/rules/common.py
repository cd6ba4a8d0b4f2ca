"""What every military-service rule shares: ages, dates, legal citations, results."""

from dataclasses import dataclass, fields
from datetime import date
from enum import Enum, StrEnum
from typing import Any, ClassVar, TypeVar

T = TypeVar("T")

LAW = "Luật NVQS 2015"  # Luật Nghĩa vụ quân sự 78/2015/QH13 as amended (48/2019, 98/2025)

POINT_LETTERS = ("a", "b", "c", "d", "đ", "e", "g", "h", "i", "k")


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"


def legal_point(article: int, clause: int | None = None, point: str | None = None) -> str:
    """``Điều 41 khoản 1 điểm a``: the way the checker and the documents cite the law."""
    if point is not None and point not in POINT_LETTERS:
        raise ValueError(f"not a point letter: {point}")
    text = f"Điều {article}"
    if clause is not None:
        text += f" khoản {clause}"
    if point is not None:
        text += f" điểm {point}"
    return text


def law(*points: str) -> str:
    """``Luật NVQS 2015 Điều 30, Điều 6 khoản 2``."""
    return f"{LAW} {', '.join(points)}"


def anniversary(birth_date: date, years: int) -> date:
    """The ``years``-th birthday; a 29 February birthday falls on 1 March in other years."""
    year = birth_date.year + years
    try:
        return birth_date.replace(year=year)
    except ValueError:  # 29 February in a non-leap year
        return date(year, 3, 1)


def age_on(birth_date: date, on: date) -> int:
    """Full years of age on ``on`` ("đủ N tuổi" from the Nth birthday on)."""
    age = on.year - birth_date.year
    if anniversary(birth_date, age) > on:
        age -= 1
    return age


def vn_date(day: date) -> str:
    """``30/09/2006``, the way Vietnamese documents write a date."""
    return day.strftime("%d/%m/%Y")


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


@dataclass(frozen=True, kw_only=True)
class RuleResult:
    """Base of the results: ``as_dict()`` gives the RULES.md JSON.

    Fields named in ``_omit_when_none`` are left out of the JSON when they are
    ``None`` (keys RULES.md gives only in some cases); other ``None`` become null.
    """

    legal_basis: str
    explanation: str

    _omit_when_none: ClassVar[tuple[str, ...]] = ()

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            if f.name in ("legal_basis", "explanation"):
                continue
            value = getattr(self, f.name)
            if value is None and f.name in self._omit_when_none:
                continue
            out[f.name] = _plain(value)
        out["legal_basis"] = self.legal_basis
        out["explanation"] = self.explanation
        return out


def in_force(table: tuple[tuple[date, T], ...], on: date) -> T:
    """The value of an effective-dated ``(valid_from, value)`` table on ``on``.

    Before the first row the first row applies (the rules do not model older law).
    """
    value = table[0][1]
    for valid_from, row_value in table:
        if valid_from <= on:
            value = row_value
    return value
