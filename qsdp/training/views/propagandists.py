"""The roster of grassroots propagandists and each one's trainings."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import require_write, scope_for
from qsdp.core.forms import form_page
from qsdp.orgunits.models import COMMUNE_LEVEL_KINDS, MILITARY_KINDS
from qsdp.training import services
from qsdp.training.forms import (
    LeaveForm,
    PropagandistFilterForm,
    PropagandistForm,
    PropagandistTrainingForm,
)
from qsdp.training.models import Propagandist, ResultScale
from qsdp.training.selectors import (
    area_of,
    grades_in_force,
    propagandist_get,
    propagandist_list,
    propagandist_trainings,
)
from qsdp.training.views._common import (
    can_write,
    filter_units,
    paginate,
    people_in,
    render_list,
    require_some_write,
)

ROSTER_UNIT_KINDS = frozenset({*COMMUNE_LEVEL_KINDS, *MILITARY_KINDS})


def _detail_url(propagandist: Propagandist) -> str:
    return reverse("training:propagandist-detail", args=[propagandist.pk])


@login_required
@require_GET
def propagandist_list_view(request: AuthedRequest) -> HttpResponse:
    form = PropagandistFilterForm(request.GET, units=filter_units(request))
    roster = propagandist_list(user=request.user, filters=form.filters())
    return render_list(
        request,
        "training/propagandist_list.html",
        "training/partials/propagandist_rows.html",
        {
            "form": form,
            "page": paginate(request, roster),
            "can_create": scope_for(request.user).write_paths != frozenset(),
        },
    )


@login_required
@require_GET
def propagandist_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    propagandist = propagandist_get(user=request.user, pk=pk)
    return render(
        request,
        "training/propagandist_detail.html",
        {
            "propagandist": propagandist,
            "trainings": propagandist_trainings(propagandist=propagandist),
            "can_write": can_write(request, propagandist.org_unit),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def propagandist_create(request: AuthedRequest) -> HttpResponse:
    units = require_some_write(request, kinds=ROSTER_UNIT_KINDS)
    form = PropagandistForm(request.POST or None, units=units, people=people_in(units))
    return form_page(
        request,
        form=form,
        action=lambda: services.propagandist_appoint(
            actor=request.user,
            org_unit=form.cleaned_data["org_unit"],
            appointed_on=form.cleaned_data["appointed_on"],
            person=form.cleaned_data["person"],
            full_name=form.cleaned_data["full_name"],
            position=form.cleaned_data["position"],
        ),
        success=lambda p: _("%(name)s was put on the roster.") % {"name": p.name},
        done_url=_detail_url,
        title=_("New grassroots propagandist"),
        cancel_url=reverse("training:propagandist-list"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def propagandist_leave(request: AuthedRequest, pk: int) -> HttpResponse:
    propagandist = propagandist_get(user=request.user, pk=pk)
    require_write(request.user, area_of(propagandist.org_unit).path)
    form = LeaveForm(request.POST or None)
    return form_page(
        request,
        form=form,
        action=lambda: services.propagandist_leave(
            actor=request.user, propagandist=propagandist, left_on=form.cleaned_data["left_on"]
        ),
        success=lambda p: _("%(name)s left the roster.") % {"name": p.name},
        done_url=_detail_url,
        title=_("Take off the roster"),
        intro=propagandist.name,
        cancel_url=_detail_url(propagandist),
    )


@login_required
@require_http_methods(["GET", "POST"])
def propagandist_training(request: AuthedRequest, pk: int) -> HttpResponse:
    propagandist = propagandist_get(user=request.user, pk=pk)
    require_write(request.user, area_of(propagandist.org_unit).path)
    form = PropagandistTrainingForm(
        request.POST or None,
        grades=grades_in_force(scale=ResultScale.DEFENCE_EDUCATION, on=timezone.localdate()),
    )
    return form_page(
        request,
        form=form,
        action=lambda: services.propagandist_training_record(
            actor=request.user, propagandist=propagandist, **form.cleaned_data
        ),
        success=lambda t: _("The training was recorded."),
        done_url=lambda t: _detail_url(propagandist),
        title=_("Record a training"),
        intro=propagandist.name,
        cancel_url=_detail_url(propagandist),
    )
