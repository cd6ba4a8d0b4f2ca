"""What every training service shares: access, dates, areas, the result scale."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from qsdp.accounts.scoping import require_write
from qsdp.core.errors import DomainError
from qsdp.military_service.rules.common import vn_date
from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person
from qsdp.training.errors import TrainingErrorCode as Code
from qsdp.training.models import ResultGrade
from qsdp.training.selectors.scales import area_of, grades_in_force


def guard(actor: Any, *paths: str) -> None:
    """403 unless ``actor`` may change records under one of ``paths`` (no actor: a loader)."""
    if actor is not None:
        require_write(actor, *paths)


def user_or_none(actor: Any) -> Any:
    return actor if getattr(actor, "pk", None) else None


def check_not_future(on: date, field: str) -> None:
    if on > timezone.localdate():
        raise DomainError(
            Code.DATE_IN_FUTURE,
            _("The date %(date)s is in the future.") % {"date": vn_date(on)},
            field=field,
        )


def is_half_days(days: Decimal) -> bool:
    return (Decimal(days) * 2) % 1 == 0


def within(unit: OrgUnit, area: OrgUnit) -> bool:
    """Whether ``unit`` (a command: the area it serves) lies in ``area``'s subtree."""
    return area_of(unit).path.startswith(area.path)


def check_person_in(person: Person, area: OrgUnit, field: str) -> None:
    if not person.org_unit.path.startswith(area.path):
        raise DomainError(
            Code.PERSON_OUTSIDE_UNIT,
            _("%(name)s is not in the register of %(unit)s.")
            % {"name": person.full_name, "unit": area.name},
            field=field,
        )


def grade(scale: str, code: str, on: date, field: str) -> ResultGrade | None:
    """The grade ``code`` of ``scale`` in force on ``on`` (None for no result);
    a code the configured scale does not have is refused."""
    if not code:
        return None
    grades = grades_in_force(scale=scale, on=on)
    for found in grades:
        if found.code == code:
            return found
    raise DomainError(
        Code.RESULT_NOT_ON_SCALE,
        _("The result “%(result)s” is not on the configured scale (%(grades)s).")
        % {"result": code, "grades": ", ".join(g.name for g in grades)},
        field=field,
    )
