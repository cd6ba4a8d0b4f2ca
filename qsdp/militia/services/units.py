"""Militia units of a commune and their commanders (Luật DQTV 2019 Điều 19–20)."""

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from qsdp.core.audit import diff, record_event, snapshot
from qsdp.core.errors import DomainError
from qsdp.core.text import nfc
from qsdp.militia.errors import MilitiaErrorCode as Code
from qsdp.militia.models import MilitiaMember, MilitiaUnit
from qsdp.militia.services._common import guard
from qsdp.orgunits.models import COMMUNE_LEVEL_KINDS, OrgUnit

FIELDS = ("name", "militia_type", "kind", "parent", "commander")


@dataclass(frozen=True)
class UnitData:
    name: str
    militia_type: str
    kind: str
    parent: MilitiaUnit | None = None
    commander: MilitiaMember | None = None


def _check(org_unit: OrgUnit, data: UnitData, unit: MilitiaUnit | None) -> None:
    others = MilitiaUnit.objects.filter(org_unit=org_unit, name__iexact=data.name)
    if unit is not None:
        others = others.exclude(pk=unit.pk)
    if others.exists():
        raise DomainError(
            Code.UNIT_NAME_TAKEN,
            _("%(commune)s already has a militia unit named %(name)s.")
            % {"commune": org_unit.name, "name": data.name},
            field="name",
        )
    parent = data.parent
    if parent is not None:
        if parent.org_unit_id != org_unit.pk:
            raise DomainError(
                Code.UNIT_PARENT_ELSEWHERE,
                _("The parent unit %(unit)s belongs to another commune.") % {"unit": parent.name},
                field="parent",
            )
        seen: set[int] = set()
        while unit is not None and parent is not None and parent.pk not in seen:
            if parent.pk == unit.pk:
                raise DomainError(
                    Code.UNIT_PARENT_CYCLE,
                    _("A unit cannot be placed under itself or under one of its own units."),
                    field="parent",
                )
            seen.add(parent.pk)
            parent = parent.parent
    commander = data.commander
    if commander is not None and (
        unit is None or commander.unit_id != unit.pk or commander.left_on is not None
    ):
        raise DomainError(
            Code.COMMANDER_NOT_IN_UNIT,
            _("The commander must be a current member of this unit."),
            field="commander",
        )


@transaction.atomic
def unit_create(*, actor: Any, org_unit: OrgUnit, data: UnitData) -> MilitiaUnit:
    """A new militia unit of a commune (its commander is set once it has members)."""
    guard(actor, org_unit.path)
    if org_unit.kind not in COMMUNE_LEVEL_KINDS:
        raise DomainError(
            Code.UNIT_NOT_COMMUNE,
            _("Militia units belong to a ward, commune, town or special zone."),
            field="org_unit",
        )
    data = UnitData(
        nfc(data.name), data.militia_type, data.kind, data.parent, commander=data.commander
    )
    _check(org_unit, data, None)
    unit = MilitiaUnit(
        org_unit=org_unit,
        name=data.name,
        militia_type=data.militia_type,
        kind=data.kind,
        parent=data.parent,
    )
    unit.full_clean(validate_constraints=False)
    unit.save()
    record_event(
        actor=actor,
        verb="militia.unit_created",
        target=unit,
        changes={k: [None, v] for k, v in snapshot(unit, FIELDS).items() if v is not None},
    )
    return unit


@transaction.atomic
def unit_update(*, actor: Any, unit: MilitiaUnit, data: UnitData) -> MilitiaUnit:
    """Rename, re-type or re-attach a unit, or name its commander."""
    guard(actor, unit.org_unit.path)
    unit = MilitiaUnit.objects.select_for_update().select_related("org_unit").get(pk=unit.pk)
    data = UnitData(nfc(data.name), data.militia_type, data.kind, data.parent, data.commander)
    _check(unit.org_unit, data, unit)
    before = snapshot(unit, FIELDS)
    unit.name = data.name
    unit.militia_type = data.militia_type
    unit.kind = data.kind
    unit.parent = data.parent
    unit.commander = data.commander
    changes = diff(before, snapshot(unit, FIELDS))
    if not changes:
        return unit
    unit.full_clean(validate_constraints=False)
    unit.save()
    record_event(actor=actor, verb="militia.unit_updated", target=unit, changes=changes)
    return unit
