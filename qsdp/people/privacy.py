"""Which fields of the register are basic and which are sensitive personal data
(Law 91/2025/QH15; Decree 356/2025/NĐ-CP), gathered by ``qsdp.core.privacy``.
Every read of a sensitive field is logged (qsdp.core.models.AccessLog); a test
fails when a field has no class."""

from qsdp.core.privacy import DataClass

B, S, T = DataClass.BASIC, DataClass.SENSITIVE, DataClass.TECHNICAL

FIELD_CLASSES: dict[str, dict[str, DataClass]] = {
    "people.person": {
        "id": T, "created_at": T, "updated_at": T, "search_name": T, "sort_name": T,
        "org_unit": B, "pending_transfer_to": B,
        "national_id": B, "family_name": B, "middle_name": B, "given_name": B,
        "birth_date": B, "sex": B, "education_grade": B, "education_level": B,
        "occupation": B, "workplace": B, "phone": B, "address": B,
        "ethnicity": S, "religion": S,
        "version": T, "deleted_at": T, "deleted_by": T, "delete_reason": B,
    },
    "people.residence": {
        "id": T, "person": T, "created_by": T, "org_unit": B, "kind": B, "address": B,
        "started_on": B, "start_reason": B, "ended_on": B, "moved_to": B, "moved_to_unit": B,
    },
}  # fmt: skip
