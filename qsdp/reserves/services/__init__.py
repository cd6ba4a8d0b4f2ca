"""Every write of the reserve register: ``<entity>_<verb>(*, actor, …)``, one
transaction and one audit event each; a refusal is a ``DomainError`` with a
Vietnamese message, and nothing is saved."""

from qsdp.reserves.services.arrangements import arrangement_end, reservist_arrange
from qsdp.reserves.services.decisions import commander_decision_record, readiness_check_record
from qsdp.reserves.services.equipment import (
    EquipmentData,
    equipment_earmark,
    equipment_register,
    equipment_release,
)
from qsdp.reserves.services.reservists import (
    ClassFacts,
    ReservistData,
    reservist_create,
    reservist_remove,
    reservist_update,
)
from qsdp.reserves.services.returnees import reservist_register_from_returnee
from qsdp.reserves.services.reviews import reserve_review_record
from qsdp.reserves.services.units import (
    PostData,
    UnitData,
    reserve_post_create,
    reserve_post_update,
    reserve_unit_create,
    reserve_unit_update,
)

__all__ = [
    "ClassFacts",
    "EquipmentData",
    "PostData",
    "ReservistData",
    "UnitData",
    "arrangement_end",
    "commander_decision_record",
    "equipment_earmark",
    "equipment_register",
    "equipment_release",
    "readiness_check_record",
    "reserve_post_create",
    "reserve_post_update",
    "reserve_review_record",
    "reserve_unit_create",
    "reserve_unit_update",
    "reservist_arrange",
    "reservist_create",
    "reservist_register_from_returnee",
    "reservist_remove",
    "reservist_update",
]
