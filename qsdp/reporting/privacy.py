"""Classes of reporting (see ``qsdp.core.privacy``): targets and submissions
describe units, not people; who set, submitted or approved them is basic data
of an official, and a reason for reopening names no citizen."""

from qsdp.core.privacy import DataClass

B, S, T = DataClass.BASIC, DataClass.SENSITIVE, DataClass.TECHNICAL

FIELD_CLASSES: dict[str, dict[str, DataClass]] = {
    "reporting.target": {
        "id": T, "created_at": T, "updated_at": T,
        "org_unit": T, "year": T, "indicator": T, "value": T, "basis": T,
        "set_by": B,
    },
    "reporting.submission": {
        "id": T, "created_at": T, "updated_at": T,
        "org_unit": T, "year": T, "status": T, "due_on": T,
        "submitted_at": T, "reopened_at": T, "approved_at": T,
        "submitted_by": B, "approved_by": B, "reopen_reason": B, "note": B,
    },
}  # fmt: skip
