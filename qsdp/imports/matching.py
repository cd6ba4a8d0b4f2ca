"""Finding the register's people that the rows of a file describe: by CCCD
first, then by name and date of birth. A row that matches someone with other
particulars is a conflict, listed and never written over.

A province's file is 100,000 rows. Its keys go to the database as one JSON
parameter that the query reads as a table and joins through the register's
index: one statement per kind of key (a statement per few hundred keys cost
SQLite a minute). Whole people are loaded only for the keys that matched."""

import json
from collections.abc import Iterable
from datetime import date

from django.db import connection
from django.db.models import QuerySet

from qsdp.people.models import Person

CHUNK = 500  # below SQLite's limit on query parameters
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


def _joined(keys: dict[str, str], on: str, where: str, values: list[object]) -> list[int]:
    """The ids of the people that the keys table ``k`` joins ``on``."""
    table = connection.ops.quote_name(Person._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT DISTINCT p.id FROM ({keys[connection.vendor]}) k "  # noqa: S608
            f"JOIN {table} p ON {on} WHERE {where}",
            [json.dumps(values)],
        )
        return [pk for (pk,) in cursor.fetchall()]


def _people(pks: list[int], people: QuerySet[Person]) -> list[Person]:
    found: list[Person] = []
    pks = sorted(pks)
    for start in range(0, len(pks), CHUNK):
        chunk = people.filter(pk__in=pks[start : start + CHUNK]).select_related("org_unit")
        found += chunk.order_by("pk")
    return found


def by_national_id(ids: Iterable[str]) -> tuple[dict[str, Person], set[str]]:
    """The register's people holding any of ``ids``, and those of ``ids`` held
    by deleted records (the uniqueness constraint still covers them)."""
    wanted = sorted({i for i in ids if i})
    # The condition of the partial unique index, as written there, lets the
    # database use that index.
    pks = _joined(_ID_KEYS, "p.national_id = k.n", "NOT (p.national_id = '')", list(wanted))
    found: dict[str, Person] = {}
    deleted: set[str] = set()
    for person in _people(pks, Person.all_objects.all()):
        if person.deleted_at is None:
            found[person.national_id] = person
        else:
            deleted.add(person.national_id)
    return found, deleted


def by_name_and_birth(keys: Iterable[tuple[str, date]]) -> dict[tuple[str, date], list[Person]]:
    wanted = sorted({(name, born.isoformat()) for name, born in keys})
    pks = _joined(
        _NAME_KEYS, "p.search_name = k.n AND p.birth_date = k.b", "p.deleted_at IS NULL",
        list(wanted),
    )  # fmt: skip
    found: dict[tuple[str, date], list[Person]] = {}
    for person in _people(pks, Person.objects.all()):
        found.setdefault((person.search_name, person.birth_date), []).append(person)
    return found
