"""Vietnam's public holidays and announced day swaps, for officials and public employees.

Two sources, no database:

- the fixed holidays of the Labour Code 2019 Điều 112 (1/1; Tết Âm lịch, 5 days;
  Giỗ Tổ Hùng Vương 10/3 âm lịch; 30/4; 1/5; 2/9 and one adjacent day since 2021),
  with the compensatory days of Điều 111 khoản 3 when a holiday falls on a weekend,
  as computed by the ``holidays`` package (which knows the lunar calendar);
- ``ANNOUNCED_SWAPS``: the swaps the Government announces each year for offices
  that rest on Saturday and Sunday — a weekday off, worked back on a Saturday.
  Each row carries its source. For the years outside this table, the swaps the
  ``holidays`` package knows are used (its day off names the Saturday it replaces).

``load_holidays`` copies these days into ``CalendarDay`` rows, which an
administrator can then correct; ``vietnam_year_days`` is also the fallback of the
working calendar for years that have no rows.
"""

import re
from dataclasses import dataclass
from datetime import date

import holidays

from qsdp.core.calendar import YearDays

HOLIDAY = "holiday"
MAKEUP_WORKDAY = "makeup_workday"

# (from year, holidays article, compensatory-day clause): the Labour Code in force.
LABOUR_CODES: tuple[tuple[int, str, str], ...] = (
    (2013, "Bộ luật Lao động 2012 Điều 115", "Bộ luật Lao động 2012 Điều 115 khoản 3 (nghỉ bù)"),
    (2021, "Bộ luật Lao động 2019 Điều 112", "Bộ luật Lao động 2019 Điều 111 khoản 3 (nghỉ bù)"),
)

# Left out of the holidays the package gives: Ngày Văn hóa Việt Nam (24/11) is a
# Politburo decision (Resolution 80-NQ/TW) awaiting an amendment of the Labour Code
# Điều 112 (Government Resolution 30/NQ-CP, reported 26/02/2026 by
# https://vneconomy.vn/bo-sung-ngay-van-hoa-viet-nam-2411-vao-danh-muc-ngay-nghi-huong-nguyen-luong.htm).
# Add it as a CalendarDay row once the amendment is in force.
NOT_YET_IN_FORCE = ("Ngày Văn hóa Việt Nam",)


@dataclass(frozen=True)
class Swap:
    """A weekday given off, worked back on a Saturday (officials and public employees)."""

    day_off: date
    makeup_workday: date
    occasion: str
    basis: str
    source: str


# The years whose swaps this table settles (2023 had none: its long breaks came
# from compensatory days alone — Tết 20–26/01, 29/04–03/05, 01–04/09/2023).
ANNOUNCED_YEARS = frozenset({2023, 2024, 2025, 2026})

ANNOUNCED_SWAPS: tuple[Swap, ...] = (
    Swap(
        date(2024, 4, 29),
        date(2024, 5, 4),
        "30/4–1/5/2024",
        "Công văn 2450/VPCP-KGVX ngày 12/4/2024",
        # Confirmed: https://baophapluat.vn/media/thu-tuong-chinh-phu-dong-y-nghi-5-ngay-lien-tiep-dip-304-va-15-post12513.html
        # and https://baotintuc.vn/infographics/ngay-nghi-le-dip-gio-to-hung-vuong-va-304-152024-20240412212054381.htm
        "baophapluat.vn, baotintuc.vn (12/4/2024)",
    ),
    Swap(
        date(2025, 5, 2),
        date(2025, 4, 26),
        "30/4–1/5/2025",
        "Thông báo của Bộ LĐ-TB&XH về lịch nghỉ năm 2025",
        # Confirmed: VietnamPlus, https://www.vietnamplus.vn/cong-chuc-vien-chuc-duoc-nghi-the-nao-trong-dip-le-304-152025-post1033115.vnp
        # (as quoted by tracuuquyhoach.com).
        "vietnamplus.vn",
    ),
    Swap(
        date(2026, 1, 2),
        date(2026, 1, 10),
        "Tết Dương lịch 2026",
        "Công văn 12729/VPCP-KGVX ngày 25/12/2025",
        # Confirmed by a copy of the press report (collector.com.tr/965292743): the
        # Deputy Prime Minister agreed to the Ministry of Home Affairs' proposal.
        "báo chí ngày 25/12/2025 (bản sao)",
    ),
    Swap(
        date(2026, 8, 31),
        date(2026, 8, 22),
        "Quốc khánh 2/9/2026",
        "chưa xác nhận được văn bản",
        # NOT confirmed by our own search: taken from the `holidays` package, which
        # cites a thuvienphapluat.vn Q&A on the 2026 National Day schedule.
        "thư viện holidays (chưa xác nhận)",
    ),
)

_SUBSTITUTED = re.compile(r"thay cho ngày (\d{2})/(\d{2})/(\d{4})")


@dataclass(frozen=True)
class CalendarEntry:
    day: date
    kind: str
    name: str
    basis: str


def _package_days(year: int) -> list[tuple[date, str]]:
    days = holidays.country_holidays("VN", years=year, language="vi")
    return sorted((day, str(name)) for day, name in days.items() if day.year == year)


def vietnam_calendar_entries(year: int) -> list[CalendarEntry]:
    """Every holiday and make-up working day of ``year``, sorted by day."""
    package = f"thư viện holidays {holidays.__version__}"
    code = next((row for row in reversed(LABOUR_CODES) if row[0] <= year), LABOUR_CODES[0])
    entries: dict[date, CalendarEntry] = {}
    for day, name in _package_days(year):
        if any(excluded in name for excluded in NOT_YET_IN_FORCE):
            continue
        substituted = _SUBSTITUTED.search(name)
        if substituted:
            if year in ANNOUNCED_YEARS:
                continue  # the announced table below settles these years
            d, m, y = (int(g) for g in substituted.groups())
            entries[day] = CalendarEntry(day, HOLIDAY, name, package)
            entries[date(y, m, d)] = CalendarEntry(
                date(y, m, d), MAKEUP_WORKDAY, f"Làm bù cho ngày {day:%d/%m/%Y}", package
            )
            continue
        basis = code[2] if "nghỉ bù" in name else code[1]
        entries[day] = CalendarEntry(day, HOLIDAY, name, f"{basis}; {package}")
    for swap in ANNOUNCED_SWAPS:
        if swap.day_off.year == year:
            entries[swap.day_off] = CalendarEntry(
                swap.day_off,
                HOLIDAY,
                f"Nghỉ hoán đổi dịp {swap.occasion} (làm bù {swap.makeup_workday:%d/%m/%Y})",
                f"{swap.basis}; nguồn: {swap.source}",
            )
        if swap.makeup_workday.year == year:
            entries[swap.makeup_workday] = CalendarEntry(
                swap.makeup_workday,
                MAKEUP_WORKDAY,
                f"Làm bù cho ngày {swap.day_off:%d/%m/%Y} (dịp {swap.occasion})",
                f"{swap.basis}; nguồn: {swap.source}",
            )
    return [entries[day] for day in sorted(entries) if day.year == year]


def vietnam_year_days(year: int) -> YearDays:
    """The days off and make-up working days of ``year`` (the calendar's fallback)."""
    entries = vietnam_calendar_entries(year)
    return (
        frozenset(e.day for e in entries if e.kind == HOLIDAY),
        frozenset(e.day for e in entries if e.kind == MAKEUP_WORKDAY),
    )
