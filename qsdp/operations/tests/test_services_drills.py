"""Drill plans, drills and their rating; every refusal saves nothing."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent, RuleSetting
from qsdp.operations import services
from qsdp.operations.services import DrillData, DrillPlanData, PhaseData
from qsdp.operations.tests.factories import held, plan, rows

pytestmark = pytest.mark.django_db


def test_a_plan_takes_its_level_from_the_unit(tree, commune_officer):
    created = services.drill_plan_create(
        actor=commune_officer,
        org_unit=tree.duong_quang,
        data=DrillPlanData(year=2024, kind="defence_zone_combat", title="Diễn tập chiến đấu xã"),
    )

    assert (created.level, created.created_by) == ("commune", commune_officer)
    assert list(
        AuditEvent.objects.filter(verb__startswith="operations.").values_list("verb", flat=True)
    ) == ["operations.drill_plan_created"]


@pytest.mark.parametrize(
    ("unit", "data", "code", "field", "message"),
    [
        ("duong_quang_village", DrillPlanData(2024, "civil_defence", "X"), "drill_unit_level",
         "org_unit", "Thôn Nà Pài không tự tổ chức diễn tập: diễn tập do tỉnh, huyện hoặc xã "
         "lập kế hoạch."),
        ("duong_quang", DrillPlanData(2024, "civil_defence", "X", planned_on=date(2025, 1, 5)),
         "drill_plan_year", "planned_on", "Ngày dự kiến 05/01/2025 không thuộc năm 2024."),
        ("duong_quang", DrillPlanData(2023, "defence_zone_combat", "X"), "drill_plan_exists",
         "kind", "Xã Dương Quang đã có kế hoạch diễn tập loại này trong năm 2023."),
    ],
)  # fmt: skip
def test_a_plan_is_refused(tree, unit, data, code, field, message):
    plan(tree.duong_quang, year=2023)
    before = rows()

    with pytest.raises(DomainError) as refused:
        services.drill_plan_create(actor=None, org_unit=getattr(tree, unit), data=data)

    assert (refused.value.code, refused.value.field, refused.value.message) == (
        code, field, message,
    )  # fmt: skip
    assert rows() == before


def test_the_leader_may_not_plan(tree, leader):
    with pytest.raises(PermissionDenied):
        services.drill_plan_create(
            actor=leader, org_unit=tree.duong_quang, data=DrillPlanData(2024, "civil_defence", "X")
        )

    assert rows()["plans"] == []


def test_a_drill_is_recorded_with_its_phases_and_rating(tree):
    drill = held(plan(tree.song_cau), start=date(2023, 10, 10), days=3, rating="good")

    assert [(p.number, p.on) for p in drill.phases.order_by("number")] == [
        (1, date(2023, 10, 10)), (2, date(2023, 10, 11)), (3, date(2023, 10, 12)),
    ]  # fmt: skip
    assert (drill.rating, drill.rating_label, drill.rated_good_or_better) == ("good", "Giỏi", True)
    assert list(
        AuditEvent.objects.filter(verb__startswith="operations.")
        .order_by("id")
        .values_list("verb", flat=True)
    ) == [
        "operations.drill_plan_created",
        "operations.drill_recorded",
    ]


def _record(the_plan, **changes):  # type: ignore[no-untyped-def]
    values = {"held_from": date(2023, 10, 10), "held_to": date(2023, 10, 11), "participants": 50}
    values.update(changes.pop("data", {}))
    phases = changes.pop("phases", [PhaseData("Giai đoạn 1", date(2023, 10, 10))])
    return services.drill_record(
        actor=None, plan=the_plan, data=DrillData(**values), phases=phases, **changes
    )


@pytest.mark.parametrize(
    ("changes", "code", "field", "message"),
    [
        ({"data": {"held_to": date(2023, 10, 9)}}, "drill_dates", "held_to",
         "Cuộc diễn tập không thể kết thúc (09/10/2023) trước khi bắt đầu (10/10/2023)."),
        ({"data": {"held_from": date(2022, 12, 30), "held_to": date(2022, 12, 31)},
          "phases": [PhaseData("1", date(2022, 12, 30))]}, "drill_plan_year", "held_from",
         "Kế hoạch là của năm 2023; cuộc diễn tập bắt đầu ngày 30/12/2022."),
        ({"data": {"participants": 0}}, "drill_participants", "participants",
         "Cuộc diễn tập đã tổ chức phải có ít nhất một người tham gia."),
        ({"phases": []}, "drill_phases", "phase_1",
         "Hãy ghi ít nhất giai đoạn thứ nhất của cuộc diễn tập."),
        ({"phases": [PhaseData("1", date(2023, 10, 10)), PhaseData("2", date(2023, 10, 12))]},
         "drill_phase_date", "phase_2_on",
         "Giai đoạn 2 (12/10/2023) nằm ngoài thời gian diễn tập (10/10/2023–11/10/2023)."),
        ({"rating": "very_good"}, "drill_rating_not_on_scale", "rating",
         "Xếp loại “very_good” không có trong thang xếp loại diễn tập áp dụng ngày 11/10/2023 "
         "(Xuất sắc, Giỏi, Khá, Đạt, Không đạt)."),
    ],
)  # fmt: skip
def test_a_drill_is_refused_and_nothing_saved(tree, changes, code, field, message):
    the_plan = plan(tree.duong_quang)
    before = rows()

    with pytest.raises(DomainError) as refused:
        _record(the_plan, **changes)

    assert (refused.value.code, refused.value.field, refused.value.message) == (
        code, field, message,
    )  # fmt: skip
    assert rows() == before


def test_a_plan_is_held_once(tree):
    the_plan = plan(tree.duong_quang)
    held(the_plan)
    before = rows()

    with pytest.raises(DomainError) as refused:
        _record(the_plan)

    assert refused.value.code == "drill_already_held"
    assert rows() == before


def test_a_rating_not_on_the_configured_scale_is_refused(tree, commune_officer):
    # The province adopts a three-step scale from 2023: "excellent" is no longer on it.
    RuleSetting.objects.create(
        key="operations.drill_rating_scale",
        valid_from=date(2023, 1, 1),
        value=[
            {"code": "good", "label": "Tốt", "good_or_better": True},
            {"code": "pass", "label": "Đạt", "good_or_better": False},
            {"code": "fail", "label": "Không đạt", "good_or_better": False},
        ],
    )
    drill = held(plan(tree.duong_quang))
    before = rows()

    with pytest.raises(DomainError) as refused:
        services.drill_rate(actor=commune_officer, drill=drill, rating="excellent")

    assert refused.value.message == (
        "Xếp loại “excellent” không có trong thang xếp loại diễn tập áp dụng ngày 11/10/2023 "
        "(Tốt, Đạt, Không đạt)."
    )
    assert rows() == before

    rated = services.drill_rate(actor=commune_officer, drill=drill, rating="good")

    assert (rated.rating, rated.rating_label, rated.rated_good_or_better) == ("good", "Tốt", True)


def test_a_held_plan_cannot_be_changed(tree):
    the_plan = plan(tree.duong_quang)
    held(the_plan)

    with pytest.raises(DomainError) as refused:
        services.drill_plan_update(
            actor=None, plan=the_plan, data=DrillPlanData(2023, "defence_zone_combat", "Y")
        )

    assert refused.value.code == "drill_already_held"
