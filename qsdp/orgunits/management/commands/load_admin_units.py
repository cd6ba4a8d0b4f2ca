import argparse
from datetime import date, datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from qsdp.core.errors import DomainError
from qsdp.orgunits.national import DEFAULT_LEGACY_OPENED_ON, load_admin_units


def _day(value: str) -> date:
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}")


class Command(BaseCommand):
    help = (
        "Load Vietnam's administrative units from the package vietnamadminunits: the "
        "legacy tree (province, district, commune level; closed on 2025-07-01), the "
        "tree since 2025-07-01 (province, commune level) and the lineage between them. "
        "Running it again changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--province",
            dest="provinces",
            action="extend",
            nargs="+",
            metavar="CODE",
            help="Province code since 2025-07-01 (e.g. 19 = Thái Nguyên, which also "
            "loads legacy 06 Bắc Kạn and 19 Thái Nguyên). Repeatable. Default: all 34.",
        )
        parser.add_argument(
            "--legacy-opened-on",
            type=_day,
            default=DEFAULT_LEGACY_OPENED_ON,
            metavar="YYYY-MM-DD",
            help="Opening date of the legacy units: the package carries no founding "
            "dates (default 2000-01-01).",
        )
        parser.add_argument(
            "--with-commands",
            action="store_true",
            help="Also create the military commands: Bộ CHQS of each province, Ban CHQS "
            "of each legacy district and of each commune-level unit.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            summary = load_admin_units(
                provinces=options["provinces"],
                with_commands=options["with_commands"],
                legacy_opened_on=options["legacy_opened_on"],
            )
        except DomainError as error:
            raise CommandError(error.message) from error
        self.stdout.write(
            _("Provinces loaded: %(count)s (%(codes)s).")
            % {"count": len(summary.provinces), "codes": ", ".join(summary.provinces)}
        )
        self.stdout.write(
            _("Units: %(created)s created, %(existing)s already present.")
            % {"created": summary.units_created, "existing": summary.units_existing}
        )
        if options["with_commands"]:
            self.stdout.write(
                _("Military commands: %(created)s created, %(existing)s already present.")
                % {"created": summary.commands_created, "existing": summary.commands_existing}
            )
        self.stdout.write(
            _("Lineage links: %(created)s created, %(existing)s already present.")
            % {"created": summary.links_created, "existing": summary.links_existing}
        )
        self.stdout.write(
            self.style.SUCCESS(_("Done in %(seconds).1f s.") % {"seconds": summary.seconds})
        )
