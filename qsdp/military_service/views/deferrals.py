"""Deferral and exemption: the decision, the end of a deferral, the lists, and
the public list the commune posts (PDF, XLSX)."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from qsdp.accounts.http import AuthedRequest
from qsdp.core.lists import paginate, render_list
from qsdp.documents.http import document_response
from qsdp.documents.renderers import render_pdf, render_xlsx
from qsdp.military_service import services
from qsdp.military_service.documents import public_deferral_document
from qsdp.military_service.forms import (
    CallUpListFilterForm,
    DeferralDecisionForm,
    DeferralEndForm,
    DeferralFilterForm,
    PublicListForm,
)
from qsdp.military_service.models import ServiceEvent
from qsdp.military_service.rules.common import vn_date
from qsdp.military_service.rules.cycle import EventKind
from qsdp.military_service.selectors import deferral_list, public_deferral_list, recheck_list
from qsdp.military_service.views._common import (
    commune_units,
    current_call_up_year,
    person_action,
    today,
)


def _decide(request: AuthedRequest, person: object, form: DeferralDecisionForm) -> ServiceEvent:
    data = form.cleaned_data
    common = {
        "actor": request.user,
        "person": person,
        "reason_code": data["reason_code"],
        "decided_on": data["decided_on"],
        "decision_number": data["decision_number"],
        "signer": data["signer"],
        "call_up_year": data["call_up_year"],
        "facts": form.facts(),
    }
    if data["outcome"] == EventKind.EXEMPTION:
        return services.exemption_decide(**common)
    return services.deferral_decide(valid_until=data["valid_until"], **common)


def _decided(event: ServiceEvent) -> str:
    if event.kind == EventKind.EXEMPTION:
        return _("The exemption from the call-up was recorded (%(point)s).") % {
            "point": event.legal_point
        }
    return _("The deferral until %(date)s was recorded (%(point)s).") % {
        "date": vn_date(event.valid_until) if event.valid_until else "—",
        "point": event.legal_point,
    }


@login_required
@require_http_methods(["GET", "POST"])
def deferral_decide(request: AuthedRequest, pk: int) -> HttpResponse:
    outcome = request.GET.get("outcome")
    initial = {"outcome": outcome if outcome in EventKind.values else EventKind.DEFERRAL}
    return person_action(
        request,
        pk,
        form_class=DeferralDecisionForm,
        form_kwargs={"initial": {**initial, "call_up_year": current_call_up_year()}},
        action=lambda person, form: _decide(request, person, form),
        title=_("Deferral or exemption from the call-up"),
        intro=_(
            "Choose the ground of Article 41; give the facts only for the grounds that need "
            "them. The rules decide whether it is a ground and which point applies."
        ),
        success=_decided,
        template="military_service/deferral_form.html",
    )


@login_required
@require_http_methods(["GET", "POST"])
def deferral_end(request: AuthedRequest, pk: int) -> HttpResponse:
    return person_action(
        request,
        pk,
        form_class=DeferralEndForm,
        action=lambda person, form: services.deferral_end(
            actor=request.user,
            person=person,
            ended_on=form.cleaned_data["ended_on"],
            reason=form.cleaned_data["reason"],
        ),
        title=_("End of a deferral"),
        intro=_("The ground of the deferral ended before its date: the citizen may be called up."),
        success=_("The end of the deferral was recorded."),
    )


def deferral_query(request: AuthedRequest) -> tuple[DeferralFilterForm, QuerySet[ServiceEvent]]:
    """The deferral and exemption decisions: the filter and the events."""
    form = DeferralFilterForm(
        request.GET, units=commune_units(request), year=current_call_up_year()
    )
    events = deferral_list(
        user=request.user,
        year=form.value("year"),
        kind=form.value("kind") or "",
        org_unit=form.value("org_unit"),
    )
    return form, events


def recheck_query(request: AuthedRequest) -> tuple[CallUpListFilterForm, QuerySet[ServiceEvent]]:
    """The yearly re-check: the filter and the deferrals ending in the year."""
    form = CallUpListFilterForm(request.GET, units=commune_units(request), year=today().year)
    events = recheck_list(
        user=request.user, year=form.value("year"), org_unit=form.value("org_unit")
    )
    return form, events


@login_required
@require_GET
def deferral_list_view(request: AuthedRequest) -> HttpResponse:
    form, events = deferral_query(request)
    year = form.value("year")
    return render_list(
        request,
        "military_service/deferral_list.html",
        "military_service/partials/deferral_rows.html",
        {"form": form, "year": year, "page": paginate(request, events)},
    )


@login_required
@require_GET
def recheck_list_view(request: AuthedRequest) -> HttpResponse:
    """Deferrals in force that end during the year: to check again."""
    form, events = recheck_query(request)
    year = form.value("year")
    return render_list(
        request,
        "military_service/recheck_list.html",
        "military_service/partials/recheck_rows.html",
        {"form": form, "year": year, "page": paginate(request, events)},
    )


def _public_form(request: AuthedRequest) -> PublicListForm:
    return PublicListForm(request.GET, units=commune_units(request), year=current_call_up_year())


@login_required
@require_GET
def public_deferral_list_view(request: AuthedRequest) -> HttpResponse:
    """The public list of a commune, as it will be posted, with its downloads."""
    form = _public_form(request)
    unit = form.value("org_unit")
    context = (
        public_deferral_list(user=request.user, org_unit=unit, year=form.value("year"))
        if unit is not None
        else None
    )
    return render(
        request,
        "military_service/public_deferral_list.html",
        {"form": form, "listing": context, "query": request.GET.urlencode()},
    )


@login_required
@require_GET
def public_deferral_document_view(request: AuthedRequest, kind: str) -> HttpResponse:
    form = _public_form(request)
    unit = form.value("org_unit")
    if unit is None:
        raise Http404(_("Choose the commune of the list."))
    year = form.value("year")
    with translation.override(settings.LANGUAGE_CODE):
        listing = public_deferral_list(user=request.user, org_unit=unit, year=year)
        document = public_deferral_document(
            listing, issued_on=today(), signer=form.value("signer") or ""
        )
        content = render_pdf(document) if kind == "pdf" else render_xlsx(document)
        filename = _("Deferred and exempt %(year)s %(unit)s") % {"year": year, "unit": unit.name}
    return document_response(content, filename=filename, kind="pdf" if kind == "pdf" else "xlsx")
