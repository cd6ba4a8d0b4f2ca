"""Upload defences: size, disguised types, zip bombs, path traversal."""

import io
import zipfile

import pytest

from qsdp.core.errors import DomainError
from qsdp.imports import jobs, upload
from qsdp.imports.models import ImportJob
from qsdp.imports.tests import files

pytestmark = pytest.mark.django_db


def _create(tree, actor, name, content):
    return jobs.job_create(
        actor=actor, org_unit=tree.duong_quang, kind="people", name=name, size=len(content),
        handle=io.BytesIO(content),
    )  # fmt: skip


def test_a_file_over_the_size_limit_is_refused(settings, tree, commune_officer):
    settings.QSDP_MAX_UPLOAD_MB = 1

    with pytest.raises(DomainError) as refused:
        _create(tree, commune_officer, "big.csv", b"a" * (1024 * 1024 + 1))

    assert refused.value.code == "file_too_large"
    assert ImportJob.objects.count() == 0


def test_a_zip_bomb_disguised_as_xlsx_is_refused_before_parsing(tree, commune_officer):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (50 * 1024 * 1024))

    with pytest.raises(DomainError) as refused:
        _create(tree, commune_officer, "ds.xlsx", buffer.getvalue())

    assert refused.value.code == "zip_bomb"
    assert ImportJob.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("ds.xlsx", b"STT,H\xe1\xbb\x8d v\xc3\xa0 t\xc3\xaan\n"),  # a CSV named .xlsx
        ("ds.csv", b"PK\x03\x04" + b"\0" * 100),  # a zip named .csv
        ("ds.xls", b"MZ\x90\x00" + b"\0" * 100),  # a program named .xls
        ("ds.exe", b"STT,Ho ten\n"),
    ],
)
def test_a_file_that_is_not_what_its_name_says_is_refused(tree, commune_officer, name, content):
    with pytest.raises(DomainError) as refused:
        _create(tree, commune_officer, name, content)

    assert refused.value.code == "file_type"


def test_the_client_name_never_reaches_the_disk(tree, commune_officer, tmp_path, settings):
    content = files.write_csv(tmp_path / "x.csv", files.people(1)).read_bytes()

    job = _create(tree, commune_officer, "..\\..\\windows/../../evil.csv", content)

    stored = jobs.file_path(job)
    assert stored.parent == upload.storage_dir()
    assert stored.read_bytes() == content
    assert job.original_name == "evil.csv"
