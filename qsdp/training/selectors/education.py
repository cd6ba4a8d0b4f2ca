"""Defence and security education courses as the user may see them, their
participants, and the share of planned trainees trained per category."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum

from qsdp.accounts.models import User
from qsdp.accounts.scoping import get_scoped_or_404
from qsdp.military_service.indicators import percent
from qsdp.orgunits.models import OrgUnit
from qsdp.training.models import CourseParticipant, EducationCourse, TraineeCategory
from qsdp.training.selectors._common import in_area, prefixed, visible

PCT_PLACES = "0.1"


@dataclass(frozen=True)
class CourseFilters:
    year: int | None = None
    org_unit: OrgUnit | None = None
    category: str = ""  # a category code (every version of it)


def _filtered(user: User, filters: CourseFilters) -> QuerySet[EducationCourse]:
    courses = visible(EducationCourse.objects.all(), user).filter(in_area(filters.org_unit))
    if filters.year:
        courses = courses.filter(year=filters.year)
    if filters.category:
        courses = courses.filter(category__code=filters.category)
    return courses


def course_list(*, user: User, filters: CourseFilters) -> QuerySet[EducationCourse]:
    """The courses the user may see, each with its participants and completions."""
    return (
        _filtered(user, filters)
        .annotate(
            participant_count=Count("participants"),
            completed_count=Count("participants", filter=Q(participants__completed=True)),
        )
        .select_related("org_unit__serves", "category")
        .order_by("-year", "starts_on", "id")
    )


def course_get(*, user: User, pk: int) -> EducationCourse:
    return get_scoped_or_404(
        EducationCourse.objects.select_related("org_unit__serves", "category"),
        user,
        *prefixed(""),
        pk=pk,
    )


def course_participants(*, course: EducationCourse) -> QuerySet[CourseParticipant]:
    return (
        CourseParticipant.objects.filter(course=course)
        .select_related("person__org_unit", "result")
        .order_by("id")
    )


@dataclass(frozen=True)
class CategoryShare:
    category: TraineeCategory
    courses: int
    planned: int
    participants: int
    completed: int

    @property
    def pct(self) -> Decimal | None:
        """Trained (completed) per 100 planned trainees."""
        return percent(self.completed, self.planned, PCT_PLACES)


def category_shares(
    *, user: User, year: int, org_unit: OrgUnit | None = None
) -> list[CategoryShare]:
    """Per category version used in ``year``: courses, planned, enrolled, completed."""
    courses = _filtered(user, CourseFilters(year=year, org_unit=org_unit))
    planned = {
        row["category"]: row
        for row in courses.values("category").annotate(
            n=Count("id"), planned=Sum("planned_trainees")
        )
    }
    enrolled = {
        row["course__category"]: row
        for row in CourseParticipant.objects.filter(course__in=courses)
        .values("course__category")
        .annotate(n=Count("id"), completed=Count("id", filter=Q(completed=True)))
    }
    categories = TraineeCategory.objects.filter(pk__in=planned).order_by("rank", "valid_from")
    return [
        CategoryShare(
            category=category,
            courses=planned[category.pk]["n"],
            planned=planned[category.pk]["planned"] or 0,
            participants=enrolled.get(category.pk, {}).get("n", 0),
            completed=enrolled.get(category.pk, {}).get("completed", 0),
        )
        for category in categories
    ]
