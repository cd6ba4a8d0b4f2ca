"""Which fields of the military-service register are basic and which are
sensitive personal data (Law 91/2025/QH15; DOMAIN.md §8): health results,
disease codes, and grounds that reveal health or a family's policy status
(liệt sĩ, thương binh). A test fails when a field has no class."""

from qsdp.core.privacy import DataClass

B, S, T = DataClass.BASIC, DataClass.SENSITIVE, DataClass.TECHNICAL

FIELD_CLASSES: dict[str, dict[str, DataClass]] = {
    "military_service.serviceevent": {
        "id": T, "person": T, "recorded_by": T, "created_at": T, "cancelled_by": T,
        "kind": B, "occurred_on": B, "org_unit": B, "call_up_year": B, "decision_number": B,
        "decided_on": B, "signer": B, "valid_until": B, "due_on": B, "cancelled_on": B,
        "cancel_reason": B,
        # The ground and its point reveal health or family status; the diagnosis
        # of an exemption from registration is kept in ``details``.
        "reason_code": S, "legal_point": S, "details": S,
    },
    "military_service.healthexam": {
        "id": T, "event": T, "examined_on": B, "call_up_year": B,
        "indicator_scores": S, "health_class": S, "myopia_diopters": S,
        "hyperopia_diopters": S, "bmi": S, "drug_addicted": S,
        "myopia_boundary_inclusive": T, "may_be_called_up": S, "reason": S,
    },
    "military_service.calluporder": {
        "id": T, "event": T, "org_unit": B, "call_up_year": B, "sequence": T, "number": B,
        "issued_on": B, "report_on": B, "report_place": B,
    },
    "military_service.quota": {
        "id": T, "call_up_year": T, "org_unit": T, "number": T, "parent": T, "decided_on": T,
        "decision_number": T, "assigned_by": T, "created_at": T,
    },
    "military_service.callupcandidate": {
        "id": T, "person": T, "call_up_year": B, "org_unit": B, "rank": B, "list_kind": B,
        "status": B, "approved_on": B, "approved_by": T, "withdrawn_on": B,
        "withdraw_reason": S, "replaces": T,
    },
}  # fmt: skip
