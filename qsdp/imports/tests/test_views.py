"""The persona matrix on every import page: anonymous, out of scope, read-only, allowed."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from qsdp.core.models import AuditEvent
from qsdp.imports import jobs
from qsdp.imports.models import ImportJob, JobStatus
from qsdp.imports.tests import files
from qsdp.people.models import Person

pytestmark = pytest.mark.django_db


def _upload(tmp_path, rows=None, name="danh sach.xlsx"):
    path = files.write_xlsx(tmp_path / "ds.xlsx", rows or files.people(3))
    return SimpleUploadedFile(name, path.read_bytes())


@pytest.fixture
def job(tmp_path, tree, commune_officer):
    upload = _upload(tmp_path)
    return jobs.job_create(
        actor=commune_officer, org_unit=tree.duong_quang, kind="people", name=upload.name,
        size=upload.size, handle=upload,
    )  # fmt: skip


def job_urls(pk):
    return [
        reverse("imports:job-detail", args=[pk]),
        reverse("imports:job-progress", args=[pk]),
    ]


def post_urls(pk):
    return [reverse("imports:job-commit", args=[pk]), reverse("imports:job-restart", args=[pk])]


def snapshot():
    return (
        list(ImportJob.objects.values_list("id", "status", "dry_run")),
        Person.objects.count(),
    )


def test_anonymous_is_sent_to_login(client, job):
    for url in [
        reverse("imports:job-list"), reverse("imports:job-create"),
        reverse("imports:template-download", args=["people"]),
        reverse("imports:export", args=["people", "csv"]),
        *job_urls(job.pk), *post_urls(job.pk),
    ]:  # fmt: skip
        response = client.get(url) if url not in post_urls(job.pk) else client.post(url)

        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("accounts:login"))


def test_officer_of_another_commune_gets_404(client, job, outsider):
    client.force_login(outsider)
    before = snapshot()

    for url in job_urls(job.pk):
        assert client.get(url).status_code == 404, url
    for url in post_urls(job.pk):
        assert client.post(url, {"skip_invalid": "on"}).status_code == 404, url

    assert snapshot() == before
    assert client.get(reverse("imports:job-list")).context["page"].items == []


def test_outsider_cannot_upload_into_another_commune(client, tree, outsider, tmp_path):
    client.force_login(outsider)

    response = client.post(
        reverse("imports:job-create"),
        {"kind": "people", "org_unit": tree.duong_quang.pk, "file": _upload(tmp_path)},
    )

    assert response.status_code == 200
    assert "org_unit" in response.context["form"].errors
    assert ImportJob.objects.count() == 0


def test_leader_reads_but_every_change_is_403(client, job, leader, tmp_path, tree):
    client.force_login(leader)
    before = snapshot()

    assert client.get(reverse("imports:job-detail", args=[job.pk])).status_code == 200
    assert client.get(reverse("imports:job-create")).status_code == 403
    upload = {"kind": "people", "org_unit": tree.duong_quang.pk, "file": _upload(tmp_path)}
    assert client.post(reverse("imports:job-create"), upload).status_code == 403
    for url in post_urls(job.pk):
        assert client.post(url, {"skip_invalid": "on"}).status_code == 403, url

    assert snapshot() == before


def test_officer_uploads_a_file_as_a_check(
    client, tree, commune_officer, tmp_path, django_capture_on_commit_callbacks
):
    client.force_login(commune_officer)

    with django_capture_on_commit_callbacks() as started:
        response = client.post(
            reverse("imports:job-create"),
            {
                "kind": "people",
                "org_unit": tree.duong_quang.pk,
                "file": _upload(tmp_path, name="../../etc/passwd.xlsx"),
            },
        )

    assert len(started) == 1  # the runner starts once the job is committed

    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("imports:job-detail", args=[job.pk])
    assert (job.kind, job.org_unit, job.dry_run, job.status) == (
        "people", tree.duong_quang, True, JobStatus.QUEUED,
    )  # fmt: skip
    assert job.original_name == "passwd.xlsx"
    assert job.file.startswith("imports/") and ".." not in job.file and job.file.endswith(".xlsx")
    assert AuditEvent.objects.filter(verb="import.uploaded", target_id=str(job.pk)).count() == 1


def test_check_then_commit_through_the_pages(client, job, commune_officer):
    client.force_login(commune_officer)
    jobs.job_run(job.pk)

    page = client.get(reverse("imports:job-detail", args=[job.pk]))
    assert page.context["job"].result["valid"] == 3
    assert "Nguyễn" in page.content.decode() or "Hoàng" in page.content.decode()
    assert Person.objects.count() == 0

    response = client.post(reverse("imports:job-commit", args=[job.pk]), {})
    assert response.status_code == 302
    job.refresh_from_db()
    assert (job.dry_run, job.status) == (False, JobStatus.QUEUED)
    jobs.job_run(job.pk)

    assert Person.objects.count() == 3
    job.refresh_from_db()
    assert (job.status, job.result["imported"]) == (JobStatus.DONE, 3)


def test_progress_polls_while_running_and_reloads_at_the_end(client, job, commune_officer):
    client.force_login(commune_officer)

    running = client.get(reverse("imports:job-progress", args=[job.pk]), HTTP_HX_REQUEST="true")
    assert 'hx-trigger="every 1s"' in running.content.decode()
    assert "HX-Refresh" not in running

    jobs.job_run(job.pk)
    done = client.get(reverse("imports:job-progress", args=[job.pk]), HTTP_HX_REQUEST="true")
    assert done["HX-Refresh"] == "true"
    assert "every 1s" not in done.content.decode()


def test_template_download_has_header_and_column_numbers(client, commune_officer):
    client.force_login(commune_officer)
    response = client.get(reverse("imports:template-download", args=["militia"]))

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("STT", "Họ và tên", "Ngày sinh", "Giới tính")
    assert rows[0][-3:] == ("Loại dân quân", "Ngày vào dân quân", "Chức vụ")
    assert rows[1][:3] == ("(1)", "(2)", "(3)")


def test_a_commit_stopped_by_errors_can_be_run_again_skipping_them(
    client, tree, commune_officer, tmp_path
):
    rows = files.people(3)
    rows[1].birth = "31/02/1990"
    upload = _upload(tmp_path, rows)
    job = jobs.job_create(
        actor=commune_officer, org_unit=tree.duong_quang, kind="people", name=upload.name,
        size=upload.size, handle=upload, dry_run=False,
    )  # fmt: skip
    jobs.job_run(job.pk)
    client.force_login(commune_officer)
    commit = reverse("imports:job-commit", args=[job.pk])

    page = client.get(reverse("imports:job-detail", args=[job.pk])).content.decode()
    assert Person.objects.count() == 0
    assert f'action="{commit}"' in page

    client.post(commit, {"skip_invalid": "on"})
    jobs.job_run(job.pk)

    job.refresh_from_db()
    assert (job.status, job.result["committed"], job.result["imported"]) == (
        JobStatus.DONE, True, 2,
    )  # fmt: skip
    page = client.get(reverse("imports:job-detail", args=[job.pk])).content.decode()
    assert f'action="{commit}"' not in page
    client.post(commit, {"skip_invalid": "on"})
    job.refresh_from_db()
    assert (job.status, Person.objects.count()) == (JobStatus.DONE, 2)


def test_a_failed_import_says_so_in_vietnamese_without_the_exception(client, job, commune_officer):
    ImportJob.objects.filter(pk=job.pk).update(
        status=JobStatus.FAILED, result={"failure": "server closed the connection unexpectedly"}
    )
    client.force_login(commune_officer)

    page = client.get(reverse("imports:job-detail", args=[job.pk])).content.decode()

    assert "Nhập dữ liệu không thành công; không có dữ liệu nào được lưu." in page
    assert "server closed the connection" not in page
    assert f'action="{reverse("imports:job-restart", args=[job.pk])}"' in page
