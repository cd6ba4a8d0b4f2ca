"""``manage.py annual_report --org-unit CODE --year YYYY --format docx|pdf|json --output PATH``:
the year-end review of a unit (DOCX, PDF) or its figures (JSON, ``qsdp.review.annual``).

CODE is read against the tree of that year: the reporting unit with that code
open on 31 December of the year. ``--output -`` writes JSON to standard output.
"""

import json
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from qsdp.documents.renderers.report import render_report_docx, render_report_pdf
from qsdp.orgunits.models import OrgUnit
from qsdp.orgunits.selectors import open_on
from qsdp.reporting.selectors.indicators import NOT_REPORTING_KINDS
from qsdp.review.annual import annual_data_of
from qsdp.review.facts import gather_facts
from qsdp.review.generator import ReviewSettings, build_review, to_report_document


def unit_of_year(code: str, year: int) -> OrgUnit:
    units = list(
        OrgUnit.objects.filter(open_on(date(year, 12, 31)), code=code).exclude(
            kind__in=NOT_REPORTING_KINDS
        )
    )
    if len(units) != 1:
        raise CommandError(
            _("No single reporting unit has the code %(code)s on 31/12/%(year)s.")
            % {"code": code, "year": year}
        )
    return units[0]


class Command(BaseCommand):
    help = "Write the year-end review of a unit as DOCX or PDF, or its figures as JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--org-unit", required=True, help="official code of the unit")
        parser.add_argument("--year", required=True, type=int)
        parser.add_argument("--format", required=True, choices=["docx", "pdf", "json"])
        parser.add_argument("--output", required=True, help="file to write; - for stdout (JSON)")
        parser.add_argument(
            "--date", type=date.fromisoformat, default=None, help="date of the report (ISO)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override("vi"):
            unit = unit_of_year(options["org_unit"], options["year"])
            facts = gather_facts(org_unit=unit, year=options["year"])
            kind, output = options["format"], options["output"]
            if kind == "json":
                text = json.dumps(annual_data_of(facts), ensure_ascii=False, indent=2)
                if output == "-":
                    self.stdout.write(text)
                    return
                Path(output).write_text(text + "\n", encoding="utf-8")
            else:
                if output == "-":
                    raise CommandError(_("A DOCX or PDF needs an output file."))
                document = to_report_document(
                    build_review(facts, ReviewSettings(issued_on=options["date"]))
                )
                render = render_report_docx if kind == "docx" else render_report_pdf
                Path(output).write_bytes(render(document))
            self.stdout.write(_("Written: %(path)s") % {"path": output})
