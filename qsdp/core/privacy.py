"""The one registry of personal data (Law 91/2025/QH15; Decree 356/2025/NĐ-CP;
DOMAIN.md §8): every concrete field of every qsdp model is basic or sensitive
personal data, or technical (describes no one). Each app declares its own fields
in ``qsdp/<app>/privacy.py`` as ``FIELD_CLASSES = {"app.model": {"field": class}}``;
this module gathers them (a test fails, naming app.model.field, when a field has
no class).

Sensitive fields are shown only to the roles that work with them
(``SENSITIVE_READERS``), masked for every other role and in lists, and each read
is written to the access log (``qsdp.core.audit.record_access``).
"""

import importlib
from collections.abc import Iterable, Mapping
from enum import Enum
from functools import cache
from typing import Any, TypeVar

from django.apps import apps
from django.db.models import Model

from qsdp.core.audit import record_access

V = TypeVar("V")


class DataClass(Enum):
    BASIC = "basic"
    SENSITIVE = "sensitive"
    # Bookkeeping that describes no one (ids, timestamps, derived search keys).
    TECHNICAL = "technical"


# Who sees sensitive values unmasked: those who keep and act on them — the
# commune officer and the command staff of the unit. The leader (reads, decides
# nothing on health), the administrator and lists see them masked; the auditor
# reads them only in the data-subject report, which is itself logged.
SENSITIVE_READERS: frozenset[str] = frozenset({"commune_officer", "command_staff"})
MASK = "•••"


B, S, T = DataClass.BASIC, DataClass.SENSITIVE, DataClass.TECHNICAL

# core's own models: the audit trail names people and its before/after values may
# hold sensitive ones; the calendar, rule settings and period locks describe no one.
FIELD_CLASSES: dict[str, dict[str, DataClass]] = {
    "core.auditevent": {
        "id": T, "actor": T,
        "at": B, "verb": B, "target_type": B, "target_id": B, "target_repr": B, "person_id": B,
        "changes": S,
    },
    "core.accesslog": {
        "id": T, "actor": T,
        "at": B, "target_type": B, "target_id": B, "person_id": B, "fields": B, "purpose": B,
    },
    "core.calendarday": {
        "id": T, "created_at": T, "updated_at": T, "day": T, "kind": T, "name": T, "basis": T,
    },
    "core.rulesetting": {
        "id": T, "created_at": T, "updated_at": T, "key": T, "valid_from": T, "value": T,
        "basis": T, "note": T,
    },
    "core.periodlock": {
        "id": T, "org_unit": T, "year": T, "approved_at": T, "approved_by": T, "reference": T,
    },
}  # fmt: skip


def may_read_sensitive(roles: Iterable[str]) -> bool:
    return bool(SENSITIVE_READERS & set(roles))


def disclosed(
    values: Mapping[str, V],
    *,
    actor: Any,
    roles: Iterable[str],
    target: Model,
    purpose: str,
    person_id: int | None = None,
) -> dict[str, V | str]:
    """The sensitive ``values`` of ``target`` as ``actor``, holding ``roles``, may
    see them: masked where there is a value for the roles that do not work with
    them (nothing is read, so nothing is logged); as they are for the others, the
    read of those present written to the access log."""
    present = [name for name, value in values.items() if value not in (None, "")]
    if not may_read_sensitive(roles):
        return {name: MASK if name in present else value for name, value in values.items()}
    if present:
        record_access(
            actor=actor, target=target, fields=present, purpose=purpose, person_id=person_id
        )
    return dict(values)


def _app_modules() -> list[str]:
    return [config.name for config in apps.get_app_configs() if config.name.startswith("qsdp.")]


@cache
def registry() -> dict[str, dict[str, DataClass]]:
    """``{"app.model": {"field": DataClass}}`` from every app's ``privacy.py``."""
    merged: dict[str, dict[str, DataClass]] = {}
    for name in _app_modules():
        try:
            module = importlib.import_module(f"{name}.privacy")
        except ModuleNotFoundError as error:
            if error.name != f"{name}.privacy":
                raise
            continue
        for label, fields in getattr(module, "FIELD_CLASSES", {}).items():
            merged.setdefault(label, {}).update(fields)
    return merged


def field_class(label: str, field: str) -> DataClass | None:
    return registry().get(label, {}).get(field)


def sensitive_fields(label: str) -> tuple[str, ...]:
    return tuple(
        name for name, cls in registry().get(label, {}).items() if cls is DataClass.SENSITIVE
    )


def unclassified() -> list[str]:
    """``app.model.field`` for every concrete field of a qsdp model without a class."""
    missing = []
    for model in apps.get_models():
        if not model.__module__.startswith("qsdp."):
            continue
        label = model._meta.label_lower
        classes = registry().get(label, {})
        for field in model._meta.concrete_fields:
            if field.name not in classes:
                missing.append(f"{label}.{field.name}")
    return sorted(missing)
