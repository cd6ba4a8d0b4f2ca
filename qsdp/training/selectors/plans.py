"""Training plans, their sessions and a session's attendance, as the user may see them."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum

from qsdp.accounts.models import User
from qsdp.accounts.scoping import get_scoped_or_404
from qsdp.militia.models import MilitiaMember
from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person
from qsdp.reserves.models import Reservist
from qsdp.training.models import Attendance, Audience, TrainingPlan, TrainingSession
from qsdp.training.selectors._common import in_area, prefixed, visible
from qsdp.training.selectors.scales import area_of


@dataclass(frozen=True)
class PlanFilters:
    year: int | None = None
    org_unit: OrgUnit | None = None
    audience: str = ""


def plan_list(*, user: User, filters: PlanFilters) -> QuerySet[TrainingPlan]:
    """The plans the user may see, with their sessions and days held."""
    plans = visible(TrainingPlan.objects.all(), user).filter(in_area(filters.org_unit))
    if filters.year:
        plans = plans.filter(year=filters.year)
    if filters.audience:
        plans = plans.filter(audience=filters.audience)
    return (
        plans.annotate(session_count=Count("sessions"), days_held=Sum("sessions__days"))
        .select_related("org_unit__serves")
        .order_by("-year", "org_unit__path", "audience", "id")
    )


def plan_get(*, user: User, pk: int) -> TrainingPlan:
    return get_scoped_or_404(
        TrainingPlan.objects.select_related("org_unit__serves__parent", "org_unit__parent"),
        user,
        *prefixed(""),
        pk=pk,
    )


def plan_sessions(*, plan: TrainingPlan) -> QuerySet[TrainingSession]:
    """The plan's sessions in date order, each with the number present."""
    return (
        TrainingSession.objects.filter(plan=plan)
        .annotate(present_count=Count("attendances", filter=Q(attendances__present=True)))
        .select_related("org_unit")
        .order_by("held_on", "id")
    )


def session_get(*, user: User, pk: int) -> TrainingSession:
    return get_scoped_or_404(
        TrainingSession.objects.select_related("plan__org_unit__serves", "org_unit"),
        user,
        *prefixed("plan__"),
        pk=pk,
    )


def audience_people(*, plan: TrainingPlan, first: date, last: date) -> QuerySet[Person]:
    """Who the plan trains between ``first`` and ``last``: the militia members or
    the reservists of its area (the commune command has no register here)."""
    area = area_of(plan.org_unit)
    held: QuerySet[Any]
    if plan.audience == Audience.MILITIA:
        held = MilitiaMember.objects.filter(
            Q(left_on__isnull=True) | Q(left_on__gt=first),
            person=OuterRef("pk"),
            term_start__lte=last,
            org_unit__path__startswith=area.path,
        )
    elif plan.audience == Audience.RESERVISTS:
        held = Reservist.objects.filter(
            Q(removed_on__isnull=True) | Q(removed_on__gt=first),
            person=OuterRef("pk"),
            registered_on__lte=last,
            managed_by__path__startswith=area.path,
        )
    else:
        return Person.objects.none()
    return Person.objects.filter(Exists(held))


@dataclass(frozen=True)
class AttendanceRow:
    person: Person
    expected: bool  # of the plan's audience on the day (else only recorded)
    attendance: Attendance | None

    @property
    def present(self) -> bool:
        return self.attendance.present if self.attendance else False

    @property
    def result_code(self) -> str:
        result = self.attendance.result if self.attendance else None
        return result.code if result else ""


def session_attendance(*, session: TrainingSession) -> list[AttendanceRow]:
    """The people expected at the session and those recorded, as registers sort names."""
    recorded = {
        a.person_id: a
        for a in Attendance.objects.filter(session=session).select_related(
            "person__org_unit", "result"
        )
    }
    expected = list(
        audience_people(plan=session.plan, first=session.held_on, last=session.held_on)
        .select_related("org_unit")
        .order_by("sort_name", "id")
    )
    rows = [AttendanceRow(p, True, recorded.pop(p.pk, None)) for p in expected]
    rows += [AttendanceRow(a.person, False, a) for a in recorded.values()]
    return sorted(rows, key=lambda r: (r.person.sort_name, r.person.pk))
