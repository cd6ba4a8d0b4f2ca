"""Targets: the plan of a unit for a year, indicator by indicator, and how far
the registers have come towards it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from qsdp.accounts.http import AuthedRequest
from qsdp.core.errors import DomainError
from qsdp.core.forms import submitted
from qsdp.reporting.forms import TargetForm
from qsdp.reporting.gather import compute, indicator_functions
from qsdp.reporting.models import Target
from qsdp.reporting.registry import defs_by_area
from qsdp.reporting.selectors.dashboard import met
from qsdp.reporting.selectors.indicators import reporting_unit_get, targets_for
from qsdp.reporting.selectors.submissions import target_get
from qsdp.reporting.services.targets import target_delete, target_set, targets_copy_previous_year
from qsdp.reporting.views._common import can_command


@login_required
@require_http_methods(["GET", "POST"])
def target_list(request: AuthedRequest, unit_pk: int, year: int) -> HttpResponse:
    """ "Targets for <year>": every indicator grouped by area, each with its form."""
    unit = reporting_unit_get(user=request.user, pk=unit_pk)
    may_edit = can_command(request, unit)
    if request.method == "POST" and not may_edit:
        raise PermissionDenied(_("Only the staff of the supervising command may do this."))
    here = reverse("reporting:target-list", args=[unit.pk, year])
    posted = TargetForm(request.POST) if request.method == "POST" else None
    if posted is not None:
        done = submitted(
            request,
            posted,
            lambda: target_set(
                actor=request.user,
                org_unit=unit,
                year=year,
                indicator=posted.cleaned_data["indicator"],
                value=posted.cleaned_data["value"],
                basis=posted.cleaned_data["basis"],
            ),
        )
        if done is not None:
            messages.success(request, _("The target was saved."))
            return redirect(here)
    targets = {t.indicator: t for t in Target.objects.filter(org_unit=unit, year=year)}
    posted_code = posted.data.get("indicator") if posted is not None else None
    sections = []
    for _area, label, definitions in defs_by_area():
        rows = []
        for definition in definitions:
            target = targets.get(definition.code)
            if posted is not None and posted_code == definition.code:
                form = posted
            else:
                initial: dict[str, object] = {"indicator": definition.code}
                if target is not None:
                    initial.update(value=target.value, basis=target.basis)
                form = TargetForm(initial=initial, auto_id=f"id_{definition.code}_%s")
            rows.append({"definition": definition, "target": target, "form": form})
        sections.append((label, rows))
    return render(
        request,
        "reporting/target_list.html",
        {"unit": unit, "year": year, "sections": sections, "may_edit": may_edit},
    )


@login_required
@require_POST
def target_remove(request: AuthedRequest, pk: int) -> HttpResponse:
    target = target_get(user=request.user, pk=pk)
    target_delete(actor=request.user, target=target)
    messages.success(request, _("The target was removed."))
    return redirect("reporting:target-list", target.org_unit_id, target.year)


@login_required
@require_POST
def target_copy(request: AuthedRequest, unit_pk: int, year: int) -> HttpResponse:
    unit = reporting_unit_get(user=request.user, pk=unit_pk)
    try:
        copies = targets_copy_previous_year(actor=request.user, org_unit=unit, year=year)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("%(count)s targets were copied from %(year)s.")
            % {"count": len(copies), "year": year - 1},
        )
    return redirect("reporting:target-list", unit.pk, year)


@login_required
@require_GET
def target_progress(request: AuthedRequest, unit_pk: int, year: int) -> HttpResponse:
    """The unit's targets of ``year`` beside the values the registers give."""
    unit = reporting_unit_get(user=request.user, pk=unit_pk)
    targets = targets_for(org_unit=unit, year=year)
    # The unit's own values, of the indicators with a target only.
    computed = [code for code in targets if code in indicator_functions()]
    values = compute(org_unit=unit, year=year, codes=computed)
    sections = []
    for _area, label, definitions in defs_by_area():
        rows = []
        for definition in definitions:
            target = targets.get(definition.code)
            if target is None:
                continue
            value = values.get(definition.code)
            number = value.value if value is not None else None
            rows.append(
                {
                    "definition": definition,
                    "target": target,
                    "value": value,
                    "met": met(definition, number, target),
                }
            )
        if rows:
            sections.append((label, rows))
    return render(
        request,
        "reporting/target_progress.html",
        {"unit": unit, "year": year, "sections": sections},
    )
