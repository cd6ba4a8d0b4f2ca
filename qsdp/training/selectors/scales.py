"""The reference data of training: the result grades of each scale and the
trainee categories, both effective-dated; and what a unit's area is."""

from datetime import date

from django.db.models import Q, QuerySet

from qsdp.orgunits.models import OrgUnit
from qsdp.training.models import ResultGrade, TraineeCategory


def area_of(unit: OrgUnit) -> OrgUnit:
    """The administrative area of a unit: a military command stands for the
    area it serves (Ban CHQS xã Dương Quang → Xã Dương Quang)."""
    return unit.serves or unit


def in_force_q(on: date) -> Q:
    return Q(valid_from__lte=on) & (Q(valid_to__isnull=True) | Q(valid_to__gte=on))


def grades_in_force(*, scale: str, on: date) -> list[ResultGrade]:
    """The grades of ``scale`` in force on ``on``, best first."""
    return list(ResultGrade.objects.filter(in_force_q(on), scale=scale).order_by("rank", "id"))


def categories_in_force(*, on: date) -> QuerySet[TraineeCategory]:
    return TraineeCategory.objects.filter(in_force_q(on)).order_by("rank", "valid_from", "id")


def category_list() -> QuerySet[TraineeCategory]:
    """Every trainee category, each version (reference data: not scoped)."""
    return TraineeCategory.objects.order_by("rank", "valid_from", "id")


def categories_in_year(year: int) -> QuerySet[TraineeCategory]:
    """The versions in force on some day of ``year``."""
    return TraineeCategory.objects.filter(
        Q(valid_from__lte=date(year, 12, 31))
        & (Q(valid_to__isnull=True) | Q(valid_to__gte=date(year, 1, 1)))
    ).order_by("rank", "valid_from", "id")
