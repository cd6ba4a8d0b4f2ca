"""What the allowed personas change through the pages, exactly; refusals show
the Vietnamese message and save nothing."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from qsdp.operations.models import (
    Directive,
    DirectiveTask,
    Drill,
    DrillPlan,
    DutyLog,
    DutyShift,
    DutySwap,
    Incident,
    Patrol,
)
from qsdp.operations.tests.factories import rows

pytestmark = pytest.mark.django_db


def test_the_officer_plans_next_years_drill(client, world, commune_officer, tree):
    client.force_login(commune_officer)

    response = client.post(
        reverse("operations:drill-plan-create"),
        {"org_unit": tree.duong_quang.pk, "year": 2025, "kind": "disaster_response",
         "title": "Diễn tập PCTT-TKCN 2025", "planned_on": "15/06/2025", "directed_by": "UBND xã"},
    )  # fmt: skip

    created = DrillPlan.objects.get(year=2025)
    assert response["Location"] == reverse("operations:drill-plan-detail", args=[created.pk])
    assert (created.org_unit, created.kind, created.level, created.planned_on) == (
        tree.duong_quang, "disaster_response", "commune", date(2025, 6, 15),
    )  # fmt: skip


def _drill_post(**changes):  # type: ignore[no-untyped-def]
    return {
        "held_from": "10/10/2024", "held_to": "11/10/2024", "participants": "150",
        "forces": "Dân quân cơ động", "notable_participants": "", "safety_incidents": "",
        "notes": "", "rating": "excellent", "phase_1": "Chuyển trạng thái",
        "phase_1_on": "10/10/2024",
        "phase_2": "Chuẩn bị chiến đấu", "phase_2_on": "10/10/2024", "phase_3": "Thực hành",
        "phase_3_on": "11/10/2024", **changes,
    }  # fmt: skip


def test_the_officer_records_the_drill_held_with_three_phases(client, world, commune_officer):
    client.force_login(commune_officer)
    plan = world["plan_2024"]

    client.post(reverse("operations:drill-record", args=[plan.pk]), _drill_post())

    drill = Drill.objects.get(plan=plan)
    assert [(p.number, p.name) for p in drill.phases.all()] == [
        (1, "Chuyển trạng thái"), (2, "Chuẩn bị chiến đấu"), (3, "Thực hành"),
    ]  # fmt: skip
    assert (drill.participants, drill.rating_label, drill.rated_good_or_better) == (
        150, "Xuất sắc", True,
    )  # fmt: skip


def test_a_rating_not_on_the_scale_is_refused_on_the_page(client, world, commune_officer):
    client.force_login(commune_officer)
    before = rows()

    response = client.post(
        reverse("operations:drill-rate", args=[world["drill"].pk]), {"rating": "outstanding"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "rating": [
            "Xếp loại “outstanding” không có trong thang xếp loại diễn tập áp dụng ngày "
            "11/10/2023 (Xuất sắc, Giỏi, Khá, Đạt, Không đạt)."
        ]
    }
    assert rows() == before


def _roster(world, start, days, people):  # type: ignore[no-untyped-def]
    url = reverse("operations:roster", args=[world["post"].pk])
    query = (
        f"?start={start:%d/%m/%Y}&end={start + timedelta(days=days - 1):%d/%m/%Y}"
        "&starts_at=07:00&hours=24&per_day=1"
    )
    data = {
        f"d{start + timedelta(days=i):%Y%m%d}_0": world[name].pk if name else ""
        for i, name in enumerate(people)
    }
    return url + query, data


def test_a_roster_breaking_the_rest_rule_is_shown_then_refused(client, world, commune_officer):
    client.force_login(commune_officer)
    start = date(2023, 10, 2)
    url, data = _roster(world, start, 3, ["an", "an", "binh"])
    before = rows()

    checked = client.post(url, {**data, "action": "check"}, HTTP_HX_REQUEST="true")
    saved = client.post(url, {**data, "action": "save"})

    rest = (
        "Hoàng Văn An sẽ nghỉ ít hơn 24 giờ giữa ca kết thúc lúc 07:00 03/10/2023 "
        "và ca bắt đầu lúc 07:00 03/10/2023."
    )
    assert checked.templates[0].name == "operations/partials/roster_check.html"
    assert checked.context["violations"] == [rest]
    assert saved.status_code == 200
    assert saved.context["violations"] == [rest]
    assert saved.context["form"].non_field_errors() == [
        "Bảng phân công vi phạm quy định nghỉ 1 lần; chưa lưu gì."
    ]
    assert rows() == before


def test_a_roster_keeping_the_rule_is_saved(client, world, commune_officer):
    client.force_login(commune_officer)
    start = date(2023, 10, 2)
    url, data = _roster(world, start, 3, ["an", "binh", ""])

    response = client.post(url, {**data, "action": "save"})

    assert response.status_code == 302
    shifts = DutyShift.objects.filter(starts_at__date__lt=date(2024, 1, 1)).order_by("starts_at")
    assert [(timezone.localtime(s.starts_at).date(), s.person.given_name) for s in shifts] == [
        (date(2023, 10, 2), "An"), (date(2023, 10, 3), "Bình"),
    ]  # fmt: skip


def test_a_fair_rotation_is_proposed(client, world, commune_officer):
    client.force_login(commune_officer)
    url, _data = _roster(world, date(2023, 10, 2), 4, [])

    form = client.get(url + "&propose=1").context["form"]

    assert [form.initial.get(f"d2023100{d}_0") for d in (2, 3, 4, 5)] == [
        world["an"].pk, world["binh"].pk, world["an"].pk, world["binh"].pk,
    ]  # fmt: skip


def test_the_commander_approves_a_swap(client, world, commune_officer):
    client.force_login(commune_officer)

    client.post(
        reverse("operations:swap-decide", args=[world["swap"].pk]),
        {"decision": "approve", "note": "Đồng ý"},
    )

    assert DutySwap.objects.get().status == "approved"
    assert DutyShift.objects.get(pk=world["shift"].pk).person == world["binh"]


def test_the_officer_logs_a_day(client, world, commune_officer):
    client.force_login(commune_officer)

    client.post(
        reverse("operations:duty-log-record", args=[world["post"].pk]),
        {"day": "03/10/2023", "on_duty": [world["an"].pk, world["binh"].pk],
         "events": "Bình thường", "handed_over_to": "Lý Văn Bình"},
    )  # fmt: skip

    log = DutyLog.objects.get(day=date(2023, 10, 3))
    assert sorted(p.given_name for p in log.on_duty.all()) == ["An", "Bình"]


def test_patrols_and_incidents(client, world, commune_officer, tree):
    client.force_login(commune_officer)

    client.post(
        reverse("operations:patrol-record"),
        {"org_unit": tree.duong_quang.pk, "on": "05/03/2023", "area": "Thôn Nà Pài",
         "militia_count": 3, "police_count": 1, "other_count": 0},
    )  # fmt: skip
    client.post(
        reverse("operations:incident-follow-up", args=[world["incident"].pk]),
        {"on": "10/05/2023", "note": "Đã ổn định", "status": "resolved"},
    )

    assert list(Patrol.objects.filter(area="Thôn Nà Pài").values_list("on", flat=True)) == [
        date(2023, 3, 5)
    ]
    incident = Incident.objects.get(pk=world["incident"].pk)
    assert (incident.status, incident.resolved_on, incident.is_hot_spot) == (
        "resolved", date(2023, 5, 10), False,
    )  # fmt: skip


def test_directives_tasks_and_reports(client, world, command_staff, commune_officer, tree):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(command_staff)
    client.post(
        reverse("operations:directive-create"),
        {"org_unit": tree.city.pk, "kind": "plan", "number": "30/KH-BCHQS",
         "issued_on": "01/02/2023", "signer": "Hà Văn Tuấn", "summary": "Tuần tra",
         "file": SimpleUploadedFile("kh30.pdf", b"%PDF-1.4 kh30")},
    )  # fmt: skip
    directive = Directive.objects.get(number="30/KH-BCHQS")
    client.post(
        reverse("operations:task-assign", args=[directive.pk]),
        {"assigned_to": tree.duong_quang.pk, "title": "Tuần tra Tết", "deadline": "20/02/2023"},
    )
    task = DirectiveTask.objects.get(title="Tuần tra Tết")
    client.force_login(commune_officer)
    client.post(
        reverse("operations:task-report", args=[task.pk]),
        {"reported_on": "19/02/2023", "completed": "on", "evidence": "Báo cáo số 5"},
    )
    download = client.get(reverse("operations:directive-file", args=[directive.pk]))

    task.refresh_from_db()
    assert task.completed_on == date(2023, 2, 19)
    assert b"".join(download.streaming_content) == b"%PDF-1.4 kh30"


def test_overdue_tasks_are_seen_up_the_tree(client, world, command_staff):
    client.force_login(command_staff)

    page = client.get(reverse("operations:task-list"), {"overdue_only": "on"}).context["page"]

    assert [t.title for t in page.items] == ["Xây dựng kế hoạch diễn tập"]
