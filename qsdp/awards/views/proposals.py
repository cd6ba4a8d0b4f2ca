"""Proposal pages: the list with its filters, create, edit, recipients,
submit and review."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import require_write, scope_for
from qsdp.awards import services
from qsdp.awards.access import can_review, require_reviewer
from qsdp.awards.forms import (
    ProposalFilterForm,
    ProposalForm,
    RecipientForm,
    ReviewForm,
    indicator_codes,
)
from qsdp.awards.models import AwardProposal, ProposalStatus
from qsdp.awards.selectors import ProposalFilters, proposal_get, proposal_list, recipient_get
from qsdp.awards.views._common import award_units, require_some_unit
from qsdp.core.errors import DomainError
from qsdp.core.forms import form_page
from qsdp.core.lists import paginate, render_list


def _proposal_url(proposal: AwardProposal) -> str:
    return reverse("awards:proposal-detail", args=[proposal.pk])


@login_required
@require_GET
def award_list(request: AuthedRequest) -> HttpResponse:
    form = ProposalFilterForm(request.GET, units=award_units(request))
    proposals = proposal_list(
        user=request.user,
        filters=ProposalFilters(
            year=form.value("year"),
            org_unit=form.value("org_unit"),
            status=form.value("status") or "",
            form=form.value("form"),
        ),
    )
    can_create = award_units(request, write=True).exists()
    return render_list(
        request,
        "awards/award_list.html",
        "awards/partials/proposal_rows.html",
        {
            "form": form,
            "page": paginate(request, proposals),
            "create_url": reverse("awards:proposal-create") if can_create else "",
            "decide_url": reverse("awards:decision-create")
            if can_create and any(can_review(request.user, u.path) for u in award_units(request))
            else "",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def proposal_create(request: AuthedRequest) -> HttpResponse:
    form = ProposalForm(request.POST or None, units=require_some_unit(request))
    return form_page(
        request,
        form=form,
        action=lambda: services.proposal_create(
            actor=request.user,
            org_unit=form.cleaned_data["org_unit"],
            data=form.proposal_data(),
        ),
        success=lambda p: _("The proposal was created; add the collectives and people."),
        done_url=_proposal_url,
        title=_("New award proposal"),
        cancel_url=reverse("awards:award-list"),
    )


@login_required
@require_GET
def proposal_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    proposal = proposal_get(user=request.user, pk=pk)
    path = proposal.org_unit.path
    can_write = scope_for(request.user).covers(path, write=True)
    return render(
        request,
        "awards/proposal_detail.html",
        {
            "proposal": proposal,
            "can_edit": can_write and proposal.status == ProposalStatus.DRAFT,
            "can_review": can_review(request.user, path)
            and can_write
            and proposal.status in (ProposalStatus.SUBMITTED, ProposalStatus.RECOMMENDED),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def proposal_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    proposal = proposal_get(user=request.user, pk=pk)
    require_write(request.user, proposal.org_unit.path)
    form = ProposalForm(request.POST or None, initial=ProposalForm.initial_of(proposal))
    return form_page(
        request,
        form=form,
        action=lambda: services.proposal_update(
            actor=request.user, proposal=proposal, data=form.proposal_data()
        ),
        success=lambda p: _("The proposal was saved."),
        done_url=_proposal_url,
        title=_("Edit the proposal of %(unit)s") % {"unit": proposal.org_unit.name},
        cancel_url=_proposal_url(proposal),
    )


@login_required
@require_http_methods(["GET", "POST"])
def recipient_add(request: AuthedRequest, pk: int) -> HttpResponse:
    proposal = proposal_get(user=request.user, pk=pk)
    require_write(request.user, proposal.org_unit.path)
    form = RecipientForm(request.POST or None, proposal=proposal)
    return form_page(
        request,
        form=form,
        action=lambda: services.recipient_add(
            actor=request.user,
            proposal=proposal,
            data=form.recipient_data(),
            known_indicators=indicator_codes(),
        ),
        success=lambda r: _("%(name)s was added to the proposal.") % {"name": r.name},
        done_url=lambda r: _proposal_url(proposal),
        title=_("Add a collective or a person"),
        cancel_url=_proposal_url(proposal),
        intro=f"{proposal.form.name} · {proposal.org_unit.name} · {proposal.year}",
    )


@login_required
@require_POST
def recipient_remove(request: AuthedRequest, pk: int) -> HttpResponse:
    recipient = recipient_get(user=request.user, pk=pk)
    require_write(request.user, recipient.proposal.org_unit.path)
    try:
        services.recipient_remove(actor=request.user, recipient=recipient)
        messages.success(request, _("%(name)s was removed.") % {"name": recipient.name})
    except DomainError as error:
        messages.error(request, error.message)
    return redirect(_proposal_url(recipient.proposal))


@login_required
@require_POST
def proposal_submit(request: AuthedRequest, pk: int) -> HttpResponse:
    proposal = proposal_get(user=request.user, pk=pk)
    require_write(request.user, proposal.org_unit.path)
    try:
        services.proposal_submit(actor=request.user, proposal=proposal)
        messages.success(request, _("The proposal was sent to the command."))
    except DomainError as error:
        messages.error(request, error.message)
    return redirect(_proposal_url(proposal))


@login_required
@require_http_methods(["GET", "POST"])
def proposal_review(request: AuthedRequest, pk: int) -> HttpResponse:
    proposal = proposal_get(user=request.user, pk=pk)
    require_reviewer(request.user, proposal.org_unit.path)
    form = ReviewForm(request.POST or None)
    return form_page(
        request,
        form=form,
        action=lambda: services.proposal_review(
            actor=request.user,
            proposal=proposal,
            recommend=form.cleaned_data["recommend"],
            note=form.cleaned_data["note"],
        ),
        success=lambda p: (
            _("The proposal is now “%(status)s”.") % {"status": ProposalStatus(p.status).label}
        ),
        done_url=_proposal_url,
        title=_("Review the proposal of %(unit)s") % {"unit": proposal.org_unit.name},
        cancel_url=_proposal_url(proposal),
        intro=f"{proposal.form.name} · {proposal.year}",
    )
