"""Classes of the reserve register (see ``qsdp.core.privacy``): the health class
and the grounds of removal or review notes (health, convictions) are sensitive."""

from qsdp.core.privacy import DataClass

B, S, T = DataClass.BASIC, DataClass.SENSITIVE, DataClass.TECHNICAL

FIELD_CLASSES: dict[str, dict[str, DataClass]] = {
    "reserves.reservist": {
        "id": T, "person": T, "recorded_by": T, "created_at": T,
        "reserve_class": B, "rank_group": B, "rank": B, "specialty_code": B, "specialty_name": B,
        "registered_on": B, "source": B, "managed_by": B, "removed_on": B,
        "health_class": S, "removal_reason": S, "removal_note": S,
    },
    "reserves.reserveunit": {
        "id": T, "name": T, "code": T, "org_unit": T, "kind": T, "parent": T, "created_at": T,
    },
    "reserves.reservepost": {
        "id": T, "unit": T, "title": T, "specialty_code": T, "specialty_name": T,
        "establishment_count": T,
    },
    "reserves.arrangement": {
        "id": T, "reservist": T, "recorded_by": T, "created_at": T,
        "post": B, "arranged_on": B, "ended_on": B, "end_reason": B, "near_match_reason": B,
    },
    "reserves.reservereview": {
        "id": T, "reservist": T, "recorded_by": T, "created_at": T,
        "year": B, "reviewed_on": B, "residence_confirmed": B, "specialty_confirmed": B,
        "outcome": B,
        "health_confirmed": S, "note": S,
    },
    "reserves.commanderdecision": {
        "id": T, "reservist": T, "recorded_by": T, "created_at": T,
        "unit": B, "position": B, "kind": B, "decision_number": B, "decided_on": B, "signer": B,
    },
    "reserves.readinesscheck": {
        "id": T, "unit": T, "checked_on": T, "kind": T, "present_count": T, "result": T,
        "note": T, "recorded_by": T, "created_at": T,
    },
    "reserves.reserveequipment": {
        "id": T, "owner_person": T, "recorded_by": T, "created_at": T,
        "managed_by": B, "owner_name": B, "kind": B, "description": B, "plate_or_serial": B,
        "condition": B, "earmarked_unit": B, "registered_on": B, "released_on": B,
        "release_reason": B,
    },
}  # fmt: skip
