from datetime import date
from decimal import Decimal

import pytest

from qsdp.military_service.indicators import IndicatorValue
from qsdp.reserves.indicators import INDICATORS, indicator_value
from qsdp.reserves.services import (
    commander_decision_record,
    reserve_review_record,
    reservist_arrange,
    reservist_remove,
)
from qsdp.reserves.tests.factories import post, reserve_unit, reservist

pytestmark = pytest.mark.django_db


def _review(soldier, outcome="keep", **fields):  # type: ignore[no-untyped-def]
    reserve_review_record(
        actor=None, reservist=soldier, year=2023, reviewed_on=date(2023, 9, 1),
        residence_confirmed=True, health_confirmed=True, specialty_confirmed=True,
        outcome=outcome, **fields,
    )  # fmt: skip


def _decide(soldier, unit, kind, on):  # type: ignore[no-untyped-def]
    commander_decision_record(
        actor=None, reservist=soldier, unit=unit, position="Tiểu đội trưởng", kind=kind,
        decision_number=f"{on:%m%d}/QĐ", decided_on=on, signer="Hoàng Văn Nam",
    )  # fmt: skip


@pytest.fixture
def year_2023(tree):
    """Dương Quang: A (arranged, reviewed, appointed and dismissed in 2023), B
    (registered May 2023), C (removed by the 2023 review), D (registered 2024),
    E (removed in February 2023, not reviewed). Sông Cầu: F (arranged, reviewed,
    appointed in 2022)."""
    unit = reserve_unit(tree.city_command)
    rifle = post(unit, establishment=20)
    a, _b, c, d, e = (
        reservist(tree.duong_quang, given_name=n, on=on)
        for n, on in (
            ("A", date(2020, 3, 1)),
            ("B", date(2023, 5, 1)),
            ("C", date(2020, 3, 1)),
            ("D", date(2024, 3, 1)),
            ("E", date(2020, 3, 1)),
        )
    )
    f = reservist(tree.song_cau, given_name="F")
    for soldier in (a, f):
        reservist_arrange(actor=None, reservist=soldier, post=rifle, arranged_on=date(2021, 3, 1))
    reservist_remove(actor=None, reservist=e, on=date(2023, 2, 1), reason="moved_away")
    _review(a)
    _review(f)
    _review(c, outcome="remove", removal_reason="health")
    _decide(a, unit, "appointment", date(2023, 3, 1))
    _decide(a, unit, "dismissal", date(2023, 11, 1))
    _decide(f, unit, "appointment", date(2022, 3, 1))
    return d


@pytest.mark.parametrize(
    ("code", "city", "duong_quang"),
    [
        ("reserves.count", (3, 3, 1), (2, 2, 1)),
        ("reserves.arranged_pct", (Decimal("66.7"), 2, 3), (Decimal("50.0"), 1, 2)),
        ("reserves.appointments", (1, 1, 1), (1, 1, 1)),
        ("reserves.dismissals", (1, 1, 1), (1, 1, 1)),
        ("reserves.reviewed_pct", (Decimal("75.0"), 3, 4), (Decimal("66.7"), 2, 3)),
    ],
)
def test_the_2023_indicators_are_counted_from_the_register(
    tree, year_2023, code, city, duong_quang
):
    assert indicator_value(code, org_unit=tree.city, year=2023) == IndicatorValue(code, *city)
    assert indicator_value(code, org_unit=tree.duong_quang, year=2023) == IndicatorValue(
        code, *duong_quang
    )


def test_a_percentage_of_nothing_has_no_value(tree):
    assert indicator_value("reserves.arranged_pct", org_unit=tree.city, year=2023) == (
        IndicatorValue("reserves.arranged_pct", None, 0, 0)
    )


def test_every_reserve_indicator_of_the_design_is_there():
    assert sorted(INDICATORS) == [
        "reserves.appointments",
        "reserves.arranged_pct",
        "reserves.count",
        "reserves.dismissals",
        "reserves.reviewed_pct",
    ]
