"""Registration: January's list, the first registrations of a year, overdue
transfers; first and supplementary registration, temporary absence and return."""

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from qsdp.accounts.http import AuthedRequest
from qsdp.core.lists import paginate, render_list
from qsdp.military_service import services
from qsdp.military_service.forms import (
    AbsenceReturnForm,
    FirstRegistrationForm,
    ListFilterForm,
    RegistrationFilterForm,
    SupplementaryRegistrationForm,
    TemporaryAbsenceForm,
)
from qsdp.military_service.models import ServiceEvent
from qsdp.military_service.rules.common import vn_date
from qsdp.military_service.selectors import january_list, overdue_transfers, registration_list
from qsdp.military_service.views._common import (
    commune_units,
    person_action,
    today,
    writable_units,
)
from qsdp.people.models import Person


def january_query(request: AuthedRequest) -> tuple[ListFilterForm, QuerySet[Person]]:
    """January's list: its filter and its men (the page and its downloads)."""
    form = ListFilterForm(request.GET, units=commune_units(request), year=today().year)
    people = january_list(
        user=request.user, year=form.value("year"), org_unit=form.value("org_unit")
    )
    return form, people


def registration_query(
    request: AuthedRequest,
) -> tuple[RegistrationFilterForm, QuerySet[ServiceEvent]]:
    """The first registrations of a year: the filter and the events."""
    form = RegistrationFilterForm(request.GET, units=commune_units(request), year=today().year)
    events = registration_list(
        user=request.user,
        year=form.value("year"),
        org_unit=form.value("org_unit"),
        channel=form.value("channel") or "",
    )
    return form, events


@login_required
@require_GET
def january_list_view(request: AuthedRequest) -> HttpResponse:
    """Men turning 17 this year and men of call-up age not yet registered (Điều 16)."""
    form, people = january_query(request)
    year = form.value("year")
    page = paginate(request, people)
    return render_list(
        request,
        "military_service/january_list.html",
        "military_service/partials/january_rows.html",
        {
            "form": form,
            "year": year,
            "page": page,
            "writable": writable_units(request, (p.org_unit for p in page.items)),
        },
    )


@login_required
@require_GET
def registration_list_view(request: AuthedRequest) -> HttpResponse:
    form, events = registration_query(request)
    year = form.value("year")
    return render_list(
        request,
        "military_service/registration_list.html",
        "military_service/partials/registration_rows.html",
        {"form": form, "year": year, "page": paginate(request, events)},
    )


@login_required
@require_GET
def overdue_transfer_list(request: AuthedRequest) -> HttpResponse:
    """Registered citizens transferred out and not received within 10 working days."""
    on = today()
    rows = overdue_transfers(user=request.user, on=on)
    return render(
        request,
        "military_service/overdue_transfer_list.html",
        {"on": on, "page": paginate(request, rows)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def first_registration_record(request: AuthedRequest, pk: int) -> HttpResponse:
    return person_action(
        request,
        pk,
        form_class=FirstRegistrationForm,
        action=lambda person, form: services.first_registration_record(
            actor=request.user,
            person=person,
            registered_on=form.cleaned_data["registered_on"],
            channel=form.cleaned_data["channel"],
        ),
        title=_("First military-service registration"),
        intro=_(
            "Men register in April of the year they turn 17, in person or online "
            "(Military Service Law, Article 16)."
        ),
        success=lambda event: (
            _("The first registration on %(date)s was recorded.")
            % {"date": vn_date(event.occurred_on)}
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def supplementary_registration_record(request: AuthedRequest, pk: int) -> HttpResponse:
    return person_action(
        request,
        pk,
        form_class=SupplementaryRegistrationForm,
        action=lambda person, form: services.supplementary_registration_record(
            actor=request.user,
            person=person,
            on=form.cleaned_data["on"],
            changes=form.changes(),
            note=form.cleaned_data["note"],
        ),
        title=_("Supplementary registration"),
        intro=_(
            "Record what changed since the registration: occupation, workplace or school, "
            "education (Military Service Law, Article 17)."
        ),
        success=_("The supplementary registration was recorded."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def temporary_absence_record(request: AuthedRequest, pk: int) -> HttpResponse:
    return person_action(
        request,
        pk,
        form_class=TemporaryAbsenceForm,
        action=lambda person, form: services.temporary_absence_record(
            actor=request.user,
            person=person,
            left_on=form.cleaned_data["left_on"],
            planned_months=form.cleaned_data["planned_months"],
            destination=form.cleaned_data["destination"],
        ),
        title=_("Temporary absence"),
        intro=_(
            "A registered citizen who leaves for 3 months or more registers his temporary "
            "absence (Military Service Law, Article 17)."
        ),
        success=_("The temporary absence was recorded."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def absence_return_record(request: AuthedRequest, pk: int) -> HttpResponse:
    def recorded(event: ServiceEvent) -> str:
        if event.details.get("on_time"):
            return _("The return was recorded, within the deadline of %(date)s.") % {
                "date": vn_date(event.due_on) if event.due_on else "—"
            }
        return _("The return was recorded, after the deadline of %(date)s.") % {
            "date": vn_date(event.due_on) if event.due_on else "—"
        }

    return person_action(
        request,
        pk,
        form_class=AbsenceReturnForm,
        action=lambda person, form: services.absence_return_record(
            actor=request.user,
            person=person,
            returned_on=form.cleaned_data["returned_on"],
            registered_on=form.cleaned_data["registered_on"],
        ),
        title=_("Return from temporary absence"),
        intro=_("The citizen registers again within 10 working days of his return."),
        success=recorded,
    )
