"""The reserve panel of the person page (registered in ``apps.py`` through
``qsdp.core.panels``, so the person app does not import this one)."""

from typing import Any

from django.urls import reverse

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import scope_for
from qsdp.military_service.rules.common import age_on
from qsdp.people.models import Person
from qsdp.reserves.selectors import reservist_of_person, returnees_awaiting
from qsdp.reserves.selectors.reservists import current_arrangements
from qsdp.reserves.views._common import today

ADULT_AGE = 18  # the reserve starts at "đủ 18 tuổi" (Luật NVQS 2015 Điều 25)


def reserve_panel(request: AuthedRequest, person: Person) -> dict[str, Any] | None:
    """The person's place in the reserve register; for a user who may change his
    record and a person not yet in it, the way in. Nothing for a person under 18."""
    reservist = reservist_of_person(user=request.user, person=person)
    can_write = scope_for(request.user).covers(person.org_unit.path, write=True)
    if reservist is None:
        if not can_write or age_on(person.birth_date, today()) < ADULT_AGE:
            return None
        awaiting = returnees_awaiting(user=request.user).filter(pk=person.pk).exists()
        return {
            "reservist": None,
            "create_url": reverse("reserves:reservist-create", args=[person.pk]),
            "returnee_url": (
                reverse("reserves:returnee-register", args=[person.pk]) if awaiting else ""
            ),
        }
    arranged = (
        type(reservist)
        .objects.filter(pk=reservist.pk)
        .prefetch_related(current_arrangements(today()))
        .get()
        .current  # type: ignore[attr-defined]
    )
    return {
        "reservist": reservist,
        "current": arranged[0] if arranged else None,
        "detail_url": reverse("reserves:reservist-detail", args=[reservist.pk]),
    }
