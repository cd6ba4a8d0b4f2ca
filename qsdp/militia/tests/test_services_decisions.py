from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent
from qsdp.militia.models import DutyDecision
from qsdp.militia.services import duty_decision_end, duty_decision_record
from qsdp.militia.tests.factories import citizen, member, rows

pytestmark = pytest.mark.django_db


def refused(call):  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as error:
        call()
    return error.value


def test_a_deferral_is_recorded_with_its_ground_and_legal_point(tree, commune_officer):
    person = citizen(tree.duong_quang, sex="female", born=date(1998, 2, 1))

    decision = duty_decision_record(
        actor=commune_officer,
        person=person,
        status="raising_child_under_36_months",
        decided_on=date(2024, 3, 1),
        valid_until=date(2025, 3, 1),
        decision_number="7/QĐ-UBND",
        signer="Hoàng Văn Sơn",
    )

    assert (
        decision.outcome,
        decision.status,
        decision.legal_basis,
        decision.org_unit,
        decision.may_volunteer,
    ) == (
        "deferral_of_militia_duty",
        "raising_child_under_36_months",
        "Luật DQTV 2019 Điều 11 khoản 1 điểm a",
        tree.duong_quang,
        False,
    )
    assert AuditEvent.objects.filter(verb="militia.duty_decided").get().changes == {
        "status": [None, "raising_child_under_36_months"],
        "outcome": [None, "deferral_of_militia_duty"],
        "decided_on": [None, "2024-03-01"],
        "valid_until": [None, "2025-03-01"],
    }


def test_an_alias_of_a_ground_is_stored_as_the_ground(tree):
    decision = duty_decision_record(
        actor=None,
        person=citizen(tree.duong_quang),
        status="child_of_fallen_soldier",
        decided_on=date(2024, 3, 1),
    )

    assert (decision.status, decision.outcome, decision.may_volunteer) == (
        "spouse_or_child_of_fallen_soldier",
        "exemption_from_militia",
        True,
    )


def test_a_ground_the_law_does_not_list_is_refused(tree):
    person = citizen(tree.duong_quang)
    before = rows()

    error = refused(
        lambda: duty_decision_record(
            actor=None, person=person, status="works_far_away", decided_on=date(2024, 3, 1)
        )
    )

    assert (error.code, error.field, error.message) == (
        "militia_not_a_ground",
        "status",
        "“works_far_away” không phải là trường hợp được tạm hoãn hay miễn thực hiện nghĩa vụ "
        "tham gia Dân quân tự vệ quy định tại Điều 11 (Luật DQTV 2019 Điều 11).",
    )
    assert rows() == before


def test_a_deferral_needs_its_end(tree):
    person = citizen(tree.duong_quang)
    before = rows()

    error = refused(
        lambda: duty_decision_record(
            actor=None, person=person, status="student", decided_on=date(2024, 3, 1)
        )
    )

    assert (error.code, error.field, error.message) == (
        "militia_valid_until_required",
        "valid_until",
        "Quyết định tạm hoãn nghĩa vụ tham gia Dân quân tự vệ phải ghi thời hạn tạm hoãn "
        "(Luật DQTV 2019 Điều 11 khoản 1 điểm h).",
    )
    assert rows() == before


def test_a_decision_cannot_run_to_a_day_before_it(tree):
    person = citizen(tree.duong_quang)
    before = rows()

    error = refused(
        lambda: duty_decision_record(
            actor=None,
            person=person,
            status="student",
            decided_on=date(2024, 3, 1),
            valid_until=date(2024, 2, 29),
        )
    )

    assert (error.code, error.message) == (
        "militia_valid_until_before_decision",
        "Thời hạn của quyết định không thể trước ngày quyết định (01/03/2024).",
    )
    assert rows() == before


def test_a_decision_in_the_future_is_refused(tree):
    person = citizen(tree.duong_quang)
    before = rows()

    error = refused(
        lambda: duty_decision_record(
            actor=None, person=person, status="cipher_worker", decided_on=date(2099, 1, 1)
        )
    )

    assert (error.code, error.message) == (
        "militia_date_in_future",
        "Ngày 01/01/2099 là ngày trong tương lai.",
    )
    assert rows() == before


def test_a_member_who_is_deferred_leaves_the_militia(tree):
    joined = member(tree.duong_quang, start=date(2023, 4, 1))

    duty_decision_record(
        actor=None,
        person=joined.person,
        status="not_fit_for_duty",
        decided_on=date(2024, 5, 2),
        valid_until=date(2025, 5, 1),
    )

    joined.refresh_from_db()
    assert (joined.left_on, joined.leave_reason) == (date(2024, 5, 2), "deferred")
    assert AuditEvent.objects.filter(verb="militia.duty_decided").get().changes["member_left"] == [
        None,
        joined.pk,
    ]
    assert AuditEvent.objects.filter(verb="militia.member_left").count() == 0


def test_a_volunteer_exempt_for_a_family_reason_keeps_serving(tree):
    joined = member(tree.duong_quang, volunteer=True)

    duty_decision_record(
        actor=None,
        person=joined.person,
        status="spouse_or_child_of_invalid_81_plus",
        decided_on=date(2024, 5, 2),
    )

    joined.refresh_from_db()
    assert joined.left_on is None


def test_an_exempt_member_who_is_not_a_volunteer_leaves(tree):
    joined = member(tree.duong_quang)

    duty_decision_record(
        actor=None, person=joined.person, status="cipher_worker", decided_on=date(2024, 5, 2)
    )

    joined.refresh_from_db()
    assert (joined.left_on, joined.leave_reason) == (date(2024, 5, 2), "exempted")


def test_a_decision_ends(tree, commune_officer):
    decision = duty_decision_record(
        actor=None,
        person=citizen(tree.duong_quang),
        status="student",
        decided_on=date(2023, 9, 5),
        valid_until=date(2025, 9, 4),
    )

    duty_decision_end(
        actor=commune_officer, decision=decision, ended_on=date(2024, 6, 30), reason="Tốt nghiệp"
    )

    decision.refresh_from_db()
    assert (decision.ended_on, decision.end_reason) == (date(2024, 6, 30), "Tốt nghiệp")
    assert AuditEvent.objects.filter(verb="militia.duty_decision_ended").count() == 1


def test_a_decision_ends_once_and_not_before_it_began(tree):
    decision = duty_decision_record(
        actor=None,
        person=citizen(tree.duong_quang),
        status="student",
        decided_on=date(2023, 9, 5),
        valid_until=date(2025, 9, 4),
    )
    before = rows()

    early = refused(
        lambda: duty_decision_end(
            actor=None, decision=decision, ended_on=date(2023, 9, 4), reason="x"
        )
    )
    assert rows() == before
    duty_decision_end(actor=None, decision=decision, ended_on=date(2024, 6, 30), reason="x")
    after = rows()
    twice = refused(
        lambda: duty_decision_end(
            actor=None, decision=decision, ended_on=date(2024, 7, 1), reason="x"
        )
    )

    assert (early.code, early.message) == (
        "militia_end_before_decision",
        "Quyết định không thể kết thúc trước ngày quyết định (05/09/2023).",
    )
    assert (twice.code, twice.message) == (
        "militia_decision_already_ended",
        "Quyết định này đã kết thúc ngày 30/06/2024.",
    )
    assert rows() == after


@pytest.mark.parametrize("persona", ["outsider", "leader"])
def test_only_the_communes_writers_may_decide(tree, request, persona):
    person = citizen(tree.duong_quang)
    before = rows()

    with pytest.raises(PermissionDenied):
        duty_decision_record(
            actor=request.getfixturevalue(persona),
            person=person,
            status="cipher_worker",
            decided_on=date(2024, 3, 1),
        )

    assert rows() == before
    assert DutyDecision.objects.count() == 0
