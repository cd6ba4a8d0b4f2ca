"""The call-up: quotas down the tree, the ranked lists (build, approve,
substitute) and the call-up orders (one, or all of a unit's list)."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import require_write, scope_for
from qsdp.core.forms import form_page
from qsdp.core.lists import paginate, render_list
from qsdp.military_service import services
from qsdp.military_service.forms import (
    CallUpListFilterForm,
    CandidateListApproveForm,
    CandidateListBuildForm,
    OrderIssueAllForm,
    OrderIssueForm,
    QuotaAssignForm,
    SubstituteForm,
)
from qsdp.military_service.models import (
    CallUpCandidate,
    CallUpOrder,
    CandidateList,
    CandidateStatus,
)
from qsdp.military_service.selectors import candidate_get, candidate_list, quota_tree
from qsdp.military_service.services.quotas import QUOTA_UNIT_KINDS
from qsdp.military_service.views._common import (
    commune_units,
    current_call_up_year,
    unit_from,
)
from qsdp.orgunits.models import COMMUNE_LEVEL_KINDS, OrgUnit

FORM = "military_service/call_up_form.html"


def _year(request: AuthedRequest) -> int:
    """The call-up year a page is opened for (``?year=``), else the current one."""
    try:
        return int(request.GET.get("year") or current_call_up_year())
    except ValueError:
        return current_call_up_year()


def _list_url(unit: OrgUnit, year: Any) -> str:
    return f"{reverse('military_service:candidate-list')}?year={year}&org_unit={unit.pk}"


@login_required
@require_GET
def quota_tree_view(request: AuthedRequest) -> HttpResponse:
    """The quotas of a year down the tree, with what each unit has left to assign."""
    form = CallUpListFilterForm(request.GET, units=OrgUnit.objects.none(), year=_year(request))
    year = form.value("year")
    rows = quota_tree(user=request.user, call_up_year=year)
    scope = scope_for(request.user)
    # A quota is set by the unit above (a province's by itself, from the decision).
    assignable = {
        row.quota.org_unit_id
        for row in rows
        if scope.covers((row.quota.parent or row.quota).org_unit.path, write=True)
    }
    return render(
        request,
        "military_service/quota_tree.html",
        {
            "form": form,
            "year": year,
            "rows": rows,
            "assignable": assignable,
            # A commune hands nothing down: its quota is filled by its own list.
            "communes": {
                row.quota.org_unit_id
                for row in rows
                if row.quota.org_unit.kind in COMMUNE_LEVEL_KINDS
            },
            "can_assign": _units_below(request).exists(),
        },
    )


def _units_below(request: AuthedRequest) -> QuerySet[OrgUnit]:
    """The units whose quota the user may set: those under a unit he may change."""
    return OrgUnit.objects.filter(
        scope_for(request.user).q("parent__path", write=True), kind__in=QUOTA_UNIT_KINDS
    )


@login_required
@require_http_methods(["GET", "POST"])
def quota_assign(request: AuthedRequest) -> HttpResponse:
    units = _units_below(request).order_by("path")
    if not units.exists():
        require_write(request.user, "")  # nobody below him: 403
    year = _year(request)
    form = QuotaAssignForm(
        request.POST or None,
        year=year,
        units=units,
        initial={"org_unit": request.GET.get("org_unit")},
    )
    return form_page(
        request,
        form=form,
        action=lambda: services.quota_assign(
            actor=request.user,
            org_unit=form.cleaned_data["org_unit"],
            call_up_year=form.cleaned_data["call_up_year"],
            number=form.cleaned_data["number"],
            decided_on=form.cleaned_data["decided_on"],
            decision_number=form.cleaned_data["decision_number"],
        ),
        success=lambda quota: (
            _("%(unit)s has a quota of %(number)s for %(year)s.")
            % {"unit": quota.org_unit.name, "number": quota.number, "year": quota.call_up_year}
        ),
        done_url=lambda _done: (
            f"{reverse('military_service:quota-tree')}?year={form.cleaned_data['call_up_year']}"
        ),
        title=_("Assign a call-up quota"),
        intro=_(
            "A unit hands down to its units only what is left of its own quota "
            "(Military Service Law, Article 34)."
        ),
        cancel_url=reverse("military_service:candidate-list"),
        template=FORM,
    )


def candidate_query(
    request: AuthedRequest,
) -> tuple[CallUpListFilterForm, QuerySet[CallUpCandidate]]:
    """The ranked lists of a year: the filter and the candidates."""
    form = CallUpListFilterForm(request.GET, units=commune_units(request), year=_year(request))
    candidates = candidate_list(
        user=request.user, call_up_year=form.value("year"), org_unit=form.value("org_unit")
    )
    return form, candidates


@login_required
@require_GET
def candidate_list_view(request: AuthedRequest) -> HttpResponse:
    """The ranked lists of a year, primary then reserve, per unit."""
    form, candidates = candidate_query(request)
    year = form.value("year")
    unit = form.value("org_unit")
    page = paginate(request, candidates)
    scope = scope_for(request.user)
    writable = {c.org_unit_id for c in page.items if scope.covers(c.org_unit.path, write=True)}
    # What the unit's list is at: nothing yet, proposed, approved (one query).
    statuses = (
        set(candidates.order_by().values_list("status", flat=True).distinct())
        if unit is not None
        else set()
    )
    approved = CandidateStatus.APPROVED in statuses
    return render_list(
        request,
        "military_service/candidate_list.html",
        "military_service/partials/candidate_rows.html",
        {
            "form": form,
            "year": year,
            "unit": unit,
            "page": page,
            "writable": writable,
            "can_build": unit is not None and not approved and scope.covers(unit.path, write=True),
            "can_issue": approved and unit is not None and scope.covers(unit.path, write=True),
            "can_approve": unit is not None
            and CandidateStatus.PROPOSED in statuses
            and unit.parent is not None
            and scope.covers(unit.parent.path, write=True),
            "primary": CandidateList.PRIMARY,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def candidate_list_build(request: AuthedRequest, unit_pk: int) -> HttpResponse:
    unit = unit_from(request, unit_pk)
    require_write(request.user, unit.path)
    form = CandidateListBuildForm(request.POST or None, year=_year(request))

    def built(rows: list[CallUpCandidate]) -> str:
        primary = sum(1 for c in rows if c.list_kind == CandidateList.PRIMARY)
        return _(
            "The list of %(unit)s was proposed: %(primary)s on the primary list, "
            "%(reserve)s on the reserve list."
        ) % {"unit": unit.name, "primary": primary, "reserve": len(rows) - primary}

    return form_page(
        request,
        form=form,
        action=lambda: services.call_up_list_build(
            actor=request.user,
            org_unit=unit,
            call_up_year=form.cleaned_data["call_up_year"],
            handover_on=form.cleaned_data["handover_on"],
        ),
        success=built,
        done_url=lambda _done: _list_url(unit, form.cleaned_data["call_up_year"]),
        title=_("Build the call-up list of %(unit)s") % {"unit": unit.name},
        intro=_(
            "The citizens who may be called up on the handover day are ranked by health, "
            "then education, then age; the first ones up to the quota make the primary "
            "list, the others the reserve list. A proposal not yet approved is replaced."
        ),
        cancel_url=reverse("military_service:candidate-list"),
        template=FORM,
    )


@login_required
@require_http_methods(["GET", "POST"])
def candidate_list_approve(request: AuthedRequest, unit_pk: int) -> HttpResponse:
    unit = unit_from(request, unit_pk)
    require_write(request.user, (unit.parent or unit).path)
    form = CandidateListApproveForm(request.POST or None, year=_year(request))
    return form_page(
        request,
        form=form,
        action=lambda: services.call_up_list_approve(
            actor=request.user,
            org_unit=unit,
            call_up_year=form.cleaned_data["call_up_year"],
            approved_on=form.cleaned_data["approved_on"],
        ),
        success=lambda rows: (
            _("The call-up list of %(unit)s for %(year)s was approved.")
            % {"unit": unit.name, "year": form.cleaned_data["call_up_year"]}
        ),
        done_url=lambda _done: _list_url(unit, form.cleaned_data["call_up_year"]),
        title=_("Approve the call-up list of %(unit)s") % {"unit": unit.name},
        intro=_("The unit above approves the list; its primary list must fill the quota."),
        cancel_url=reverse("military_service:candidate-list"),
        template=FORM,
    )


@login_required
@require_http_methods(["GET", "POST"])
def candidate_substitute(request: AuthedRequest, pk: int) -> HttpResponse:
    candidate = candidate_get(user=request.user, pk=pk)
    require_write(request.user, candidate.org_unit.path)
    form = SubstituteForm(request.POST or None)
    return form_page(
        request,
        form=form,
        action=lambda: services.call_up_candidate_substitute(
            actor=request.user,
            candidate=candidate,
            on=form.cleaned_data["on"],
            reason=form.cleaned_data["reason"],
        ),
        success=lambda substitute: (
            _("%(name)s takes the place of %(old)s.")
            % {"name": substitute.person.full_name, "old": candidate.person.full_name}
        ),
        done_url=lambda _done: _list_url(candidate.org_unit, candidate.call_up_year),
        title=_("Replace %(name)s from the reserve list") % {"name": candidate.person.full_name},
        intro=_(
            "He leaves the list and his call-up order is cancelled; the first citizen "
            "of the reserve list still free takes his place."
        ),
        cancel_url=reverse("military_service:candidate-list"),
        template=FORM,
    )


@login_required
@require_http_methods(["GET", "POST"])
def order_issue(request: AuthedRequest, pk: int) -> HttpResponse:
    candidate = candidate_get(user=request.user, pk=pk)
    require_write(request.user, candidate.org_unit.path)
    form = OrderIssueForm(request.POST or None)
    return form_page(
        request,
        form=form,
        action=lambda: services.call_up_order_issue(
            actor=request.user,
            candidate=candidate,
            issued_on=form.cleaned_data["issued_on"],
            report_on=form.cleaned_data["report_on"],
            report_place=form.cleaned_data["report_place"],
        ),
        success=lambda order: (
            _("Call-up order %(number)s was issued to %(name)s.")
            % {"number": order.number, "name": candidate.person.full_name}
        ),
        done_url=lambda _done: _list_url(candidate.org_unit, candidate.call_up_year),
        title=_("Call-up order for %(name)s") % {"name": candidate.person.full_name},
        cancel_url=reverse("military_service:candidate-list"),
        template=FORM,
    )


@login_required
@require_http_methods(["GET", "POST"])
def order_issue_all(request: AuthedRequest, unit_pk: int) -> HttpResponse:
    unit = unit_from(request, unit_pk)
    require_write(request.user, unit.path)
    form = OrderIssueAllForm(request.POST or None, year=_year(request))

    def issued(orders: list[CallUpOrder]) -> str:
        return _("%(count)s call-up orders were issued, %(first)s to %(last)s.") % {
            "count": len(orders),
            "first": orders[0].number,
            "last": orders[-1].number,
        }

    return form_page(
        request,
        form=form,
        action=lambda: services.call_up_order_issue_all(
            actor=request.user,
            org_unit=unit,
            call_up_year=form.cleaned_data["call_up_year"],
            issued_on=form.cleaned_data["issued_on"],
            report_on=form.cleaned_data["report_on"],
            report_place=form.cleaned_data["report_place"],
        ),
        success=issued,
        done_url=lambda _done: (
            f"{reverse('military_service:order-list')}?year="
            f"{form.cleaned_data['call_up_year']}&org_unit={unit.pk}"
        ),
        title=_("Issue the call-up orders of %(unit)s") % {"unit": unit.name},
        intro=_(
            "Every citizen of the approved primary list who has no order yet gets one, "
            "numbered in rank order."
        ),
        cancel_url=reverse("military_service:candidate-list"),
        template=FORM,
    )
