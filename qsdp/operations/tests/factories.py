"""Builders of operations records through the real services (actor None: a loader)."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from qsdp.operations import services
from qsdp.operations.models import Drill, DrillPlan, DutyPost
from qsdp.operations.services import PatrolData, ShiftData
from qsdp.people.tests.factories import create_person
from qsdp.training.tests import factories as training

THREE_PHASES = (
    "Chuyển trạng thái sẵn sàng chiến đấu",
    "Chuẩn bị chiến đấu",
    "Thực hành chiến đấu",
)


def person(unit, **fields):  # type: ignore[no-untyped-def]
    return create_person(unit, birth_date=date(1995, 5, 10), **fields)


def at(day: date, hour: int = 7) -> datetime:
    """``hour`` o'clock on ``day``, local time."""
    return timezone.make_aware(datetime.combine(day, time(hour)))


def plan(unit, *, year=2023, kind="defence_zone_combat", title="", **fields) -> DrillPlan:  # type: ignore[no-untyped-def]
    return services.drill_plan_create(
        actor=None,
        org_unit=unit,
        data=services.DrillPlanData(
            year=year, kind=kind, title=title or f"Diễn tập {unit.name} {year}", **fields
        ),
    )


def held(  # type: ignore[no-untyped-def]
    drill_plan, *, start=None, days=2, participants=120, rating=""
) -> Drill:
    start = start or date(drill_plan.year, 10, 10)
    end = date.fromordinal(start.toordinal() + days - 1)
    phases = [
        services.PhaseData(name=name, on=min(date.fromordinal(start.toordinal() + i), end))
        for i, name in enumerate(THREE_PHASES)
    ]
    return services.drill_record(
        actor=None,
        plan=drill_plan,
        data=services.DrillData(held_from=start, held_to=end, participants=participants),
        phases=phases,
        rating=rating,
    )


def duty_post(unit, name="Trực ban Ban CHQS", opened_on=date(2023, 1, 1)) -> DutyPost:  # type: ignore[no-untyped-def]
    return services.duty_post_create(actor=None, org_unit=unit, name=name, opened_on=opened_on)


def shifts(post, day: date, *people) -> None:  # type: ignore[no-untyped-def]
    """A 24-hour shift from 07:00 on ``day`` for each of ``people``."""
    services.roster_save(
        actor=None, post=post, start=day, end=day,
        shifts=[ShiftData(p, at(day), at(day) + timedelta(hours=24)) for p in people],
    )  # fmt: skip


def calendar_month(tree) -> None:  # type: ignore[no-untyped-def]
    """Dương Quang, October 2023: a drill session at Thôn Nà Pài on the 5th and a
    political session on the 6th; the combat drill held on the 10th and 11th; a
    village elders' course from the 16th to the 18th; a civil-defence drill
    planned for the 25th; An and Bình on duty on the 2nd, An on the 4th; a
    patrol on the 20th. Sông Cầu: its own session, drill, duty and patrol."""
    dq, sc = tree.duong_quang, tree.song_cau
    dq_plan = training.plan(tree.duong_quang_command, title="Huấn luyện dân quân 2023")
    training.session(dq_plan, tree.duong_quang_village, on=date(2023, 10, 5), topic="Điều lệnh")
    training.session(
        dq_plan, dq, on=date(2023, 10, 6), days="0.5", topic="Tình hình thời sự",
        kind="political",
    )  # fmt: skip
    training.course(
        dq, code="village_elder", starts=date(2023, 10, 16), ends=date(2023, 10, 18),
        title="Bồi dưỡng già làng", organiser="Ban CHQS xã Dương Quang",
    )  # fmt: skip
    held(plan(dq, title="Diễn tập chiến đấu xã Dương Quang"), start=date(2023, 10, 10))
    plan(dq, kind="civil_defence", title="Diễn tập phòng thủ dân sự", planned_on=date(2023, 10, 25))
    an = person(dq, family_name="Hoàng", given_name="An")
    binh = person(dq, family_name="Lý", given_name="Bình")
    post = duty_post(dq, name="Trực ban Ban CHQS xã")
    shifts(post, date(2023, 10, 2), an, binh)
    shifts(post, date(2023, 10, 4), an)
    services.patrol_record(
        actor=None, org_unit=dq, data=PatrolData(date(2023, 10, 20), "Chợ Dương Quang", 4, 2)
    )
    sc_plan = training.plan(sc, title="Huấn luyện dân quân Sông Cầu")
    training.session(sc_plan, sc, on=date(2023, 10, 5), topic="Bắn súng Sông Cầu")
    held(plan(sc, title="Diễn tập Sông Cầu"), start=date(2023, 10, 10), days=1)
    khanh = person(sc, family_name="Lục", given_name="Khánh")
    shifts(duty_post(sc, name="Trực ban Ban CHQS phường"), date(2023, 10, 2), khanh)
    services.patrol_record(
        actor=None, org_unit=sc, data=PatrolData(date(2023, 10, 20), "Bến xe Sông Cầu", 3, 2)
    )


def rows() -> dict[str, object]:
    """What a refused or denied request must leave unchanged."""
    from qsdp.core.models import AuditEvent
    from qsdp.operations import models

    return {
        "plans": list(
            models.DrillPlan.objects.order_by("pk").values_list("pk", "year", "kind", "title")
        ),
        "drills": list(
            models.Drill.objects.order_by("pk").values_list(
                "pk", "held_from", "held_to", "rating", "rated_good_or_better"
            )
        ),
        "phases": models.DrillPhase.objects.count(),
        "posts": list(models.DutyPost.objects.order_by("pk").values_list("pk", "name")),
        "shifts": list(
            models.DutyShift.objects.order_by("pk").values_list(
                "pk", "post_id", "person_id", "starts_at", "ends_at"
            )
        ),
        "swaps": list(models.DutySwap.objects.order_by("pk").values_list("pk", "status")),
        "logs": models.DutyLog.objects.count(),
        "patrols": models.Patrol.objects.count(),
        "incidents": list(
            models.Incident.objects.order_by("pk").values_list(
                "pk", "status", "is_hot_spot", "resolved_on"
            )
        ),
        "follow_ups": models.IncidentFollowUp.objects.count(),
        "directives": models.Directive.objects.count(),
        "tasks": list(
            models.DirectiveTask.objects.order_by("pk").values_list("pk", "completed_on")
        ),
        "reports": models.TaskReport.objects.count(),
        "audit": AuditEvent.objects.count(),
    }
