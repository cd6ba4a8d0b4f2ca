"""Background imports without a broker (docs/decisions/0009): a job row, its
file under MEDIA_ROOT, and ``manage.py run_import_job`` started detached.

The import writes in one transaction, so its live progress cannot go through
the database (the row would change only at commit): the runner writes it to a
small file beside the upload, which is also its heartbeat."""

import contextlib
import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qsdp.accounts.scoping import require_write
from qsdp.core.audit import record_event
from qsdp.core.errors import DomainError
from qsdp.imports import upload
from qsdp.imports.errors import ImportErrorCode as Code
from qsdp.imports.importer import ImportResult, import_file
from qsdp.imports.models import ImportJob, JobStatus
from qsdp.orgunits.models import OrgUnit

MAX_STORED_ERRORS = 2000


def stale_after() -> timedelta:
    return timedelta(seconds=int(getattr(settings, "QSDP_IMPORT_STALE_SECONDS", 60)))


def file_path(job: ImportJob) -> Path:
    return Path(settings.MEDIA_ROOT) / job.file


def _progress_path(job: ImportJob) -> Path:
    return file_path(job).with_suffix(".progress.json")


def progress_of(job: ImportJob) -> dict[str, Any]:
    """``{"done", "total", "at"}`` as the runner last wrote it ({} before it starts)."""
    try:
        data: dict[str, Any] = json.loads(_progress_path(job).read_text())
    except (OSError, ValueError):
        return {}
    return data


def _write_progress(job: ImportJob, done: int, total: int) -> None:
    path = _progress_path(job)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps({"done": done, "total": total, "at": time.time()}))
    os.replace(temporary, path)  # readers never see half a file


def last_sign_of_life(job: ImportJob) -> Any:
    at = progress_of(job).get("at")
    live = datetime.fromtimestamp(at, tz=UTC) if at else None
    candidates = [t for t in (job.heartbeat, live) if t is not None]
    return max(candidates) if candidates else job.created_at


def is_stale(job: ImportJob) -> bool:
    """A queued or running job whose runner has stopped giving signs of life."""
    if job.status not in (JobStatus.QUEUED, JobStatus.RUNNING):
        return False
    return timezone.now() - last_sign_of_life(job) > stale_after()


def is_resumable(job: ImportJob) -> bool:
    return job.status == JobStatus.FAILED or is_stale(job)


def spawn(job_pk: int) -> None:
    """Start the runner in its own session, so it outlives the web request."""
    manage = Path(settings.BASE_DIR) / "manage.py"
    subprocess.Popen(  # noqa: S603 — fixed argv, no shell
        [sys.executable, str(manage), "run_import_job", str(job_pk)],
        start_new_session=True,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        close_fds=True,
    )


def _start_after_commit(job: ImportJob) -> None:
    transaction.on_commit(lambda: spawn(job.pk))


@transaction.atomic
def job_create(
    *,
    actor: Any,
    org_unit: OrgUnit,
    kind: str,
    name: str,
    size: int,
    handle: Any,
    dry_run: bool = True,
    skip_invalid: bool = False,
) -> ImportJob:
    """Check and store an upload, and queue its import (a check first, by default)."""
    require_write(actor, org_unit.path)
    extension = upload.check_upload(name, size, handle)
    job = ImportJob(
        created_by=actor, org_unit=org_unit, kind=kind, file=upload.store(handle, extension),
        original_name=upload.display_name(name), dry_run=dry_run, skip_invalid=skip_invalid,
        heartbeat=timezone.now(),
    )  # fmt: skip
    job.full_clean()
    job.save()
    record_event(
        actor=actor, verb="import.uploaded", target=job,
        changes={"kind": [None, kind], "file": [None, job.original_name]},
    )  # fmt: skip
    _start_after_commit(job)
    return job


@transaction.atomic
def job_commit(*, actor: Any, job: ImportJob, skip_invalid: bool) -> ImportJob:
    """Run a checked file for real (again, skipping the invalid rows, after a run
    that their errors stopped); also restarts a job whose runner died."""
    require_write(actor, job.org_unit.path)
    job = ImportJob.objects.select_for_update().get(pk=job.pk)
    if job.status in (JobStatus.QUEUED, JobStatus.RUNNING) and not is_stale(job):
        raise DomainError(Code.JOB_NOT_RESUMABLE, _("This import is still running."))
    if job.status == JobStatus.DONE and job.result.get("committed"):
        raise DomainError(Code.JOB_NOT_RESUMABLE, _("This file has already been imported."))
    job.dry_run = False
    job.skip_invalid = skip_invalid
    job.status = JobStatus.QUEUED
    job.heartbeat = timezone.now()
    job.save(update_fields=["dry_run", "skip_invalid", "status", "heartbeat"])
    record_event(
        actor=actor, verb="import.commit_requested", target=job,
        changes={"skip_invalid": [None, skip_invalid]},
    )  # fmt: skip
    _start_after_commit(job)
    return job


@transaction.atomic
def job_restart(*, actor: Any, job: ImportJob) -> ImportJob:
    """Queue again a job that failed or whose runner died (safe: nothing of a
    failed run was committed, and matching makes a second run idempotent)."""
    require_write(actor, job.org_unit.path)
    job = ImportJob.objects.select_for_update().get(pk=job.pk)
    if not is_resumable(job):
        raise DomainError(
            Code.JOB_NOT_RESUMABLE, _("Only a failed or interrupted import can be restarted.")
        )
    job.status = JobStatus.QUEUED
    job.heartbeat = timezone.now()
    job.save(update_fields=["status", "heartbeat"])
    record_event(actor=actor, verb="import.restarted", target=job)
    _start_after_commit(job)
    return job


def _summary(result: ImportResult) -> dict[str, Any]:
    data = result.as_json()
    data["error_count"] = len(data["errors"])
    data["errors"] = data["errors"][:MAX_STORED_ERRORS]
    data["records"] = []  # the register holds them; the page shows counts and outcomes
    data["outcomes"] = result.outcomes[:MAX_STORED_ERRORS]
    data.update(committed=result.committed, dry_run=result.dry_run, encoding=result.encoding)
    return data


def job_run(job_pk: int) -> ImportJob:
    """Run one job to its end, in this process (the runner command calls it)."""
    job = ImportJob.objects.select_related("org_unit", "created_by").get(pk=job_pk)
    # Claimed only from the queue: a second runner of the same job (one spawned
    # on commit while another process already runs it) would race it for the
    # same rows, so it leaves the job to the first.
    claimed = ImportJob.objects.filter(pk=job.pk, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING, heartbeat=timezone.now(), attempts=job.attempts + 1,
        rows_done=0, result={},
    )  # fmt: skip
    if not claimed:
        return job
    last = 0.0

    def progress(done: int, total: int) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= 0.5 or done >= total:
            last = now
            _write_progress(job, done, total)

    try:
        result = import_file(
            path=file_path(job), kind=job.kind, org_unit=job.org_unit, actor=job.created_by,
            dry_run=job.dry_run, skip_invalid=job.skip_invalid, progress=progress,
        )  # fmt: skip
    except Exception as error:  # the job must end failed, whatever broke
        # If the database is gone, the job goes stale and shows as resumable.
        with contextlib.suppress(DatabaseError):
            ImportJob.objects.filter(pk=job.pk).update(
                status=JobStatus.FAILED, heartbeat=timezone.now(), finished_at=timezone.now(),
                result={"failure": str(error)[:500]},
            )  # fmt: skip
        raise
    ImportJob.objects.filter(pk=job.pk).update(
        status=JobStatus.DONE, heartbeat=timezone.now(), finished_at=timezone.now(),
        rows_total=result.rows, rows_done=result.rows, result=_summary(result),
    )  # fmt: skip
    if result.committed:
        record_event(
            actor=job.created_by, verb="import.committed", target=job,
            changes={"rows": [None, result.rows], "imported": [None, result.imported]},
        )  # fmt: skip
    job.refresh_from_db()
    return job
