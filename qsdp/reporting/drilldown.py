"""The records behind each indicator: for every code, the rows its numerator
(and, for a percentage, its denominator) counts — people with their birth date
and a link to their page, or drills, patrols, incidents, courses, quotas with
their own pages.

Each function reads with the very querysets the app's indicator counts with
(imported from ``qsdp.<app>.indicators`` even where private), so a drill-down
cannot drift from its number; ``tests/test_drilldown.py`` checks every code
on the demo. Scoping is the caller's: the unit passed in has been read inside
the user's scope, and every row lies in its subtree.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any
from urllib.parse import urlencode

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from qsdp.awards.indicators import awarded
from qsdp.awards.models import AwardRecipient, RecipientKind
from qsdp.military_service.indicators import FIT_CLASSES, _due, _last_exams, _live, _returns
from qsdp.military_service.models import Quota, ServiceEvent
from qsdp.military_service.rules.cycle import EventKind
from qsdp.militia.selectors.strength import members_on, residents_on
from qsdp.operations.indicators import _drills
from qsdp.operations.models import DrillKind, DutyPost, Incident, Patrol
from qsdp.operations.selectors.duty import coverage_rows
from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person
from qsdp.reserves.indicators import _in_register, _of
from qsdp.reserves.models import Arrangement, CommanderDecision, DecisionKind, ReserveReview
from qsdp.reserves.selectors.arrangement import arranged_on_q
from qsdp.reserves.selectors.reservists import in_register_q
from qsdp.training.indicators import _attendances, _courses
from qsdp.training.models import CourseParticipant

NUMERATOR = "numerator"
DENOMINATOR = "denominator"


@dataclass(frozen=True)
class Row:
    """One record behind a number, as the drill-down table shows it."""

    text: str  # a person's full name, or the record's title
    url: str
    on: date | None  # a person's birth date, or the record's date
    unit: str = ""
    detail: str = ""
    person: Person | None = None  # whose record it is (to log a sensitive read)


@dataclass(frozen=True)
class Part:
    """The rows behind a numerator or a denominator.

    ``weight`` is how much one row adds to the figure when it is not 1 (a quota
    adds its number, a course its planned trainees); ``sensitive`` names the
    fields of a person the rows reveal, whose reading is logged."""

    rows: QuerySet[Any] | Sequence[Any]
    row: Callable[[Any], Row]
    people: bool = True
    weight: Callable[[Any], int] | None = None
    sensitive: tuple[str, ...] = ()

    def total(self) -> int:
        if self.weight is not None:
            return sum(self.weight(item) for item in self.rows)
        if isinstance(self.rows, QuerySet):
            return self.rows.count()
        return len(self.rows)


Drilldown = Callable[..., dict[str, Part]]


def _d(day: date | None) -> str:
    return date_format(day, "d/m/Y") if day else ""


def _link(name: str, *args: object, **query: object) -> str:
    url = reverse(name, args=args)
    return f"{url}?{urlencode(query)}" if query else url


def _person(person: Person, unit: str = "", detail: str = "") -> Row:
    return Row(
        person.full_name,
        _link("people:person-detail", person.pk),
        person.birth_date,
        unit,
        detail,
        person,
    )


# Rows of each kind of record.


def _event_row(event: ServiceEvent) -> Row:
    return _person(event.person, event.org_unit.name, _d(event.occurred_on))


def _exam_row(exam: Any) -> Row:
    detail = _("class %(class)s, %(on)s") % {"class": exam.health_class, "on": _d(exam.examined_on)}
    return _person(exam.event.person, exam.event.org_unit.name, detail)


def _reservist_row(reservist: Any) -> Row:
    return _person(reservist.person, reservist.managed_by.name)


def _decision_row(decision: CommanderDecision) -> Row:
    detail = f"{decision.decision_number} ({_d(decision.decided_on)})"
    reservist = decision.reservist
    return _person(reservist.person, reservist.managed_by.name, detail)


def _member_row(member: Any) -> Row:
    return _person(member.person, member.org_unit.name, member.get_position_display())


def _participant_row(participant: CourseParticipant) -> Row:
    course = participant.course
    course_url = _link("training:course-detail", course.pk)
    if participant.person is not None:
        return _person(participant.person, course.org_unit.name, course.title)
    return Row(participant.official_name, course_url, None, course.org_unit.name, course.title)


def _course_row(course: Any) -> Row:
    detail = _("%(count)s planned trainees") % {"count": course.planned_trainees}
    url = _link("training:course-detail", course.pk)
    return Row(course.title, url, course.starts_on, course.org_unit.name, detail)


def _quota_row(quota: Quota) -> Row:
    text = _("Quota of %(count)s") % {"count": quota.number}
    url = _link("military_service:quota-tree", year=quota.call_up_year)
    return Row(text, url, quota.decided_on, quota.org_unit.name, quota.decision_number)


def _drill_row(drill: Any) -> Row:
    url = _link("operations:drill-detail", drill.pk)
    detail = drill.rating_label or drill.plan.get_kind_display()
    return Row(drill.plan.title, url, drill.held_from, drill.plan.org_unit.name, detail)


def _patrol_row(patrol: Patrol) -> Row:
    url = _link("operations:patrol-list", year=patrol.on.year, org_unit=patrol.org_unit_id)
    return Row(patrol.area, url, patrol.on, patrol.org_unit.name)


def _incident_row(incident: Incident) -> Row:
    url = _link("operations:incident-detail", incident.pk)
    return Row(
        incident.location,
        url,
        incident.reported_on,
        incident.org_unit.name,
        incident.get_kind_display(),
    )


def _duty_row(year: int, days: Callable[[Any], int]) -> Callable[[Any], Row]:
    def row(coverage: Any) -> Row:
        post = coverage.post
        url = _link("operations:duty-post-list", year=year, org_unit=post.org_unit_id)
        detail = _("%(count)s days") % {"count": days(coverage)}
        return Row(post.name, url, post.opened_on, post.org_unit.name, detail)

    return row


# The querysets, with what their rows show.


def _events(events: QuerySet[ServiceEvent]) -> Part:
    rows = events.select_related("person", "org_unit").order_by("occurred_on", "id")
    return Part(rows, _event_row)


def _people(people: QuerySet[Person]) -> Part:
    return Part(people.order_by("sort_name", "id"), _person)


def _exams(exams: QuerySet[Any]) -> Part:
    rows = exams.select_related("event__person", "event__org_unit").order_by("examined_on", "id")
    return Part(rows, _exam_row, sensitive=("health_class",))


def _reservists(reservists: QuerySet[Any]) -> Part:
    rows = reservists.select_related("person", "managed_by").order_by("person__sort_name", "id")
    return Part(rows, _reservist_row)


# Military service.


def _quotas(org_unit: OrgUnit, year: int) -> Part:
    # The top quotas of the subtree, as ``call_up.quota`` sums them.
    quotas = (
        Quota.objects.filter(call_up_year=year, org_unit__path__startswith=org_unit.path)
        .exclude(parent__org_unit__path__startswith=org_unit.path)
        .select_related("org_unit")
        .order_by("org_unit__path", "id")
    )
    return Part(quotas, _quota_row, people=False, weight=lambda quota: quota.number)


def _enlisted(org_unit: OrgUnit, year: int) -> Part:
    return _events(_live(EventKind.ENLISTMENT, org_unit).filter(call_up_year=year))


def call_up_quota(*, org_unit: OrgUnit, year: int) -> dict[str, Part]:
    return {NUMERATOR: _quotas(org_unit, year)}


def call_up_enlisted(*, org_unit: OrgUnit, year: int) -> dict[str, Part]:
    return {NUMERATOR: _enlisted(org_unit, year)}


def call_up_fulfilment_pct(*, org_unit: OrgUnit, year: int) -> dict[str, Part]:
    return {NUMERATOR: _enlisted(org_unit, year), DENOMINATOR: _quotas(org_unit, year)}


def first_registration_due(*, org_unit: OrgUnit, year: int) -> dict[str, Part]:
    return {NUMERATOR: _people(_due(org_unit, year))}


def first_registration_registered_pct(*, org_unit: OrgUnit, year: int) -> dict[str, Part]:
    due = _due(org_unit, year)
    registered = ServiceEvent.objects.filter(
        person=OuterRef("pk"),
        kind=EventKind.FIRST_REGISTRATION,
        cancelled_on__isnull=True,
        occurred_on__lte=date(year, 12, 31),
    )
    return {NUMERATOR: _people(due.filter(Exists(registered))), DENOMINATOR: _people(due)}


def health_exam_examined(*, org_unit: OrgUnit, year: int) -> dict[str, Part]:
    return {NUMERATOR: _exams(_last_exams(org_unit, year))}


def health_exam_fit_pct(*, org_unit: OrgUnit, year: int) -> dict[str, Part]:
    exams = _last_exams(org_unit, year)
    return {
        NUMERATOR: _exams(exams.filter(health_class__lte=FIT_CLASSES)),
        DENOMINATOR: _exams(exams),
    }


def returnees_count(*, org_unit: OrgUnit, year: int) -> dict[str, Part]:
    return {NUMERATOR: _events(_returns(org_unit, year))}


def returnees_registered_on_time_pct(*, org_unit: OrgUnit, year: int) -> dict[str, Part]:
    returns = _returns(org_unit, year)
    on_time = ServiceEvent.objects.filter(
        person=OuterRef("person"),
        kind=EventKind.RESERVE_REGISTRATION,
        cancelled_on__isnull=True,
        occurred_on__gte=OuterRef("occurred_on"),
        occurred_on__lte=OuterRef("due_on"),
    )
    return {NUMERATOR: _events(returns.filter(Exists(on_time))), DENOMINATOR: _events(returns)}


# Reserves.


def reserves_count(*, org_unit: OrgUnit, year: int) -> dict[str, Part]:
    return {NUMERATOR: _reservists(_in_register(org_unit, date(year, 12, 31)))}


def reserves_arranged_pct(*, org_unit: OrgUnit, year: int) -> dict[str, Part]:
    end = date(year, 12, 31)
    members = _in_register(org_unit, end)
    held = Arrangement.objects.filter(arranged_on_q(end), reservist=OuterRef("pk"))
    return {
        NUMERATOR: _reservists(members.filter(Exists(held))),
        DENOMINATOR: _reservists(members),
    }


def _decisions(org_unit: OrgUnit, year: int, kind: DecisionKind) -> dict[str, Part]:
    decisions = (
        CommanderDecision.objects.filter(
            reservist__managed_by__path__startswith=org_unit.path, decided_on__year=year, kind=kind
        )
        .select_related("reservist__person", "reservist__managed_by")
        .order_by("decided_on", "id")
    )
    return {NUMERATOR: Part(decisions, _decision_row)}


def reserves_reviewed_pct(*, org_unit: OrgUnit, year: int) -> dict[str, Part]:
    end = date(year, 12, 31)
    reviewed = Exists(ReserveReview.objects.filter(reservist=OuterRef("pk"), year=year))
    population = _of(org_unit).filter(in_register_q(end) | Q(reviewed))
    return {
        NUMERATOR: _reservists(population.filter(reviewed)),
        DENOMINATOR: _reservists(population),
    }


# Militia.


def _members(org_unit: OrgUnit, year: int) -> Part:
    members = members_on(date(year, 12, 31)).filter(org_unit__path__startswith=org_unit.path)
    rows = members.select_related("person", "org_unit").order_by("person__sort_name", "id")
    return Part(rows, _member_row)


def militia_count(*, org_unit: OrgUnit, year: int) -> dict[str, Part]:
    return {NUMERATOR: _members(org_unit, year)}


def militia_population_pct(*, org_unit: OrgUnit, year: int) -> dict[str, Part]:
    residents = residents_on(date(year, 12, 31)).filter(org_unit__path__startswith=org_unit.path)
    population = Person.objects.filter(pk__in=residents.values("person_id"))
    return {NUMERATOR: _members(org_unit, year), DENOMINATOR: _people(population)}


# Training and defence education.


def training_participants(*, org_unit: OrgUnit, year: int) -> dict[str, Part]:
    present = _attendances(org_unit, year).filter(present=True)
    return {NUMERATOR: _people(Person.objects.filter(pk__in=present.values("person")))}


def training_pass_pct(*, org_unit: OrgUnit, year: int) -> dict[str, Part]:
    # The last graded session of each person in the year, as ``training.pass_pct``.
    graded = _attendances(org_unit, year).filter(result__isnull=False)
    later = graded.filter(person=OuterRef("person")).filter(
        Q(session__held_on__gt=OuterRef("session__held_on"))
        | Q(session__held_on=OuterRef("session__held_on"), session_id__gt=OuterRef("session_id"))
    )
    last = graded.exclude(Exists(later))
    passed = last.filter(result__passes=True)
    return {
        NUMERATOR: _people(Person.objects.filter(pk__in=passed.values("person"))),
        DENOMINATOR: _people(Person.objects.filter(pk__in=last.values("person"))),
    }


def _participants(participants: QuerySet[CourseParticipant]) -> Part:
    rows = participants.select_related("person", "course__org_unit").order_by(
        "course__starts_on", "course_id", "id"
    )
    return Part(rows, _participant_row)


def defence_education_participants(*, org_unit: OrgUnit, year: int) -> dict[str, Part]:
    courses = _courses(org_unit, year, None)
    return {NUMERATOR: _participants(CourseParticipant.objects.filter(course__in=courses))}


def defence_education_completion_pct(*, org_unit: OrgUnit, year: int) -> dict[str, Part]:
    courses = _courses(org_unit, year, None)
    completed = CourseParticipant.objects.filter(course__in=courses, completed=True)
    planned = courses.select_related("org_unit").order_by("starts_on", "id")
    return {
        NUMERATOR: _participants(completed),
        DENOMINATOR: Part(
            planned, _course_row, people=False, weight=lambda course: course.planned_trainees
        ),
    }


# Drills, duty, patrols and incidents.


def _drill_part(drills: QuerySet[Any]) -> Part:
    rows = drills.select_related("plan__org_unit").order_by("held_from", "id")
    return Part(rows, _drill_row, people=False)


def drills_held(*, org_unit: OrgUnit, year: int) -> dict[str, Part]:
    return {NUMERATOR: _drill_part(_drills(org_unit, year))}


def drills_of_kind(*, org_unit: OrgUnit, year: int, kind: str) -> dict[str, Part]:
    return {NUMERATOR: _drill_part(_drills(org_unit, year).filter(plan__kind=kind))}


def drills_rated_good_or_better_pct(*, org_unit: OrgUnit, year: int) -> dict[str, Part]:
    drills = _drills(org_unit, year)
    return {
        NUMERATOR: _drill_part(drills.filter(rated_good_or_better=True)),
        DENOMINATOR: _drill_part(drills.filter(rated_good_or_better__isnull=False)),
    }


def readiness_duty_days_covered_pct(*, org_unit: OrgUnit, year: int) -> dict[str, Part]:
    start, end = date(year, 1, 1), date(year, 12, 31)
    posts = DutyPost.objects.filter(
        org_unit__path__startswith=org_unit.path, opened_on__lte=end
    ).exclude(closed_on__lt=start)
    rows = coverage_rows(posts, start, end)

    def covered(row: Any) -> int:
        return int(row.covered)

    def days(row: Any) -> int:
        return int(row.days)

    return {
        NUMERATOR: Part(rows, _duty_row(year, covered), people=False, weight=covered),
        DENOMINATOR: Part(rows, _duty_row(year, days), people=False, weight=days),
    }


def patrols_count(*, org_unit: OrgUnit, year: int) -> dict[str, Part]:
    patrols = Patrol.objects.filter(org_unit__path__startswith=org_unit.path, on__year=year)
    rows = patrols.select_related("org_unit").order_by("on", "id")
    return {NUMERATOR: Part(rows, _patrol_row, people=False)}


def incidents_hot_spots(*, org_unit: OrgUnit, year: int) -> dict[str, Part]:
    hot = Incident.objects.filter(
        org_unit__path__startswith=org_unit.path, reported_on__year=year, is_hot_spot=True
    )
    rows = hot.select_related("org_unit").order_by("reported_on", "id")
    return {NUMERATOR: Part(rows, _incident_row, people=False)}


# Awards.


def _recipient_row(recipient: AwardRecipient) -> Row:
    decision = recipient.proposal.decision
    detail = f"{decision.number} ({_d(decision.decided_on)})" if decision else ""
    if recipient.person is not None:
        return _person(recipient.person, recipient.org_unit.name, detail)
    url = _link("awards:decision-detail", decision.pk) if decision else ""
    on = decision.decided_on if decision else None
    return Row(recipient.name, url, on, recipient.org_unit.name, detail)


def _awarded(*, org_unit: OrgUnit, year: int, kind: str) -> dict[str, Part]:
    recipients = (
        awarded(kind=kind, org_unit=org_unit, year=year)
        .select_related("person", "org_unit", "proposal__decision")
        .order_by("proposal__decision__decided_on", "name", "id")
    )
    return {NUMERATOR: Part(recipients, _recipient_row, people=kind == RecipientKind.INDIVIDUAL)}


DRILLDOWNS: dict[str, Drilldown] = {
    "call_up.quota": call_up_quota,
    "call_up.enlisted": call_up_enlisted,
    "call_up.fulfilment_pct": call_up_fulfilment_pct,
    "first_registration.due": first_registration_due,
    "first_registration.registered_pct": first_registration_registered_pct,
    "health_exam.examined": health_exam_examined,
    "health_exam.fit_pct": health_exam_fit_pct,
    "returnees.count": returnees_count,
    "returnees.registered_on_time_pct": returnees_registered_on_time_pct,
    "reserves.count": reserves_count,
    "reserves.arranged_pct": reserves_arranged_pct,
    "reserves.appointments": partial(_decisions, kind=DecisionKind.APPOINTMENT),
    "reserves.dismissals": partial(_decisions, kind=DecisionKind.DISMISSAL),
    "reserves.reviewed_pct": reserves_reviewed_pct,
    "militia.count": militia_count,
    "militia.population_pct": militia_population_pct,
    "training.participants": training_participants,
    "training.pass_pct": training_pass_pct,
    "defence_education.participants": defence_education_participants,
    "defence_education.completion_pct": defence_education_completion_pct,
    "drills.held": drills_held,
    **{f"drills.by_kind.{kind}": partial(drills_of_kind, kind=kind) for kind in DrillKind.values},
    "drills.rated_good_or_better_pct": drills_rated_good_or_better_pct,
    "readiness_duty.days_covered_pct": readiness_duty_days_covered_pct,
    "patrols.count": patrols_count,
    "incidents.hot_spots": incidents_hot_spots,
    "awards.collective_count": partial(_awarded, kind=RecipientKind.COLLECTIVE),
    "awards.individual_count": partial(_awarded, kind=RecipientKind.INDIVIDUAL),
}


def drilldown(code: str, *, org_unit: OrgUnit, year: int) -> dict[str, Part]:
    """The parts behind ``code`` for ``org_unit``'s subtree in ``year`` (KeyError
    for a code without a drill-down)."""
    return DRILLDOWNS[code](org_unit=org_unit, year=year)
