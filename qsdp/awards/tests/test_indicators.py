"""The awards indicators count standing awards of decisions dated in the year,
in the subtree."""

import pytest

from qsdp.awards.indicators import INDICATORS, indicator_value

pytestmark = pytest.mark.django_db


def values(unit, year):  # type: ignore[no-untyped-def]
    return {code: indicator_value(code, org_unit=unit, year=year).value for code in INDICATORS}


def test_decided_awards_count_in_the_subtree_and_the_year(world, tree):
    # Only the decided proposal counts: the draft, submitted and recommended ones do not.
    assert values(tree.city, 2023) == {"awards.collective_count": 1, "awards.individual_count": 1}
    assert values(tree.province, 2023) == values(tree.city, 2023)
    assert values(tree.duong_quang, 2023) == values(tree.city, 2023)
    assert values(tree.song_cau, 2023) == {
        "awards.collective_count": 0,
        "awards.individual_count": 0,
    }
    assert values(tree.city, 2024) == {"awards.collective_count": 0, "awards.individual_count": 0}


def test_reporting_discovers_the_awards_indicators():
    from qsdp.reporting.gather import indicator_functions

    assert {"awards.collective_count", "awards.individual_count"} <= set(indicator_functions())
