from datetime import date
from decimal import Decimal

import pytest

from qsdp.military_service.indicators import IndicatorValue
from qsdp.militia.indicators import INDICATORS, indicator_value
from qsdp.militia.services import member_leave
from qsdp.militia.tests.factories import citizen, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(tree):
    """Counted by hand, on 31/12/2023:

    Dương Quang: An (joined 2023), Bình (joined 2021) in; Cường left on
    01/06/2023, Dũng joins in 2024: 2 members; 2 + 2 + 3 others = 7 residents.
    Sông Cầu: Khánh in, Lan left on 31/12/2023 (still in that day): 2 members;
    2 + 1 other = 3 residents.
    """
    member(tree.duong_quang, given_name="An", start=date(2023, 4, 1))
    member(tree.duong_quang, given_name="Bình", start=date(2021, 4, 1))
    gone = member(tree.duong_quang, given_name="Cường", start=date(2022, 4, 1))
    member_leave(actor=None, member=gone, left_on=date(2023, 6, 1), reason="other")
    member(tree.duong_quang, given_name="Dũng", start=date(2024, 4, 1))
    for name in ("Hà", "Hải", "Hiếu"):
        citizen(tree.duong_quang, given_name=name)
    member(tree.song_cau, given_name="Khánh", start=date(2023, 1, 1))
    lan = member(tree.song_cau, given_name="Lan", sex="female", start=date(2022, 1, 1))
    member_leave(actor=None, member=lan, left_on=date(2023, 12, 31), reason="other")
    citizen(tree.song_cau, given_name="Long")


@pytest.mark.parametrize(
    ("unit", "year", "count", "pct"),
    [
        ("duong_quang", 2023, IndicatorValue("militia.count", 2, 2, 1),
         IndicatorValue("militia.population_pct", Decimal("28.6"), 2, 7)),
        ("song_cau", 2023, IndicatorValue("militia.count", 1, 1, 1),
         IndicatorValue("militia.population_pct", Decimal("33.3"), 1, 3)),
        ("city", 2023, IndicatorValue("militia.count", 3, 3, 1),
         IndicatorValue("militia.population_pct", Decimal("30.0"), 3, 10)),
        ("city", 2022, IndicatorValue("militia.count", 3, 3, 1),
         IndicatorValue("militia.population_pct", Decimal("30.0"), 3, 10)),
        ("duong_quang", 2024, IndicatorValue("militia.count", 3, 3, 1),
         IndicatorValue("militia.population_pct", Decimal("42.9"), 3, 7)),
    ],
)  # fmt: skip
def test_the_militia_indicators_counted_by_hand(tree, world, unit, year, count, pct):
    org_unit = getattr(tree, unit)

    assert indicator_value("militia.count", org_unit=org_unit, year=year) == count
    assert indicator_value("militia.population_pct", org_unit=org_unit, year=year) == pct


def test_no_population_gives_no_percentage(tree):
    assert indicator_value("militia.population_pct", org_unit=tree.duong_quang, year=2023) == (
        IndicatorValue("militia.population_pct", None, 0, 0)
    )


def test_the_indicator_codes_are_those_of_the_design():
    assert sorted(INDICATORS) == ["militia.count", "militia.population_pct"]
