"""The year's training summary page and the documents: a plan's attendance
sheet and the year's summary, as PDF or XLSX."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from qsdp.accounts.http import AuthedRequest
from qsdp.documents.http import document_response
from qsdp.documents.renderers import render_pdf, render_xlsx
from qsdp.training.documents import attendance_sheet_document, training_summary_document
from qsdp.training.forms import SummaryFilterForm
from qsdp.training.selectors import attendance_sheet, plan_get, year_summary
from qsdp.training.views._common import area_name, filter_units, this_year


def _render(document: object, kind: str) -> bytes:
    return render_pdf(document) if kind == "pdf" else render_xlsx(document)  # type: ignore[arg-type]


@login_required
@require_GET
def summary_view(request: AuthedRequest) -> HttpResponse:
    form = SummaryFilterForm(request.GET, units=filter_units(request), year=this_year())
    summary = year_summary(
        user=request.user, year=form.value("year"), org_unit=form.value("org_unit")
    )
    return render(
        request,
        "training/summary.html",
        {"form": form, "summary": summary, "query": request.GET.urlencode()},
    )


@login_required
@require_GET
def summary_document_view(request: AuthedRequest, kind: str) -> HttpResponse:
    form = SummaryFilterForm(request.GET, units=filter_units(request), year=this_year())
    unit = form.value("org_unit")
    with translation.override(settings.LANGUAGE_CODE):
        summary = year_summary(user=request.user, year=form.value("year"), org_unit=unit)
        document = training_summary_document(
            summary,
            unit_name=unit.name if unit is not None else area_name(request),
            signer=request.GET.get("signer", ""),
        )
        content = _render(document, kind)
        filename = _("Training summary %(year)s") % {"year": summary.year}
    return document_response(content, filename=filename, kind="pdf" if kind == "pdf" else "xlsx")


@login_required
@require_GET
def attendance_document_view(request: AuthedRequest, pk: int, kind: str) -> HttpResponse:
    plan = plan_get(user=request.user, pk=pk)
    with translation.override(settings.LANGUAGE_CODE):
        document = attendance_sheet_document(
            attendance_sheet(plan=plan), signer=request.GET.get("signer", "")
        )
        content = _render(document, kind)
        filename = _("Attendance sheet %(year)s %(unit)s") % {
            "year": plan.year,
            "unit": plan.org_unit.name,
        }
    return document_response(content, filename=filename, kind="pdf" if kind == "pdf" else "xlsx")
