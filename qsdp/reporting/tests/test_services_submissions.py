from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent, PeriodLock
from qsdp.reporting.models import Submission, SubmissionStatus
from qsdp.reporting.services.submissions import (
    submission_approve,
    submission_reopen,
    submission_submit,
    submissions_set_due,
)
from qsdp.reporting.tests.factories import approved, at, communes_approved, submitted

pytestmark = pytest.mark.django_db


def test_the_commune_officer_submits_his_communes_data(tree, commune_officer):
    submission = submitted(tree.duong_quang, commune_officer)

    assert (submission.status, submission.submitted_by) == (
        SubmissionStatus.SUBMITTED,
        commune_officer,
    )
    assert AuditEvent.objects.filter(verb="reporting.submission_submitted").count() == 1


@pytest.mark.parametrize("persona", ["leader", "outsider"])
def test_others_may_not_submit_a_communes_data(request, tree, persona):
    with pytest.raises(PermissionDenied):
        submitted(tree.duong_quang, request.getfixturevalue(persona))
    assert Submission.objects.filter(status=SubmissionStatus.SUBMITTED).count() == 0


def test_the_command_staff_submits_the_data_of_its_own_area(tree, command_staff):
    assert submitted(tree.city, command_staff).status == SubmissionStatus.SUBMITTED


def test_submitting_twice_is_refused(tree, commune_officer):
    submitted(tree.duong_quang, commune_officer)
    with pytest.raises(DomainError) as refused:
        submitted(tree.duong_quang, commune_officer)
    assert refused.value.code == "reporting_already_submitted"


def test_approval_locks_the_period_with_a_reference_naming_it(tree, commune_officer, command_staff):
    submission = approved(tree.duong_quang, commune_officer, command_staff)

    assert (submission.status, submission.approved_by) == (SubmissionStatus.APPROVED, command_staff)
    lock = PeriodLock.objects.get()
    assert (lock.org_unit, lock.year, lock.reference) == (
        tree.duong_quang,
        2023,
        "phê duyệt của Ban CHQS thành phố Bắc Kạn ngày 20/11/2023",
    )
    assert AuditEvent.objects.filter(verb="reporting.submission_approved").count() == 1


def test_a_commune_officer_may_not_approve(tree, commune_officer):
    submission = submitted(tree.duong_quang, commune_officer)
    with pytest.raises(PermissionDenied):
        submission_approve(actor=commune_officer, submission=submission)
    assert PeriodLock.objects.count() == 0


def test_approving_a_parent_before_its_children_is_refused_naming_them(
    tree, command_staff, admin_user
):
    approved(tree.song_cau, None, command_staff)
    city = submitted(tree.city, command_staff)

    with pytest.raises(DomainError) as refused:
        submission_approve(actor=admin_user, submission=city)

    assert refused.value.code == "reporting_children_not_approved"
    assert refused.value.message == (
        "Hãy phê duyệt trước các đơn vị thuộc Thành phố Bắc Kạn; chưa được phê duyệt: "
        "Xã Dương Quang."
    )
    city.refresh_from_db()
    assert city.status == SubmissionStatus.SUBMITTED
    assert list(PeriodLock.objects.values_list("org_unit", flat=True)) == [tree.song_cau.pk]


def test_the_parent_is_approved_once_its_children_are(tree, command_staff, admin_user):
    communes_approved(tree, command_staff)
    city = submitted(tree.city, command_staff)

    submission_approve(actor=admin_user, submission=city, approved_at=at(2023, 11, 25))

    assert PeriodLock.objects.get(org_unit=tree.city).reference == (
        "phê duyệt của Tỉnh Bắc Kạn ngày 25/11/2023"
    )


def test_only_submitted_data_is_approved(tree, command_staff):
    submission = Submission.objects.create(org_unit=tree.duong_quang, year=2023)
    with pytest.raises(DomainError) as refused:
        submission_approve(actor=command_staff, submission=submission)
    assert refused.value.code == "reporting_not_submitted"


def test_reopen_lifts_the_lock_and_is_audited_with_its_reason(tree, commune_officer, command_staff):
    submission = approved(tree.duong_quang, commune_officer, command_staff)

    submission_reopen(actor=command_staff, submission=submission, reason="Bổ sung số liệu khám")

    submission.refresh_from_db()
    assert (submission.status, submission.reopen_reason, submission.approved_at) == (
        SubmissionStatus.OPEN,
        "Bổ sung số liệu khám",
        None,
    )
    assert PeriodLock.objects.count() == 0
    event = AuditEvent.objects.get(verb="reporting.submission_reopened")
    assert event.changes == {"status": ["approved", "open"], "reason": "Bổ sung số liệu khám"}
    assert event.actor == command_staff


def test_reopen_needs_a_reason(tree, commune_officer, command_staff):
    submission = approved(tree.duong_quang, commune_officer, command_staff)
    with pytest.raises(DomainError) as refused:
        submission_reopen(actor=command_staff, submission=submission, reason="  ")
    assert (refused.value.code, refused.value.field) == ("reporting_reason_required", "reason")
    assert PeriodLock.objects.count() == 1


def test_a_child_is_not_reopened_while_its_parent_is_approved(tree, command_staff, admin_user):
    communes_approved(tree, command_staff)
    city = submitted(tree.city, command_staff)
    submission_approve(actor=admin_user, submission=city)
    child = Submission.objects.get(org_unit=tree.song_cau)

    with pytest.raises(DomainError) as refused:
        submission_reopen(actor=command_staff, submission=child, reason="Sửa số liệu")

    assert refused.value.message == (
        "Số liệu năm 2023 của Thành phố Bắc Kạn đã được phê duyệt; "
        "hãy mở lại Thành phố Bắc Kạn trước."
    )
    assert PeriodLock.objects.count() == 3


def test_the_command_sets_the_deadline_of_its_children(tree, command_staff):
    count = submissions_set_due(
        actor=command_staff, org_unit=tree.city, year=2023, due_on=date(2023, 11, 15)
    )

    assert count == 2
    assert sorted(Submission.objects.values_list("org_unit__name", "due_on")) == [
        ("Phường Sông Cầu", date(2023, 11, 15)),
        ("Xã Dương Quang", date(2023, 11, 15)),
    ]


def test_a_village_does_not_submit(tree, command_staff):
    with pytest.raises(DomainError) as refused:
        submission_submit(actor=command_staff, org_unit=tree.duong_quang_village, year=2023)
    assert refused.value.code == "reporting_unit_not_reporting"
