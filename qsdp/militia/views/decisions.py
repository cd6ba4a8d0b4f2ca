"""Deferral of and exemption from militia duty (Luật DQTV 2019 Điều 11)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import require_write
from qsdp.core.forms import form_page
from qsdp.military_service.rules.common import vn_date
from qsdp.militia import services
from qsdp.militia.forms import DecisionEndForm, DecisionFilterForm, DecisionForm
from qsdp.militia.selectors import duty_decision_get, duty_decision_list
from qsdp.militia.views._common import communes, paginate, render_list
from qsdp.people.selectors import person_get


@login_required
@require_GET
def decision_list_view(request: AuthedRequest) -> HttpResponse:
    form = DecisionFilterForm(request.GET, units=communes(request))
    decisions = duty_decision_list(user=request.user, filters=form.filters())
    return render_list(
        request,
        "militia/decision_list.html",
        "militia/partials/decision_rows.html",
        {"form": form, "page": paginate(request, decisions)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def decision_record(request: AuthedRequest, pk: int) -> HttpResponse:
    person = person_get(user=request.user, pk=pk)
    require_write(request.user, person.org_unit.path)
    form = DecisionForm(request.POST or None)
    person_url = reverse("people:person-detail", args=[person.pk])
    return form_page(
        request,
        form=form,
        action=lambda: services.duty_decision_record(
            actor=request.user,
            person=person,
            status=form.cleaned_data["status"],
            decided_on=form.cleaned_data["decided_on"],
            valid_until=form.cleaned_data["valid_until"],
            decision_number=form.cleaned_data["decision_number"],
            signer=form.cleaned_data["signer"],
        ),
        success=lambda d: (
            _("%(decision)s recorded for %(name)s (%(basis)s).")
            % {
                "decision": d.get_outcome_display(),
                "name": person.full_name,
                "basis": d.legal_basis,
            }
        ),
        done_url=lambda d: person_url,
        title=_("Deferral or exemption from militia duty"),
        intro=_(
            "The ground decides whether it is a deferral or an exemption (Luật DQTV 2019 Điều "
            "11). A member deferred or exempted leaves the militia on the day of the decision."
        ),
        cancel_url=person_url,
        person=person,
    )


@login_required
@require_http_methods(["GET", "POST"])
def decision_end(request: AuthedRequest, pk: int) -> HttpResponse:
    decision = duty_decision_get(user=request.user, pk=pk)
    require_write(request.user, decision.org_unit.path, decision.person.org_unit.path)
    form = DecisionEndForm(request.POST or None)
    person_url = reverse("people:person-detail", args=[decision.person_id])
    return form_page(
        request,
        form=form,
        action=lambda: services.duty_decision_end(
            actor=request.user,
            decision=decision,
            ended_on=form.cleaned_data["ended_on"],
            reason=form.cleaned_data["reason"],
        ),
        success=lambda d: (
            _("The decision ended on %(date)s.") % {"date": vn_date(form.cleaned_data["ended_on"])}
        ),
        done_url=lambda d: person_url,
        title=_("End of a deferral or exemption"),
        cancel_url=person_url,
        person=decision.person,
    )
