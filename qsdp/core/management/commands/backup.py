from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from qsdp.core.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back up the database (SQLite: online backup API; PostgreSQL: pg_dump -Fc) and the "
        "media files into one tar archive with a manifest of row counts and a checksum per "
        "table. Safe while qsdp runs. Default: var/backups/qsdp-<date>-<time>.tar."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", type=Path, default=None, help="Where to write the archive.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            path = backup(options["output"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written to {path}"))
