"""The April registration for militia duty: the list of a year, generating it
from the military-service registrations, registering a person in person."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import require_write
from qsdp.core.forms import form_page, submitted
from qsdp.militia import services
from qsdp.militia.forms import RegistrationFilterForm, RegistrationForm, RegistrationGenerateForm
from qsdp.militia.selectors import registration_list
from qsdp.militia.views._common import (
    communes,
    paginate,
    render_list,
    require_some_write,
    this_year,
)
from qsdp.people.selectors import person_get


@login_required
@require_GET
def registration_list_view(request: AuthedRequest) -> HttpResponse:
    form = RegistrationFilterForm(request.GET, units=communes(request), year=this_year())
    year = form.value("year")
    registrations = registration_list(
        user=request.user,
        year=year,
        org_unit=form.value("org_unit"),
        source=form.value("source") or "",
    )
    writable = communes(request, write=True)
    return render_list(
        request,
        "militia/registration_list.html",
        "militia/partials/registration_rows.html",
        {
            "form": form,
            "year": year,
            "page": paginate(request, registrations),
            "generate_form": RegistrationGenerateForm(initial={"year": year}, units=writable)
            if writable.exists()
            else None,
        },
    )


@login_required
@require_POST
def registration_generate(request: AuthedRequest) -> HttpResponse:
    """Register for militia duty those registered for military service in the year."""
    form = RegistrationGenerateForm(request.POST, units=require_some_write(request))
    created = submitted(
        request,
        form,
        lambda: services.registration_generate(
            actor=request.user,
            org_unit=form.cleaned_data["org_unit"],
            year=form.cleaned_data["year"],
        ),
    )
    url = reverse("militia:registration-list")
    if created is None:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect(url)
    messages.success(
        request,
        _("%(count)s citizens were registered for militia duty in %(year)s.")
        % {"count": created, "year": form.cleaned_data["year"]},
    )
    return redirect(f"{url}?year={form.cleaned_data['year']}")


@login_required
@require_http_methods(["GET", "POST"])
def registration_add(request: AuthedRequest, pk: int) -> HttpResponse:
    """A citizen registers for militia duty in person."""
    person = person_get(user=request.user, pk=pk)
    require_write(request.user, person.org_unit.path)
    form = RegistrationForm(request.POST or None)
    person_url = reverse("people:person-detail", args=[person.pk])
    return form_page(
        request,
        form=form,
        action=lambda: services.registration_record(
            actor=request.user, person=person, registered_on=form.cleaned_data["registered_on"]
        ),
        success=lambda r: (
            _("%(name)s was registered for militia duty in %(year)s.")
            % {"name": person.full_name, "year": r.year}
        ),
        done_url=lambda r: person_url,
        title=_("Registration for militia duty"),
        cancel_url=person_url,
        person=person,
    )
