"""The overview of a year: the indicators of the user's area, and the lists."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from qsdp.accounts.http import AuthedRequest
from qsdp.military_service.forms import CallUpListFilterForm
from qsdp.military_service.indicators import IndicatorValue
from qsdp.military_service.selectors import indicator_overview
from qsdp.military_service.services.quotas import QUOTA_UNIT_KINDS
from qsdp.military_service.views._common import current_call_up_year, read_units

# What each indicator is called and where its records are listed.
LABELS: dict[str, tuple[Promise, str]] = {
    "call_up.quota": (_("Call-up quota"), "military_service:quota-tree"),
    "call_up.enlisted": (_("Handed over to the army"), "military_service:candidate-list"),
    "call_up.fulfilment_pct": (_("Quota fulfilled"), "military_service:candidate-list"),
    "first_registration.due": (
        _("Men turning 17 who must register"),
        "military_service:january-list",
    ),
    "first_registration.registered_pct": (
        _("Registered for the first time"),
        "military_service:registration-list",
    ),
    "health_exam.examined": (_("Examined"), "military_service:candidate-list"),
    "health_exam.fit_pct": (_("Of health class 1 to 3"), "military_service:candidate-list"),
    "returnees.count": (_("Soldiers back home"), "military_service:returnee-list"),
    "returnees.registered_on_time_pct": (
        _("Registered in the reserve on time"),
        "military_service:returnee-list",
    ),
}
# A percentage said in words, with what it is made of.
SENTENCES: dict[str, Promise] = {
    "call_up.fulfilment_pct": _("%(pct)s%% of the quota met (%(numerator)s/%(denominator)s)"),
    "first_registration.registered_pct": _("%(pct)s%% registered (%(numerator)s/%(denominator)s)"),
    "health_exam.fit_pct": _("%(pct)s%% of class 1 to 3 (%(numerator)s/%(denominator)s)"),
    "returnees.registered_on_time_pct": _(
        "%(pct)s%% registered on time (%(numerator)s/%(denominator)s)"
    ),
}


@dataclass(frozen=True)
class IndicatorCard:
    label: str | Promise
    figure: str  # "45" or "100%"
    sentence: str  # "Đạt 100% chỉ tiêu (45/45)"; empty for a count
    url: str


def _card(value: IndicatorValue, year: int) -> IndicatorCard:
    label, url_name = LABELS[value.code]
    sentence = ""
    if value.code in SENTENCES:
        pct = "—" if value.value is None else floatformat(value.value, -1)
        figure = "—" if value.value is None else f"{pct}%"
        sentence = str(SENTENCES[value.code]) % {
            "pct": pct,
            "numerator": value.numerator,
            "denominator": value.denominator,
        }
    else:
        figure = str(value.value)
    return IndicatorCard(
        label=label, figure=figure, sentence=sentence, url=f"{reverse(url_name)}?year={year}"
    )


@login_required
@require_GET
def overview(request: AuthedRequest) -> HttpResponse:
    units = read_units(request).filter(kind__in=QUOTA_UNIT_KINDS).order_by("path")
    form = CallUpListFilterForm(request.GET, units=units, year=current_call_up_year())
    year = form.value("year")
    areas = indicator_overview(user=request.user, year=year, org_unit=form.value("org_unit"))
    cards = [(area.unit, [_card(v, year) for v in area.values]) for area in areas]
    return render(
        request,
        "military_service/overview.html",
        {"form": form, "year": year, "areas": cards},
    )
