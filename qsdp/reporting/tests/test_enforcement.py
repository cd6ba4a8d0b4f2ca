"""Approval locks the year's register data of the unit; reopening unlocks it."""

from datetime import date

import pytest

from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent
from qsdp.military_service.models import HealthExam
from qsdp.military_service.tests.factories import examined, registered
from qsdp.operations.models import Drill
from qsdp.operations.tests.factories import held, plan
from qsdp.reporting.services.submissions import submission_reopen
from qsdp.reporting.tests.factories import approved

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
