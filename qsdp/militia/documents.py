"""The militia roster (danh sách dân quân) as a ``qsdp.documents`` table: the
selector's ``Roster`` in, a ``TableDocument`` out (the renderers never see the ORM).
The views build it in Vietnamese, the language of official documents."""

from django.utils.translation import gettext as _

from qsdp.documents.context import Align, DocumentHeader, Signer, TableColumn, TableDocument
from qsdp.documents.layout import place_of
from qsdp.military_service.rules.common import vn_date
from qsdp.militia.selectors import Roster


def roster_document(context: Roster, *, signer: str = "") -> TableDocument:
    """The members in the militia on ``context.on``, by commune, unit and name."""
    return TableDocument(
        header=DocumentHeader(
            parent_body=_("PEOPLE'S COMMITTEE OF %(unit)s") % {"unit": context.unit_name.upper()},
            issuing_body=_("MILITARY COMMAND"),
            number="",
            place=place_of(context.unit_name),
            issued_on=context.on,
            document_type=_("LIST"),
            summary=_("Militia members on %(date)s") % {"date": vn_date(context.on)},
        ),
        columns=[
            TableColumn("no", _("No."), width_mm=10, align=Align.CENTER),
            TableColumn("full_name", _("Full name"), width_mm=40),
            TableColumn("birth_date", _("Date of birth"), width_mm=22, align=Align.CENTER),
            TableColumn("sex", _("Sex"), width_mm=12, align=Align.CENTER),
            TableColumn("commune", _("Commune/ward"), width_mm=30),
            TableColumn("address", _("Address")),
            TableColumn("militia_type", _("Militia type"), width_mm=30),
            TableColumn("unit", _("Unit"), width_mm=30),
            TableColumn("position", _("Position"), width_mm=26),
            TableColumn("volunteer", _("Volunteer"), width_mm=16, align=Align.CENTER),
            TableColumn("term_start", _("Term start"), width_mm=22, align=Align.CENTER),
            TableColumn("term_end", _("Term end"), width_mm=22, align=Align.CENTER),
        ],
        rows=[
            {
                "no": number,
                "full_name": row.full_name,
                "birth_date": row.birth_date,
                "sex": row.sex,
                "commune": row.commune,
                "address": row.address,
                "militia_type": row.militia_type,
                "unit": row.unit,
                "position": row.position,
                "volunteer": row.volunteer,
                "term_start": row.term_start,
                "term_end": row.term_end,
            }
            for number, row in enumerate(context.rows, start=1)
        ],
        closing_paragraphs=[
            _("The list holds %(count)s militia members.") % {"count": len(context.rows)}
        ],
        signer=Signer(title=_("COMMANDER"), name=signer),
        landscape=True,
        title_for_sheet=_("Militia roster"),
    )
