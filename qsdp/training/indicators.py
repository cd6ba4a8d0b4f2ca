"""The training and defence-education indicators of DESIGN.md for any org-unit
subtree and year, with aggregate queries (no per-person loops), in the shape of
``qsdp.military_service.indicators``.

- ``training.participants``: people present at one session or more held in the
  year at a unit of the subtree (a command: the area it serves), counted once.
- ``training.pass_pct``: of those graded, the share whose result — the result
  of their last graded session of the year in the subtree — counts as a pass on
  the configured scale.
- ``defence_education.participants``: participants of the courses of the year
  organised by a unit of the subtree (officials outside the register included).
- ``defence_education.completion_pct``: participants who completed those courses
  per 100 planned trainees of the same courses.

The defence-education indicators take an optional ``category`` (a trainee
category code, every version of it): the value for that category alone.
"""

from collections.abc import Callable
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum

from qsdp.military_service.indicators import IndicatorValue, count_value, percent_value
from qsdp.orgunits.models import OrgUnit
from qsdp.training.models import Attendance, CourseParticipant, EducationCourse
from qsdp.training.selectors._common import in_area
from qsdp.training.selectors.scales import categories_in_year


def _attendances(unit: OrgUnit, year: int) -> QuerySet[Attendance]:
    return Attendance.objects.filter(in_area(unit, "session__"), session__held_on__year=year)


def training_participants(*, org_unit: OrgUnit, year: int) -> IndicatorValue:
    present = _attendances(org_unit, year).filter(present=True)
    people = present.aggregate(n=Count("person", distinct=True))["n"]
    return count_value("training.participants", people)


def training_pass_pct(*, org_unit: OrgUnit, year: int) -> IndicatorValue:
    graded = _attendances(org_unit, year).filter(result__isnull=False)
    later = graded.filter(person=OuterRef("person")).filter(
        Q(session__held_on__gt=OuterRef("session__held_on"))
        | Q(session__held_on=OuterRef("session__held_on"), session_id__gt=OuterRef("session_id"))
    )
    last = graded.exclude(Exists(later))
    counts = last.aggregate(
        graded=Count("person", distinct=True),
        passed=Count("person", distinct=True, filter=Q(result__passes=True)),
    )
    return percent_value("training.pass_pct", counts["passed"], counts["graded"])


def _courses(unit: OrgUnit, year: int, category: str | None) -> QuerySet[EducationCourse]:
    courses = EducationCourse.objects.filter(in_area(unit), year=year)
    return courses.filter(category__code=category) if category else courses


def defence_education_participants(
    *, org_unit: OrgUnit, year: int, category: str | None = None
) -> IndicatorValue:
    participants = CourseParticipant.objects.filter(course__in=_courses(org_unit, year, category))
    return count_value("defence_education.participants", participants.count())


def defence_education_completion_pct(
    *, org_unit: OrgUnit, year: int, category: str | None = None
) -> IndicatorValue:
    courses = _courses(org_unit, year, category)
    planned = courses.aggregate(total=Sum("planned_trainees"))["total"] or 0
    completed = CourseParticipant.objects.filter(course__in=courses, completed=True).count()
    return percent_value("defence_education.completion_pct", completed, planned)


def defence_education_by_category(
    *, org_unit: OrgUnit, year: int
) -> dict[str, dict[str, IndicatorValue]]:
    """``{category code: {indicator code: value}}`` for each category of the year."""
    codes = dict.fromkeys(c.code for c in categories_in_year(year))
    return {
        code: {
            "defence_education.participants": defence_education_participants(
                org_unit=org_unit, year=year, category=code
            ),
            "defence_education.completion_pct": defence_education_completion_pct(
                org_unit=org_unit, year=year, category=code
            ),
        }
        for code in codes
    }


Indicator = Callable[..., IndicatorValue]

INDICATORS: dict[str, Indicator] = {
    "training.participants": training_participants,
    "training.pass_pct": training_pass_pct,
    "defence_education.participants": defence_education_participants,
    "defence_education.completion_pct": defence_education_completion_pct,
}


def indicator_value(code: str, *, org_unit: OrgUnit, year: int, **options: Any) -> IndicatorValue:
    """The value of the indicator ``code`` (KeyError for a code not of this app);
    ``category=`` for the defence-education ones."""
    return INDICATORS[code](org_unit=org_unit, year=year, **options)
