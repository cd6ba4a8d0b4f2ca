"""The other registers: each row through that register's own service."""

from datetime import date

import pytest

from qsdp.imports.importer import import_file
from qsdp.imports.tests import files
from qsdp.military_service.models import ServiceEvent
from qsdp.militia.models import MilitiaMember
from qsdp.people.models import Person
from qsdp.reserves.models import Reservist

pytestmark = pytest.mark.django_db


def _men(count, born_from):
    rows = []
    for index in range(count):
        born = date(born_from, 3, 1 + index)
        name = f"Nông Văn {['An', 'Bình', 'Cường', 'Dũng'][index]}"
        rows.append(files.PersonRow(name, born, "Nam", files.cccd(born, "Nam", 900 + index)))
    return rows


def _run(path, kind, tree, actor, **options):
    options = {"dry_run": False, "skip_invalid": False, **options}
    return import_file(path=path, kind=kind, org_unit=tree.duong_quang, actor=actor, **options)


def test_military_service_registration_imports_and_reimports_idempotently(
    tmp_path, tree, commune_officer
):
    rows = _men(2, 2006)
    for row in rows:
        row.extra = ("10/01/2023",)
    path = files.write_xlsx(tmp_path / "ds.xlsx", rows, "military_service")

    first = _run(path, "military_service", tree, commune_officer)
    again = _run(path, "military_service", tree, commune_officer)

    assert (first.valid, first.imported, again.valid, again.imported) == (2, 2, 2, 0)
    assert Person.objects.count() == 2
    assert ServiceEvent.objects.filter(kind="first_registration").count() == 2


def test_a_refusal_of_the_service_is_the_rows_error_and_nothing_is_kept(
    tmp_path, tree, commune_officer
):
    rows = _men(2, 2006)
    rows[0].extra = ("10/01/2023",)
    rows[1].extra = ("10/01/2019",)  # before he was 17: the law refuses it
    path = files.write_xlsx(tmp_path / "ds.xlsx", rows, "military_service")

    result = _run(path, "military_service", tree, commune_officer)

    assert [(e.row, e.column) for e in result.errors] == [(10, "Ngày đăng ký")]
    assert (result.imported, Person.objects.count(), ServiceEvent.objects.count()) == (0, 0, 0)

    skipped = _run(path, "military_service", tree, commune_officer, skip_invalid=True)
    assert (skipped.imported, ServiceEvent.objects.count()) == (1, 1)


def test_militia_members_import(tmp_path, tree, commune_officer):
    rows = _men(2, 1998)
    for row in rows:
        row.extra = ("Tại chỗ", "01/03/2023", "")
    path = files.write_xlsx(tmp_path / "ds.xlsx", rows, "militia")

    result = _run(path, "militia", tree, commune_officer)

    assert (result.errors, result.imported) == ([], 2)
    assert sorted(MilitiaMember.objects.values_list("militia_type", "position")) == [
        ("local", "member"), ("local", "member"),
    ]  # fmt: skip


def test_reservists_import(tmp_path, tree, commune_officer):
    rows = _men(1, 1995)
    rows[0].extra = ("05/06/2022", "Hạ sĩ quan, binh sĩ xuất ngũ", "24", "Trung sĩ")
    path = files.write_xlsx(tmp_path / "ds.xlsx", rows, "reservists")

    result = _run(path, "reservists", tree, commune_officer)

    assert (result.errors, result.imported) == ([], 1)
    reservist = Reservist.objects.get()
    assert (reservist.source, reservist.rank, reservist.registered_on) == (
        "discharged_nco_soldier", "sergeant", date(2022, 6, 5),
    )  # fmt: skip
