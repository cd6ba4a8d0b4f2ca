"""Builders of operations records through the real services (actor None: a loader)."""

from datetime import date, datetime, time

from django.utils import timezone

from qsdp.operations import services
from qsdp.operations.models import Drill, DrillPlan, DutyPost
from qsdp.people.tests.factories import create_person

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
