"""The import's batch write (prepared inserts / COPY) records exactly what the
per-row service ``people.services.person_create`` records."""

from django.forms.models import model_to_dict
from django.utils import timezone

from qsdp.core.models import AuditEvent
from qsdp.imports.importer import import_file
from qsdp.imports.tests import files
from qsdp.people.models import Person, Residence
from qsdp.people.services import PersonData, person_create

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
