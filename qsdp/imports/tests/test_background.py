"""Background jobs: a runner killed mid-import, a database connection lost
mid-import, and a 100,000-row-style progress report (smaller here)."""

import io

import pytest
from django.db import OperationalError, connection

from qsdp.core.models import AuditEvent
from qsdp.imports import jobs
from qsdp.imports.importer import import_file
from qsdp.imports.models import ImportJob, JobStatus
from qsdp.imports.tests import files
from qsdp.people.models import Person, Residence


def _job(tree, actor, path, *, dry_run=False):
    content = path.read_bytes()
    return jobs.job_create(
        actor=actor, org_unit=tree.duong_quang, kind="people", name=path.name,
        size=len(content), handle=io.BytesIO(content), dry_run=dry_run,
    )  # fmt: skip


class Killed(BaseException):
    """What the runner sees of SIGKILL: nothing after this point runs."""


@pytest.mark.django_db
def test_a_killed_runner_leaves_the_job_resumable_and_a_restart_finishes_it(
    tmp_path, tree, commune_officer, settings, monkeypatch
):
    settings.QSDP_IMPORT_STALE_SECONDS = 0
    job = _job(tree, commune_officer, files.write_xlsx(tmp_path / "ds.xlsx", files.people(4000)))

    def killed_in_the_writes(**kwargs):
        """The real import, killed once it has written half of the rows (a timer
        would be flaky: a fast machine finishes first, and a signal that lands in
        a ``__del__`` is swallowed)."""
        reported = kwargs.pop("progress")

        def progress(done, total):
            reported(done, total)
            if done > total // 2 + 2000:
                raise Killed

        return import_file(**kwargs, progress=progress)

    monkeypatch.setattr(jobs, "import_file", killed_in_the_writes)
    with pytest.raises(Killed):
        jobs.job_run(job.pk)
    monkeypatch.undo()

    job.refresh_from_db()
    assert job.status == JobStatus.RUNNING  # nobody marked it: the process was gone
    assert (Person.objects.count(), Residence.objects.count()) == (0, 0)
    assert jobs.is_stale(job) and jobs.is_resumable(job)

    jobs.job_restart(actor=commune_officer, job=job)
    finished = jobs.job_run(job.pk)

    assert (finished.status, finished.attempts, finished.result["imported"]) == (
        JobStatus.DONE, 2, 4000,
    )  # fmt: skip
    assert Person.objects.count() == 4000


@pytest.mark.django_db
def test_a_lost_database_connection_mid_import_leaves_nothing(tmp_path, tree, commune_officer):
    path = files.write_xlsx(tmp_path / "ds.xlsx", files.people(3000))
    seen = []

    def progress(done, total):
        seen.append(done)
        if done > total // 2 + 2000:  # in the middle of the writes
            raise OperationalError("server closed the connection unexpectedly")

    with pytest.raises(OperationalError):
        import_file(
            path=path, kind="people", org_unit=tree.duong_quang, actor=commune_officer,
            dry_run=False, skip_invalid=False, progress=progress,
        )  # fmt: skip

    assert max(seen) > 3000  # the writes had begun
    assert (Person.objects.count(), Residence.objects.count()) == (0, 0)
    assert AuditEvent.objects.filter(verb="person.created").count() == 0


@pytest.mark.django_db(transaction=True)
def test_a_connection_killed_by_the_server_leaves_nothing(tmp_path, tree, commune_officer):
    if connection.vendor != "postgresql":
        pytest.skip("the server can end a connection only on PostgreSQL")
    from django.db import connections

    path = files.write_xlsx(tmp_path / "ds.xlsx", files.people(3000))
    job = _job(tree, commune_officer, path)
    pid = connection.cursor().connection.info.backend_pid
    other = connections.create_connection("default")

    def terminate(done, total):
        if done > total // 2 + 1000:
            with other.cursor() as cursor:
                cursor.execute("SELECT pg_terminate_backend(%s)", [pid])

    with pytest.raises(Exception):  # noqa: B017 — the driver's own error type
        import_file(
            path=path, kind="people", org_unit=tree.duong_quang, actor=commune_officer,
            dry_run=False, skip_invalid=False, progress=terminate,
        )  # fmt: skip
    connection.close()
    other.close()

    assert Person.objects.count() == 0
    assert ImportJob.objects.get(pk=job.pk).status == JobStatus.QUEUED


@pytest.mark.django_db
def test_the_runner_reports_progress_as_it_goes(tmp_path, tree, commune_officer):
    job = _job(tree, commune_officer, files.write_xlsx(tmp_path / "ds.xlsx", files.people(1500)))

    jobs.job_run(job.pk)

    job.refresh_from_db()
    assert jobs.progress_of(job)["done"] == jobs.progress_of(job)["total"] == 3000
    assert (job.status, job.rows_total, job.result["imported"]) == (JobStatus.DONE, 1500, 1500)


@pytest.mark.django_db
def test_a_second_runner_of_a_running_job_leaves_it_to_the_first(
    tmp_path, tree, commune_officer, monkeypatch
):
    job = _job(tree, commune_officer, files.write_xlsx(tmp_path / "ds.xlsx", files.people(5)))
    second = []

    def another_runner_starts_meanwhile(**kwargs):
        second.append(jobs.job_run(job.pk))  # e.g. the one spawned when the upload committed
        return import_file(**kwargs)

    monkeypatch.setattr(jobs, "import_file", another_runner_starts_meanwhile)
    done = jobs.job_run(job.pk)

    assert [(j.status, j.attempts) for j in second] == [(JobStatus.RUNNING, 1)]
    assert (done.status, done.attempts, done.result["imported"]) == (JobStatus.DONE, 1, 5)
    assert Person.objects.count() == 5
