import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from qsdp.core.models import AuditEvent
from qsdp.imports.importer import import_file
from qsdp.imports.tests import files
from qsdp.people.models import Person, Residence
from qsdp.people.services import person_delete


def _messy_rows():
    """Eight people as an official typed them; three rows are wrong."""
    rows = files.people(8)
    rows[1].birth = "31/02/1990"  # no such day
    rows[3].full_name = "Hoàng"  # the given name is missing
    rows[5].national_id = "12345"  # too short
    return rows


def test_messy_file_imports_exactly_its_valid_rows(tmp_path, tree, commune_officer):
    path = files.write_xlsx(tmp_path / "ds.xlsx", _messy_rows(), nfd=True)

    result = import_file(
        path=path, kind="people", org_unit=tree.duong_quang, actor=commune_officer,
        dry_run=False, skip_invalid=True,
    )  # fmt: skip

    assert (result.rows, result.valid, result.imported) == (8, 5, 5)
    assert [(e["row"], e["column"], e["code"]) for e in result.as_json()["errors"]] == [
        (10, "Ngày, tháng, năm sinh – Nam", "date_invalid"),
        (12, "Họ và tên", "name_incomplete"),
        (14, "Số định danh", "national_id_format"),
    ]
    assert Person.objects.count() == 5
    first = Person.objects.get(national_id=files.people(8)[0].national_id)
    assert (first.full_name, first.birth_date, first.sex) == (
        files.people(8)[0].full_name,
        files.people(8)[0].birth,
        "female",
    )
    assert first.national_id.startswith("006")  # the lost leading zeros are back
    assert Residence.objects.filter(org_unit=tree.duong_quang).count() == 5
    assert AuditEvent.objects.filter(verb="person.created").count() == 5


def test_errors_without_skip_import_nothing(tmp_path, tree, commune_officer):
    path = files.write_xlsx(tmp_path / "ds.xlsx", _messy_rows())

    result = import_file(
        path=path, kind="people", org_unit=tree.duong_quang, actor=commune_officer,
        dry_run=False, skip_invalid=False,
    )  # fmt: skip

    assert (result.rows, result.valid, result.imported, result.committed) == (8, 5, 0, False)
    assert Person.objects.count() == 0


def test_dry_run_shows_outcomes_and_writes_nothing(tmp_path, tree, commune_officer):
    path = files.write_csv(tmp_path / "ds.csv", files.people(4))

    result = import_file(
        path=path, kind="people", org_unit=tree.duong_quang, actor=commune_officer,
        dry_run=True, skip_invalid=False,
    )  # fmt: skip

    assert (result.rows, result.valid, result.imported) == (4, 4, 0)
    assert [r["row"] for r in result.records] == [9, 10, 11, 12]
    assert Person.objects.count() == 0


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
@pytest.mark.parametrize("writer", [files.write_xlsx, files.write_csv])
def test_legacy_encoded_files_import_with_vietnamese_names(tmp_path, tree, encoding, writer):
    rows = files.people(6)
    path = writer(
        tmp_path / f"ds.{'csv' if writer is files.write_csv else 'xlsx'}", rows, encoding=encoding
    )

    result = import_file(
        path=path, kind="people", org_unit=tree.duong_quang, actor=None,
        dry_run=False, skip_invalid=False,
    )  # fmt: skip

    assert result.errors == []
    assert sorted(
        Person.objects.values_list("family_name", "middle_name", "given_name", "address")
    ) == sorted((*r.full_name.split(" "), r.address) for r in rows)


def test_importing_the_same_file_twice_changes_nothing(tmp_path, tree, commune_officer):
    path = files.write_xlsx(tmp_path / "ds.xlsx", files.people(6))
    first = import_file(path=path, kind="people", org_unit=tree.duong_quang, actor=commune_officer,
                        dry_run=False, skip_invalid=False)  # fmt: skip
    events = AuditEvent.objects.count()

    again = import_file(path=path, kind="people", org_unit=tree.duong_quang, actor=commune_officer,
                        dry_run=False, skip_invalid=False)  # fmt: skip

    assert (first.valid, first.imported, again.valid, again.imported) == (6, 6, 6, 0)
    assert Person.objects.count() == 6
    assert AuditEvent.objects.count() == events


def test_a_conflicting_row_is_listed_not_overwritten(tmp_path, tree, commune_officer):
    rows = files.people(2)
    path = files.write_xlsx(tmp_path / "ds.xlsx", rows)
    import_file(path=path, kind="people", org_unit=tree.duong_quang, actor=commune_officer,
                dry_run=False, skip_invalid=False)  # fmt: skip
    rows[0].full_name = "Lý Văn Khác"
    files.write_xlsx(path, rows)

    result = import_file(path=path, kind="people", org_unit=tree.duong_quang, actor=commune_officer,
                         dry_run=False, skip_invalid=True)  # fmt: skip

    assert [(e.row, e.code) for e in result.errors] == [(9, "national_id_conflict")]
    assert Person.objects.filter(national_id=rows[0].national_id).get().full_name != "Lý Văn Khác"


def test_a_row_whose_citizen_id_is_on_a_deleted_record_is_an_error(tmp_path, tree, commune_officer):
    rows = files.people(3)
    path = files.write_xlsx(tmp_path / "ds.xlsx", rows)
    import_file(path=path, kind="people", org_unit=tree.duong_quang, actor=commune_officer,
                dry_run=False, skip_invalid=False)  # fmt: skip
    deleted = Person.objects.get(national_id=rows[1].national_id)
    person_delete(actor=commune_officer, person=deleted, reason="Nhập trùng")

    result = import_file(path=path, kind="people", org_unit=tree.duong_quang, actor=commune_officer,
                         dry_run=False, skip_invalid=True)  # fmt: skip

    assert [(e.row, e.column, e.code) for e in result.errors] == [
        (10, "Số định danh", "national_id_deleted")
    ]
    assert (result.valid, result.imported, result.committed) == (2, 0, True)
    assert Person.all_objects.filter(national_id=rows[1].national_id).get().pk == deleted.pk


def test_year_only_birth_date_is_an_error_for_a_new_person(tmp_path, tree):
    rows = files.people(2)
    rows[0].birth = 1990
    rows[0].national_id = files.cccd(date(1990, 1, 1), rows[0].sex, 5)
    path = files.write_xlsx(tmp_path / "ds.xlsx", rows)

    result = import_file(path=path, kind="people", org_unit=tree.duong_quang, actor=None,
                         dry_run=True, skip_invalid=False)  # fmt: skip

    assert [(e.row, e.code) for e in result.errors] == [(9, "birth_date_year_only")]


def test_command_prints_the_json_of_the_issue(tmp_path, tree, capsys):
    rows = files.people(3)
    rows[2].birth = "hôm qua"
    path = files.write_xlsx(tmp_path / "ds.xlsx", rows)

    call_command("import_register", "people", str(path), "--org-unit", "01849", "--dry-run",
                 "--format", "json")  # fmt: skip

    data = json.loads(capsys.readouterr().out)
    assert data["kind"] == "people" and (data["rows"], data["valid"], data["imported"]) == (3, 2, 0)
    assert data["errors"][0]["row"] == 11 and data["errors"][0]["code"] == "date_invalid"
    assert data["records"][0] == {
        "row": 9,
        "national_id": rows[0].national_id,
        "full_name": rows[0].full_name,
        "birth_date": rows[0].birth.isoformat(),
    }


def test_command_exits_1_on_errors_and_imports_nothing(tmp_path, tree):
    rows = files.people(3)
    rows[2].birth = ""
    path = files.write_xlsx(tmp_path / "ds.xlsx", rows)

    with pytest.raises(SystemExit) as exit_:
        call_command("import_register", "people", str(path), "--org-unit", "01849")

    assert exit_.value.code == 1
    assert Person.objects.count() == 0


def test_command_names_a_code_of_no_open_unit_in_vietnamese(tmp_path, tree):
    path = files.write_xlsx(tmp_path / "ds.xlsx", files.people(1))

    with pytest.raises(CommandError) as refused:
        call_command("import_register", "people", str(path), "--org-unit", "99999",
                     "--as-of", "2023-12-31")  # fmt: skip

    assert str(refused.value) == (
        "Không xác định được một đơn vị duy nhất có mã 99999 tại ngày 31/12/2023."
    )
    assert Person.objects.count() == 0
