"""What the reserve services share: access, dates, the audit entry."""

from datetime import date
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from qsdp.accounts.scoping import require_write
from qsdp.core.audit import diff, record_event, snapshot
from qsdp.core.errors import DomainError
from qsdp.military_service.rules.common import vn_date
from qsdp.reserves.errors import ReserveErrorCode as Code
from qsdp.reserves.models import ReserveUnit, Reservist


def guard(actor: Any, *paths: str) -> None:
    """403 unless ``actor`` may change records under one of ``paths`` (no actor: a loader)."""
    if actor is not None:
        require_write(actor, *paths)


def user_or_none(actor: Any) -> Any:
    return actor if getattr(actor, "pk", None) else None


def unit_paths(unit: ReserveUnit) -> tuple[str, ...]:
    """The paths a reserve unit belongs to: its holding command and the area it serves."""
    holder = unit.org_unit
    return (holder.path, holder.serves.path) if holder.serves_id else (holder.path,)  # type: ignore[union-attr]


def check_not_future(on: date, field: str) -> None:
    if on > timezone.localdate():
        raise DomainError(
            Code.DATE_IN_FUTURE,
            _("The date %(date)s is in the future.") % {"date": vn_date(on)},
            field=field,
        )


def check_in_register(reservist: Reservist, on: date, field: str) -> None:
    """Refuse an act on a reservist who is not in the register on ``on``."""
    if reservist.removed_on is not None and on >= reservist.removed_on:
        raise DomainError(
            Code.REMOVED,
            _("%(name)s was removed from the reserve on %(date)s.")
            % {"name": reservist.person, "date": vn_date(reservist.removed_on)},
            field=field,
        )
    if on < reservist.registered_on:
        raise DomainError(
            Code.DATE_BEFORE_REGISTRATION,
            _("%(name)s was registered in the reserve only on %(date)s.")
            % {"name": reservist.person, "date": vn_date(reservist.registered_on)},
            field=field,
        )


def lock_reservist(reservist: Reservist) -> Reservist:
    return (
        Reservist.objects.select_for_update()
        .select_related("person__org_unit", "managed_by")
        .get(pk=reservist.pk)
    )


def save_new(obj: models.Model) -> None:
    obj.full_clean()
    obj.save()


def audit_created(
    *, actor: Any, verb: str, obj: models.Model, fields: tuple[str, ...], person_id: int | None
) -> None:
    """The one audit entry of a service that created ``obj``: its values as [None, value]."""
    values = snapshot(obj, fields)
    record_event(
        actor=actor,
        verb=verb,
        target=obj,
        person_id=person_id,
        changes={k: [None, v] for k, v in values.items() if v not in ("", None)},
    )


def audit_changed(
    *,
    actor: Any,
    verb: str,
    obj: models.Model,
    before: dict[str, Any],
    fields: tuple[str, ...],
    person_id: int | None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The one audit entry of a change: {field: [before, after]}; returns the changes."""
    changes = {**diff(before, snapshot(obj, fields)), **(extra or {})}
    if changes:
        record_event(actor=actor, verb=verb, target=obj, person_id=person_id, changes=changes)
    return changes
