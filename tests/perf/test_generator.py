"""The bench generator writes rows that satisfy every model constraint (the
database checks them as they arrive) and give every indicator a value; the
rollup's shortcuts (``gather.DERIVED``, the breakdowns) agree with computing
each indicator on its own."""

import pytest

from bench.generate import YEARS, ProvinceWriter, build_tree, make_users
from bench.loader import Loader
from qsdp.people.models import Person
from qsdp.reporting.gather import compute, indicator_functions

PEOPLE = 3_000


@pytest.fixture
def province(db):  # type: ignore[no-untyped-def]
    loader = Loader()
    (tree,) = build_tree(loader, provinces=1, communes=2)
    make_users([tree])
    ProvinceWriter(loader, tree, PEOPLE).write()
    return tree


@pytest.mark.django_db
def test_the_generated_registers_give_every_indicator_a_value(province):
    from qsdp.orgunits.models import OrgUnit

    unit = OrgUnit.objects.get(pk=province.id)
    people = Person.objects.filter(org_unit__path__startswith=unit.path)

    assert people.count() == PEOPLE
    assert people.filter(search_name="").count() == 0
    for year in YEARS:
        values = compute(org_unit=unit, year=year)
        one_by_one = {
            code: function(org_unit=unit, year=year)
            for code, function in indicator_functions().items()
        }
        assert values == one_by_one
        counted = {code for code, value in values.items() if value.numerator}
        # Drawn at random, rare in two communes: hot spots, commander decisions,
        # and a kind of drill that no commune held in the year.
        rare = {"incidents.hot_spots", "reserves.appointments", "reserves.dismissals"}
        assert {c for c in set(values) - counted if not c.startswith("drills.by_kind.")} <= rare
        assert values["drills.held"].numerator == 2
