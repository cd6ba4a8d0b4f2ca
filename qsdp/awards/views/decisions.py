"""Decision pages: decide recommended proposals, the decision, its PDF, revoke."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import scope_for
from qsdp.awards import services
from qsdp.awards.access import can_review, require_reviewer
from qsdp.awards.documents import decision_document
from qsdp.awards.forms import DecisionForm, RevocationForm
from qsdp.awards.models import AwardDecision
from qsdp.awards.selectors import decision_get, decision_recipients, recommended_proposals
from qsdp.awards.views._common import deciding_units
from qsdp.core.forms import form_page
from qsdp.documents.http import document_response
from qsdp.documents.renderers import render_pdf


def _decision_url(decision: AwardDecision) -> str:
    return reverse("awards:decision-detail", args=[decision.pk])


@login_required
@require_http_methods(["GET", "POST"])
def decision_create(request: AuthedRequest) -> HttpResponse:
    """Record a signed decision for recommended proposals (``?proposal=`` ticks one)."""
    units = [u for u in deciding_units(request) if can_review(request.user, u.path)]
    if not units:
        require_reviewer(request.user, "")  # raises 403
    proposals = recommended_proposals(user=request.user)
    initial: dict[str, object] = {"decided_on": timezone.localdate()}
    chosen = proposals.filter(pk=request.GET.get("proposal") or 0).first()
    if chosen is not None:
        initial |= {"proposals": [chosen.pk], "form": chosen.form}
    form = DecisionForm(
        request.POST or None,
        initial=initial,
        proposals=proposals,
        units=deciding_units(request).filter(pk__in=[u.pk for u in units]),
    )
    return form_page(
        request,
        form=form,
        action=lambda: services.decision_create(
            actor=request.user,
            data=form.decision_data(),
            proposals=list(form.cleaned_data["proposals"]),
        ),
        success=lambda d: _("Decision %(number)s was recorded.") % {"number": d.number},
        done_url=_decision_url,
        title=_("Record an award decision"),
        cancel_url=reverse("awards:award-list"),
    )


@login_required
@require_GET
def decision_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    decision = decision_get(user=request.user, pk=pk)
    path = decision.deciding_unit.path
    recipients = decision_recipients(decision)
    return render(
        request,
        "awards/decision_detail.html",
        {
            "decision": decision,
            "recipients": recipients,
            "can_revoke": scope_for(request.user).covers(path, write=True)
            and can_review(request.user, path)
            and any(not r.revocation_id for r in recipients),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def decision_revoke(request: AuthedRequest, pk: int) -> HttpResponse:
    decision = decision_get(user=request.user, pk=pk)
    require_reviewer(request.user, decision.deciding_unit.path)
    form = RevocationForm(request.POST or None, decision=decision)
    return form_page(
        request,
        form=form,
        action=lambda: services.decision_revoke(
            actor=request.user,
            decision=decision,
            recipients=list(form.cleaned_data["recipients"]),
            data=form.revocation_data(),
        ),
        success=lambda r: _("The awards were revoked by %(number)s.") % {"number": r.number},
        done_url=lambda r: _decision_url(decision),
        title=_("Revoke awards of decision %(number)s") % {"number": decision.number},
        cancel_url=_decision_url(decision),
        intro=_("The law allows revoking an award obtained by fraud or wrongly approved."),
    )


@login_required
@require_GET
def decision_pdf(request: AuthedRequest, pk: int) -> HttpResponse:
    """The decision with its list of recipients, as PDF."""
    decision = decision_get(user=request.user, pk=pk)
    with translation.override(settings.LANGUAGE_CODE):
        content = render_pdf(decision_document(decision, decision_recipients(decision)))
        filename = _("Award decision %(number)s") % {"number": decision.number}
    return document_response(content, filename=filename, kind="pdf")
