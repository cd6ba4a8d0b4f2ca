"""The import's batch write of the person register.

A province's file is 100,000 rows: Django's ``bulk_create`` builds a model
instance and compiles each value's SQL per row, which is most of the time. Here
each table gets one prepared statement (SQLite: ``executemany``; PostgreSQL:
``COPY``) fed with plain tuples, and every value whose type the driver does not
take as is goes through the backend's own adapter."""

import json
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from django.db import connection, transaction
from django.db.models import Model
from django.utils import timezone

from qsdp.accounts.scoping import require_write
from qsdp.core.models import AuditEvent
from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person, Residence, ResidenceKind, ResidenceStart
from qsdp.people.services import EDITABLE_FIELDS, PersonData, derived_names

BATCH_SIZE = 5000
_RESIDENCE = (
    "person", "org_unit", "kind", "address", "started_on", "start_reason", "ended_on",
    "moved_to", "moved_to_unit", "created_by",
)  # fmt: skip
_EVENT = (
    "at", "actor", "verb", "target_type", "target_id", "target_repr", "person_id", "changes",
)  # fmt: skip


def _postgres() -> bool:
    return connection.vendor == "postgresql"


def _columns(model: type[Model], names: Sequence[str]) -> str:
    quote = connection.ops.quote_name
    fields: list[Any] = [model._meta.get_field(name) for name in names]
    return ", ".join(quote(field.column) for field in fields)


def _insert(model: type[Model], names: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Insert ``rows`` (values ready for the driver) in one statement per table."""
    table = connection.ops.quote_name(model._meta.db_table)
    columns = _columns(model, names)
    with connection.cursor() as cursor:
        if _postgres():
            # Only our models' own quoted names go into the text.
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        marks = ", ".join(["%s"] * len(names))
        sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608
        cursor.executemany(sql, list(rows))


def _insert_people(names: Sequence[str], rows: list[tuple[Any, ...]]) -> list[int]:
    """Insert the people; returns their new ids, in order."""
    count = len(rows)
    if _postgres():
        with connection.cursor() as cursor:
            # Ids drawn from the table's own sequence first, so COPY (which
            # returns nothing) can write them with each row.
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [Person._meta.db_table, count],
            )
            ids = [pk for (pk,) in cursor.fetchall()]
        _insert(Person, ("id", *names), [(pk, *row) for pk, row in zip(ids, rows, strict=True)])
        return ids
    _insert(Person, names, rows)
    table = connection.ops.quote_name(Person._meta.db_table)
    with connection.cursor() as cursor:
        # One writer holds SQLite's lock for the whole transaction, so the
        # rows just inserted took consecutive ids ending at the last one.
        cursor.execute("SELECT last_insert_rowid()")
        last = cursor.fetchone()[0]
        cursor.execute(
            f"SELECT COUNT(*) FROM {table} WHERE id > %s AND id <= %s",  # noqa: S608
            [last - count, last],
        )
        if cursor.fetchone()[0] != count:  # pragma: no cover — a broken invariant
            raise RuntimeError("The new people's ids are not one range.")
    return list(range(last - count + 1, last + 1))


def _created_changes(data: PersonData, residence: str) -> dict[str, Any]:
    """The changes of a ``person.created`` event, as ``person_create`` writes them."""
    values = ((name, getattr(data, name)) for name in EDITABLE_FIELDS)
    changes: dict[str, Any] = {
        name: [None, value.isoformat() if isinstance(value, date) else value]
        for name, value in values
        if value not in ("", None)
    }
    changes["residence"] = [None, residence]
    changes["source"] = [None, "import"]
    return changes


def _full_name(data: PersonData) -> str:
    return " ".join(p for p in (data.family_name, data.middle_name, data.given_name) if p)


@lru_cache(maxsize=65536)
def _derived_names(family_name: str, middle_name: str, given_name: str) -> tuple[str, str]:
    """``people.services.derived_names``, once per name: a register's names
    repeat, and folding them is most of a row's cost."""
    names = derived_names(
        PersonData(
            family_name=family_name, middle_name=middle_name, given_name=given_name,
            birth_date=date.min, sex="",
        )
    )  # fmt: skip
    return names["search_name"], names["sort_name"]


class _Prepared:
    """The Person columns written, and the driver value of each constant one."""

    def __init__(self, org_unit: OrgUnit, now: Any) -> None:
        given = {*EDITABLE_FIELDS, "search_name", "sort_name"}
        constants: dict[str, Any] = {
            "org_unit": org_unit.pk,
            "created_at": now,
            "updated_at": now,
        }
        for field in Person._meta.concrete_fields:
            name = field.name
            if field.primary_key or name in given or name in constants:
                continue
            constants[name] = field.get_db_prep_save(field.get_default(), connection)
        self.names = (*EDITABLE_FIELDS, "search_name", "sort_name", *constants)
        self.constants = tuple(constants.values())


@transaction.atomic
def people_create_batch(
    *,
    actor: Any,
    org_unit: OrgUnit,
    items: Sequence[PersonData],
    residence_started_on: date,
    progress: Callable[[int], None] | None = None,
) -> list[int]:
    """Record many people at ``org_unit`` at once: what ``people.services.person_create``
    does row by row, in bulk inserts, with one ``person.created`` audit event each.

    The caller has already checked each item with ``qsdp.people.rules`` and the
    register's uniqueness (``qsdp.imports.matching``); the database constraint on
    the CCCD stays the last guard. Returns the new people's ids, in order."""
    if actor is not None:
        require_write(actor, org_unit.path)
    user_id = getattr(actor, "pk", None)
    ops = connection.ops
    now = timezone.now()
    at = AuditEvent._meta.get_field("at").get_db_prep_save(now, connection)
    stamp = Person._meta.get_field("created_at").get_db_prep_save(now, connection)
    prepared = _Prepared(org_unit, stamp)
    started = ops.adapt_datefield_value(residence_started_on)
    residence = f"{org_unit.name} ({residence_started_on:%d/%m/%Y})"
    birth_at = EDITABLE_FIELDS.index("birth_date")
    created: list[int] = []  # only the ids: a province's objects would fill memory
    for start in range(0, len(items), BATCH_SIZE):
        chunk = [item.normalised() for item in items[start : start + BATCH_SIZE]]
        rows = []
        for data in chunk:
            row = [getattr(data, name) for name in EDITABLE_FIELDS]
            row[birth_at] = ops.adapt_datefield_value(row[birth_at])
            names = _derived_names(data.family_name, data.middle_name, data.given_name)
            rows.append((*row, *names, *prepared.constants))
        ids = _insert_people(prepared.names, rows)
        _insert(
            Residence,
            _RESIDENCE,
            [
                (pk, org_unit.pk, ResidenceKind.PERMANENT.value, data.address, started,
                 ResidenceStart.INITIAL.value, None, "", None, user_id)
                for pk, data in zip(ids, chunk, strict=True)
            ],
        )  # fmt: skip
        _insert(
            AuditEvent,
            _EVENT,
            [
                (at, user_id, "person.created", "people.person", str(pk),
                 _full_name(data)[:255], pk, json.dumps(_created_changes(data, residence)))
                for pk, data in zip(ids, chunk, strict=True)
            ],
        )  # fmt: skip
        created += ids
        if progress is not None:
            progress(len(chunk))
    return created
