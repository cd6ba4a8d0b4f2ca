"""Writing the audit trail. Services call these inside their transaction."""

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import models

from qsdp.core.models import AccessLog, AuditEvent


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    return value


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The plain values of ``fields`` on ``obj``, for a before/after diff."""
    return {name: _plain(getattr(obj, name)) for name in fields}


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for the fields whose value changed."""
    return {
        key: [before.get(key), after.get(key)] for key in after if before.get(key) != after.get(key)
    }


def record_event(
    *,
    actor: Any,
    verb: str,
    target: models.Model,
    changes: dict[str, Any] | None = None,
    person_id: int | None = None,
) -> AuditEvent:
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        verb=verb,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_repr=str(target)[:255],
        person_id=person_id,
        changes=changes or {},
    )


def record_access(
    *,
    actor: Any,
    target: models.Model,
    fields: Iterable[str],
    purpose: str,
    person_id: int | None = None,
) -> AccessLog:
    return AccessLog.objects.create(
        actor=actor,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        person_id=person_id,
        fields=sorted(fields),
        purpose=purpose,
    )


def record_task_event(
    *, actor: Any, verb: str, task: str, changes: dict[str, Any] | None = None
) -> AuditEvent:
    """An event of a task that changes many records at once (the retention
    purge): it is named by the task, not by one record."""
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        verb=verb,
        target_type="core.task",
        target_id=task,
        target_repr=task,
        changes=changes or {},
    )
