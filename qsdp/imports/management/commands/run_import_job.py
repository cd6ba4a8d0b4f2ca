"""The background runner of one import job (started by the upload page)."""

import logging

from django.core.management.base import BaseCommand

from qsdp.imports.jobs import job_run

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run one import job to its end (started detached by the import pages)."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("job", type=int)

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        job = job_run(options["job"])
        log.info("import job %s: %s", job.pk, job.status)
