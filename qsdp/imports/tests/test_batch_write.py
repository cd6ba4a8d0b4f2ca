"""The import's batch write (prepared inserts / COPY) records exactly what the
per-row service ``people.services.person_create`` records."""

from datetime import date

import pytest
from django.db import connection
from django.forms.models import model_to_dict
from django.utils import timezone

from qsdp.core.models import AuditEvent
from qsdp.imports import derived_rows
from qsdp.imports.importer import import_file
from qsdp.imports.services import SQLITE_CACHE_KIB, people_create_batch
from qsdp.imports.tests import files
from qsdp.people.models import Person, Residence
from qsdp.people.services import EDITABLE_FIELDS, PersonData, person_create
from qsdp.people.tests.factories import PersonDataFactory

_GENERATED = {"id", "person", "created_at", "updated_at"}


def _register() -> list[tuple[dict, list[dict], list[tuple]]]:
    """Each person's own fields, residences and audit events, without generated ids/times."""
    out = []
    for person in Person.objects.order_by("national_id"):
        fields = {
            f.name: getattr(person, f.attname)
            for f in Person._meta.concrete_fields
            if f.name not in _GENERATED
        }
        residences = [
            {k: v for k, v in model_to_dict(r).items() if k not in _GENERATED}
            for r in Residence.objects.filter(person=person)
        ]
        events = [
            (e.actor_id, e.verb, e.target_type, e.target_repr,
             {k: v for k, v in e.changes.items() if k != "source"})
            for e in AuditEvent.objects.filter(person_id=person.pk, target_id=str(person.pk))
        ]  # fmt: skip
        out.append((fields, residences, events))
    return out


def test_batch_import_writes_what_the_per_row_service_writes(tmp_path, tree, commune_officer):
    rows = files.people(9)
    rows[2].address = "  Thôn   Bản Pèn "  # spaces the service tidies
    path = files.write_xlsx(tmp_path / "ds.xlsx", rows, nfd=True)

    result = import_file(
        path=path, kind="people", org_unit=tree.duong_quang, actor=commune_officer,
        dry_run=False, skip_invalid=False,
    )  # fmt: skip
    assert result.imported == 9
    created = AuditEvent.objects.filter(verb="person.created")
    assert [e.changes["source"] for e in created] == [[None, "import"]] * 9  # the import's mark
    batch = _register()
    AuditEvent.objects.filter(verb="person.created").delete()
    Residence.objects.all().delete()
    Person.all_objects.all().delete()

    for row in rows:
        family, *middle, given = row.full_name.split()
        person_create(
            actor=commune_officer,
            org_unit=tree.duong_quang,
            data=PersonData(
                family_name=family,
                middle_name=" ".join(middle),
                given_name=given,
                birth_date=row.birth,
                sex="female" if row.sex == "Nữ" else "male",
                national_id=row.national_id,
                address=row.address,
            ),
            residence_started_on=timezone.localdate(),
        )

    assert batch == _register()
    assert len(batch) == 9 and all(len(r) == 1 and len(e) == 1 for _f, r, e in batch)


def test_on_sqlite_the_batch_raises_the_page_cache_and_restores_it(tree, commune_officer):
    if connection.vendor != "sqlite":
        pytest.skip("a page cache of SQLite's own")
    seen = []

    def cache_size(_count):
        with connection.cursor() as cursor:
            seen.append(cursor.execute("PRAGMA cache_size").fetchone()[0])

    cache_size(0)
    people_create_batch(
        actor=commune_officer, org_unit=tree.duong_quang, residence_started_on=date(2024, 1, 1),
        items=[PersonDataFactory() for _ in range(3)], progress=cache_size,
    )  # fmt: skip
    cache_size(0)

    # One report per table written, each while the cache was raised.
    assert seen == [seen[0], *[-SQLITE_CACHE_KIB] * 3, seen[0]]
    assert seen[0] != -SQLITE_CACHE_KIB
    assert Person.objects.count() == 3


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"national_id": "", "education_grade": 0, "phone": "0912345678", "occupation": "Nông"},
        {"middle_name": "", "education_grade": None, "religion": ""},
    ],
)
def test_the_created_event_holds_each_field_that_has_a_value(fields, tree, commune_officer):
    data = PersonDataFactory.build(family_name="Đặng", address="Thôn Nà Pài", **fields)
    expected = {
        name: [None, value.isoformat() if isinstance(value, date) else value]
        for name in EDITABLE_FIELDS
        if (value := getattr(data, name)) not in ("", None)
    }
    expected |= {"residence": [None, "Xã Dương Quang (01/01/2024)"], "source": [None, "import"]}

    (pk,) = people_create_batch(
        actor=commune_officer, org_unit=tree.duong_quang, items=[data],
        residence_started_on=date(2024, 1, 1),
    )  # fmt: skip

    event = AuditEvent.objects.get(verb="person.created", person_id=pk)
    assert event.changes == expected
    assert event.target_repr == " ".join(
        n for n in (data.family_name, data.middle_name, data.given_name) if n
    )
    assert (event.actor, event.target_id) == (commune_officer, str(pk))


def test_people_whose_ids_are_not_one_range_get_their_rows_and_only_they(tree, commune_officer):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite's batch ids are always one range")
    items = [PersonDataFactory() for _ in range(3)]
    first, middle, last = people_create_batch(
        actor=commune_officer, org_unit=tree.duong_quang, items=items,
        residence_started_on=date(2024, 1, 1),
    )  # fmt: skip
    # As if another session had drawn the middle id from the sequence.
    Residence.objects.filter(person_id__in=[first, last]).delete()
    AuditEvent.objects.filter(person_id__in=[first, last]).delete()

    derived_rows.insert_residences(
        [first, last], org_unit_id=tree.duong_quang.pk, started_on=date(2024, 1, 1),
        user_id=commune_officer.pk,
    )  # fmt: skip
    derived_rows.insert_created_events(
        [first, last], at=timezone.now(), user_id=commune_officer.pk, residence="Xã Dương Quang"
    )

    for pk in (first, middle, last):
        assert Residence.objects.filter(person_id=pk).count() == 1
        assert AuditEvent.objects.filter(person_id=pk, verb="person.created").count() == 1
