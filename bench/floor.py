"""The database's own share of an import: what storing the rows it wrote costs
with no Python at all.

The people, residences and audit events the import has just written are
inserted once more into the same tables by ``INSERT … SELECT`` (every index
maintained, every constraint and foreign key checked as the import's are) and
committed, then deleted. No importer, however its Python is written, can take less time
than this, so ``floor_s / parse_s`` is the lowest ratio the import can reach on
this machine and schema. The copies keep the unique constraints satisfied: the
CCCD's digits become letters, and the residence is of the other kind.
"""

import time
from typing import Any

from django.db import connection, transaction

from qsdp.core.models import AuditEvent
from qsdp.imports.services import bulk_page_cache
from qsdp.people.models import Person, Residence


def _lettered(column: str) -> str:
    """A copy's CCCD: each digit as a letter, unique as the original was and
    never another citizen's (those are digits)."""
    for digit, letter in zip("0123456789", "ABCDEFGHIJ", strict=True):
        column = f"replace({column}, '{digit}', '{letter}')"
    return column


def _copy_sql(model: Any, where: str, replaced: dict[str, str]) -> str:
    quote = connection.ops.quote_name
    columns = [f.column for f in model._meta.concrete_fields if not f.primary_key]
    chosen = ", ".join(replaced.get(c, quote(c)) for c in columns)
    table = quote(model._meta.db_table)
    return (
        f"INSERT INTO {table} ({', '.join(map(quote, columns))}) "  # noqa: S608 — our names
        f"SELECT {chosen} FROM {table} WHERE {where}"
    )


def _statements(first_id: int) -> list[str]:
    new = f"person_id >= {int(first_id)}"
    return [
        _copy_sql(Person, f"id >= {int(first_id)}", {"national_id": _lettered("national_id")}),
        _copy_sql(Residence, new, {"kind": "'temporary'"}),
        _copy_sql(AuditEvent, f"{new} AND verb = 'person.created'", {}),
    ]


def _tables() -> list[str]:
    return [connection.ops.quote_name(m._meta.db_table) for m in (Residence, AuditEvent, Person)]


def _last_ids() -> list[int]:
    with connection.cursor() as cursor:
        ends = []
        for table in _tables():
            cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")  # noqa: S608
            ends.append(cursor.fetchone()[0])
        return ends


def _remove_copies(ends: list[int]) -> None:
    """Delete the copies (each table's rows after its last id before them)."""
    with transaction.atomic(), connection.cursor() as cursor:
        for table, end in zip(_tables(), ends, strict=True):
            cursor.execute(f"DELETE FROM {table} WHERE id > %s", [end])  # noqa: S608


def write_floor(first_id: int) -> tuple[float, list[int]]:
    """Seconds to insert again, and commit, the people from id ``first_id`` on
    with their residences and audit events, and the rows of each table. The
    copies are deleted after (not timed)."""
    statements = _statements(first_id)
    ends = _last_ids()
    rows = []
    with bulk_page_cache():  # the import's own, on SQLite
        began = time.perf_counter()
        # Committed as the import is: its foreign keys are checked at commit.
        with transaction.atomic(), connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
                rows.append(cursor.rowcount)
        took = time.perf_counter() - began
    _remove_copies(ends)
    return took, rows
