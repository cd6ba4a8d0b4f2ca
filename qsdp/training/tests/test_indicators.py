"""Each indicator against a hand count of the world's records (see ``conftest.world``)."""

from datetime import date
from decimal import Decimal

import pytest

from qsdp.military_service.indicators import IndicatorValue
from qsdp.reserves.tests.factories import reservist
from qsdp.training.indicators import defence_education_by_category, indicator_value
from qsdp.training.tests.factories import plan, session

pytestmark = pytest.mark.django_db


def values(code, tree, year=2023, **options):  # type: ignore[no-untyped-def]
    return {
        name: indicator_value(code, org_unit=getattr(tree, name), year=year, **options)
        for name in ("duong_quang", "song_cau", "city")
    }


def test_training_participants_are_the_people_present_once_or_more(tree, world):
    # Dương Quang: An and Sơn (Bảo absent); Sông Cầu: Khánh.
    assert values("training.participants", tree) == {
        "duong_quang": IndicatorValue("training.participants", 2, 2, 1),
        "song_cau": IndicatorValue("training.participants", 1, 1, 1),
        "city": IndicatorValue("training.participants", 3, 3, 1),
    }
    assert values("training.participants", tree, year=2024)["city"].value == 0


def test_training_pass_pct_takes_each_persons_last_graded_result(tree, world):
    # An: khá (then present ungraded) → pass; Sơn: giỏi then không đạt → fail; Khánh: giỏi.
    assert values("training.pass_pct", tree) == {
        "duong_quang": IndicatorValue("training.pass_pct", Decimal("50.0"), 1, 2),
        "song_cau": IndicatorValue("training.pass_pct", Decimal("100.0"), 1, 1),
        "city": IndicatorValue("training.pass_pct", Decimal("66.7"), 2, 3),
    }
    assert values("training.pass_pct", tree, year=2024)["city"] == IndicatorValue(
        "training.pass_pct", None, 0, 0
    )


def test_a_session_at_a_commune_command_counts_in_its_commune(tree, world):
    held = reservist(tree.duong_quang, given_name="Đức", on=date(2021, 3, 1))
    city_plan = plan(tree.city_command, audience="reservists", days="7")
    session(city_plan, tree.duong_quang_command, on=date(2023, 9, 1),
            attendance={held.person: (True, "pass")})  # fmt: skip

    assert values("training.participants", tree)["duong_quang"].value == 3
    assert values("training.pass_pct", tree)["duong_quang"] == IndicatorValue(
        "training.pass_pct", Decimal("66.7"), 2, 3
    )


def test_defence_education_participants_include_officials_outside_the_register(tree, world):
    # Dương Quang's elders: Lan, Tú; Sông Cầu: Long; the city's ĐT4 course: Lan, Hà.
    assert values("defence_education.participants", tree) == {
        "duong_quang": IndicatorValue("defence_education.participants", 2, 2, 1),
        "song_cau": IndicatorValue("defence_education.participants", 1, 1, 1),
        "city": IndicatorValue("defence_education.participants", 5, 5, 1),
    }


def test_defence_education_completion_is_over_the_planned_trainees(tree, world):
    # Completed: Tú (of 3 planned), Long (of 4), Lan and Hà (of 5).
    assert values("defence_education.completion_pct", tree) == {
        "duong_quang": IndicatorValue("defence_education.completion_pct", Decimal("33.3"), 1, 3),
        "song_cau": IndicatorValue("defence_education.completion_pct", Decimal("25.0"), 1, 4),
        "city": IndicatorValue("defence_education.completion_pct", Decimal("33.3"), 4, 12),
    }


def test_defence_education_per_category(tree, world):
    by_category = defence_education_by_category(org_unit=tree.city, year=2023)

    assert {
        code: (found["defence_education.participants"].value,
               found["defence_education.completion_pct"].value)
        for code, found in by_category.items()
    } == {
        "dt1": (0, None), "dt2": (0, None), "dt3": (0, None), "dt4": (2, Decimal("40.0")),
        "religious_dignitary": (0, None), "village_elder": (2, Decimal("33.3")),
        "enterprise_owner": (1, Decimal("25.0")), "propagandist": (0, None),
    }  # fmt: skip
    assert indicator_value(
        "defence_education.completion_pct", org_unit=tree.duong_quang, year=2023, category="dt4"
    ) == IndicatorValue("defence_education.completion_pct", None, 0, 0)
