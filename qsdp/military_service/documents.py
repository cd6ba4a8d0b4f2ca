"""The military-service documents: selector contexts in, ``qsdp.documents``
objects out (the renderers never see the ORM). Texts go through gettext; the
views build them in Vietnamese, the language of official documents."""

from datetime import date

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
from qsdp.documents.layout import vietnamese_date
from qsdp.military_service.rules.common import vn_date
from qsdp.military_service.selectors import OrderSheet, PublicDeferralList, ReadyRegister

# The kind of a unit in front of its name, left out where the place is written.
UNIT_PREFIXES = (
    "Thành phố ", "Thị trấn ", "Thị xã ", "Đặc khu ", "Phường ", "Huyện ", "Quận ", "Tỉnh ", "Xã ",
)  # fmt: skip


def place_of(unit_name: str) -> str:
    """ "Dương Quang" for "Xã Dương Quang": the place in the date line (Decree 30/2020)."""
    for prefix in UNIT_PREFIXES:
        if unit_name.startswith(prefix):
            return unit_name[len(prefix) :]
    return unit_name


def people_committee(unit_name: str) -> str:
    return _("PEOPLE'S COMMITTEE\n%(unit)s") % {"unit": unit_name.upper()}


def chairman(name: str) -> Signer:
    return Signer(
        title=_("CHAIRMAN"), name=name, acting_for=_("ON BEHALF OF THE PEOPLE'S COMMITTEE")
    )


def public_deferral_document(
    context: PublicDeferralList, *, issued_on: date, signer: str = ""
) -> TableDocument:
    """The list the commune posts (Circular 68/2025): only the fields the law allows."""
    rows = [*context.deferred, *context.exempt]
    return TableDocument(
        header=DocumentHeader(
            parent_body="",
            issuing_body=people_committee(context.unit_name),
            number="",
            place=place_of(context.unit_name),
            issued_on=issued_on,
            document_type=_("LIST"),
            summary=_("Citizens deferred or exempt from the call-up of %(year)s")
            % {"year": context.year},
        ),
        columns=[
            TableColumn("no", _("No."), width_mm=12, align=Align.CENTER),
            TableColumn("full_name", _("Full name"), width_mm=40),
            TableColumn("birth_date", _("Date of birth"), width_mm=24, align=Align.CENTER),
            TableColumn("residence", _("Place of permanent residence")),
            TableColumn("occupation", _("Occupation"), width_mm=28),
            TableColumn("workplace", _("Workplace or school"), width_mm=34),
            TableColumn("reason", _("Reason")),
        ],
        rows=[
            {
                "no": number,
                "full_name": row.full_name,
                "birth_date": row.birth_date,
                "residence": row.permanent_residence,
                "occupation": row.occupation,
                "workplace": row.workplace,
                "reason": row.reason,
            }
            for number, row in enumerate(rows, start=1)
        ],
        intro_paragraphs=[
            _(
                "Under the Military Service Law of 2015, the People's Committee of %(unit)s "
                "makes public the list of citizens deferred or exempt from the call-up of "
                "%(year)s:"
            )
            % {"unit": context.unit_name, "year": context.year}
        ],
        closing_paragraphs=[
            _("%(deferred)s citizens deferred, %(exempt)s citizens exempt.")
            % {"deferred": len(context.deferred), "exempt": len(context.exempt)}
        ],
        signer=chairman(signer),
        landscape=True,
        title_for_sheet=_("Deferred and exempt %(year)s") % {"year": context.year},
    )


def ready_register_document(context: ReadyRegister, *, signer: str = "") -> TableDocument:
    """The register of citizens ready for the call-up on ``context.on``."""
    return TableDocument(
        header=DocumentHeader(
            parent_body=_("PEOPLE'S COMMITTEE OF %(unit)s") % {"unit": context.unit_name.upper()},
            issuing_body=_("MILITARY COMMAND"),
            number="",
            place=place_of(context.unit_name),
            issued_on=context.on,
            document_type=_("REGISTER"),
            summary=_("Citizens ready for the call-up, on %(date)s")
            % {"date": vn_date(context.on)},
        ),
        columns=[
            TableColumn("no", _("No."), width_mm=12, align=Align.CENTER),
            TableColumn("full_name", _("Full name"), width_mm=40),
            TableColumn("birth_date", _("Date of birth"), width_mm=24, align=Align.CENTER),
            TableColumn("unit", _("Commune/ward"), width_mm=32),
            TableColumn("residence", _("Place of permanent residence")),
            TableColumn("education", _("Education"), width_mm=18, align=Align.CENTER),
            TableColumn("occupation", _("Occupation"), width_mm=28),
            TableColumn("registered_on", _("Registered on"), width_mm=24, align=Align.CENTER),
        ],
        rows=[
            {
                "no": number,
                "full_name": row.full_name,
                "birth_date": row.birth_date,
                "unit": row.unit_name,
                "residence": row.residence,
                "education": f"{row.education_grade}/12" if row.education_grade is not None else "",
                "occupation": row.occupation,
                "registered_on": row.registered_on,
            }
            for number, row in enumerate(context.rows, start=1)
        ],
        closing_paragraphs=[
            _("The register holds %(count)s citizens.") % {"count": len(context.rows)}
        ],
        signer=Signer(title=_("COMMANDER"), name=signer),
        landscape=True,
        title_for_sheet=_("Ready for call-up"),
    )


def call_up_order_letter(sheet: OrderSheet, *, signer: str = "") -> LetterDocument:
    """One call-up order (lệnh gọi công dân nhập ngũ)."""
    unit = sheet.unit_name
    return LetterDocument(
        header=DocumentHeader(
            parent_body="",
            issuing_body=people_committee(unit),
            number=sheet.number,
            place=place_of(unit),
            issued_on=sheet.issued_on,
            document_type=_("ORDER CALLING UP A CITIZEN FOR ENLISTMENT"),
        ),
        paragraphs=[
            Paragraph(
                _("CHAIRMAN OF THE PEOPLE'S COMMITTEE OF %(unit)s") % {"unit": unit.upper()},
                bold=True,
                align=Align.CENTER,
                indent=False,
            ),
            _("Under the Military Service Law of 19 June 2015;"),
            _("Under the decision assigning the call-up quota of %(year)s,")
            % {"year": sheet.call_up_year},
            Paragraph(_("Calls up the citizen:"), bold=True, indent=False),
            Paragraph(runs=(Run(_("Full name: ")), Run(sheet.full_name, bold=True))),
            Paragraph(runs=(Run(_("Date of birth: ")), Run(vn_date(sheet.birth_date)))),
            Paragraph(runs=(Run(_("Residence: ")), Run(sheet.residence))),
            _(
                "To report on %(day)s at %(place)s to do military service. Bring this order "
                "and your identity card."
            )
            % {"day": vietnamese_date(sheet.report_on), "place": sheet.report_place},
        ],
        signer=chairman(signer),
        recipients=[_("The citizen named above;"), _("The military command;"), _("Archives.")],
    )


def call_up_order_letters(sheets: list[OrderSheet], *, signer: str = "") -> list[LetterDocument]:
    return [call_up_order_letter(sheet, signer=signer) for sheet in sheets]
