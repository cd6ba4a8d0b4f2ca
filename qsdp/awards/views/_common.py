"""What the awards pages share: the units of the user's area, the form page."""

from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils import timezone

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import require_write, units_in_scope
from qsdp.militia.views._common import form_page as militia_form_page
from qsdp.orgunits.models import COMMUNE_LEVEL_KINDS, OrgUnit, OrgUnitKind
from qsdp.orgunits.selectors import open_on

T = TypeVar("T")
FORM_PAGE = "awards/form_page.html"
# The units that propose and decide: administrative units above the village.
AWARD_UNIT_KINDS = (OrgUnitKind.PROVINCE, OrgUnitKind.DISTRICT, *COMMUNE_LEVEL_KINDS)


def award_units(request: AuthedRequest, *, write: bool = False) -> QuerySet[OrgUnit]:
    return (
        units_in_scope(request.user, write=write)
        .filter(open_on(timezone.localdate()), kind__in=AWARD_UNIT_KINDS)
        .order_by("level", "name", "id")
    )


def deciding_units(request: AuthedRequest) -> QuerySet[OrgUnit]:
    """Every unit the user may change, commands included (a command's
    commander decides his own awards)."""
    return (
        units_in_scope(request.user, write=True)
        .filter(open_on(timezone.localdate()))
        .exclude(kind=OrgUnitKind.VILLAGE)
        .order_by("level", "name", "id")
    )


def require_some_unit(request: AuthedRequest) -> QuerySet[OrgUnit]:
    units = award_units(request, write=True)
    if not units.exists():
        require_write(request.user, "")  # raises 403
    return units


def form_page(
    request: AuthedRequest,
    *,
    form: forms.Form,
    action: Callable[[], T],
    success: Callable[[T], str],
    done_url: Callable[[T], str],
    title: str,
    cancel_url: str,
    intro: str = "",
) -> HttpResponse:
    return militia_form_page(
        request,
        form=form,
        action=action,
        success=success,
        done_url=done_url,
        title=title,
        cancel_url=cancel_url,
        intro=intro,
        template=FORM_PAGE,
    )
