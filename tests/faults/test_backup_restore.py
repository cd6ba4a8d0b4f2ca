"""manage.py backup / restore: write data, back up, change it, restore, and find
exactly the saved rows (counts and checksums) and media files again. Runs on the
database of the test run: SQLite, or PostgreSQL when DATABASE_URL is set."""

import io
import json
import tarfile
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from qsdp.core.backup import BackupError, current_sums, read_manifest
from qsdp.people.models import Person
from qsdp.people.services import PersonData, person_delete, person_update
from qsdp.people.tests.factories import create_person

# The backup tools work on committed data from other sessions (pg_dump) or the
# whole database file: the test cannot run inside a rolled-back transaction.
# serialized_rollback puts back the rows the data migrations seeded (scales,
# settings), which the flush after each test would otherwise remove for the
# tests that run after these on the same worker.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def media(tmp_path, settings):
    root = tmp_path / "media"
    (root / "imports").mkdir(parents=True)
    (root / "imports" / "danh-sach.xlsx").write_bytes(b"original")
    settings.MEDIA_ROOT = str(root)
    return root


def test_restore_brings_back_exactly_what_was_saved(tree, media, tmp_path):
    an = create_person(tree.duong_quang, given_name="An", birth_date=date(2005, 1, 2))
    create_person(tree.song_cau, given_name="Bình", birth_date=date(2005, 3, 4))
    saved = current_sums()
    archive = tmp_path / "qsdp.tar"

    call_command("backup", "--output", str(archive), stdout=io.StringIO())

    manifest = read_manifest(archive)
    assert manifest.tables == saved
    assert manifest.tables["people_person"]["rows"] == 2
    assert set(manifest.files) == {manifest_db(manifest), "media/imports/danh-sach.xlsx"}
    # Change everything a restore must undo: an edit, a deletion, a new row, a file.
    data = PersonData(family_name="Trần", given_name="An", birth_date=date(2005, 1, 2), sex="male")
    person_update(actor=None, person=an, data=data)
    person_delete(actor=None, person=an, reason="thử")
    create_person(tree.duong_quang, given_name="Cường", birth_date=date(2004, 5, 6))
    (media / "imports" / "danh-sach.xlsx").write_bytes(b"changed")
    (media / "new.txt").write_text("new")
    assert current_sums() != saved

    call_command("restore", str(archive), "--yes", stdout=io.StringIO())

    assert current_sums() == saved
    assert sorted(Person.objects.values_list("given_name", "family_name")) == [
        ("An", "Nguyễn"),
        ("Bình", "Nguyễn"),
    ]
    assert (media / "imports" / "danh-sach.xlsx").read_bytes() == b"original"
    assert not (media / "new.txt").exists()


def manifest_db(manifest):
    return "db.sqlite3" if manifest.engine == "sqlite" else "db.dump"


def _rewrite(archive, name, content):
    """A copy of ``archive`` with one member replaced."""
    with tarfile.open(archive) as source:
        members = [(m, source.extractfile(m).read()) for m in source.getmembers()]
    with tarfile.open(archive, "w") as target:
        for member, data in members:
            data = content if member.name == name else data
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))


def test_a_damaged_archive_is_refused_and_nothing_changes(tree, media, tmp_path):
    create_person(tree.duong_quang, given_name="An", birth_date=date(2005, 1, 2))
    archive = tmp_path / "qsdp.tar"
    call_command("backup", "--output", str(archive), stdout=io.StringIO())
    _rewrite(archive, "media/imports/danh-sach.xlsx", b"tampered")
    create_person(tree.duong_quang, given_name="Bình", birth_date=date(2005, 3, 4))
    before = current_sums()

    with pytest.raises(CommandError, match="damaged"):
        call_command("restore", str(archive), "--yes", stdout=io.StringIO())

    assert current_sums() == before


def test_a_manifest_that_lies_about_the_rows_is_refused(tree, media, tmp_path):
    create_person(tree.duong_quang, given_name="An", birth_date=date(2005, 1, 2))
    archive = tmp_path / "qsdp.tar"
    call_command("backup", "--output", str(archive), stdout=io.StringIO())
    manifest = json.loads(read_manifest(archive).as_json())
    manifest["tables"]["people_person"]["rows"] = 3
    _rewrite(archive, "manifest.json", json.dumps(manifest).encode())

    with pytest.raises((CommandError, BackupError), match=r"manifest|differs"):
        call_command("restore", str(archive), "--yes", stdout=io.StringIO())


def test_restore_asks_before_replacing_everything(tree, media, tmp_path, monkeypatch):
    archive = tmp_path / "qsdp.tar"
    call_command("backup", "--output", str(archive), stdout=io.StringIO())
    create_person(tree.duong_quang, given_name="An", birth_date=date(2005, 1, 2))
    monkeypatch.setattr("builtins.input", lambda: "no")

    with pytest.raises(CommandError, match="cancelled"):
        call_command("restore", str(archive), stdout=io.StringIO())

    assert Person.objects.count() == 1
