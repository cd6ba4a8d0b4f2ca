"""The dashboard of a unit and year, and the drill-down behind each of its
numbers. The charts are drawn by ``reporting/dashboard.js`` from the data the
page carries in ``json_script`` elements; the tables say the same without JS."""

from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import scope_for
from qsdp.core.lists import paginate
from qsdp.militia.forms import FIRST_YEAR, LAST_YEAR
from qsdp.orgunits.models import OrgUnit
from qsdp.reporting.drilldown import DENOMINATOR, DRILLDOWNS, NUMERATOR
from qsdp.reporting.registry import INDICATOR_DEFS
from qsdp.reporting.selectors.dashboard import (
    Dashboard,
    dashboard_get,
    dashboard_units,
    default_unit,
    drilldown_get,
    drilldown_rows,
    ranking_codes,
)


class DashboardForm(forms.Form):
    """The GET filter of the dashboard: a field with a bad value falls back to
    its default (the others keep theirs)."""

    year = forms.IntegerField(
        label=gettext_lazy("Year"), min_value=FIRST_YEAR, max_value=LAST_YEAR, required=False
    )
    unit = forms.ModelChoiceField(
        label=gettext_lazy("Unit"), queryset=OrgUnit.objects.none(), required=False
    )
    ranked = forms.ChoiceField(label=gettext_lazy("Rank the units by"), required=False)

    def __init__(self, data: Any, *, units: Any, unit: OrgUnit | None) -> None:
        super().__init__(data)
        self.defaults = {"year": timezone.localdate().year, "unit": unit}
        unit_field: Any = self.fields["unit"]
        unit_field.queryset = units
        unit_field.empty_label = None
        ranked: Any = self.fields["ranked"]
        ranked.choices = [(code, INDICATOR_DEFS[code].label) for code in ranking_codes()]

    def value(self, name: str) -> Any:
        self.is_valid()
        found = self.cleaned_data.get(name)
        return self.defaults.get(name) if found in (None, "") else found


def _require_area(request: AuthedRequest) -> OrgUnit:
    """The user's top unit, or 403 for a role that reads no register (an auditor)."""
    unit = default_unit(user=request.user)
    if not scope_for(request.user).read_paths or unit is None:
        raise PermissionDenied(_("Your role does not read the registers' figures."))
    return unit


def drilldown_url(code: str, unit: OrgUnit, year: int, part: str = "") -> str:
    query = {"year": year, "unit": unit.pk, **({"part": part} if part else {})}
    return f"{reverse('reporting:drilldown', args=[code])}?{urlencode(query)}"


def _number(value: Decimal | int | None) -> float | None:
    return None if value is None else float(value)


def _charts(dashboard: Dashboard) -> dict[str, Any]:
    """What ``dashboard.js`` draws: plain numbers, labels and the drill-down links."""
    unit, year = dashboard.unit, dashboard.year
    shares = [row for group in dashboard.groups for row in group.rows if row.definition.is_percent]
    ranking = dashboard.ranking
    yoy = dashboard.year_on_year
    return {
        "targets": {
            "labels": [str(row.definition.label) for row in shares],
            "values": [_number(row.value.value) for row in shares],
            "targets": [_number(row.target) for row in shares],
            "urls": [drilldown_url(row.code, unit, year) for row in shares],
            "value_label": _("Value (%)"),
            "target_label": _("Target (%)"),
        },
        "ranking": {
            "labels": [ranked.unit.name for ranked in ranking.units],
            "values": [_number(ranked.value.value) for ranked in ranking.units],
            "urls": [drilldown_url(ranking.definition.code, r.unit, year) for r in ranking.units],
            "value_label": str(ranking.definition.label),
        },
        "years": {
            "labels": [str(y) for y in yoy.years],
            "series": [
                {
                    "label": str(row.definition.label),
                    "values": [_number(value.value) for _y, value in row.values],
                    "urls": [drilldown_url(row.definition.code, unit, y) for y, _v in row.values],
                }
                for row in yoy.rows
            ],
        },
    }


@login_required
@require_GET
def dashboard_view(request: AuthedRequest) -> HttpResponse:
    """Every indicator of a unit for a year against its target, the children
    ranked, the main indicators over four years; 404 for a unit out of scope."""
    top = _require_area(request)
    form = DashboardForm(request.GET, units=dashboard_units(user=request.user), unit=top)
    if not form.is_valid() and "unit" in form.errors:
        raise Http404(_("No such record in your area."))
    unit: OrgUnit = form.value("unit")
    dashboard = dashboard_get(
        user=request.user, org_unit=unit, year=form.value("year"), ranked=form.value("ranked") or ""
    )
    return render(
        request,
        "reporting/dashboard.html",
        {
            "title": _("Dashboard"),
            "form": form,
            "dashboard": dashboard,
            "charts": _charts(dashboard),
            "action": reverse("reporting:dashboard"),
            "drilldowns": DRILLDOWNS,
        },
    )


@login_required
@require_GET
def drilldown_view(request: AuthedRequest, code: str) -> HttpResponse:
    """The records behind one indicator of a unit and year, a part (numerator or
    denominator) at a time, paginated; 404 for an unknown code or a unit out of scope."""
    top = _require_area(request)
    if code not in DRILLDOWNS or code not in INDICATOR_DEFS:
        raise Http404(_("No such indicator."))
    form = DashboardForm(request.GET, units=dashboard_units(user=request.user), unit=top)
    unit_pk = request.GET.get("unit") or top.pk
    try:
        unit_pk = int(unit_pk)
    except ValueError:
        raise Http404(_("No such record in your area.")) from None
    page_data = drilldown_get(
        user=request.user,
        code=code,
        org_unit_pk=unit_pk,
        year=form.value("year"),
        part=request.GET.get("part", NUMERATOR),
    )
    page = paginate(request, page_data.parts[page_data.part].rows)
    rows = drilldown_rows(user=request.user, page=page_data, items=list(page.items))
    definition = page_data.definition
    tabs = [
        {
            "name": name,
            "label": definition.numerator if name == NUMERATOR else definition.denominator,
            "total": page_data.totals[name],
            "url": drilldown_url(code, page_data.unit, page_data.year, name),
            "current": name == page_data.part,
        }
        for name in (NUMERATOR, DENOMINATOR)
        if name in page_data.parts
    ]
    return render(
        request,
        "reporting/dashboard_drilldown.html",
        {
            "title": definition.label,
            "drill": page_data,
            "tabs": tabs,
            "page": page,
            "rows": rows,
            "people": page_data.parts[page_data.part].people,
            "back_url": reverse("reporting:dashboard")
            + "?"
            + urlencode({"year": page_data.year, "unit": page_data.unit.pk}),
        },
    )
