"""Approved periods are closed to edits.

When the command approves a unit's data for a year, ``qsdp.reporting`` writes a
``PeriodLock``; every service that changes register data dated in a year calls
``ensure_period_open`` first, so that a change to approved figures is refused
with a message naming the approval instead of silently altering a signed report.
"""

from datetime import date

from django.utils.translation import gettext as _

from qsdp.core.errors import DomainError
from qsdp.core.models import PeriodLock

PERIOD_LOCKED = "period_locked"


def _ancestor_paths(path: str) -> list[str]:
    # "/1/5/23/" → ["/1/", "/1/5/", "/1/5/23/"]
    parts = [part for part in path.split("/") if part]
    return ["/" + "/".join(parts[: depth + 1]) + "/" for depth in range(len(parts))]


def period_lock_for(*, org_unit: object, on: date) -> PeriodLock | None:
    """The approval that locks ``org_unit``'s data of ``on``'s year: its own or an
    ancestor's (a parent is approved only after its children). A military command's
    data is that of the area it serves (its records count there), so its lock too."""
    area = getattr(org_unit, "serves", None) or org_unit
    path = getattr(area, "path", "")
    if not path:
        return None
    return (
        PeriodLock.objects.filter(year=on.year, org_unit__path__in=_ancestor_paths(path))
        .select_related("org_unit", "approved_by")
        .order_by("org_unit__level")
        .first()
    )


def ensure_period_open(*, org_unit: object, on: date, field: str | None = None) -> None:
    """Raise ``DomainError(period_locked)`` when ``on`` falls in an approved year."""
    lock = period_lock_for(org_unit=org_unit, on=on)
    if lock is None:
        return
    raise DomainError(
        PERIOD_LOCKED,
        _(
            "The data of %(unit)s for %(year)s was approved (%(approval)s); "
            "ask the command to reopen the period before changing it."
        )
        % {
            "unit": lock.org_unit.name,
            "year": lock.year,
            "approval": lock.reference,
        },
        field=field,
        extra={"lock_id": lock.pk, "org_unit": lock.org_unit.code, "year": lock.year},
    )
