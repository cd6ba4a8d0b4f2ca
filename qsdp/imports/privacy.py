"""Data classes of the import's own records (shape of qsdp/people/privacy.py).
The stored file and the result hold register data: basic, like the rows they
came from (its sensitive columns are not imported)."""

from qsdp.core.privacy import DataClass

B, T = DataClass.BASIC, DataClass.TECHNICAL

FIELD_CLASSES: dict[str, dict[str, DataClass]] = {
    "imports.importjob": {
        "id": T, "created_at": T, "created_by": T, "org_unit": B, "kind": T, "file": T,
        "original_name": B, "dry_run": T, "skip_invalid": T, "status": T, "rows_total": T,
        "rows_done": T, "result": B, "heartbeat": T, "attempts": T, "finished_at": T,
    },
    "imports.exportlog": {
        "id": T, "at": T, "actor": T, "register": T, "file_format": T, "filters": T,
        "row_count": T,
    },
}  # fmt: skip
