"""Operations documents as ``qsdp.documents`` objects: the month's duty roster
and the month's calendar (tables) and the report of a drill held (a letter).
Built in Vietnamese by the views; the renderers never see the ORM."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from qsdp.documents.context import (
    Align,
    LetterDocument,
    Paragraph,
    Signer,
    TableColumn,
    TableDocument,
)
from qsdp.military_service.documents import command_header
from qsdp.military_service.rules.common import vn_date
from qsdp.operations.models import Drill, DrillKind
from qsdp.operations.selectors import DutyRoster, MonthCalendar


def duty_roster_document(context: DutyRoster, *, signer: str = "") -> TableDocument:
    """The readiness-duty roster of a month (lịch trực SSCĐ), shift by shift."""
    period = _("month %(month)s/%(year)s") % {"month": context.month, "year": context.year}
    return TableDocument(
        header=command_header(
            context.unit_name,
            issued_on=None,
            document_type=_("ROSTER"),
            summary=_("Readiness duty, %(period)s") % {"period": period},
        ),
        columns=[
            TableColumn("no", _("No."), width_mm=10, align=Align.CENTER),
            TableColumn("day", _("Day"), width_mm=24, align=Align.CENTER),
            TableColumn("time", _("Time"), width_mm=40, align=Align.CENTER),
            TableColumn("unit", _("Unit"), width_mm=40),
            TableColumn("post", _("Duty post")),
            TableColumn("full_name", _("Full name"), width_mm=50),
        ],
        rows=[
            {
                "no": number,
                "day": row.starts_at.date(),
                "time": f"{row.starts_at:%H:%M %d/%m} – {row.ends_at:%H:%M %d/%m}",
                "unit": row.unit,
                "post": row.post,
                "full_name": row.full_name,
            }
            for number, row in enumerate(context.rows, start=1)
        ],
        closing_paragraphs=[_("The roster holds %(count)s shifts.") % {"count": len(context.rows)}],
        signer=Signer(title=_("COMMANDER"), name=signer),
        landscape=True,
        title_for_sheet=_("Duty roster"),
    )


def calendar_document(context: MonthCalendar, *, signer: str = "") -> TableDocument:
    """The calendar of a month (lịch công tác tháng): one row per item, by day
    and time, landscape."""
    period = _("month %(month)s/%(year)s") % {"month": context.month, "year": context.year}
    return TableDocument(
        header=command_header(
            context.unit_name,
            issued_on=None,
            document_type=_("CALENDAR"),
            summary=_("Training, drills, readiness duty and patrols, %(period)s")
            % {"period": period},
        ),
        columns=[
            TableColumn("no", _("No."), width_mm=12, align=Align.CENTER),
            TableColumn("day", _("Day"), width_mm=36, align=Align.CENTER),
            TableColumn("time", _("Time"), width_mm=20, align=Align.CENTER),
            TableColumn("kind", _("Kind"), width_mm=42),
            TableColumn("title", _("Content")),
            TableColumn("unit", _("Unit"), width_mm=50),
        ],
        rows=[
            {
                "no": number,
                "day": f"{date_format(item.on, 'l')}, {item.on:%d/%m/%Y}",
                "time": f"{item.at:%H:%M}" if item.at else "",
                "kind": item.kind_label,
                "title": item.title,
                "unit": item.unit,
            }
            for number, item in enumerate(context.items, start=1)
        ],
        closing_paragraphs=[
            _("The month holds %(count)s scheduled items.") % {"count": len(context.items)}
        ],
        signer=Signer(title=_("COMMANDER"), name=signer),
        landscape=True,
        title_for_sheet=_("Calendar"),
    )


def drill_report_document(drill: Drill, *, signer: str = "") -> LetterDocument:
    """The report on a drill held: plan, time, phases, forces, rating, safety."""
    plan = drill.plan
    unit = plan.org_unit.name
    lines: list[str | Paragraph] = [
        _("Carrying out plan “%(title)s” (%(kind)s, %(year)s), %(unit)s held the drill from "
          "%(start)s to %(end)s.")
        % {
            "title": plan.title,
            "kind": DrillKind(plan.kind).label,
            "year": plan.year,
            "unit": unit,
            "start": vn_date(drill.held_from),
            "end": vn_date(drill.held_to),
        },
    ]  # fmt: skip
    if plan.directed_by:
        lines.append(_("Directed by: %(who)s.") % {"who": plan.directed_by})
    lines.append(Paragraph(_("1. Phases"), bold=True, indent=False))
    for phase in drill.phases.all():
        heading = _("Phase %(number)s") % {"number": phase.number}
        text = f"{heading} ({vn_date(phase.on)}): {phase.name}"
        lines.append(f"{text}. {phase.content}" if phase.content else f"{text}.")
    lines.append(Paragraph(_("2. Forces"), bold=True, indent=False))
    lines.append(_("Participants: %(count)s.") % {"count": drill.participants})
    if drill.forces:
        lines.append(drill.forces)
    if drill.notable_participants:
        lines.append(_("Notable participants: %(who)s") % {"who": drill.notable_participants})
    lines.append(Paragraph(_("3. Result"), bold=True, indent=False))
    lines.append(
        _("Rating: %(rating)s.") % {"rating": drill.rating_label}
        if drill.rating
        else _("Not rated yet.")
    )
    lines.append(
        _("Safety incidents: %(text)s") % {"text": drill.safety_incidents}
        if drill.safety_incidents
        else _("Safety: no incident.")
    )
    if drill.notes:
        lines.append(drill.notes)
    return LetterDocument(
        header=command_header(
            unit,
            issued_on=None,
            document_type=_("REPORT"),
            summary=_("Result of the %(kind)s of %(year)s")
            % {"kind": DrillKind(plan.kind).label.lower(), "year": plan.year},
        ),
        paragraphs=lines,
        signer=Signer(title=_("COMMANDER"), name=signer),
    )
