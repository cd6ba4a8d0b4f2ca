"""The dashboard of a unit for a year: every indicator against its target,
grouped by area; the ranking of the unit's children for one indicator; the
main indicators over the last years; and the records behind any number.

Everything is read from ``indicator_table`` (every indicator of the unit, and
of each child the ranked one only: a fixed number of queries per child, never a
query per record) and ``compute`` for the earlier years of the unit alone.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet
from django.utils.functional import Promise

from qsdp.accounts.models import User
from qsdp.accounts.scoping import scope_for
from qsdp.core.audit import record_access
from qsdp.military_service.indicators import IndicatorValue
from qsdp.orgunits.models import OrgUnit
from qsdp.reporting.drilldown import DRILLDOWNS, Part, Row, drilldown
from qsdp.reporting.gather import compute, indicator_functions
from qsdp.reporting.registry import INDICATOR_DEFS, IndicatorDef, defs_by_area
from qsdp.reporting.selectors.indicators import (
    NOT_REPORTING_KINDS,
    IndicatorTable,
    indicator_table,
    reporting_unit_get,
    targets_for,
)

YEARS_BACK = 4  # the year on year view: the year and the three before it
# The indicators followed year on year: one share per area of the work.
MAIN_CODES = (
    "call_up.fulfilment_pct",
    "first_registration.registered_pct",
    "reserves.arranged_pct",
    "training.pass_pct",
    "readiness_duty.days_covered_pct",
)
DEFAULT_RANKING = "call_up.fulfilment_pct"


def met(
    definition: IndicatorDef, value: Decimal | int | None, target: Decimal | None
) -> bool | None:
    """Whether ``value`` reaches ``target`` in the indicator's good direction;
    None when either is missing."""
    if value is None or target is None:
        return None
    return value >= target if definition.higher_is_better else value <= target


@dataclass(frozen=True)
class IndicatorRow:
    definition: IndicatorDef
    value: IndicatorValue
    target: Decimal | None

    @property
    def code(self) -> str:
        return self.definition.code

    @property
    def met(self) -> bool | None:
        return met(self.definition, self.value.value, self.target)

    @property
    def has_drilldown(self) -> bool:
        return self.code in DRILLDOWNS


@dataclass(frozen=True)
class AreaGroup:
    label: Promise
    rows: list[IndicatorRow]


@dataclass(frozen=True)
class RankedUnit:
    rank: int  # tied units share a rank (1, 1, 3)
    unit: OrgUnit
    value: IndicatorValue
    target: Decimal | None
    met: bool | None


@dataclass(frozen=True)
class Ranking:
    definition: IndicatorDef
    units: list[RankedUnit]


@dataclass(frozen=True)
class YearRow:
    definition: IndicatorDef
    values: list[tuple[int, IndicatorValue]]  # oldest year first


@dataclass(frozen=True)
class YearOnYear:
    years: list[int]
    rows: list[YearRow]


@dataclass(frozen=True)
class Dashboard:
    unit: OrgUnit
    year: int
    groups: list[AreaGroup]
    ranking: Ranking
    year_on_year: YearOnYear
    table: IndicatorTable


def dashboard_units(*, user: User) -> QuerySet[OrgUnit]:
    """The reporting units of the user's area (the unit picker)."""
    units = OrgUnit.objects.filter(scope_for(user).q("path"))
    return units.exclude(kind__in=NOT_REPORTING_KINDS).order_by("level", "name", "id")


def default_unit(*, user: User) -> OrgUnit | None:
    """The top unit of the user's area (a command's role: the area it serves)."""
    return dashboard_units(user=user).first()


def ranking_codes() -> list[str]:
    """The indicators a ranking may be asked for: those computed today."""
    return [code for code in INDICATOR_DEFS if code in indicator_functions()]


def _better(definition: IndicatorDef, a: Decimal | int, b: Decimal | int) -> bool:
    return a > b if definition.higher_is_better else a < b


def rank_children(definition: IndicatorDef, table: IndicatorTable) -> Ranking:
    """The children by ``definition``'s value, best first; a unit's rank is 1 +
    the units strictly better, so ties share it; units without a value last."""
    code = definition.code
    entries = [(child, child.values[code]) for child in table.children if code in child.values]
    known = [value.value for _child, value in entries if value.value is not None]
    units = []
    for child, value in entries:
        own = value.value
        better = len(known) if own is None else sum(_better(definition, k, own) for k in known)
        target = child.targets.get(code)
        units.append(
            RankedUnit(better + 1, child.unit, value, target, met(definition, own, target))
        )
    units.sort(key=lambda ranked: (ranked.rank, ranked.unit.name))
    return Ranking(definition, units)


def _year_on_year(unit: OrgUnit, year: int, current: dict[str, IndicatorValue]) -> YearOnYear:
    codes = [code for code in MAIN_CODES if code in indicator_functions()]
    years = list(range(year - YEARS_BACK + 1, year + 1))
    by_year = {y: compute(org_unit=unit, year=y, codes=codes) for y in years[:-1]}
    by_year[year] = current
    rows = [YearRow(INDICATOR_DEFS[code], [(y, by_year[y][code]) for y in years]) for code in codes]
    return YearOnYear(years, rows)


def dashboard_get(*, user: User, org_unit: OrgUnit, year: int, ranked: str = "") -> Dashboard:
    """The dashboard of ``org_unit`` (404 outside the user's scope) for ``year``,
    with the children ranked by ``ranked`` (the call-up by default): of the
    children, only that indicator is computed."""
    definition = INDICATOR_DEFS[ranked if ranked in ranking_codes() else DEFAULT_RANKING]
    table = indicator_table(user=user, org_unit=org_unit, year=year, child_codes=[definition.code])
    own = table.unit
    groups = [
        AreaGroup(
            label,
            [
                IndicatorRow(d, own.values[d.code], own.targets.get(d.code))
                for d in defs
                if d.code in own.values
            ],
        )
        for _area, label, defs in defs_by_area()
    ]
    return Dashboard(
        unit=own.unit,
        year=year,
        groups=[group for group in groups if group.rows],
        ranking=rank_children(definition, table),
        year_on_year=_year_on_year(own.unit, year, own.values),
        table=table,
    )


@dataclass(frozen=True)
class DrilldownPage:
    definition: IndicatorDef
    unit: OrgUnit
    year: int
    part: str
    parts: dict[str, Part]
    totals: dict[str, int]
    value: IndicatorValue
    target: Decimal | None


def drilldown_get(
    *, user: User, code: str, org_unit_pk: int, year: int, part: str
) -> DrilldownPage:
    """The records behind ``code`` of a unit in the user's scope (404 outside it,
    KeyError for a code without a drill-down)."""
    unit = reporting_unit_get(user=user, pk=org_unit_pk)
    parts = drilldown(code, org_unit=unit, year=year)
    value = compute(org_unit=unit, year=year, codes=[code])[code]
    return DrilldownPage(
        definition=INDICATOR_DEFS[code],
        unit=unit,
        year=year,
        part=part if part in parts else next(iter(parts)),
        parts=parts,
        totals={name: p.total() for name, p in parts.items()},
        value=value,
        target=targets_for(org_unit=unit, year=year).get(code),
    )


def drilldown_rows(*, user: User, page: DrilldownPage, items: list[object]) -> list[Row]:
    """The rows of one page of the chosen part; reading a sensitive field of a
    person (a health class) is logged, one entry per person shown."""
    part = page.parts[page.part]
    rows = [part.row(item) for item in items]
    if part.sensitive:
        for row in rows:
            if row.person is not None:
                record_access(
                    actor=user,
                    target=row.person,
                    fields=part.sensitive,
                    purpose=f"reporting.drilldown:{page.definition.code}",
                    person_id=row.person.pk,
                )
    return rows


__all__ = [
    "MAIN_CODES",
    "Dashboard",
    "DrilldownPage",
    "dashboard_get",
    "dashboard_units",
    "default_unit",
    "drilldown_get",
    "drilldown_rows",
    "met",
    "rank_children",
    "ranking_codes",
]
