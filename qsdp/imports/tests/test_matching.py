"""Matching a file's rows against the register: by CCCD, then by name and date
of birth, each in one statement over the file's keys (on both databases)."""

from datetime import date

import pytest

from qsdp.imports import matching
from qsdp.imports.importer import import_file
from qsdp.imports.tests import files
from qsdp.people.services import person_delete
from qsdp.people.tests.factories import create_person

pytestmark = pytest.mark.django_db


def test_by_national_id_finds_the_register_and_the_deleted_records_apart(tree, commune_officer):
    kept = create_person(tree.duong_quang)
    gone = create_person(tree.duong_quang)
    person_delete(actor=commune_officer, person=gone, reason="Nhập trùng")

    found, deleted = matching.by_national_id([kept.national_id, gone.national_id, "", "0" * 12])

    assert ({k: p.pk for k, p in found.items()}, deleted) == (
        {kept.national_id: kept.pk}, {gone.national_id},
    )  # fmt: skip
    assert found[kept.national_id].unit_path == tree.duong_quang.path  # read with it


def test_by_name_and_birth_finds_every_namesake_born_that_day_and_no_deleted_one(
    tree, commune_officer
):
    born = date(1990, 5, 17)
    one = create_person(tree.duong_quang, given_name="An", birth_date=born)
    two = create_person(tree.song_cau, given_name="An", birth_date=born, national_id="")
    create_person(tree.duong_quang, given_name="An", birth_date=date(1990, 5, 18))
    gone = create_person(tree.duong_quang, given_name="An", birth_date=born)
    person_delete(actor=commune_officer, person=gone, reason="Nhập trùng")

    found = matching.by_name_and_birth(
        [("nguyen van an", born), ("nguyen van an", born), ("nguyen van binh", born)]
    )

    assert {k: [p.pk for p in v] for k, v in found.items()} == {
        ("nguyen van an", born): [one.pk, two.pk]
    }


def _import(path, tree, actor):
    return import_file(path=path, kind="people", org_unit=tree.duong_quang, actor=actor,
                       dry_run=False, skip_invalid=True)  # fmt: skip


def test_a_row_without_citizen_id_is_matched_by_name_and_birth_date(
    tmp_path, tree, commune_officer
):
    rows = files.people(3)
    first = _import(files.write_xlsx(tmp_path / "a.xlsx", rows), tree, commune_officer)
    for row in rows:
        row.national_id = ""

    again = _import(files.write_xlsx(tmp_path / "b.xlsx", rows), tree, commune_officer)

    assert (first.imported, again.imported, again.errors) == (3, 0, [])
    assert [o["outcome"] for o in again.outcomes] == ["matched"] * 3


def test_namesakes_in_the_register_are_conflicts_listed_with_their_row(
    tmp_path, tree, commune_officer
):
    rows = files.people(2)
    first, second = rows
    for birth, serial in ((first.birth, 900001), (first.birth, 900002)):
        family, middle, given = first.full_name.split()
        create_person(
            tree.duong_quang, family_name=family, middle_name=middle, given_name=given,
            birth_date=birth, sex="female", national_id=files.cccd(birth, "Nữ", serial),
        )  # fmt: skip
    family, middle, given = second.full_name.split()
    create_person(
        tree.duong_quang, family_name=family, middle_name=middle, given_name=given,
        birth_date=second.birth, national_id=files.cccd(second.birth, "Nam", 900003),
    )  # fmt: skip
    first.national_id = ""

    result = _import(files.write_xlsx(tmp_path / "c.xlsx", rows), tree, commune_officer)

    assert [(e.row, e.column, e.code) for e in result.errors] == [
        (9, "Họ và tên", "namesake_conflict"),
        (10, "Số định danh", "namesake_conflict"),
    ]
    assert result.imported == 0
