from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent
from qsdp.reserves.services import (
    commander_decision_record,
    readiness_check_record,
    reservist_arrange,
)
from qsdp.reserves.tests.factories import post, reserve_unit, reservist, rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def company(tree):
    return reserve_unit(tree.city_command, name="Đại đội 2")


def _decide(soldier, unit, kind, on, number="15/QĐ-BCH"):  # type: ignore[no-untyped-def]
    return commander_decision_record(
        actor=None,
        reservist=soldier,
        unit=unit,
        position="Trung đội trưởng",
        kind=kind,
        decision_number=number,
        decided_on=on,
        signer="Chỉ huy trưởng Hoàng Văn Nam",
    )


def test_an_appointment_is_a_decision_record(tree, company, command_staff):
    soldier = reservist(tree.duong_quang)

    decision = commander_decision_record(
        actor=command_staff,
        reservist=soldier,
        unit=company,
        position=" Trung đội trưởng ",
        kind="appointment",
        decision_number="15/QĐ-BCH",
        decided_on=date(2023, 6, 1),
        signer="Chỉ huy trưởng Hoàng Văn Nam",
    )

    assert (decision.position, decision.decision_number, decision.signer) == (
        "Trung đội trưởng",
        "15/QĐ-BCH",
        "Chỉ huy trưởng Hoàng Văn Nam",
    )
    assert AuditEvent.objects.get(verb="commander_decision.appointment").person_id == (
        soldier.person_id
    )


def test_a_dismissal_ends_the_appointment_and_allows_a_new_one(tree, company):
    soldier = reservist(tree.duong_quang)
    _decide(soldier, company, "appointment", date(2023, 6, 1))
    _decide(soldier, company, "dismissal", date(2023, 11, 1), number="40/QĐ-BCH")

    again = _decide(soldier, company, "appointment", date(2024, 1, 5), number="2/QĐ-BCH")

    assert again.kind == "appointment"


def test_a_dismissal_without_an_appointment_is_refused(tree, company):
    soldier = reservist(tree.duong_quang, given_name="An")
    before = rows()

    with pytest.raises(DomainError) as refused:
        _decide(soldier, company, "dismissal", date(2023, 11, 1))

    assert refused.value.message == (
        "Nguyễn Văn An không giữ chức vụ Trung đội trưởng của Đại đội 2: không có gì để miễn nhiệm."
    )
    assert rows() == before


def test_appointing_to_a_position_held_is_refused(tree, company):
    soldier = reservist(tree.duong_quang, given_name="An")
    _decide(soldier, company, "appointment", date(2023, 6, 1))
    before = rows()

    with pytest.raises(DomainError) as refused:
        _decide(soldier, company, "appointment", date(2023, 7, 1), number="20/QĐ-BCH")

    assert refused.value.message == (
        "Nguyễn Văn An đang giữ chức vụ Trung đội trưởng của Đại đội 2 (quyết định số 15/QĐ-BCH)."
    )
    assert rows() == before


def test_a_dismissal_dated_before_the_appointment_is_refused(tree, company):
    soldier = reservist(tree.duong_quang)
    _decide(soldier, company, "appointment", date(2023, 6, 1))
    before = rows()

    with pytest.raises(DomainError) as refused:
        _decide(soldier, company, "dismissal", date(2023, 5, 1))

    assert refused.value.message == "Ngày miễn nhiệm trước ngày bổ nhiệm (01/06/2023)."
    assert rows() == before


def test_a_readiness_check_counts_no_more_present_than_arranged(tree, company):
    platoon = reserve_unit(tree.city_command, name="Trung đội 1", kind="platoon", parent=company)
    rifle = post(platoon)
    for name in ("An", "Bình"):
        reservist_arrange(
            actor=None,
            reservist=reservist(tree.duong_quang, given_name=name),
            post=rifle,
            arranged_on=date(2023, 3, 1),
        )

    check = readiness_check_record(
        actor=None,
        unit=company,
        checked_on=date(2023, 8, 10),
        kind="readiness",
        present_count=2,
        result="good",
    )
    before = rows()
    with pytest.raises(DomainError) as refused:
        readiness_check_record(
            actor=None,
            unit=company,
            checked_on=date(2023, 8, 11),
            kind="readiness",
            present_count=3,
            result="good",
        )

    assert check.present_count == 2
    assert refused.value.message == (
        "Quân số có mặt 3 nhiều hơn 2 quân nhân dự bị được sắp xếp vào Đại đội 2 ngày 11/08/2023."
    )
    assert rows() == before


def test_a_commune_officer_may_not_check_a_city_unit(tree, company, commune_officer):
    before = rows()

    with pytest.raises(PermissionDenied):
        readiness_check_record(
            actor=commune_officer,
            unit=company,
            checked_on=date(2023, 8, 10),
            kind="readiness",
            present_count=0,
            result="pass",
        )

    assert rows() == before
