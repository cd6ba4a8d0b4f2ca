"""The militia indicators of DESIGN.md for any org-unit subtree and year, with
aggregate queries (no per-person loops), in the shape of
``qsdp.military_service.indicators``.

- ``militia.count``: members of the militia on 31 December of the year (term
  started, not left), counted in the commune that recorded them.
- ``militia.population_pct``: those members per 100 people of the person
  register whose permanent residence lay in the subtree on 31 December (the
  register's population, not a census figure: see ``selectors.strength``).
"""

from collections.abc import Callable
from datetime import date

from qsdp.military_service.indicators import IndicatorValue, count_value, percent_value
from qsdp.militia.selectors.strength import militia_strength, register_population
from qsdp.orgunits.models import OrgUnit


def _year_end(year: int) -> date:
    return date(year, 12, 31)


def militia_count(*, org_unit: OrgUnit, year: int) -> IndicatorValue:
    return count_value("militia.count", militia_strength(org_unit=org_unit, on=_year_end(year)))


def militia_population_pct(*, org_unit: OrgUnit, year: int) -> IndicatorValue:
    on = _year_end(year)
    members = militia_strength(org_unit=org_unit, on=on)
    population = register_population(org_unit=org_unit, on=on)
    return percent_value("militia.population_pct", members, population)


Indicator = Callable[..., IndicatorValue]

INDICATORS: dict[str, Indicator] = {
    "militia.count": militia_count,
    "militia.population_pct": militia_population_pct,
}


def indicator_value(code: str, *, org_unit: OrgUnit, year: int) -> IndicatorValue:
    """The value of the indicator ``code`` (KeyError for a code not of this app)."""
    return INDICATORS[code](org_unit=org_unit, year=year)
