"""Classes of the org-unit tree (see ``qsdp.core.privacy``): units describe no one."""

from qsdp.core.privacy import DataClass

B, S, T = DataClass.BASIC, DataClass.SENSITIVE, DataClass.TECHNICAL

FIELD_CLASSES: dict[str, dict[str, DataClass]] = {
    "orgunits.orgunit": {
        "id": T, "code": T, "name": T, "kind": T, "parent": T, "serves": T, "path": T, "level": T,
        "opened_on": T, "closed_on": T,
    },
    "orgunits.orgunitlineage": {
        "id": T, "predecessor": T, "successor": T, "kind": T, "effective_on": T, "basis": T,
    },
}  # fmt: skip
