"""The records behind every number add up to it: on the demo (Bắc Kạn city,
2023, loaded once for the module), for every indicator code, the drill-down's
numerator rows count (or weigh) exactly the indicator's numerator, and its
denominator rows its denominator, for the city and for each of its units."""

import io
from datetime import date

import pytest
from django.core.management import call_command
from django.db import transaction

from qsdp.core.models import AccessLog
from qsdp.orgunits.models import OrgUnit, OrgUnitKind
from qsdp.reporting.drilldown import DENOMINATOR, DRILLDOWNS, NUMERATOR, drilldown
from qsdp.reporting.gather import compute, indicator_functions
from qsdp.reporting.registry import INDICATOR_DEFS
from qsdp.reporting.selectors.indicators import reporting_children

YEAR = 2023


@pytest.fixture(scope="module")
def demo_city(django_db_setup, django_db_blocker):
    """The demo of 150 people, rolled back when the module is done."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", people=150, stdout=io.StringIO())
        yield OrgUnit.objects.get(code="058", kind=OrgUnitKind.DISTRICT)
        transaction.set_rollback(True)


@pytest.fixture
def city(demo_city, db):
    return demo_city


def _totals(code, unit):
    return {name: part.total() for name, part in drilldown(code, org_unit=unit, year=YEAR).items()}


def _expected(code, unit):
    value = compute(org_unit=unit, year=YEAR, codes=[code])[code]
    if INDICATOR_DEFS[code].is_percent:
        return {NUMERATOR: value.numerator, DENOMINATOR: value.denominator}
    return {NUMERATOR: value.numerator}


def test_every_computed_indicator_has_a_drilldown():
    assert sorted(code for code in indicator_functions() if code not in DRILLDOWNS) == []


def test_the_city_drilldowns_count_what_the_indicators_count(city):
    for code in indicator_functions():
        assert _totals(code, city) == _expected(code, city), code


def test_each_units_drilldowns_count_what_its_indicators_count(city):
    units = list(reporting_children(org_unit=city, on=date(YEAR, 12, 31)))
    assert len(units) == 8
    for unit in units:
        for code in indicator_functions():
            assert _totals(code, unit) == _expected(code, unit), (code, unit.name)


def test_the_demo_gives_the_main_drilldowns_rows(city):
    """The equality above is not a trivial 0 = 0: the city's 2023 figures."""
    totals = {code: _totals(code, city) for code in DRILLDOWNS}
    assert (
        totals["call_up.fulfilment_pct"][NUMERATOR] == totals["call_up.fulfilment_pct"][DENOMINATOR]
    )
    assert totals["call_up.enlisted"][NUMERATOR] > 0
    assert totals["health_exam.fit_pct"][DENOMINATOR] > 0
    assert totals["reserves.count"][NUMERATOR] > 0
    assert totals["militia.population_pct"][DENOMINATOR] > 0
    assert totals["drills.held"][NUMERATOR] == 2
    assert totals["readiness_duty.days_covered_pct"][DENOMINATOR] > 0


def test_a_persons_row_names_him_with_his_birth_date_and_links_his_page(city):
    part = drilldown("call_up.enlisted", org_unit=city, year=YEAR)[NUMERATOR]
    event = part.rows.first()
    row = part.row(event)
    assert row.text == event.person.full_name
    assert row.on == event.person.birth_date
    assert row.url == f"/people/{event.person_id}/"
    assert row.unit == event.org_unit.name
    assert AccessLog.objects.count() == 0
