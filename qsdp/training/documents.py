"""The training documents as ``qsdp.documents`` tables: a plan's attendance
sheet and the year's training summary. Selectors' dataclasses in, a
``TableDocument`` out (the renderers never see the ORM). The views build them
in Vietnamese, the language of official documents."""

from django.utils.translation import gettext as _

from qsdp.documents.context import Align, DocumentHeader, Signer, TableColumn, TableDocument
from qsdp.documents.layout import place_of
from qsdp.military_service.rules.common import vn_date
from qsdp.training.selectors import AttendanceSheet, YearSummary


def _header(unit_name: str, document_type: str, summary: str) -> DocumentHeader:
    return DocumentHeader(
        parent_body="",
        issuing_body=unit_name.upper(),
        number="",
        place=place_of(unit_name),
        issued_on=None,
        document_type=document_type,
        summary=summary,
    )


def attendance_sheet_document(sheet: AttendanceSheet, *, signer: str = "") -> TableDocument:
    """Who attended each session of the plan, their days and results."""
    plan = sheet.plan
    session_columns = [
        TableColumn(f"s{i}", f"{s.held_on:%d/%m}", width_mm=12, align=Align.CENTER)
        for i, s in enumerate(sheet.sessions)
    ]
    rows = []
    for number, row in enumerate(sheet.rows, start=1):
        line: dict[str, object] = {
            "no": number,
            "full_name": row.full_name,
            "birth_date": row.birth_date,
            "days_done": row.days_done,
            "days_required": row.days_required,
            "result": row.result,
        }
        line.update({f"s{i}": mark for i, mark in enumerate(row.marks)})
        rows.append(line)
    summary = sheet.summary
    return TableDocument(
        header=_header(
            sheet.unit_name,
            _("ATTENDANCE SHEET"),
            _("%(plan)s (%(year)s)") % {"plan": plan.title, "year": plan.year},
        ),
        columns=[
            TableColumn("no", _("No."), width_mm=10, align=Align.CENTER),
            TableColumn("full_name", _("Full name")),
            TableColumn("birth_date", _("Date of birth"), width_mm=22, align=Align.CENTER),
            *session_columns,
            TableColumn("days_done", _("Days done"), width_mm=16, align=Align.CENTER),
            TableColumn("days_required", _("Days required"), width_mm=16, align=Align.CENTER),
            TableColumn("result", _("Result"), width_mm=20, align=Align.CENTER),
        ],
        rows=rows,
        intro_paragraphs=[
            _("Sessions: %(sessions)s.")
            % {
                "sessions": "; ".join(
                    f"{vn_date(s.held_on)} {s.topic} ({s.days})" for s in sheet.sessions
                )
                or "—"
            }
        ],
        closing_paragraphs=[
            _(
                "%(trained)s of %(people)s people trained; %(done)s days done of %(required)s "
                "required; %(passed)s of %(graded)s graded passed."
            )
            % {
                "trained": summary.trained,
                "people": summary.people,
                "done": summary.days_done,
                "required": summary.days_required,
                "passed": summary.passed,
                "graded": summary.graded,
            }
        ],
        signer=Signer(title=_("COMMANDER"), name=signer),
        landscape=True,
        title_for_sheet=_("Attendance sheet"),
    )


def training_summary_document(
    summary: YearSummary, *, unit_name: str, signer: str = ""
) -> TableDocument:
    """The year's training per plan: people trained, days, results (the review's figures)."""
    grades = list(
        dict.fromkeys(g.grade for plan in summary.plans for g in plan.grades)
    )  # the scale of the year, in order
    grade_columns = [
        TableColumn(f"g{g.pk}", g.name, width_mm=14, align=Align.CENTER) for g in grades
    ]
    rows = []
    for number, plan in enumerate(summary.plans, start=1):
        counts = {g.grade.pk: g.count for g in plan.grades}
        line: dict[str, object] = {
            "no": number,
            "unit": plan.plan.org_unit.name,
            "audience": plan.plan.get_audience_display(),
            "sessions": plan.sessions,
            "political": plan.political_sessions,
            "people": plan.people,
            "trained": plan.trained,
            "trained_pct": plan.trained_pct,
            "days_done": plan.days_done,
            "days_required": plan.days_required,
            "pass_pct": plan.pass_pct,
        }
        line.update({f"g{g.pk}": counts.get(g.pk, 0) for g in grades})
        rows.append(line)
    people = sum(p.people for p in summary.plans)
    trained = sum(p.trained for p in summary.plans)
    graded = sum(p.graded for p in summary.plans)
    passed = sum(p.passed for p in summary.plans)
    return TableDocument(
        header=_header(
            unit_name,
            _("SUMMARY"),
            _("Training of the armed forces in %(year)s") % {"year": summary.year},
        ),
        columns=[
            TableColumn("no", _("No."), width_mm=10, align=Align.CENTER),
            TableColumn("unit", _("Unit")),
            TableColumn("audience", _("Trained force"), width_mm=28),
            TableColumn("sessions", _("Sessions"), width_mm=14, align=Align.CENTER),
            TableColumn("political", _("Political education"), width_mm=16, align=Align.CENTER),
            TableColumn("people", _("Number of people"), width_mm=14, align=Align.CENTER),
            TableColumn("trained", _("Trained"), width_mm=14, align=Align.CENTER),
            TableColumn("trained_pct", _("% trained"), width_mm=14, align=Align.CENTER),
            TableColumn("days_done", _("Days done"), width_mm=16, align=Align.CENTER),
            TableColumn("days_required", _("Days required"), width_mm=16, align=Align.CENTER),
            *grade_columns,
            TableColumn("pass_pct", _("% passed"), width_mm=14, align=Align.CENTER),
        ],
        rows=rows,
        closing_paragraphs=[
            _(
                "Trained in the motto “basic, practical, solid”: %(trained)s of %(people)s "
                "people trained, %(passed)s of %(graded)s graded passed."
            )
            % {"trained": trained, "people": people, "passed": passed, "graded": graded}
        ],
        signer=Signer(title=_("COMMANDER"), name=signer),
        landscape=True,
        title_for_sheet=_("Training summary"),
    )
