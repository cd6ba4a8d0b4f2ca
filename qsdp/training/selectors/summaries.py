"""What a plan achieved — the summary the year-end review quotes ("cơ bản,
thiết thực, vững chắc"): who was trained, days done against days required,
and the results.

- The people of a plan: its audience in the plan's area during the year (the
  militia members, the reservists) and anyone recorded at one of its sessions.
- Days done: the days of the sessions a person attended (political education
  included). Days required: for the militia, the days of Luật DQTV 2019 Điều 28
  for the member's type and year of service (``qsdp.militia.rules``); for the
  others, the plan's planned days.
- A person's result in a plan is the result of his last graded session.

A fixed number of queries whatever the number of plans or people.
"""

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Coalesce

from qsdp.accounts.models import User
from qsdp.military_service.indicators import percent
from qsdp.militia.models import MilitiaMember
from qsdp.militia.selectors import days_required
from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person
from qsdp.reserves.models import Reservist
from qsdp.training.models import (
    Attendance,
    Audience,
    ResultGrade,
    ResultScale,
    SessionKind,
    TrainingPlan,
    TrainingSession,
)
from qsdp.training.selectors._common import in_area, visible
from qsdp.training.selectors.scales import area_of, grades_in_force

PCT_PLACES = "0.1"


@dataclass(frozen=True)
class TraineeRow:
    person: Person
    sessions: int  # sessions attended
    days_done: Decimal
    days_required: Decimal
    result: ResultGrade | None

    @property
    def trained(self) -> bool:
        return self.sessions > 0

    @property
    def met(self) -> bool:
        return self.days_done >= self.days_required


@dataclass(frozen=True)
class GradeCount:
    grade: ResultGrade
    count: int
    pct: Decimal | None


@dataclass(frozen=True)
class PlanSummary:
    plan: TrainingPlan
    sessions: int
    political_sessions: int
    days_held: Decimal
    rows: list[TraineeRow]
    grades: list[GradeCount]  # every grade of the scale, best first

    @property
    def people(self) -> int:
        return len(self.rows)

    @property
    def trained(self) -> int:
        return sum(1 for r in self.rows if r.trained)

    @property
    def trained_pct(self) -> Decimal | None:
        return percent(self.trained, self.people, PCT_PLACES)

    @property
    def days_done(self) -> Decimal:
        return sum((r.days_done for r in self.rows), Decimal(0))

    @property
    def days_required(self) -> Decimal:
        return sum((r.days_required for r in self.rows), Decimal(0))

    @property
    def met(self) -> int:
        return sum(1 for r in self.rows if r.met)

    @property
    def graded(self) -> int:
        return sum(1 for r in self.rows if r.result is not None)

    @property
    def passed(self) -> int:
        return sum(1 for r in self.rows if r.result is not None and r.result.passes)

    @property
    def pass_pct(self) -> Decimal | None:
        return percent(self.passed, self.graded, PCT_PLACES)


def _year(plan: TrainingPlan) -> tuple[date, date]:
    return date(plan.year, 1, 1), date(plan.year, 12, 31)


def _members(plans: Sequence[TrainingPlan]) -> dict[int, list[MilitiaMember]]:
    """The militia members of each militia plan's area during its year."""
    wanted = [p for p in plans if p.audience == Audience.MILITIA]
    if not wanted:
        return {}
    condition = Q(pk__in=[])
    for plan in wanted:
        first, last = _year(plan)
        condition |= Q(
            org_unit__path__startswith=area_of(plan.org_unit).path,
            term_start__lte=last,
            last_day__gte=first,
        )
    members = (
        MilitiaMember.objects.alias(last_day=Coalesce(F("left_on"), F("term_end")))
        .filter(condition)
        .select_related("person", "org_unit")
        .order_by("term_start", "id")
    )
    found: dict[int, list[MilitiaMember]] = defaultdict(list)
    for member in members:
        for plan in wanted:
            first, last = _year(plan)
            end = member.left_on or member.term_end
            if (
                member.org_unit.path.startswith(area_of(plan.org_unit).path)
                and member.term_start <= last
                and end >= first
            ):
                found[plan.pk].append(member)  # the later term wins below
    return found


def _reservists(plans: Sequence[TrainingPlan]) -> dict[int, list[Person]]:
    wanted = [p for p in plans if p.audience == Audience.RESERVISTS]
    if not wanted:
        return {}
    condition = Q(pk__in=[])
    for plan in wanted:
        first, last = _year(plan)
        condition |= Q(
            Q(removed_on__isnull=True) | Q(removed_on__gt=first),
            managed_by__path__startswith=area_of(plan.org_unit).path,
            registered_on__lte=last,
        )
    found: dict[int, list[Person]] = defaultdict(list)
    for reservist in Reservist.objects.filter(condition).select_related("person", "managed_by"):
        for plan in wanted:
            first, last = _year(plan)
            if (
                reservist.managed_by.path.startswith(area_of(plan.org_unit).path)
                and reservist.registered_on <= last
                and (reservist.removed_on is None or reservist.removed_on > first)
            ):
                found[plan.pk].append(reservist.person)
    return found


def plan_summaries(plans: Sequence[TrainingPlan]) -> list[PlanSummary]:
    """The summary of each plan (plans read with ``org_unit__serves``)."""
    ids = [p.pk for p in plans]
    sessions = (
        TrainingSession.objects.filter(plan_id__in=ids)
        .values("plan_id")
        .annotate(
            n=Count("id"),
            political=Count("id", filter=Q(kind=SessionKind.POLITICAL)),
            days=Sum("days"),
        )
    )
    held = {s["plan_id"]: s for s in sessions}
    attended = (
        Attendance.objects.filter(session__plan_id__in=ids, present=True)
        .values("session__plan_id", "person_id")
        .annotate(n=Count("id"), days=Sum("session__days"))
    )
    done = {(a["session__plan_id"], a["person_id"]): a for a in attended}
    results: dict[tuple[int, int], ResultGrade] = {}
    for attendance in (
        Attendance.objects.filter(session__plan_id__in=ids, result__isnull=False)
        .select_related("result", "session")
        .order_by("session__held_on", "session_id")
    ):
        results[(attendance.session.plan_id, attendance.person_id)] = attendance.result  # type: ignore[assignment]
    members = _members(plans)
    reservists = _reservists(plans)
    recorded = Person.objects.filter(
        pk__in={person_id for _plan, person_id in done} | {pid for _plan, pid in results}
    )
    people_by_id = {p.pk: p for p in recorded}
    scales: dict[int, list[ResultGrade]] = {}
    summaries = []
    for plan in plans:
        if plan.year not in scales:
            scales[plan.year] = grades_in_force(
                scale=ResultScale.TRAINING, on=date(plan.year, 12, 31)
            )
        scale = scales[plan.year]
        member_of = {m.person_id: m for m in members.get(plan.pk, [])}
        people = {m.person_id: m.person for m in members.get(plan.pk, [])}
        people.update({p.pk: p for p in reservists.get(plan.pk, [])})
        for plan_id, person_id in [*done, *results]:
            if plan_id == plan.pk:
                people.setdefault(person_id, people_by_id[person_id])
        rows = []
        for person in sorted(people.values(), key=lambda p: (p.sort_name, p.pk)):
            row = done.get((plan.pk, person.pk))
            member = member_of.get(person.pk)
            required = Decimal(days_required(member, plan.year)) if member else plan.planned_days
            rows.append(
                TraineeRow(
                    person=person,
                    sessions=row["n"] if row else 0,
                    days_done=row["days"] if row else Decimal(0),
                    days_required=required,
                    result=results.get((plan.pk, person.pk)),
                )
            )
        counts = Counter(r.result.pk for r in rows if r.result is not None)
        graded = sum(counts.values())
        extra = [r.result for r in rows if r.result is not None and r.result not in scale]
        grades = [
            GradeCount(g, counts[g.pk], percent(counts[g.pk], graded, PCT_PLACES))
            for g in [*scale, *dict.fromkeys(extra)]
        ]
        info = held.get(plan.pk, {})
        summaries.append(
            PlanSummary(
                plan=plan,
                sessions=info.get("n", 0),
                political_sessions=info.get("political", 0),
                days_held=info.get("days") or Decimal(0),
                rows=rows,
                grades=grades,
            )
        )
    return summaries


def plan_summary(*, plan: TrainingPlan) -> PlanSummary:
    return plan_summaries([plan])[0]


@dataclass(frozen=True)
class YearSummary:
    year: int
    plans: list[PlanSummary]


def year_summary(*, user: User, year: int, org_unit: OrgUnit | None = None) -> YearSummary:
    """Every plan of ``year`` the user may see (in ``org_unit``'s area), summarised."""
    plans = list(
        visible(TrainingPlan.objects.filter(year=year), user)
        .filter(in_area(org_unit))
        .select_related("org_unit__serves")
        .order_by("org_unit__path", "audience", "id")
    )
    return YearSummary(year=year, plans=plan_summaries(plans))
