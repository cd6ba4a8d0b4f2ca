from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from qsdp.core.services import calendar_days_load

FIRST_YEAR = 2013  # the holidays of the Labour Code 2012 (Tết of 5 days)
DEFAULT_FROM_YEAR = 2020


class Command(BaseCommand):
    help = (
        "Fill the working calendar (CalendarDay) with Vietnam's public holidays — Tết, "
        "Giỗ Tổ Hùng Vương, 30/4, 1/5, 2/9, 1/1 and their compensatory days, from the "
        "holidays package — and the announced day swaps and make-up Saturdays. Days "
        "already in the table are kept unless --replace. Running it again changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--from-year", type=int, default=DEFAULT_FROM_YEAR)
        parser.add_argument("--to-year", type=int, default=None, help="Default: next year.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Overwrite the days already in the table with the computed ones.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from_year = options["from_year"]
        to_year = options["to_year"] or date.today().year + 1
        if not FIRST_YEAR <= from_year <= to_year <= date.max.year - 1:
            raise CommandError(
                _(
                    "The years must run from %(first)s on, and --from-year must not be after "
                    "--to-year."
                )
                % {"first": FIRST_YEAR}
            )
        summary = calendar_days_load(
            actor=None, from_year=from_year, to_year=to_year, replace=options["replace"]
        )
        self.stdout.write(
            _(
                "Calendar %(from)s–%(to)s: %(created)s days added, %(updated)s changed, "
                "%(unchanged)s kept."
            )
            % {
                "from": from_year,
                "to": to_year,
                "created": summary.created,
                "updated": summary.updated,
                "unchanged": summary.unchanged,
            }
        )
