"""The bench's floor of an import (``bench/floor.py``) inserts again exactly
the people, residences and audit events an import wrote, and leaves nothing."""

from datetime import date

import pytest

from bench.floor import write_floor
from qsdp.core.models import AuditEvent
from qsdp.imports.services import people_create_batch
from qsdp.orgunits.tests.factories import OrgUnitFactory
from qsdp.people.models import Person, Residence
from qsdp.people.tests.factories import PersonDataFactory


def _counts() -> tuple[int, int, int]:
    return Person.all_objects.count(), Residence.objects.count(), AuditEvent.objects.count()


def _import(commune, count: int) -> list[int]:  # type: ignore[no-untyped-def]
    return people_create_batch(
        actor=None, org_unit=commune, residence_started_on=date(2024, 1, 1),
        items=PersonDataFactory.build_batch(count),
    )  # fmt: skip


@pytest.mark.django_db
def test_the_floor_copies_the_imported_rows_and_removes_them():
    commune = OrgUnitFactory()
    _import(commune, 1)
    first_id = _import(commune, 5)[0]
    before = _counts()

    seconds, rows = write_floor(first_id)

    assert rows == [5, 5, 5]  # the five imported, not the one before them
    assert seconds > 0
    assert _counts() == before
