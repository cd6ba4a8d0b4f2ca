"""Approval locks the year's register data of the unit; reopening unlocks it."""

from datetime import date

import pytest

from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent
from qsdp.military_service.models import HealthExam, Quota
from qsdp.military_service.services import quota_assign
from qsdp.military_service.tests.factories import examined, quotas, registered
from qsdp.operations.models import Drill
from qsdp.operations.tests.factories import duty_post, held, plan
from qsdp.reporting.services.submissions import submission_reopen
from qsdp.reporting.tests.factories import approved
from qsdp.training.services import participant_add
from qsdp.training.tests import factories as training

pytestmark = pytest.mark.django_db

# The approval as the refusal names it (the sentence around it is core's).
APPROVAL = "phê duyệt của Ban CHQS thành phố Bắc Kạn ngày 20/11/2023"


@pytest.fixture
def locked(tree, commune_officer, command_staff):
    """A man of Dương Quang registered in 2021 and a 2023 drill plan, then the
    commune's 2023 data approved by the city command on 20/11/2023."""
    man = registered(tree.duong_quang, born=date(2004, 5, 10))
    drill_plan = plan(tree.duong_quang, year=2023)
    submission = approved(tree.duong_quang, commune_officer, command_staff)
    return man, drill_plan, submission


def _counts():
    return HealthExam.objects.count(), Drill.objects.count(), AuditEvent.objects.count()


def test_a_2023_health_exam_is_refused_after_approval_naming_it(locked):
    man, _plan, _submission = locked
    before = _counts()

    with pytest.raises(DomainError) as refused:
        examined(man, on=date(2023, 11, 22), year=2024)

    assert (refused.value.code, refused.value.field) == ("period_locked", "examined_on")
    assert APPROVAL in refused.value.message
    assert "Xã Dương Quang" in refused.value.message
    assert _counts() == before


def test_a_2023_drill_is_refused_after_approval(locked):
    _man, drill_plan, _submission = locked
    before = _counts()

    with pytest.raises(DomainError) as refused:
        held(drill_plan)

    assert (refused.value.code, refused.value.field) == ("period_locked", "held_from")
    assert APPROVAL in refused.value.message
    assert _counts() == before


def test_the_next_year_and_other_communes_stay_open(tree, locked):
    man, _plan, _submission = locked

    exam = examined(man, on=date(2024, 1, 5), year=2024)
    other = held(plan(tree.song_cau, year=2023))

    assert (exam.examined_on, other.held_from) == (date(2024, 1, 5), date(2023, 10, 10))


def test_after_reopening_the_data_can_be_recorded_and_the_reopening_is_audited(
    locked, command_staff
):
    man, drill_plan, submission = locked
    submission_reopen(actor=command_staff, submission=submission, reason="Bổ sung kết quả khám")

    exam = examined(man, on=date(2023, 11, 22), year=2024)
    drill = held(drill_plan)

    assert (exam.examined_on, drill.held_from) == (date(2023, 11, 22), date(2023, 10, 10))
    event = AuditEvent.objects.get(verb="reporting.submission_reopened")
    assert (event.actor, event.changes["reason"]) == (command_staff, "Bổ sung kết quả khám")


def test_a_quota_is_locked_by_its_call_up_year_not_by_its_decision_date(
    tree, commune_officer, command_staff
):
    """The 2023 quotas were decided in December 2022, the 2024 ones in December
    2023: approving 2023 freezes the former and leaves the latter open."""
    quotas(tree, year=2023)
    approved(tree.duong_quang, commune_officer, command_staff)

    with pytest.raises(DomainError) as refused:
        quota_assign(
            actor=None,
            org_unit=tree.duong_quang,
            call_up_year=2023,
            number=5,
            decided_on=date(2022, 12, 20),
        )
    quotas(tree, year=2024)

    assert refused.value.code == "period_locked"
    assert Quota.objects.get(org_unit=tree.duong_quang, call_up_year=2023).number == 6
    assert Quota.objects.get(org_unit=tree.duong_quang, call_up_year=2024).number == 6


def test_a_command_records_in_the_period_of_the_area_it_serves(
    tree, commune_officer, command_staff
):
    """A session of the commune command's plan counts in the commune's training."""
    command_plan = training.plan(tree.duong_quang_command, year=2023)
    approved(tree.duong_quang, commune_officer, command_staff)
    before = training.rows()

    with pytest.raises(DomainError) as refused:
        training.session(command_plan, tree.duong_quang_command, on=date(2023, 12, 1))

    assert (refused.value.code, refused.value.field) == ("period_locked", "held_on")
    assert "Xã Dương Quang" in refused.value.message
    assert training.rows() == before


def test_a_2023_course_its_participants_and_a_duty_post_are_refused_after_approval(
    tree, commune_officer, command_staff
):
    course = training.course(tree.duong_quang)
    approved(tree.duong_quang, commune_officer, command_staff)
    before = training.rows()

    refusals = []
    for write in (
        lambda: training.course(tree.duong_quang, starts=date(2023, 9, 4), ends=date(2023, 9, 8)),
        lambda: participant_add(actor=None, course=course, official_name="Ma Văn Hòa"),
        lambda: duty_post(tree.duong_quang, opened_on=date(2023, 6, 1)),
    ):
        with pytest.raises(DomainError) as refused:
            write()
        refusals.append(refused.value.code)

    assert refusals == ["period_locked"] * 3
    assert training.rows() == before
