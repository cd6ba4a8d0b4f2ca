"""The call-up orders and their print, the register of citizens ready for the
call-up (XLSX, PDF), and the handover (enlistment)."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from qsdp.accounts.http import AuthedRequest
from qsdp.core.lists import paginate, render_list
from qsdp.documents.http import document_response
from qsdp.documents.renderers import render_pdf, render_xlsx
from qsdp.military_service import services
from qsdp.military_service.documents import call_up_order_letters, ready_register_document
from qsdp.military_service.forms import (
    CallUpListFilterForm,
    EnlistmentForm,
    PrintForm,
    ReadyRegisterFilterForm,
)
from qsdp.military_service.models import CallUpOrder, ServiceEvent
from qsdp.military_service.rules.common import vn_date
from qsdp.military_service.selectors import (
    OrderSheet,
    ReadyRegister,
    order_get,
    order_list,
    order_sheets,
    ready_register,
)
from qsdp.military_service.views._common import (
    commune_units,
    current_call_up_year,
    issuing_unit_name,
    person_action,
    print_signer,
)


def _order_filter(request: AuthedRequest) -> CallUpListFilterForm:
    return CallUpListFilterForm(
        request.GET, units=commune_units(request), year=current_call_up_year()
    )


def order_query(request: AuthedRequest) -> tuple[CallUpListFilterForm, QuerySet[CallUpOrder]]:
    """The order list's filter and its orders (the page and its downloads)."""
    form = _order_filter(request)
    orders = order_list(
        user=request.user, call_up_year=form.value("year"), org_unit=form.value("org_unit")
    )
    return form, orders


@login_required
@require_GET
def order_list_view(request: AuthedRequest) -> HttpResponse:
    form, orders = order_query(request)
    year = form.value("year")
    return render_list(
        request,
        "military_service/order_list.html",
        "military_service/partials/order_rows.html",
        {
            "form": form,
            "year": year,
            "page": paginate(request, orders),
            "print_form": PrintForm(),
        },
    )


def _orders_pdf(sheets: list[OrderSheet], *, signer: str, filename: str) -> HttpResponse:
    if not sheets:
        raise Http404(_("There is no call-up order to print."))
    content = render_pdf(call_up_order_letters(sheets, signer=signer))
    return document_response(content, filename=filename, kind="pdf")


@login_required
@require_GET
def order_print(request: AuthedRequest) -> HttpResponse:
    """Every live call-up order of the year (and unit) in one PDF, one per page."""
    form = _order_filter(request)
    year = form.value("year")
    with translation.override(settings.LANGUAGE_CODE):
        sheets = order_sheets(user=request.user, call_up_year=year, org_unit=form.value("org_unit"))
        return _orders_pdf(
            sheets,
            signer=print_signer(request),
            filename=_("Call-up orders %(year)s") % {"year": year},
        )


@login_required
@require_GET
def order_print_one(request: AuthedRequest, pk: int) -> HttpResponse:
    order = order_get(user=request.user, pk=pk)
    with translation.override(settings.LANGUAGE_CODE):
        sheets = order_sheets(user=request.user, call_up_year=order.call_up_year, pk=order.pk)
        return _orders_pdf(
            sheets,
            signer=print_signer(request),
            filename=_("Call-up order %(number)s") % {"number": order.number},
        )


def _register(request: AuthedRequest) -> tuple[ReadyRegisterFilterForm, ReadyRegister]:
    form = ReadyRegisterFilterForm(
        request.GET, units=commune_units(request), year=current_call_up_year()
    )
    unit = form.value("org_unit")
    name = issuing_unit_name(request, unit)
    register = ready_register(user=request.user, on=form.value("on"), org_unit=unit, unit_name=name)
    return form, register


@login_required
@require_GET
def ready_register_view(request: AuthedRequest) -> HttpResponse:
    """Registered men, free and within the call-up age on the day."""
    form, register = _register(request)
    return render_list(
        request,
        "military_service/ready_register.html",
        "military_service/partials/ready_rows.html",
        {
            "form": form,
            "register": register,
            "page": paginate(request, register.rows),
        },
    )


@login_required
@require_GET
def ready_register_document_view(request: AuthedRequest, kind: str) -> HttpResponse:
    with translation.override(settings.LANGUAGE_CODE):
        _form, register = _register(request)
        document = ready_register_document(register, signer=print_signer(request))
        content = render_pdf(document) if kind == "pdf" else render_xlsx(document)
        filename = _("Ready for call-up %(date)s") % {"date": vn_date(register.on)}
    return document_response(content, filename=filename, kind="pdf" if kind == "pdf" else "xlsx")


@login_required
@require_http_methods(["GET", "POST"])
def enlistment_record(request: AuthedRequest, pk: int) -> HttpResponse:
    """The handover: the acceptance checks, then enlistment."""

    def handed_over(event: ServiceEvent) -> str:
        return _("%(name)s was handed over to the army on %(date)s.") % {
            "name": event.person.full_name,
            "date": vn_date(event.occurred_on),
        }

    return person_action(
        request,
        pk,
        form_class=EnlistmentForm,
        form_kwargs={"year": current_call_up_year()},
        action=lambda person, form: services.enlistment_record(
            actor=request.user,
            person=person,
            call_up_year=form.cleaned_data["call_up_year"],
            handover_on=form.cleaned_data["handover_on"],
        ),
        title=_("Handover to the army"),
        intro=_(
            "Before the handover the council checks again: no deferral or exemption, within "
            "the call-up age on the day, a health examination that allows the call-up, and a "
            "call-up order of the year."
        ),
        success=handed_over,
    )
