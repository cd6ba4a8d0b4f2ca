"""The dashboard reads set-based: a unit with 8 children costs more queries
than one with 2 only by what computing each child's indicators takes (a fixed
few per indicator), and the ranking and the years add none per child."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from qsdp.orgunits.models import OrgUnitKind
from qsdp.orgunits.tests.factories import OrgUnitFactory
from qsdp.reporting.gather import indicator_functions
from qsdp.reporting.selectors.dashboard import DEFAULT_RANKING, dashboard_get
from qsdp.reporting.selectors.indicators import indicator_table

YEAR = 2023
# An indicator is computed with at most this many queries for a unit.
QUERIES_PER_INDICATOR = 3


def _count(read) -> int:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as queries:
        read()
    return len(queries)


def _costs(user, unit) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Queries of the whole dashboard, and of its indicator table alone (the
    children with the ranked indicator only)."""
    dashboard = _count(lambda: dashboard_get(user=user, org_unit=unit, year=YEAR))
    table = _count(
        lambda: indicator_table(user=user, org_unit=unit, year=YEAR, child_codes=[DEFAULT_RANKING])
    )
    return dashboard, table


@pytest.mark.django_db
def test_the_queries_grow_per_child_by_a_fixed_number_per_indicator(tree, command_staff):
    dashboard_get(user=command_staff, org_unit=tree.city, year=YEAR)  # warm the caches
    two, two_table = _costs(command_staff, tree.city)
    for n in range(6):
        OrgUnitFactory(name=f"Xã Thêm {n}", kind=OrgUnitKind.COMMUNE, parent=tree.city)

    eight, eight_table = _costs(command_staff, tree.city)

    per_child = (eight - two) / 6
    assert (eight - two) % 6 == 0
    assert 0 < per_child <= QUERIES_PER_INDICATOR * len(indicator_functions())
    # The ranking and the year on year read nothing per child.
    assert eight - eight_table == two - two_table
