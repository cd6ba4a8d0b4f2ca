"""Every write to the org-unit tree."""

from datetime import date
from typing import Any

from django.db import transaction

from qsdp.core.audit import record_event
from qsdp.orgunits.models import OrgUnit


def _derive_path(unit: OrgUnit) -> None:
    parent = unit.parent
    unit.path = f"{parent.path if parent else '/'}{unit.pk}/"
    unit.level = parent.level + 1 if parent else 0


@transaction.atomic
def org_unit_create(
    *,
    actor: Any,
    name: str,
    kind: str,
    opened_on: date,
    code: str = "",
    parent: OrgUnit | None = None,
    serves: OrgUnit | None = None,
    closed_on: date | None = None,
) -> OrgUnit:
    unit = OrgUnit(
        code=code,
        name=name,
        kind=kind,
        parent=parent,
        serves=serves,
        opened_on=opened_on,
        closed_on=closed_on,
        path="/pending/",
    )
    unit.full_clean()
    unit.save()
    _derive_path(unit)
    unit.save(update_fields=["path", "level"])
    record_event(actor=actor, verb="org_unit.created", target=unit)
    return unit
