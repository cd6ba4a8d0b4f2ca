"""The award decision as a ``qsdp.documents`` object: "QUYẾT ĐỊNH Về việc khen
thưởng …" with its articles and the list of recipients. Built in Vietnamese by
the view; the renderer never sees the ORM."""

from django.utils.translation import gettext as _

from qsdp.awards.models import AwardDecision, AwardRecipient, RecipientKind
from qsdp.documents.context import (
    Align,
    DocumentHeader,
    Paragraph,
    Signer,
    TableColumn,
    TableDocument,
)
from qsdp.documents.layout import place_of


def _who(recipient: AwardRecipient) -> str:
    if recipient.kind == RecipientKind.INDIVIDUAL and recipient.position:
        return f"{recipient.name}, {recipient.position}"
    return recipient.name


def decision_document(decision: AwardDecision, recipients: list[AwardRecipient]) -> TableDocument:
    unit = decision.deciding_unit.name
    collectives = sum(1 for r in recipients if r.kind == RecipientKind.COLLECTIVE)
    individuals = len(recipients) - collectives
    years = sorted({p.year for p in decision.proposals.all()})
    year = str(years[-1]) if years else str(decision.decided_on.year)
    summary = _("On awarding %(form)s to collectives and individuals for their achievements "
                "in local defence and military work in %(year)s") % {
        "form": decision.form.name, "year": year,
    }  # fmt: skip
    intro: list[str | Paragraph] = [
        Paragraph(decision.signer_title.upper(), bold=True, align=Align.CENTER, indent=False),
        _("Pursuant to the Law on Emulation and Commendation;"),
        _("At the proposal of the military command and the units concerned,"),
        Paragraph(_("DECIDES:"), bold=True, align=Align.CENTER, indent=False),
        _("Article 1. To award %(form)s%(title)s to %(collectives)s collectives and "
          "%(individuals)s individuals for their achievements (list attached).")
        % {
            "form": decision.form.name,
            "title": f" ({decision.title})" if decision.title else "",
            "collectives": f"{collectives:02d}",
            "individuals": f"{individuals:02d}",
        },
    ]  # fmt: skip
    revoked = [r for r in recipients if r.revocation_id]
    rows = [
        {
            "no": number,
            "who": _who(r),
            "kind": RecipientKind(r.kind).label,
            "unit": r.org_unit.name,
            "achievement": r.achievement
            + (
                " " + _("(revoked by %(number)s)") % {"number": r.revocation.number}
                if r.revocation
                else ""
            ),
        }
        for number, r in enumerate(recipients, start=1)
    ]
    closing: list[str | Paragraph] = [
        _("Article 2. The awards come with the bonuses set by the law."),
        _("Article 3. The office, the military command and the collectives and individuals "
          "named in Article 1 carry out this decision from the date of signature."),
    ]  # fmt: skip
    if revoked:
        closing.append(_("%(count)s of these awards were later revoked.") % {"count": len(revoked)})
    return TableDocument(
        header=DocumentHeader(
            parent_body="",
            issuing_body=_("PEOPLE'S COMMITTEE OF %(unit)s") % {"unit": unit.upper()},
            number=decision.number,
            place=place_of(unit),
            issued_on=decision.decided_on,
            document_type=_("DECISION"),
            summary=summary,
        ),
        columns=[
            TableColumn("no", _("No."), width_mm=10, align=Align.CENTER),
            TableColumn("who", _("Collective or individual"), width_mm=50),
            TableColumn("kind", _("Recipient"), width_mm=22),
            TableColumn("unit", _("Unit"), width_mm=35),
            TableColumn("achievement", _("Achievement")),
        ],
        rows=rows,
        intro_paragraphs=intro,
        closing_paragraphs=closing,
        signer=Signer(title=decision.signer_title.upper(), name=decision.signer_name),
        recipients=[_("As in Article 3;"), _("Filed.")],
        title_for_sheet=_("Award decision"),
    )
