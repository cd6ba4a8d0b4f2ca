"""Classes of the militia register (see ``qsdp.core.privacy``): the grounds of
leaving and of Điều 11 decisions (health, family situation) are sensitive."""

from qsdp.core.privacy import DataClass

B, S, T = DataClass.BASIC, DataClass.SENSITIVE, DataClass.TECHNICAL

FIELD_CLASSES: dict[str, dict[str, DataClass]] = {
    "militia.militiaunit": {
        "id": T, "name": T, "org_unit": T, "militia_type": T, "kind": T, "parent": T,
        "commander": T, "created_at": T,
    },
    "militia.militiamember": {
        "id": T, "person": T, "created_by": T, "created_at": T,
        "org_unit": B, "militia_type": B, "unit": B, "position": B, "volunteer": B,
        "term_start": B, "term_end": B, "left_on": B,
        "leave_reason": S, "leave_note": S,
    },
    "militia.termextension": {
        "id": T, "member": T, "created_by": T, "created_at": T,
        "extended_on": B, "previous_term_end": B, "new_term_end": B, "decided_by": B,
        "decision_number": B,
    },
    "militia.dutydecision": {
        "id": T, "person": T, "created_by": T, "created_at": T,
        "org_unit": B, "status": B, "may_volunteer": B, "decided_on": B, "valid_until": B,
        "decision_number": B, "signer": B, "ended_on": B,
        "outcome": S, "legal_basis": S, "end_reason": S,
    },
    "militia.militiaregistration": {
        "id": T, "person": T, "created_by": T, "created_at": T,
        "org_unit": B, "year": B, "registered_on": B, "source": B, "service_event": B,
    },
    "militia.trainingrecord": {
        "id": T, "member": T, "recorded_by": T, "updated_at": T,
        "year": B, "days_done": B,
    },
    "militia.servicecompletion": {
        "id": T, "person": T, "member": T, "created_by": T, "created_at": T,
        "org_unit": B, "standing_months": B, "recognised_on": B, "decision_number": B,
        "decided_by": B, "legal_basis": B,
    },
}  # fmt: skip
