"""The import's batch write of the person register.

A province's file is 100,000 rows: Django's ``bulk_create`` builds a model
instance and compiles each value's SQL per row, which is most of the time. Here
the people go in one prepared statement (SQLite: ``executemany``; PostgreSQL:
``COPY``) fed with plain tuples, and every value whose type the driver does not
take as is goes through the backend's own adapter. The rows are made as the
statement reads them: on PostgreSQL the server stores and indexes what COPY has
sent while the next rows are being made.

Their residences and audit events are made by the database from the people
just inserted (``derived_rows``)."""

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from functools import lru_cache
from operator import attrgetter
from typing import Any, TypeVar

from django.db import connection, transaction
from django.db.models import Model
from django.utils import timezone

from qsdp.accounts.scoping import require_write
from qsdp.core.models import AuditEvent
from qsdp.imports import derived_rows
from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person
from qsdp.people.services import EDITABLE_FIELDS, PersonData, derived_names

BATCH_SIZE = 5000  # rows between two progress reports
T = TypeVar("T")
# SQLite's default page cache (2 MB) is smaller than the register's name
# indexes: a province's people, inserted in file order, would read index pages
# back for most rows. The batch raises it (memory is taken only as pages are
# read) and restores it after.
SQLITE_CACHE_KIB = 32 * 1024


def _postgres() -> bool:
    return connection.vendor == "postgresql"


@contextmanager
def bulk_page_cache() -> Iterator[None]:
    """SQLite: the larger page cache for a batch write, set back after it."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (before,) = cursor.fetchone()
        cursor.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB:d}")
        try:
            yield
        finally:
            cursor.execute(f"PRAGMA cache_size = {int(before):d}")


def _columns(model: type[Model], names: Sequence[str]) -> str:
    quote = connection.ops.quote_name
    fields: list[Any] = [model._meta.get_field(name) for name in names]
    return ", ".join(quote(field.column) for field in fields)


def _insert(model: type[Model], names: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Insert ``rows`` (values ready for the driver, read as they are sent) in
    one statement."""
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
        # Django's SQLite backend reads an iterator as it goes (its stub wants a list).
        cursor.executemany(sql, rows)  # type: ignore[arg-type]


def _insert_people(names: Sequence[str], rows: Iterable[tuple[Any, ...]], count: int) -> list[int]:
    """Insert the ``count`` people of ``rows``; returns their new ids, in order."""
    if _postgres():
        with connection.cursor() as cursor:
            # Ids drawn from the table's own sequence first, so COPY (which
            # returns nothing) can write them with each row. The sequence is
            # looked up once: per row, the lookup cost ten times the draw.
            cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [Person._meta.db_table])
            (sequence,) = cursor.fetchone()
            cursor.execute(
                "SELECT nextval(%s::regclass) FROM generate_series(1, %s)", [sequence, count]
            )
            ids = [pk for (pk,) in cursor.fetchall()]
        _insert(Person, ("id", *names), ((pk, *row) for pk, row in zip(ids, rows, strict=True)))
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


_EDITABLE = attrgetter(*EDITABLE_FIELDS)


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


class _Progress:
    """The batch's progress in rows, each of its three tables counting for a
    third of each row."""

    def __init__(self, report: Callable[[int], None] | None) -> None:
        self.report = report
        self.thirds = 0
        self.reported = 0

    def advance(self, rows: int) -> None:
        self.thirds += rows
        done = self.thirds // 3
        if self.report is not None and done > self.reported:
            self.report(done - self.reported)
            self.reported = done

    def counted(self, rows: Iterable[T]) -> Iterator[T]:
        count = 0
        for count, row in enumerate(rows, start=1):
            yield row
            if count % BATCH_SIZE == 0:
                self.advance(BATCH_SIZE)
        self.advance(count % BATCH_SIZE)


class _Batch:
    """What every row of one batch shares: the driver value of each constant
    column, and the people's rows."""

    def __init__(self, org_unit: OrgUnit, actor: Any, residence_started_on: date) -> None:
        now = timezone.now()
        self.org_unit = org_unit
        self.user_id = getattr(actor, "pk", None)
        self.at = AuditEvent._meta.get_field("at").get_db_prep_save(now, connection)
        self.residence = f"{org_unit.name} ({residence_started_on:%d/%m/%Y})"
        stamp = Person._meta.get_field("created_at").get_db_prep_save(now, connection)
        given = {*EDITABLE_FIELDS, "search_name", "sort_name"}
        constants: dict[str, Any] = {"org_unit": org_unit.pk, "created_at": stamp,
                                     "updated_at": stamp}  # fmt: skip
        for field in Person._meta.concrete_fields:
            name = field.name
            if field.primary_key or name in given or name in constants:
                continue
            constants[name] = field.get_db_prep_save(field.get_default(), connection)
        self.names = (*EDITABLE_FIELDS, "search_name", "sort_name", *constants)
        self.constants = tuple(constants.values())

    def people(self, items: Iterable[PersonData]) -> Iterator[tuple[Any, ...]]:
        adapt = connection.ops.adapt_datefield_value
        birth_at = EDITABLE_FIELDS.index("birth_date")
        for data in items:
            row = list(_EDITABLE(data))
            row[birth_at] = adapt(row[birth_at])
            names = _derived_names(data.family_name, data.middle_name, data.given_name)
            yield (*row, *names, *self.constants)


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
    batch = _Batch(org_unit, actor, residence_started_on)
    steps = _Progress(progress)
    people = [item.normalised() for item in items]
    with bulk_page_cache():
        ids = _insert_people(batch.names, steps.counted(batch.people(people)), len(people))
        if not ids:
            return ids
        derived_rows.insert_residences(
            ids, org_unit_id=org_unit.pk, started_on=residence_started_on, user_id=batch.user_id
        )
        steps.advance(len(ids))
        derived_rows.insert_created_events(
            ids, at=batch.at, user_id=batch.user_id, residence=batch.residence
        )
        steps.advance(len(ids))
    return ids  # only the ids: a province's objects would fill memory
