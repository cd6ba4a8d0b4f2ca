"""The rows an import's new people bring with them, made by the database from
the people just inserted: each one's first residence and its ``person.created``
audit event, one ``INSERT … SELECT`` each instead of 100,000 rows built in
Python and sent back (on SQLite the events' JSON alone took a second).

The event's changes are the JSON object that ``people.services.person_create``
records: ``[null, value]`` for each of the person's fields that has a value
(dates as ``yyyy-mm-dd``), then the residence and the import's mark.
``qsdp/imports/tests/test_batch_write.py`` holds the two writers to the same
result."""

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.db import connection
from django.db.models import CharField, Model

from qsdp.core.models import AuditEvent
from qsdp.people.models import Person, Residence, ResidenceKind, ResidenceStart
from qsdp.people.services import EDITABLE_FIELDS

# The fields whose "no value" is the empty text (the others' is NULL).
_TEXT = frozenset(
    f.name for f in Person._meta.concrete_fields if isinstance(f, CharField) and not f.null
)


def _column(model: type[Model], name: str) -> str:
    field: Any = model._meta.get_field(name)  # a concrete field: it has a column
    return connection.ops.quote_name(field.column)


def _changes_sql() -> str:
    """The changes of each person ``p``, with one parameter: the residence text."""
    postgres = connection.vendor == "postgresql"
    array = "jsonb_build_array" if postgres else "json_array"
    pairs = []
    for name in EDITABLE_FIELDS:
        value = f"p.{_column(Person, name)}"
        present = f"{value} <> ''" if name in _TEXT else f"{value} IS NOT NULL"
        if name == "birth_date" and postgres:
            value = f"to_char({value}, 'YYYY-MM-DD')"  # SQLite keeps the text
        pairs.append(f"'{name}', CASE WHEN {present} THEN {array}(NULL, {value}) END")
    pairs += [f"'residence', {array}(NULL, %s)", f"'source', {array}(NULL, 'import')"]
    joined = ", ".join(pairs)
    # The fields without a value are left out: PostgreSQL strips the null
    # members; on SQLite a merge patch onto {} drops them (and keeps the order).
    if postgres:
        return f"jsonb_strip_nulls(jsonb_build_object({joined}))"
    return f"json_patch('{{}}', json_object({joined}))"


def _full_name_sql() -> str:
    """``Person.full_name``: the names that are not empty, one space apart."""
    family, middle, given = (
        f"p.{_column(Person, n)}" for n in ("family_name", "middle_name", "given_name")
    )
    return (
        f"substr(ltrim({family} || CASE WHEN {middle} <> '' THEN ' ' || {middle} ELSE '' END"
        f" || CASE WHEN {given} <> '' THEN ' ' || {given} ELSE '' END), 1, 255)"
    )


def _new_people(ids: Sequence[int]) -> tuple[str, list[Any]]:
    """The condition on ``p`` for the people of ``ids`` (distinct), with its
    parameters. Ids that fill a range are all the batch's: they are read by the
    range (always on SQLite, whose writer holds the lock; on PostgreSQL unless
    another session drew from the sequence while the batch did)."""
    low, high = min(ids), max(ids)
    if high - low + 1 == len(ids):
        return "p.id BETWEEN %s AND %s", [low, high]
    return "p.id = ANY(%s)", [list(ids)]


def _insert_select(
    model: type[Model], chosen: dict[str, str], ids: Sequence[int]
) -> tuple[str, list[Any]]:
    """The statement, and the parameters of its condition (after those of ``chosen``)."""
    quote = connection.ops.quote_name
    where, params = _new_people(ids)
    columns = ", ".join(_column(model, name) for name in chosen)
    return (
        f"INSERT INTO {quote(model._meta.db_table)} ({columns}) "  # noqa: S608 — our names
        f"SELECT {', '.join(chosen.values())} FROM {quote(Person._meta.db_table)} p "
        f"WHERE {where} ORDER BY p.id",
        params,
    )


def insert_residences(
    ids: Sequence[int], *, org_unit_id: int, started_on: date, user_id: int | None
) -> None:
    """Each new person's permanent residence at the batch's unit, from ``started_on``."""
    chosen = {
        "person": "p.id", "org_unit": "%s", "kind": "%s", "address": "p.address",
        "started_on": "%s", "start_reason": "%s", "moved_to": "''", "created_by": "%s",
    }  # fmt: skip
    sql, where = _insert_select(Residence, chosen, ids)
    started = connection.ops.adapt_datefield_value(started_on)
    kind, reason = ResidenceKind.PERMANENT.value, ResidenceStart.INITIAL.value
    with connection.cursor() as cursor:
        cursor.execute(sql, [org_unit_id, kind, started, reason, user_id, *where])


def insert_created_events(
    ids: Sequence[int], *, at: Any, user_id: int | None, residence: str
) -> None:
    """Each new person's ``person.created`` event (``at``: ready for the driver)."""
    chosen = {
        "at": "%s", "actor": "%s", "verb": "'person.created'", "target_type": "'people.person'",
        "target_id": "CAST(p.id AS TEXT)", "target_repr": _full_name_sql(), "person_id": "p.id",
        "changes": _changes_sql(),
    }  # fmt: skip
    sql, where = _insert_select(AuditEvent, chosen, ids)
    with connection.cursor() as cursor:
        cursor.execute(sql, [at, user_id, residence, *where])
