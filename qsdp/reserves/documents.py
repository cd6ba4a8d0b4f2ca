"""The reserve documents: the reserve register (sổ đăng ký quân nhân dự bị) and
the reservist card (phiếu quân nhân dự bị). Selector contexts in,
``qsdp.documents`` objects out; the views build them in Vietnamese."""

from django.utils.translation import gettext as _

from qsdp.documents.context import (
    Align,
    DocumentHeader,
    LetterDocument,
    Paragraph,
    Run,
    Signer,
    TableColumn,
    TableDocument,
)
from qsdp.documents.layout import place_of
from qsdp.military_service.rules.common import vn_date
from qsdp.reserves.selectors.documents import ReserveRegister, ReservistCard


def _header(unit_name: str) -> tuple[str, str]:
    return (
        _("PEOPLE'S COMMITTEE OF %(unit)s") % {"unit": unit_name.upper()},
        _("MILITARY COMMAND"),
    )


def reserve_register_document(context: ReserveRegister, *, signer: str = "") -> TableDocument:
    parent, issuing = _header(context.unit_name)
    return TableDocument(
        header=DocumentHeader(
            parent_body=parent,
            issuing_body=issuing,
            number="",
            place=place_of(context.unit_name),
            issued_on=context.on,
            document_type=_("RESERVE REGISTER"),
            summary=_("Reserve NCOs and soldiers, on %(date)s") % {"date": vn_date(context.on)},
        ),
        columns=[
            TableColumn("no", _("No."), width_mm=10, align=Align.CENTER),
            TableColumn("full_name", _("Full name"), width_mm=38),
            TableColumn("birth_date", _("Date of birth"), width_mm=22, align=Align.CENTER),
            TableColumn("national_id", _("Citizen ID"), width_mm=26),
            TableColumn("residence", _("Residence")),
            TableColumn("reserve_class", _("Class"), width_mm=12, align=Align.CENTER),
            TableColumn("rank", _("Military rank"), width_mm=20),
            TableColumn("specialty", _("Military specialty"), width_mm=28),
            TableColumn("health_class", _("Health"), width_mm=14, align=Align.CENTER),
            TableColumn("registered_on", _("Registered on"), width_mm=22, align=Align.CENTER),
            TableColumn("arrangement", _("Arranged into")),
        ],
        rows=[
            {
                "no": number,
                "full_name": row.full_name,
                "birth_date": row.birth_date,
                "national_id": row.national_id,
                "residence": row.residence,
                "reserve_class": row.reserve_class,
                "rank": row.rank,
                "specialty": row.specialty,
                "health_class": row.health_class,
                "registered_on": row.registered_on,
                "arrangement": row.arrangement,
            }
            for number, row in enumerate(context.rows, start=1)
        ],
        closing_paragraphs=[
            _("The register holds %(count)s reservists.") % {"count": len(context.rows)}
        ],
        signer=Signer(title=_("COMMANDER"), name=signer),
        landscape=True,
        title_for_sheet=_("Reserve register"),
    )


def _fact(label: str, value: str) -> Paragraph:
    return Paragraph(runs=(Run(f"{label}: "), Run(value or "—", bold=True)), indent=False)


def reservist_card_document(card: ReservistCard, *, signer: str = "") -> LetterDocument:
    parent, issuing = _header(card.unit_name)
    history = [Paragraph(f"{vn_date(line.on)}: {line.text}", indent=False) for line in card.history]
    return LetterDocument(
        header=DocumentHeader(
            parent_body=parent,
            issuing_body=issuing,
            number="",
            place=place_of(card.unit_name),
            issued_on=None,
            document_type=_("RESERVIST CARD"),
        ),
        paragraphs=[
            _fact(_("Full name"), card.full_name),
            _fact(_("Date of birth"), vn_date(card.birth_date)),
            _fact(_("Sex"), card.sex),
            _fact(_("Citizen ID"), card.national_id),
            _fact(_("Residence"), card.residence),
            _fact(_("Registered in the reserve on"), vn_date(card.registered_on)),
            _fact(_("Source"), card.source),
            _fact(_("Reserve class"), card.reserve_class),
            _fact(_("Rank group"), card.rank_group),
            _fact(_("Military rank"), card.rank),
            _fact(_("Military specialty"), card.specialty),
            _fact(_("Health class"), card.health_class),
            _fact(_("Arranged into"), card.arrangement),
            *([_fact(_("Removed from the reserve"), card.removed)] if card.removed else []),
            Paragraph(_("History in the reserve"), bold=True, indent=False),
            *(history or [Paragraph("—", indent=False)]),
        ],
        signer=Signer(title=_("COMMANDER"), name=signer),
    )
