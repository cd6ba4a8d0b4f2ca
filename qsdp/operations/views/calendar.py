"""The calendar of a unit: a month of everything scheduled (training, courses,
drills, readiness duty, patrols), as a page (a grid on a desk, a day list on a
phone; HTMX swaps the month) and printed as PDF."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from qsdp.accounts.http import AuthedRequest
from qsdp.documents.http import document_response
from qsdp.documents.renderers import render_pdf
from qsdp.militia.forms import FIRST_YEAR, LAST_YEAR
from qsdp.militia.views._common import area_name
from qsdp.operations.documents import calendar_document
from qsdp.operations.forms import MonthForm
from qsdp.operations.selectors import MonthCalendar, month_calendar
from qsdp.operations.views._common import op_units, render_list
from qsdp.orgunits.models import OrgUnit


def _calendar(request: AuthedRequest) -> tuple[MonthForm, MonthCalendar, OrgUnit | None]:
    form = MonthForm(request.GET, units=op_units(request))
    unit: OrgUnit | None = form.value("org_unit")
    calendar = month_calendar(
        user=request.user,
        year=form.value("year"),
        month=form.value("month"),
        org_unit=unit,
        unit_name=unit.name if unit is not None else area_name(request),
    )
    return form, calendar, unit


def _month_query(year: int, month: int, unit: OrgUnit | None) -> str:
    """The query of a month's page, or "" when the year is out of the form's range."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return ""
    params = {"year": year, "month": month, **({"org_unit": unit.pk} if unit else {})}
    return urlencode(params)


@login_required
@require_GET
def calendar_view(request: AuthedRequest) -> HttpResponse:
    """The month's calendar of the user's area or of one unit; an HTMX request
    (‹ previous, next ›, the filter) gets the month fragment only."""
    form, calendar, unit = _calendar(request)
    return render_list(
        request,
        "operations/calendar.html",
        "operations/partials/calendar_month.html",
        {
            "title": _("Calendar"),
            "form": form,
            "calendar": calendar,
            "action": reverse("operations:calendar"),
            "previous_query": _month_query(*calendar.previous, unit),
            "next_query": _month_query(*calendar.next, unit),
            "query": _month_query(calendar.year, calendar.month, unit),
            "today": timezone.localdate(),
        },
    )


@login_required
@require_GET
def calendar_pdf_view(request: AuthedRequest) -> HttpResponse:
    """The month's calendar printed as a landscape table under a Decree 30 header."""
    with translation.override(settings.LANGUAGE_CODE):
        _form, calendar, _unit = _calendar(request)
        content = render_pdf(calendar_document(calendar, signer=request.GET.get("signer", "")))
        filename = _("Calendar %(month)s-%(year)s") % {
            "month": calendar.month,
            "year": calendar.year,
        }
    return document_response(content, filename=filename, kind="pdf")
