"""The bench's floor of an import (``bench/floor.py``) inserts again exactly
the people, residences and audit events an import wrote, and leaves nothing."""

from datetime import date

import pytest

from bench.floor import write_floor
from qsdp.core.models import AuditEvent
from qsdp.imports.services import people_create_batch
from qsdp.orgunits.tests.factories import OrgUnitFactory
from qsdp.people.models import Person, Residence
from qsdp.people.services import PersonData


def _counts() -> tuple[int, int, int]:
    return Person.all_objects.count(), Residence.objects.count(), AuditEvent.objects.count()


@pytest.mark.django_db
def test_the_floor_copies_the_imported_rows_and_removes_them():
    commune = OrgUnitFactory()
    people_create_batch(
        actor=None, org_unit=commune, residence_started_on=date(2024, 1, 1),
        items=[PersonData(family_name="Lê", middle_name="Văn", given_name="Cũ",
                          birth_date=date(1990, 1, 1), sex="male", national_id="001090000001")],
    )  # fmt: skip
    first_id = Person.all_objects.order_by("-id").first().pk + 1
    items = [
        PersonData(family_name="Nguyễn", middle_name="Văn", given_name=f"An {n}",
                   birth_date=date(2000, 1, n), sex="male", national_id=f"00120000{n:04d}")
        for n in range(1, 6)
    ]  # fmt: skip
    people_create_batch(
        actor=None, org_unit=commune, items=items, residence_started_on=date(2024, 1, 1)
    )
    before = _counts()

    seconds, rows = write_floor(first_id)

    assert rows == [5, 5, 5]  # the five imported, not the one before them
    assert seconds > 0
    assert _counts() == before
