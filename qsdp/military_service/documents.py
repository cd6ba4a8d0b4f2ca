"""The military-service documents: selector contexts in, ``qsdp.documents``
objects out (the renderers never see the ORM). Texts go through gettext; the
views build them in Vietnamese, the language of official documents."""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

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
from qsdp.documents.layout import place_of, vietnamese_date
from qsdp.military_service.models import CallUpCandidate, RegistrationChannel, ServiceEvent
from qsdp.military_service.rules.common import vn_date
from qsdp.military_service.rules.cycle import EventKind
from qsdp.military_service.selectors import (
    OrderSheet,
    PublicDeferralList,
    ReadyRegister,
    ReturneeRow,
    ReturneeState,
)
from qsdp.military_service.selectors._common import ground_label, residence_text
from qsdp.people.models import Person


def people_committee(unit_name: str) -> str:
    return _("PEOPLE'S COMMITTEE\n%(unit)s") % {"unit": unit_name.upper()}


def chairman(name: str) -> Signer:
    return Signer(
        title=_("CHAIRMAN"), name=name, acting_for=_("ON BEHALF OF THE PEOPLE'S COMMITTEE")
    )


def command_header(
    unit_name: str, *, issued_on: date | None, document_type: str, summary: str
) -> DocumentHeader:
    """The header of the military command's registers and lists (Decree 30/2020): the
    People's Committee of the unit above, the military command issuing."""
    return DocumentHeader(
        parent_body=_("PEOPLE'S COMMITTEE OF %(unit)s") % {"unit": unit_name.upper()},
        issuing_body=_("MILITARY COMMAND"),
        number="",
        place=place_of(unit_name),
        issued_on=issued_on,
        document_type=document_type,
        summary=summary,
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
        header=command_header(
            context.unit_name,
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


# The stage lists: one generic document, each list gives its title, columns and cells.

Filters = Mapping[str, Any]


@dataclass(frozen=True)
class StageList:
    """How a stage list prints. ``summary`` (under "DANH SÁCH") and ``sheet`` read the
    page's filters (``year`` always; ``kind``, ``channel``, ``overdue_only`` where the
    page has them); ``row`` gives the cells of one row of the list's selector."""

    summary: Callable[[Filters], str]
    sheet: Callable[[Filters], str]
    columns: Callable[[], list[TableColumn]]
    row: Callable[[Any], dict[str, object]]


def stage_list_document(
    spec: StageList,
    rows: Sequence[Any],
    *,
    filters: Filters,
    unit_name: str,
    issued_on: date,
    signer: str = "",
) -> TableDocument:
    """A stage list under the military command's header, numbered, with its count."""
    return TableDocument(
        header=command_header(
            unit_name,
            issued_on=issued_on,
            document_type=_("LIST"),
            summary=spec.summary(filters),
        ),
        columns=[TableColumn("no", _("No."), width_mm=12, align=Align.CENTER), *spec.columns()],
        rows=[{"no": number, **spec.row(row)} for number, row in enumerate(rows, start=1)],
        closing_paragraphs=[_("The list holds %(count)s citizens.") % {"count": len(rows)}],
        signer=Signer(title=_("COMMANDER"), name=signer),
        landscape=True,
        title_for_sheet=spec.sheet(filters),
    )


def _name_columns() -> list[TableColumn]:
    return [
        TableColumn("full_name", _("Full name"), width_mm=42),
        TableColumn("birth_date", _("Date of birth"), width_mm=24, align=Align.CENTER),
        TableColumn("unit", _("Commune/ward"), width_mm=32),
    ]


def _person_cells(person: Person, unit_name: str | None = None) -> dict[str, object]:
    return {
        "full_name": person.full_name,
        "birth_date": person.birth_date,
        "unit": unit_name if unit_name is not None else person.org_unit.name,
    }


def _grade(grade: object) -> str:
    return f"{grade}/12" if grade not in (None, "") else ""


# January: men turning 17 and men of call-up age not registered (Law, Article 16).


def _january_row(person: Person) -> dict[str, object]:
    turning_17 = getattr(person, "turning_17", False)
    return {
        **_person_cells(person),
        "residence": residence_text(person),
        "group": _("Turning 17") if turning_17 else _("Of call-up age, not registered"),
        "registration": _("Registered")
        if getattr(person, "is_registered", False)
        else _("Not registered"),
    }


JANUARY_LIST = StageList(
    summary=lambda f: (
        _(
            "Male citizens turning 17 in %(year)s and male citizens of call-up age "
            "not registered for military service"
        )
        % {"year": f["year"]}
    ),
    sheet=lambda f: _("January list %(year)s") % {"year": f["year"]},
    columns=lambda: [
        *_name_columns(),
        TableColumn("residence", _("Place of permanent residence")),
        TableColumn("group", _("Group"), width_mm=44),
        TableColumn("registration", _("Registration"), width_mm=28, align=Align.CENTER),
    ],
    row=_january_row,
)


# First registrations of a year.


def _registration_row(event: ServiceEvent) -> dict[str, object]:
    channel = event.details.get("channel") or RegistrationChannel.IN_PERSON
    return {
        **_person_cells(event.person, event.org_unit.name),
        "registered_on": event.occurred_on,
        "channel": RegistrationChannel(channel).label
        if channel in RegistrationChannel.values
        else channel,
    }


def _registration_summary(f: Filters) -> str:
    summary = _("Citizens registered for military service for the first time in %(year)s") % {
        "year": f["year"]
    }
    channel = f.get("channel") or ""
    if channel in RegistrationChannel.values:
        summary += f" ({RegistrationChannel(channel).label})"
    return summary


REGISTRATION_LIST = StageList(
    summary=_registration_summary,
    sheet=lambda f: _("Registrations %(year)s") % {"year": f["year"]},
    columns=lambda: [
        *_name_columns(),
        TableColumn("registered_on", _("Registered on"), width_mm=26, align=Align.CENTER),
        TableColumn("channel", _("Channel"), width_mm=34, align=Align.CENTER),
    ],
    row=_registration_row,
)


# Deferrals and exemptions (internal: with the legal point), and the yearly re-check.


def _decision_cells(event: ServiceEvent) -> dict[str, object]:
    return {
        **_person_cells(event.person),
        "reason": ground_label(event.reason_code),
        "legal_point": event.legal_point,
        "decision_number": event.decision_number,
        "decided_on": event.occurred_on,
        "valid_until": event.valid_until,
    }


def _decision_columns() -> list[TableColumn]:
    return [
        TableColumn("reason", _("Reason")),
        TableColumn("legal_point", _("Legal basis"), width_mm=34),
        TableColumn("decision_number", _("Decision number"), width_mm=26),
        TableColumn("decided_on", _("Decided on"), width_mm=24, align=Align.CENTER),
    ]


def _deferral_summary(f: Filters) -> str:
    kind = f.get("kind") or ""
    if kind == EventKind.DEFERRAL:
        text = _("Citizens deferred from the call-up of %(year)s")
    elif kind == EventKind.EXEMPTION:
        text = _("Citizens exempt from the call-up of %(year)s")
    else:
        text = _("Citizens deferred or exempt from the call-up of %(year)s")
    return text % {"year": f["year"]}


DEFERRAL_LIST = StageList(
    summary=_deferral_summary,
    sheet=lambda f: _("Deferred and exempt %(year)s") % {"year": f["year"]},
    columns=lambda: [
        *_name_columns(),
        TableColumn("decision", _("Decision"), width_mm=26),
        *_decision_columns(),
        TableColumn("valid_until", _("Until"), width_mm=24, align=Align.CENTER),
    ],
    row=lambda event: {**_decision_cells(event), "decision": event.get_kind_display()},
)

RECHECK_LIST = StageList(
    summary=lambda f: (
        _("Citizens deferred from the call-up whose deferral ends in %(year)s, to check again")
        % {"year": f["year"]}
    ),
    sheet=lambda f: _("Yearly re-check %(year)s") % {"year": f["year"]},
    columns=lambda: [
        *_name_columns(),
        *_decision_columns(),
        TableColumn("valid_until", _("Deferred until"), width_mm=26, align=Align.CENTER),
    ],
    row=_decision_cells,
)


# The ranked call-up lists, primary then reserve.


def _candidate_row(candidate: CallUpCandidate) -> dict[str, object]:
    grade = getattr(candidate, "checked_grade", None)
    return {
        **_person_cells(candidate.person, candidate.org_unit.name),
        "list_kind": candidate.get_list_kind_display(),
        "rank": candidate.rank,
        "health_class": getattr(candidate, "health_class", None),
        "education": _grade(grade if grade not in (None, "") else candidate.person.education_grade),
        "status": candidate.get_status_display(),
        "order_number": getattr(candidate, "order_number", None) or "",
        "enlisted_on": getattr(candidate, "enlisted_on", None),
    }


CANDIDATE_LIST = StageList(
    summary=lambda f: (
        _("Citizens on the call-up lists of %(year)s (primary and reserve)") % {"year": f["year"]}
    ),
    sheet=lambda f: _("Call-up lists %(year)s") % {"year": f["year"]},
    columns=lambda: [
        *_name_columns(),
        TableColumn("list_kind", _("List"), width_mm=30),
        TableColumn("rank", _("Rank"), width_mm=14, align=Align.CENTER),
        TableColumn("health_class", _("Health class"), width_mm=18, align=Align.CENTER),
        TableColumn("education", _("Education"), width_mm=18, align=Align.CENTER),
        TableColumn("status", _("Status"), width_mm=22),
        TableColumn("order_number", _("Call-up order"), width_mm=24),
        TableColumn("enlisted_on", _("Enlisted on"), width_mm=24, align=Align.CENTER),
    ],
    row=_candidate_row,
)


# The call-up orders issued.


ORDER_LIST = StageList(
    summary=lambda f: _("Call-up orders issued for %(year)s") % {"year": f["year"]},
    sheet=lambda f: _("Call-up orders %(year)s") % {"year": f["year"]},
    columns=lambda: [
        TableColumn("number", _("Number"), width_mm=26),
        *_name_columns(),
        TableColumn("issued_on", _("Issued on"), width_mm=24, align=Align.CENTER),
        TableColumn("report_on", _("Report on"), width_mm=24, align=Align.CENTER),
        TableColumn("report_place", _("Report at")),
    ],
    row=lambda order: {
        "number": order.number,
        **_person_cells(order.event.person, order.org_unit.name),
        "issued_on": order.issued_on,
        "report_on": order.report_on,
        "report_place": order.report_place,
    },
)


# Soldiers back home and their registration in the reserve.


def returnee_state_label(state: str) -> str:
    return {
        ReturneeState.ON_TIME: _("On time"),
        ReturneeState.LATE: _("Late"),
        ReturneeState.OVERDUE: _("Overdue"),
    }.get(state) or _("Within the deadline")


def _returnee_summary(f: Filters) -> str:
    if f.get("overdue_only"):
        text = _("Soldiers back home in %(year)s not registered in the reserve by the deadline")
    else:
        text = _("Soldiers back home in %(year)s and their registration in the reserve")
    return text % {"year": f["year"]}


def _returnee_row(row: ReturneeRow) -> dict[str, object]:
    return {
        **_person_cells(row.person),
        "returned_on": row.returned_on,
        "register_by": row.register_by,
        "registered_on": row.registered_on,
        "state": returnee_state_label(row.state),
    }


RETURNEE_LIST = StageList(
    summary=_returnee_summary,
    sheet=lambda f: _("Returnees %(year)s") % {"year": f["year"]},
    columns=lambda: [
        *_name_columns(),
        TableColumn("returned_on", _("Returned on"), width_mm=24, align=Align.CENTER),
        TableColumn("register_by", _("Deadline"), width_mm=24, align=Align.CENTER),
        TableColumn(
            "registered_on", _("Registered in the reserve on"), width_mm=30, align=Align.CENTER
        ),
        TableColumn("state", _("State"), width_mm=28),
    ],
    row=_returnee_row,
)
