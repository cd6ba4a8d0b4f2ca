from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent
from qsdp.training.models import TrainingPlan
from qsdp.training.services import PlanData, approver_path, plan_approve, plan_create
from qsdp.training.tests.factories import plan, rows

pytestmark = pytest.mark.django_db


def data(**overrides):  # type: ignore[no-untyped-def]
    values = {"year": 2024, "audience": "militia", "title": " Kế hoạch năm 2024 ",
              "planned_days": Decimal("15")}  # fmt: skip
    return PlanData(**{**values, **overrides})


def test_a_commune_officer_creates_his_communes_plan(tree, commune_officer):
    made = plan_create(actor=commune_officer, org_unit=tree.duong_quang_command, data=data())

    assert (made.org_unit, made.year, made.audience, made.title, made.planned_days) == (
        tree.duong_quang_command, 2024, "militia", "Kế hoạch năm 2024", Decimal("15")
    )  # fmt: skip
    assert (made.created_by, made.approved_on, made.area) == (
        commune_officer,
        None,
        tree.duong_quang,
    )
    event = AuditEvent.objects.get(verb="training.plan_created")
    assert (event.verb, event.changes) == (
        "training.plan_created",
        {"org_unit": [None, tree.duong_quang_command.pk], "year": [None, 2024],
         "audience": [None, "militia"], "planned_days": [None, "15"]},
    )  # fmt: skip


def test_a_second_plan_for_the_same_force_and_year_is_refused(tree):
    plan(tree.duong_quang, year=2024, approved_on=None)
    before = rows()

    with pytest.raises(DomainError) as error:
        plan_create(actor=None, org_unit=tree.duong_quang, data=data())

    assert (error.value.code, error.value.message, error.value.field) == (
        "training_plan_exists",
        "Xã Dương Quang đã có kế hoạch huấn luyện năm 2024 (Dân quân tự vệ).",
        "audience",
    )
    assert rows() == before


def test_a_village_cannot_hold_a_plan(tree):
    with pytest.raises(DomainError) as error:
        plan_create(actor=None, org_unit=tree.duong_quang_village, data=data())

    assert (error.value.code, error.value.message) == (
        "training_plan_unit_kind",
        "Kế hoạch huấn luyện phải thuộc một xã, phường hoặc một cơ quan quân sự.",
    )
    assert TrainingPlan.objects.count() == 0


@pytest.mark.parametrize("days", ["-1", "366.5"])
def test_impossible_planned_days_are_refused(tree, days):
    with pytest.raises(DomainError) as error:
        plan_create(actor=None, org_unit=tree.duong_quang, data=data(planned_days=Decimal(days)))

    assert (error.value.code, error.value.message) == (
        "training_plan_days",
        "Số ngày theo kế hoạch phải từ 0 đến 366.",
    )
    assert TrainingPlan.objects.count() == 0


@pytest.mark.parametrize("persona", ["outsider", "leader"])
def test_only_the_units_writers_create_its_plan(tree, request, persona):
    with pytest.raises(PermissionDenied):
        plan_create(actor=request.getfixturevalue(persona), org_unit=tree.duong_quang, data=data())

    assert TrainingPlan.objects.count() == 0


def test_the_unit_above_approves(tree, command_staff):
    draft = plan(tree.duong_quang_command, year=2024, approved_on=None)

    approved = plan_approve(
        actor=command_staff, plan=draft, approved_on=date(2024, 1, 5),
        approver_title=" Chỉ huy trưởng Ban CHQS thành phố ",
    )  # fmt: skip

    approved.refresh_from_db()
    assert (approved.approved_on, approved.approved_by, approved.approver_title) == (
        date(2024, 1, 5), command_staff, "Chỉ huy trưởng Ban CHQS thành phố"
    )  # fmt: skip
    assert AuditEvent.objects.filter(verb="training.plan_approved").count() == 1


def test_approval_belongs_to_the_unit_above_the_plans_area(tree):
    assert approver_path(plan(tree.duong_quang_command, approved_on=None)) == tree.city.path
    assert approver_path(plan(tree.city_command, approved_on=None)) == tree.province.path


@pytest.mark.parametrize("persona", ["commune_officer", "leader", "outsider"])
def test_a_commune_does_not_approve_its_own_plan(tree, request, persona):
    draft = plan(tree.duong_quang, year=2024, approved_on=None)
    before = rows()

    with pytest.raises(PermissionDenied):
        plan_approve(
            actor=request.getfixturevalue(persona), plan=draft, approved_on=date(2024, 1, 5)
        )

    assert rows() == before


def test_a_plan_is_approved_once(tree):
    approved = plan(tree.duong_quang, approved_on=date(2023, 1, 10))
    before = rows()

    with pytest.raises(DomainError) as error:
        plan_approve(actor=None, plan=approved, approved_on=date(2023, 2, 1))

    assert (error.value.code, error.value.message) == (
        "training_plan_already_approved",
        "Kế hoạch đã được phê duyệt ngày 10/01/2023.",
    )
    assert rows() == before


@pytest.mark.parametrize(
    ("on", "code", "message"),
    [
        (date(2099, 1, 1), "training_date_in_future", "Ngày 01/01/2099 là ngày trong tương lai."),
        (date(2024, 1, 2), "training_approval_date",
         "Kế hoạch năm 2023 phải được phê duyệt trước khi hết năm."),
    ],
)  # fmt: skip
def test_an_impossible_approval_date_is_refused(tree, on, code, message):
    draft = plan(tree.duong_quang, approved_on=None)
    before = rows()

    with pytest.raises(DomainError) as error:
        plan_approve(actor=None, plan=draft, approved_on=on)

    assert (error.value.code, error.value.message, error.value.field) == (
        code, message, "approved_on"
    )  # fmt: skip
    assert rows() == before
