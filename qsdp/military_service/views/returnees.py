"""Discharge, return home and registration into the reserve within the deadline."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from qsdp.accounts.http import AuthedRequest
from qsdp.core.lists import paginate, render_list
from qsdp.military_service import services
from qsdp.military_service.forms import (
    DischargeForm,
    ReserveRegistrationForm,
    ReturneeFilterForm,
    ReturnHomeForm,
)
from qsdp.military_service.models import ServiceEvent
from qsdp.military_service.rules.common import vn_date
from qsdp.military_service.selectors import ReturneeRow, ReturneeState, returnee_list
from qsdp.military_service.views._common import (
    commune_units,
    person_action,
    today,
)


def returnee_query(request: AuthedRequest) -> tuple[ReturneeFilterForm, list[ReturneeRow]]:
    """The returnees of a year: the filter and the rows, each with its state today."""
    form = ReturneeFilterForm(request.GET, units=commune_units(request), year=today().year)
    rows = returnee_list(
        user=request.user,
        on=today(),
        year=form.value("year"),
        org_unit=form.value("org_unit"),
        overdue_only=bool(form.value("overdue_only")),
    )
    return form, rows


@login_required
@require_GET
def returnee_list_view(request: AuthedRequest) -> HttpResponse:
    """Soldiers back home in the year, with their deadline and whether they kept it."""
    form, rows = returnee_query(request)
    year = form.value("year")
    return render_list(
        request,
        "military_service/returnee_list.html",
        "military_service/partials/returnee_rows.html",
        {"form": form, "year": year, "page": paginate(request, rows), "states": ReturneeState},
    )


@login_required
@require_http_methods(["GET", "POST"])
def discharge_record(request: AuthedRequest, pk: int) -> HttpResponse:
    return person_action(
        request,
        pk,
        form_class=DischargeForm,
        action=lambda person, form: services.discharge_record(
            actor=request.user,
            person=person,
            decided_on=form.cleaned_data["decided_on"],
            decision_number=form.cleaned_data["decision_number"],
            signer=form.cleaned_data["signer"],
            early=form.cleaned_data["early"],
        ),
        title=_("Discharge"),
        success=_("The discharge was recorded."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def return_home_record(request: AuthedRequest, pk: int) -> HttpResponse:
    def received(event: ServiceEvent) -> str:
        return _("The return home was recorded; he must register in the reserve by %(date)s.") % {
            "date": vn_date(event.due_on) if event.due_on else "—"
        }

    return person_action(
        request,
        pk,
        form_class=ReturnHomeForm,
        action=lambda person, form: services.return_home_record(
            actor=request.user, person=person, returned_on=form.cleaned_data["returned_on"]
        ),
        title=_("Return home"),
        intro=_(
            "A discharged soldier registers in the reserve within 15 working days "
            "(Military Service Law, Article 18)."
        ),
        success=received,
    )


@login_required
@require_http_methods(["GET", "POST"])
def reserve_registration_record(request: AuthedRequest, pk: int) -> HttpResponse:
    def registered(event: ServiceEvent) -> str:
        if event.details.get("on_time"):
            return _("The reserve registration was recorded, on time.")
        return _("The reserve registration was recorded, after the deadline of %(date)s.") % {
            "date": vn_date(event.due_on) if event.due_on else "—"
        }

    return person_action(
        request,
        pk,
        form_class=ReserveRegistrationForm,
        action=lambda person, form: services.reserve_registration_record(
            actor=request.user,
            person=person,
            registered_on=form.cleaned_data["registered_on"],
        ),
        title=_("Registration in the reserve"),
        success=registered,
    )
