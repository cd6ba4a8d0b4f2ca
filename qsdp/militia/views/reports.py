"""Training days per member and unit, strength against population, the roster document."""

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
from qsdp.military_service.rules.common import vn_date
from qsdp.militia.documents import roster_document
from qsdp.militia.forms import RosterFilterForm, TrainingFilterForm, TrainingForm
from qsdp.militia.selectors import roster, strength_by_commune, training_summary
from qsdp.militia.views._common import area_name, communes, paginate, render_list, this_year


@login_required
@require_GET
def training_list_view(request: AuthedRequest) -> HttpResponse:
    form = TrainingFilterForm(request.GET, units=communes(request), year=this_year())
    year = form.value("year")
    summary = training_summary(user=request.user, year=year, org_unit=form.value("org_unit"))
    writable = {unit.pk for unit in communes(request, write=True)}
    return render_list(
        request,
        "militia/training_list.html",
        "militia/partials/training_rows.html",
        {
            "form": form,
            "year": year,
            "summary": summary,
            "page": paginate(request, summary.rows),
            "writable": writable,
            "training_form": TrainingForm(initial={"year": year}),
            "query": request.GET.urlencode(),
        },
    )


@login_required
@require_GET
def strength_view(request: AuthedRequest) -> HttpResponse:
    """Members against the register's population, by commune, on a day."""
    form = RosterFilterForm(request.GET, units=communes(request))
    strength = strength_by_commune(
        user=request.user, on=form.value("on"), org_unit=form.value("org_unit")
    )
    return render(
        request,
        "militia/strength.html",
        {"form": form, "strength": strength, "query": request.GET.urlencode()},
    )


@login_required
@require_GET
def roster_document_view(request: AuthedRequest, kind: str) -> HttpResponse:
    """The militia roster (danh sách dân quân) on a day, as XLSX or PDF."""
    form = RosterFilterForm(request.GET, units=communes(request))
    unit = form.value("org_unit")
    names = unit.name if unit is not None else area_name(request)
    with translation.override(settings.LANGUAGE_CODE):
        listing = roster(user=request.user, on=form.value("on"), org_unit=unit, unit_name=names)
        document = roster_document(listing, signer=request.GET.get("signer", ""))
        content = render_pdf(document) if kind == "pdf" else render_xlsx(document)
        filename = _("Militia roster %(date)s") % {"date": vn_date(listing.on)}
    return document_response(content, filename=filename, kind="pdf" if kind == "pdf" else "xlsx")
