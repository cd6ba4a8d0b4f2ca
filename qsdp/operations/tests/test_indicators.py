from datetime import date, timedelta
from decimal import Decimal

import pytest

from qsdp.military_service.indicators import IndicatorValue
from qsdp.operations import services
from qsdp.operations.indicators import BREAKDOWNS, INDICATORS, indicator_value
from qsdp.operations.services import IncidentData, PatrolData
from qsdp.operations.tests.factories import duty_post, held, person, plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(tree):
    """Counted by hand for 2023.

    Drills: Dương Quang combat (Giỏi) and PCTT-TKCN (Đạt), its civil-defence plan
    not held, a 2022 combat drill (Xuất sắc); Sông Cầu PCTT-TKCN, not rated.
    Duty: Dương Quang's post in use all 2023 (365 days) with 3 logs; Sông Cầu's
    from 01/07/2023 (184 days) with 2 logs.
    Patrols: Dương Quang 2 (and 1 in 2022), Sông Cầu 1.
    Incidents: Dương Quang 1 hot spot and 1 other; Sông Cầu 1 other.
    """
    dq, sc = tree.duong_quang, tree.song_cau
    held(plan(dq, year=2023), rating="good")
    held(plan(dq, year=2023, kind="disaster_response"), start=date(2023, 8, 1), rating="pass")
    plan(dq, year=2023, kind="civil_defence")
    held(plan(dq, year=2022), rating="excellent")
    held(plan(sc, year=2023, kind="disaster_response"))
    an = person(dq, given_name="An")
    khanh = person(sc, given_name="Khánh")
    dq_post = duty_post(dq)
    sc_post = duty_post(sc, opened_on=date(2023, 7, 1))
    for post, who, days in (
        (dq_post, an, (date(2023, 1, 1), date(2023, 1, 2), date(2023, 12, 31))),
        (sc_post, khanh, (date(2023, 7, 1), date(2023, 7, 1) + timedelta(days=10))),
    ):
        for day in days:
            services.duty_log_record(actor=None, post=post, day=day, on_duty=[who])
    for unit, on in ((dq, date(2023, 3, 1)), (dq, date(2023, 9, 1)), (dq, date(2022, 9, 1)),
                     (sc, date(2023, 4, 1))):  # fmt: skip
        services.patrol_record(
            actor=None,
            org_unit=unit,
            data=PatrolData(on, "Địa bàn", militia_count=3, police_count=1),
        )
    for unit, hot in ((dq, True), (dq, False), (sc, False)):
        services.incident_report(
            actor=None,
            org_unit=unit,
            data=IncidentData(date(2023, 6, 1), "public_order", "Chợ", "Gây rối", is_hot_spot=hot),
        )


def _values(unit):
    return {code: indicator_value(code, org_unit=unit, year=2023).value for code in INDICATORS}


def test_the_city_2023(tree, world):
    assert _values(tree.city) == {
        "drills.held": 3,
        "drills.by_kind.defence_zone_combat": 1,
        "drills.by_kind.disaster_response": 2,
        "drills.by_kind.civil_defence": 0,
        "drills.rated_good_or_better_pct": Decimal("50.0"),
        "readiness_duty.days_covered_pct": Decimal("0.9"),  # 5 / 549
        "patrols.count": 3,
        "incidents.hot_spots": 1,
    }


def test_each_commune_2023(tree, world):
    assert _values(tree.duong_quang) == {
        "drills.held": 2,
        "drills.by_kind.defence_zone_combat": 1,
        "drills.by_kind.disaster_response": 1,
        "drills.by_kind.civil_defence": 0,
        "drills.rated_good_or_better_pct": Decimal("50.0"),
        "readiness_duty.days_covered_pct": Decimal("0.8"),  # 3 / 365
        "patrols.count": 2,
        "incidents.hot_spots": 1,
    }
    assert indicator_value(
        "drills.rated_good_or_better_pct", org_unit=tree.song_cau, year=2023
    ) == IndicatorValue("drills.rated_good_or_better_pct", None, 0, 0)
    assert indicator_value(
        "readiness_duty.days_covered_pct", org_unit=tree.song_cau, year=2023
    ) == IndicatorValue("readiness_duty.days_covered_pct", Decimal("1.1"), 2, 184)


def test_the_breakdown_by_kind(tree, world):
    values = BREAKDOWNS["drills.by_kind"](org_unit=tree.city, year=2022)

    assert {code: v.value for code, v in values.items()} == {
        "drills.by_kind.defence_zone_combat": 1,
        "drills.by_kind.disaster_response": 0,
        "drills.by_kind.civil_defence": 0,
    }
