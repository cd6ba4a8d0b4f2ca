"""Reserve technical equipment (phương tiện kỹ thuật dự bị): vehicles, machines and
boats of citizens and organisations, registered by the commune, earmarked for a
reserve unit, released when they leave (Luật Lực lượng DBĐV 2019 Điều 2)."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from qsdp.core.audit import snapshot
from qsdp.core.errors import DomainError
from qsdp.core.locks import ensure_period_open
from qsdp.core.text import nfc
from qsdp.military_service.rules.common import vn_date
from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person
from qsdp.reserves.errors import ReserveErrorCode as Code
from qsdp.reserves.models import ReserveEquipment, ReserveUnit
from qsdp.reserves.services._common import (
    audit_changed,
    audit_created,
    check_not_future,
    guard,
    save_new,
    user_or_none,
)

EQUIPMENT_FIELDS = (
    "managed_by", "owner_name", "owner_person", "kind", "description", "plate_or_serial",
    "condition", "earmarked_unit", "registered_on",
)  # fmt: skip


@dataclass(frozen=True)
class EquipmentData:
    owner_name: str
    kind: str
    plate_or_serial: str
    condition: str
    description: str = ""
    owner_person: Person | None = None


def _check_open(equipment: ReserveEquipment) -> None:
    if equipment.released_on is not None:
        raise DomainError(
            Code.EQUIPMENT_RELEASED,
            _("This equipment was released on %(date)s.")
            % {"date": vn_date(equipment.released_on)},
        )


@transaction.atomic
def equipment_register(
    *,
    actor: Any,
    managed_by: OrgUnit,
    data: EquipmentData,
    registered_on: date,
    earmarked_unit: ReserveUnit | None = None,
) -> ReserveEquipment:
    """Register a vehicle or machine at ``managed_by`` (the commune), earmarked or not."""
    guard(actor, managed_by.path)
    ensure_period_open(org_unit=managed_by, on=registered_on, field="registered_on")
    check_not_future(registered_on, "registered_on")
    plate = "".join(data.plate_or_serial.split()).upper()
    if ReserveEquipment.objects.filter(plate_or_serial=plate, released_on__isnull=True).exists():
        raise DomainError(
            Code.PLATE_DUPLICATE,
            _("Equipment with the plate or serial number %(plate)s is already registered.")
            % {"plate": plate},
            field="plate_or_serial",
        )
    equipment = ReserveEquipment(
        owner_name=nfc(data.owner_name),
        owner_person=data.owner_person,
        kind=data.kind,
        description=nfc(data.description),
        plate_or_serial=plate,
        condition=data.condition,
        managed_by=managed_by,
        earmarked_unit=earmarked_unit,
        registered_on=registered_on,
        recorded_by=user_or_none(actor),
    )
    save_new(equipment)
    audit_created(
        actor=actor, verb="reserve_equipment.registered", obj=equipment,
        fields=EQUIPMENT_FIELDS, person_id=data.owner_person.pk if data.owner_person else None,
    )  # fmt: skip
    return equipment


@transaction.atomic
def equipment_earmark(
    *, actor: Any, equipment: ReserveEquipment, unit: ReserveUnit | None, condition: str = ""
) -> ReserveEquipment:
    """Earmark ``equipment`` for ``unit`` (None: no unit), noting its condition."""
    guard(actor, equipment.managed_by.path)
    equipment = ReserveEquipment.objects.select_for_update().get(pk=equipment.pk)
    _check_open(equipment)
    fields = ("earmarked_unit", "condition")
    before = snapshot(equipment, fields)
    equipment.earmarked_unit = unit
    equipment.condition = condition or equipment.condition
    equipment.full_clean()
    equipment.save()
    audit_changed(
        actor=actor, verb="reserve_equipment.earmarked", obj=equipment, before=before,
        fields=fields, person_id=equipment.owner_person_id,
    )  # fmt: skip
    return equipment


@transaction.atomic
def equipment_release(
    *, actor: Any, equipment: ReserveEquipment, on: date, reason: str
) -> ReserveEquipment:
    """Release equipment from the reserve on ``on`` for ``reason``; the row stays, dated."""
    guard(actor, equipment.managed_by.path)
    ensure_period_open(org_unit=equipment.managed_by, on=on, field="on")
    equipment = ReserveEquipment.objects.select_for_update().get(pk=equipment.pk)
    _check_open(equipment)
    if not reason.strip():
        raise DomainError(
            Code.RELEASE_REASON_MISSING,
            _("Give the reason for releasing the equipment."),
            field="reason",
        )
    check_not_future(on, "released_on")
    if on < equipment.registered_on:
        raise DomainError(
            Code.END_BEFORE_START,
            _("The date is before the equipment was registered on %(date)s.")
            % {"date": vn_date(equipment.registered_on)},
            field="released_on",
        )
    fields = ("released_on", "release_reason", "earmarked_unit")
    before = snapshot(equipment, fields)
    equipment.released_on = on
    equipment.release_reason = nfc(reason)
    equipment.earmarked_unit = None
    equipment.full_clean()
    equipment.save()
    audit_changed(
        actor=actor, verb="reserve_equipment.released", obj=equipment, before=before,
        fields=fields, person_id=equipment.owner_person_id,
    )  # fmt: skip
    return equipment
