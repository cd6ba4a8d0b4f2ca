"""Set-based writing of bench rows: COPY on PostgreSQL, executemany on SQLite.

Bench data only: rows go straight into the tables, not through the services,
so nothing is audited and no rule is evaluated. The generator is responsible
for the model constraints and the derived fields; the database still checks
every constraint, foreign key and unique index as the rows arrive.

Ids are assigned here (one counter per table), so the generator links rows
without reading anything back; ``finish()`` moves the PostgreSQL sequences
past them. On PostgreSQL the plain (non-unique) indexes of the loaded tables
are dropped before loading and built again afterwards, which is several times
faster than maintaining them row by row.
"""

import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.core.management.color import no_style
from django.db import connection, models
from django.db.models import NOT_PROVIDED
from django.utils import timezone


class Loader:
    def __init__(self) -> None:
        self.vendor = connection.vendor
        self.next_id: dict[type[models.Model], int] = {}
        self.rows: dict[str, int] = {}
        self.now = timezone.now()
        self._dropped: list[str] = []

    # -- ids ---------------------------------------------------------------
    def ids(self, model: type[models.Model], count: int) -> range:
        """``count`` new primary keys of ``model``'s table."""
        if model not in self.next_id:
            top = model._base_manager.aggregate(top=models.Max("pk"))["top"] or 0
            self.next_id[model] = top + 1
        start = self.next_id[model]
        self.next_id[model] = start + count
        return range(start, start + count)

    def number(self, model: type[models.Model], rows: list[dict[str, Any]]) -> None:
        """Give each of ``rows`` a new primary key of ``model``, in order."""
        for row, pk in zip(rows, self.ids(model, len(rows)), strict=True):
            row["id"] = pk

    # -- writing -----------------------------------------------------------
    def insert(self, model: type[models.Model], rows: list[dict[str, Any]], *parents: str) -> int:
        """Number ``rows`` and write them. For each name of ``parents``, a row's
        ``_<name>`` is its parent's row (written before), whose id becomes the
        row's ``<name>_id``."""
        self.number(model, rows)
        for name in parents:
            for row in rows:
                row[f"{name}_id"] = row[f"_{name}"]["id"]
        return self.write(model, rows)

    def _columns(self, model: type[models.Model]) -> tuple[list[str], list[Any], list[bool]]:
        names, defaults, is_json = [], [], []
        for field in model._meta.concrete_fields:
            names.append(field.attname)
            is_json.append(isinstance(field, models.JSONField))
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                defaults.append(self.now)
            elif field.default is not NOT_PROVIDED:
                defaults.append(field.get_default())
            elif field.null or field.primary_key:
                defaults.append(None)
            else:
                defaults.append("")  # a blank text field; a missing required one fails in the DB
        return names, defaults, is_json

    def write(self, model: type[models.Model], rows: Iterable[Mapping[str, Any]]) -> int:
        """Insert ``rows`` (attname → value; the rest take the field defaults)."""
        names, defaults, is_json = self._columns(model)
        pairs = list(zip(names, defaults, is_json, strict=True))

        def tuples() -> Iterator[tuple[Any, ...]]:
            for row in rows:
                values = []
                for name, default, json_field in pairs:
                    value = row.get(name, default)
                    if json_field and value is not None:
                        value = json.dumps(value, ensure_ascii=False)
                    values.append(value)
                yield tuple(values)

        table = model._meta.db_table
        count = (
            self._copy(table, names, tuples())
            if self.vendor == "postgresql"
            else self._insert(table, names, tuples())
        )
        self.rows[table] = self.rows.get(table, 0) + count
        return count

    def _copy(self, table: str, names: list[str], rows: Iterator[tuple[Any, ...]]) -> int:
        columns = ", ".join(connection.ops.quote_name(n) for n in names)
        count = 0
        with connection.cursor() as cursor:
            raw = cursor.cursor  # the psycopg cursor under Django's wrapper
            with raw.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    count += 1
        return count

    def _insert(self, table: str, names: list[str], rows: Iterator[tuple[Any, ...]]) -> int:
        columns = ", ".join(connection.ops.quote_name(n) for n in names)
        sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(names))})"  # noqa: S608 — model metadata
        connection.ensure_connection()
        raw = connection.connection
        count, batch = 0, []
        for row in rows:
            batch.append(tuple(_sqlite(v) for v in row))
            if len(batch) == 5000:
                raw.executemany(sql, batch)
                count, batch = count + len(batch), []
        if batch:
            raw.executemany(sql, batch)
            count += len(batch)
        return count

    # -- indexes and sequences ----------------------------------------------
    def drop_indexes(self, *tables: str) -> None:
        """PostgreSQL: drop the plain indexes of ``tables`` (kept to rebuild)."""
        if self.vendor != "postgresql":
            return
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s)"
                " AND indexdef NOT LIKE 'CREATE UNIQUE%%'",
                [list(tables)],
            )
            for name, definition in cursor.fetchall():
                cursor.execute(f'DROP INDEX "{name}"')
                self._dropped.append(definition)

    def finish(self, touched: Iterable[type[models.Model]]) -> None:
        """Rebuild the dropped indexes, move the sequences, refresh the statistics.

        On PostgreSQL outside a transaction, VACUUM too, as autovacuum would do
        to a database in service: until then every freshly loaded row is
        re-checked against the commit log as it is read, and no index-only scan
        can skip the table (the national rollup took 14 s before, 7 s after)."""
        with connection.cursor() as cursor:
            for definition in self._dropped:
                cursor.execute(definition)
            self._dropped.clear()
            for statement in connection.ops.sequence_reset_sql(no_style(), list(touched)):
                cursor.execute(statement)
            vacuum = self.vendor == "postgresql" and not connection.in_atomic_block
            cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")


def _sqlite(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value
