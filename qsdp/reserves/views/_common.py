"""What the reserve pages share: dates and the unit filters. The list helpers
(a page of rows, the htmx fragment, the safe ``next``) are those of ``qsdp.core.lists``."""

from datetime import date

from django.db.models import QuerySet
from django.utils import timezone

from qsdp.accounts.http import AuthedRequest
from qsdp.core.lists import back_to, paginate, render_list
from qsdp.military_service.views._common import commune_units, read_units
from qsdp.orgunits.models import OrgUnit
from qsdp.people.forms import unit_choices

__all__ = [
    "back_to",
    "commune_units",
    "paginate",
    "render_list",
    "today",
    "writable_communes",
]


def today() -> date:
    return timezone.localdate()


def writable_communes(request: AuthedRequest) -> QuerySet[OrgUnit]:
    return unit_choices(read_units(request, write=True))
