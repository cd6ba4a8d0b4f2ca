"""``manage.py import_register KIND FILE --org-unit CODE [--dry-run] [--skip-invalid]
[--format json] [--as-of DATE]``: the command-line form of the import page."""

import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from qsdp.imports.columns import Kind
from qsdp.imports.importer import import_file
from qsdp.orgunits.models import OrgUnit
from qsdp.orgunits.selectors import open_on


def _unit(code: str, on: date) -> OrgUnit:
    units = list(OrgUnit.objects.filter(open_on(on), code=code))
    if len(units) != 1:
        raise CommandError(
            _("No single unit has the code %(code)s on %(date)s.")
            % {"code": code, "date": on.strftime("%d/%m/%Y")}
        )
    return units[0]


class Command(BaseCommand):
    help = "Import a register file (XLSX, XLS or CSV) into an org unit."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("kind", choices=Kind.values)
        parser.add_argument("file")
        parser.add_argument("--org-unit", required=True, help="the unit's official code")
        parser.add_argument("--dry-run", action="store_true")
        parser.add_argument("--skip-invalid", action="store_true")
        parser.add_argument("--format", choices=("text", "json"), default="text")
        parser.add_argument("--as-of", type=date.fromisoformat, default=None)

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        on = options["as_of"] or timezone.localdate()
        result = import_file(
            path=options["file"],
            kind=options["kind"],
            org_unit=_unit(options["org_unit"], on),
            actor=None,
            dry_run=options["dry_run"],
            skip_invalid=options["skip_invalid"],
            started_on=options["as_of"],
        )
        data = result.as_json()
        if options["format"] == "json":
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(
                f"{data['kind']}: {data['rows']} rows, {data['valid']} valid, "
                f"{data['imported']} imported"
            )
            for error in data["errors"]:
                self.stdout.write(
                    f"  row {error['row']} [{error['column']}] {error['code']}: {error['message']}"
                )
        if data["errors"] and not options["dry_run"] and not options["skip_invalid"]:
            raise SystemExit(1)
