"""The data-subject report as a document (Decree 30/2020 layout)."""

from django.utils.translation import gettext as _

from qsdp.audit.selectors import SubjectReport
from qsdp.documents.context import Align, DocumentHeader, TableColumn, TableDocument
from qsdp.documents.layout import place_of

CLASS_LABELS = {"basic": "cơ bản", "sensitive": "nhạy cảm", "technical": "kỹ thuật"}


def subject_report_document(report: SubjectReport) -> TableDocument:
    person = report.person
    rows: list[dict[str, object]] = []
    for record in report.records:
        for held in record.fields:
            rows.append(
                {
                    "record": f"{record.record_type} #{record.pk}",
                    "field": held.label,
                    "value": held.value,
                    "class": CLASS_LABELS[held.data_class],
                }
            )
    sources = [
        _("%(date)s — %(verb)s by %(user)s")
        % {
            "date": event.at.strftime("%d/%m/%Y %H:%M"),
            "verb": event.verb,
            "user": event.actor or _("the system"),
        }
        for event in report.events
    ]
    reads = [
        _("%(date)s — %(user)s read %(fields)s (%(purpose)s)")
        % {
            "date": read.at.strftime("%d/%m/%Y %H:%M"),
            "user": read.actor,
            "fields": ", ".join(read.fields),
            "purpose": read.purpose,
        }
        for read in report.reads
    ]
    return TableDocument(
        header=DocumentHeader(
            parent_body="",
            issuing_body=_("DATA PROTECTION"),
            number="",
            place=place_of(person.org_unit.name) if person.org_unit_id else "",
            issued_on=report.generated_at.date(),
            document_type=_("REPORT"),
            summary=_("Personal data held about %(name)s") % {"name": person.full_name},
        ),
        columns=[
            TableColumn("record", _("Record"), width_mm=40),
            TableColumn("field", _("Field"), width_mm=45),
            TableColumn("value", _("Value")),
            TableColumn("class", _("Class"), width_mm=22, align=Align.CENTER),
        ],
        rows=rows,
        closing_paragraphs=[
            _("Where the data came from (changes and imports):"),
            *(sources or [_("None recorded.")]),
            _("Who read the sensitive data:"),
            *(reads or [_("No one.")]),
        ],
    )
