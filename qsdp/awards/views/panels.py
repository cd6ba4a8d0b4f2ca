"""The award history panels of the person page and of the org-unit page
(registered in ``apps.py`` through ``qsdp.core.panels``, so neither app
imports this one)."""

from typing import Any

from qsdp.accounts.http import AuthedRequest
from qsdp.awards.selectors import awards_in_unit, awards_of_person
from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person

UNIT_PANEL_ROWS = 20


def person_awards_panel(request: AuthedRequest, person: Person) -> dict[str, Any] | None:
    """The person's decided awards; nothing when he has none."""
    awards = list(awards_of_person(user=request.user, person=person))
    return {"awards": awards} if awards else None


def unit_awards_panel(request: AuthedRequest, unit: OrgUnit) -> dict[str, Any] | None:
    """The latest awards counted in the unit's area; nothing when there are none."""
    awards = awards_in_unit(user=request.user, unit=unit, limit=UNIT_PANEL_ROWS)
    return {"awards": awards, "limit": UNIT_PANEL_ROWS} if awards else None
