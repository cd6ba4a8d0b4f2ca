from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from qsdp.core.backup import BackupError, read_manifest, restore


class Command(BaseCommand):
    help = (
        "Replace the database and the media files with those of a backup made by "
        "`manage.py backup`, after checking the archive against its manifest, and verify the "
        "restored tables' row counts and checksums. Stop qsdp first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="The backup archive.")
        parser.add_argument(
            "--yes", action="store_true", help="Do not ask for confirmation (scripts)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        if not path.is_file():
            raise CommandError(f"{path} does not exist.")
        try:
            manifest = read_manifest(path)
            if not options["yes"]:
                self.stdout.write(
                    f"This replaces ALL data with the backup of {manifest.created_at} "
                    f"({len(manifest.tables)} tables). Type 'yes' to go on: ",
                    ending="",
                )
                if input().strip().lower() != "yes":
                    raise CommandError("Restore cancelled; nothing was changed.")
            restore(path, progress=lambda step: self.stdout.write(f"  {step}"))
        except (BackupError, EOFError) as error:
            raise CommandError(str(error) or "Restore cancelled; nothing was changed.") from error
        self.stdout.write(self.style.SUCCESS(f"Restored and verified {path}"))
