"""Indicators against figures counted by hand from the records."""

from datetime import date
from decimal import Decimal

import pytest

from qsdp.military_service.indicators import INDICATORS, IndicatorValue, indicator_value
from qsdp.military_service.services import (
    discharge_record,
    enlistment_record,
    first_registration_record,
    health_exam_record,
    reserve_registration_record,
    return_home_record,
    service_event_cancel,
)
from qsdp.military_service.tests.factories import (
    approved_list,
    enlisted,
    examined,
    man,
    order,
    quotas,
    registered,
)
from qsdp.people.services import person_transfer_out
from qsdp.people.tests.factories import create_person

pytestmark = pytest.mark.django_db


def value(code, unit, year):
    return indicator_value(code, org_unit=unit, year=year)


def test_the_codes_of_design_md():
    assert sorted(INDICATORS) == [
        "call_up.enlisted", "call_up.fulfilment_pct", "call_up.quota",
        "first_registration.due", "first_registration.registered_pct",
        "health_exam.examined", "health_exam.fit_pct",
        "returnees.count", "returnees.registered_on_time_pct",
    ]  # fmt: skip


def test_quota_10_split_6_and_4_all_enlisted_is_100_percent(tree):
    quotas(tree, province=20, city=10, duong_quang=6, song_cau=4)
    enlisted(tree, ["An", "Bình", "Cường", "Dũng", "Đạt", "Hùng"])
    enlisted(tree, ["Khải", "Lâm", "Minh", "Nam"], unit=tree.song_cau)

    assert value("call_up.quota", tree.city, 2026) == IndicatorValue("call_up.quota", 10, 10, 1)
    assert value("call_up.enlisted", tree.city, 2026) == IndicatorValue(
        "call_up.enlisted", 10, 10, 1
    )
    assert value("call_up.fulfilment_pct", tree.city, 2026) == IndicatorValue(
        "call_up.fulfilment_pct", Decimal("100.0"), 10, 10
    )
    assert value("call_up.fulfilment_pct", tree.duong_quang, 2026).value == Decimal("100.0")
    # The province's own quota is its top: 10 of 20 handed over.
    assert value("call_up.fulfilment_pct", tree.province, 2026) == IndicatorValue(
        "call_up.fulfilment_pct", Decimal("50.0"), 10, 20
    )
    assert value("call_up.quota", tree.city, 2025).value == 0
    assert value("call_up.fulfilment_pct", tree.city, 2025).value is None


def test_a_short_handover_counts_only_who_was_handed_over(tree):
    quotas(tree, province=20, city=10, duong_quang=3, song_cau=None)
    for name in ("An", "Bình", "Cường"):
        examined(registered(tree.duong_quang, given_name=name))
    primary = approved_list(tree.duong_quang)
    for candidate in primary:
        order(candidate)
    for candidate in primary[:2]:  # the third fell ill on the day
        enlistment_record(
            actor=None, person=candidate.person, call_up_year=2026, handover_on=date(2026, 3, 4)
        )

    assert value("call_up.fulfilment_pct", tree.duong_quang, 2026) == IndicatorValue(
        "call_up.fulfilment_pct", Decimal("66.7"), 2, 3
    )
    assert value("call_up.fulfilment_pct", tree.city, 2026) == IndicatorValue(
        "call_up.fulfilment_pct", Decimal("20.0"), 2, 10
    )


def test_first_registration_of_the_cohort(tree):
    dq = tree.duong_quang
    an = man(dq, given_name="An", born=date(2008, 3, 1))
    man(dq, given_name="Bình", born=date(2008, 11, 2))
    moved = man(dq, given_name="Cường", born=date(2008, 6, 6))
    create_person(dq, given_name="Hoa", sex="female", birth_date=date(2008, 1, 5))
    man(dq, given_name="Dũng", born=date(2007, 1, 1))  # last year's cohort
    first_registration_record(actor=None, person=an, registered_on=date(2025, 4, 10))
    person_transfer_out(actor=None, person=moved, on=date(2025, 8, 1), moved_to="Hà Nội")

    assert value("first_registration.due", dq, 2025) == IndicatorValue(
        "first_registration.due", 2, 2, 1
    )
    assert value("first_registration.registered_pct", tree.city, 2025) == IndicatorValue(
        "first_registration.registered_pct", Decimal("50.0"), 1, 2
    )


def test_health_exams_of_the_year_count_each_man_once_with_his_last_exam(tree):
    dq = tree.duong_quang
    fit, unfit, re_examined, cancelled, last_year = (
        registered(dq, given_name=name) for name in ("An", "Bình", "Cường", "Dũng", "Đạt")
    )
    examined(fit, health_class=1)
    examined(unfit, health_class=4)
    examined(re_examined, on=date(2025, 11, 10), health_class=4)
    examined(re_examined, on=date(2025, 12, 5), health_class=2)
    wrong = examined(cancelled, health_class=1)
    service_event_cancel(
        actor=None, event=wrong.event, cancelled_on=date(2025, 12, 1), reason="Nhầm người"
    )
    health_exam_record(
        actor=None, person=last_year, examined_on=date(2024, 11, 20), call_up_year=2025,
        health_class=1,
    )  # fmt: skip

    assert value("health_exam.examined", tree.city, 2025) == IndicatorValue(
        "health_exam.examined", 3, 3, 1
    )
    assert value("health_exam.fit_pct", tree.city, 2025) == IndicatorValue(
        "health_exam.fit_pct", Decimal("66.7"), 2, 3
    )
    assert value("health_exam.examined", tree.song_cau, 2025).value == 0


def test_one_of_two_returnees_late_is_50_percent(tree):
    quotas(tree, year=2022, province=20, city=10, duong_quang=2, song_cau=None)
    on_time, late = enlisted(tree, ["An", "Bình"], year=2022)
    for soldier in (on_time, late):
        discharge_record(
            actor=None, person=soldier, decided_on=date(2024, 2, 20), decision_number="1"
        )
        # Back on Monday 26 February 2024: 15 working days end Monday 18 March.
        return_home_record(actor=None, person=soldier, returned_on=date(2024, 2, 26))
    reserve_registration_record(actor=None, person=on_time, registered_on=date(2024, 3, 18))
    reserve_registration_record(actor=None, person=late, registered_on=date(2024, 3, 19))

    assert value("returnees.count", tree.city, 2024) == IndicatorValue("returnees.count", 2, 2, 1)
    assert value("returnees.registered_on_time_pct", tree.city, 2024) == IndicatorValue(
        "returnees.registered_on_time_pct", Decimal("50.0"), 1, 2
    )
    assert value("returnees.count", tree.city, 2023).value == 0
