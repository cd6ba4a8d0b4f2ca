"""The yearly review with the age-limit list, and the commander decisions."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import require_write, scope_for
from qsdp.core.forms import form_page
from qsdp.military_service.rules.common import vn_date
from qsdp.reserves import services
from qsdp.reserves.forms import DecisionForm, ReviewForm, YearFilterForm
from qsdp.reserves.models import DecisionKind, ReserveReview, Reservist
from qsdp.reserves.selectors import (
    age_limit_list,
    decision_list,
    reservist_get,
    review_list,
    visible_units,
)
from qsdp.reserves.views._common import (
    commune_units,
    paginate,
    render_list,
    today,
)


def _subject(request: AuthedRequest, pk: int) -> tuple[Reservist, dict[str, Any]]:
    reservist = reservist_get(user=request.user, pk=pk)
    require_write(request.user, reservist.person.org_unit.path)
    person = reservist.person
    url = reverse("reserves:reservist-detail", args=[reservist.pk])
    subject = f"{person.full_name} · {vn_date(person.birth_date)} · {person.org_unit.name}"
    return reservist, {"subject": subject, "subject_url": url, "cancel_url": url}


@login_required
@require_GET
def review_list_view(request: AuthedRequest) -> HttpResponse:
    """The year's review: every reservist with his review, and those reaching
    the age limit in the year (to be removed)."""
    form = YearFilterForm(request.GET, units=commune_units(request))
    year, unit = form.value("year"), form.value("org_unit")
    rows = review_list(user=request.user, year=year, org_unit=unit)
    reviewed = sum(1 for row in rows if row.is_reviewed)
    scope = scope_for(request.user)
    page = paginate(request, rows)
    writable = {
        row.reservist.pk
        for row in page.items
        if scope.covers(row.reservist.person.org_unit.path, write=True)
    }
    return render_list(
        request,
        "reserves/review_list.html",
        "reserves/partials/review_rows.html",
        {
            "form": form,
            "year": year,
            "page": page,
            "reviewed": reviewed,
            "total": len(rows),
            "writable": writable,
            "age_limits": age_limit_list(user=request.user, year=year, org_unit=unit),
            "today": today(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def review_record(request: AuthedRequest, pk: int) -> HttpResponse:
    reservist, subject = _subject(request, pk)
    form = ReviewForm(request.POST or None)

    def done(review: ReserveReview) -> str:
        return _("The review of %(year)s was recorded: %(outcome)s.") % {
            "year": review.year,
            "outcome": review.get_outcome_display(),
        }

    return form_page(
        request,
        form=form,
        action=lambda: services.reserve_review_record(
            actor=request.user,
            reservist=reservist,
            year=form.cleaned_data["year"],
            reviewed_on=form.cleaned_data["reviewed_on"],
            residence_confirmed=form.cleaned_data["residence_confirmed"],
            health_confirmed=form.cleaned_data["health_confirmed"],
            specialty_confirmed=form.cleaned_data["specialty_confirmed"],
            outcome=form.cleaned_data["outcome"],
            note=form.cleaned_data["note"],
            removal_reason=form.cleaned_data["removal_reason"],
        ),
        title=_("Yearly review"),
        intro=_(
            "Confirm the residence, the health and the military specialty, then keep, "
            "re-arrange or remove the reservist."
        ),
        success=done,
        done_url=subject["subject_url"],
        **subject,
    )


@login_required
@require_GET
def decision_list_view(request: AuthedRequest) -> HttpResponse:
    form = YearFilterForm(request.GET, units=commune_units(request))
    del form.fields["org_unit"]
    year = form.value("year")
    rows = decision_list(user=request.user, year=year)
    return render_list(
        request,
        "reserves/decision_list.html",
        "reserves/partials/decision_rows.html",
        {
            "form": form,
            "year": year,
            "page": paginate(request, rows),
            "appointments": rows.filter(kind=DecisionKind.APPOINTMENT).count(),
            "dismissals": rows.filter(kind=DecisionKind.DISMISSAL).count(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def decision_record(request: AuthedRequest, pk: int) -> HttpResponse:
    reservist, subject = _subject(request, pk)
    form = DecisionForm(request.POST or None, units=visible_units(request.user).order_by("name"))
    return form_page(
        request,
        form=form,
        action=lambda: services.commander_decision_record(
            actor=request.user,
            reservist=reservist,
            unit=form.cleaned_data["unit"],
            position=form.cleaned_data["position"],
            kind=form.cleaned_data["kind"],
            decision_number=form.cleaned_data["decision_number"],
            decided_on=form.cleaned_data["decided_on"],
            signer=form.cleaned_data["signer"],
        ),
        title=_("Appointment or dismissal"),
        success=_("The decision was recorded."),
        done_url=subject["subject_url"],
        **subject,
    )
