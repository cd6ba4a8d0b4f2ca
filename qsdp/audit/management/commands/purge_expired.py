"""``manage.py purge_expired [--dry-run] [--today YYYY-MM-DD]``: applies the
retention periods of ``qsdp.core.retention``; the run itself is audited."""

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from qsdp.audit.services import purge_expired
from qsdp.core.retention import POLICIES, years_for


class Command(BaseCommand):
    help = "Removes or anonymises personal data whose retention period has ended."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="count, change nothing")
        parser.add_argument("--today", type=date.fromisoformat, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        today = options["today"] or timezone.localdate()
        result = purge_expired(actor=None, today=today, dry_run=options["dry_run"])
        for policy in POLICIES:
            if policy.key in result.counts:
                years = years_for(policy.key)
                self.stdout.write(
                    f"{policy.key}: {result.counts[policy.key]} "
                    f"({policy.expiry.value} after {years} years)"
                )
        self.stdout.write(f"kept_for_service: {result.kept_for_service}")
        self.stdout.write("dry run: nothing changed" if result.dry_run else "done")
