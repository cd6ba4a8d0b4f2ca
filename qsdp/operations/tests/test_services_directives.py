"""Directives, the tasks they assign and the units' reports."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from qsdp.core.errors import DomainError
from qsdp.operations import services
from qsdp.operations.services import DirectiveData
from qsdp.operations.tests.factories import rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def directive(tree, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return services.directive_create(
        actor=None,
        org_unit=tree.city,
        data=DirectiveData("plan", "45/KH-BCHQS", date(2023, 2, 1), "Hà Văn Tuấn", "Diễn tập"),
        file=SimpleUploadedFile("kh45.pdf", b"%PDF-1.4 plan"),
    )


def test_a_directive_keeps_its_file(directive):
    assert directive.file.read() == b"%PDF-1.4 plan"


def test_a_task_goes_to_a_unit_under_the_issuer_and_a_report_completes_it(
    tree, directive, commune_officer
):
    task = services.task_assign(
        actor=None, directive=directive, assigned_to=tree.duong_quang,
        title="Xây dựng kế hoạch diễn tập", deadline=date(2023, 3, 31),
    )  # fmt: skip

    services.task_report(
        actor=commune_officer, task=task, reported_on=date(2023, 3, 1), completed=False,
        evidence="Đang dự thảo",
    )  # fmt: skip
    services.task_report(
        actor=commune_officer, task=task, reported_on=date(2023, 3, 20), completed=True
    )

    task.refresh_from_db()
    assert (task.completed_on, task.reports.count()) == (date(2023, 3, 20), 2)


@pytest.mark.parametrize(
    ("unit", "deadline", "code", "message"),
    [
        ("province", date(2023, 3, 1), "task_unit_outside",
         "Tỉnh Bắc Kạn không thuộc Thành phố Bắc Kạn."),
        ("song_cau", date(2023, 1, 1), "task_deadline",
         "Hạn 01/01/2023 trước ngày ban hành văn bản (01/02/2023)."),
    ],
)  # fmt: skip
def test_a_task_is_refused(tree, directive, unit, deadline, code, message):
    before = rows()

    with pytest.raises(DomainError) as refused:
        services.task_assign(
            actor=None, directive=directive, assigned_to=getattr(tree, unit), title="X",
            deadline=deadline,
        )  # fmt: skip

    assert (refused.value.code, refused.value.message) == (code, message)
    assert rows() == before


def test_the_commune_may_not_assign_the_citys_tasks(tree, directive, commune_officer):
    with pytest.raises(PermissionDenied):
        services.task_assign(
            actor=commune_officer, directive=directive, assigned_to=tree.duong_quang,
            title="X", deadline=date(2023, 3, 1),
        )  # fmt: skip


def test_a_completed_task_takes_no_more_reports(tree, directive):
    task = services.task_assign(
        actor=None, directive=directive, assigned_to=tree.duong_quang, title="X",
        deadline=date(2023, 3, 1),
    )  # fmt: skip
    services.task_report(actor=None, task=task, reported_on=date(2023, 2, 20), completed=True)
    before = rows()

    with pytest.raises(DomainError) as refused:
        services.task_report(actor=None, task=task, reported_on=date(2023, 2, 21), completed=True)

    assert refused.value.message == "Nhiệm vụ này đã được báo cáo hoàn thành ngày 20/02/2023."
    assert rows() == before


def test_a_number_is_used_once_a_year(tree, directive):
    with pytest.raises(DomainError) as refused:
        services.directive_create(
            actor=None, org_unit=tree.city,
            data=DirectiveData("plan", "45/kh-bchqs", date(2023, 6, 1), "X", "Y"),
        )  # fmt: skip

    assert refused.value.message == (
        "Thành phố Bắc Kạn đã có văn bản số 45/kh-bchqs trong năm 2023."
    )
