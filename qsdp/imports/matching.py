"""Finding the register's people that the rows of a file describe: by CCCD
first, then by name and date of birth. A row that matches someone with other
particulars is a conflict, listed and never written over.

A province's file is 100,000 rows. Its keys go to the database as one JSON
parameter that the query reads as a table and joins through the register's
index: one statement per kind of key (a statement per few hundred keys cost
SQLite a minute). Each match is read as a tuple of what matching needs."""

import json
from collections.abc import Iterable
from datetime import date
from typing import Any, NamedTuple

from django.db import connection

from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person

# The JSON array parameter as a table of keys, in each database's dialect.
_ID_KEYS = {
    "sqlite": "SELECT value AS n FROM json_each(%s)",
    "postgresql": "SELECT value AS n FROM jsonb_array_elements_text(%s::jsonb)",
}
_NAME_KEYS = {
    "sqlite": "SELECT value ->> 0 AS n, value ->> 1 AS b FROM json_each(%s)",
    "postgresql": (
        "SELECT value ->> 0 AS n, (value ->> 1)::date AS b FROM jsonb_array_elements(%s::jsonb)"
    ),
}


class Registered(NamedTuple):
    """What matching reads of a person in the register (no model instance: a
    province's re-import matches 100,000 of them)."""

    pk: int
    national_id: str
    search_name: str
    birth_date: date
    unit_path: str
    deleted: bool


def _registered(keys: dict[str, str], on: str, where: str, values: list[Any]) -> list[Registered]:
    """The people that the keys table ``k`` joins ``on``, with their unit's path."""
    quote = connection.ops.quote_name
    people, units = quote(Person._meta.db_table), quote(OrgUnit._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT p.id, p.national_id, p.search_name, p.birth_date, u.path, "  # noqa: S608
            f"p.deleted_at IS NOT NULL FROM ({keys[connection.vendor]}) k "
            f"JOIN {people} p ON {on} JOIN {units} u ON u.id = p.org_unit_id WHERE {where}",
            [json.dumps(values)],
        )
        return [
            Registered(pk, national_id, name, _date(born), path, bool(deleted))
            for pk, national_id, name, born, path, deleted in cursor.fetchall()
        ]


def _date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)  # SQLite: text


def by_national_id(ids: Iterable[str]) -> tuple[dict[str, Registered], set[str]]:
    """The register's people holding any of ``ids``, and those of ``ids`` held
    by deleted records (the uniqueness constraint still covers them)."""
    wanted = sorted({i for i in ids if i})
    found: dict[str, Registered] = {}
    deleted: set[str] = set()
    # The condition of the partial unique index, as written there, lets the
    # database use that index.
    people = _registered(_ID_KEYS, "p.national_id = k.n", "NOT (p.national_id = '')", wanted)
    for person in people:
        if person.deleted:
            deleted.add(person.national_id)
        else:
            found[person.national_id] = person
    return found, deleted


def by_name_and_birth(
    keys: Iterable[tuple[str, date]],
) -> dict[tuple[str, date], list[Registered]]:
    """The register's people (not deleted) of each name and date of birth, by id."""
    wanted = sorted({(name, born.isoformat()) for name, born in keys})
    people = _registered(
        _NAME_KEYS, "p.search_name = k.n AND p.birth_date = k.b", "p.deleted_at IS NULL", wanted
    )
    found: dict[tuple[str, date], list[Registered]] = {}
    for person in sorted(people):
        found.setdefault((person.search_name, person.birth_date), []).append(person)
    return found
