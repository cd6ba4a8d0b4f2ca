"""The military-service panel of the person page (registered in ``apps.py``
through ``qsdp.core.panels``, so the person app does not import this one)."""

from typing import Any

from django.urls import reverse

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import scope_for
from qsdp.military_service import rules
from qsdp.military_service.rules.cycle import EventKind
from qsdp.military_service.selectors import service_summary
from qsdp.people.models import Person

K = EventKind

# The page that records each event a user may start from the person page.
ACTION_URLS: dict[EventKind, tuple[str, str]] = {
    K.FIRST_REGISTRATION: ("military_service:first-registration-record", ""),
    K.SUPPLEMENTARY_REGISTRATION: ("military_service:supplementary-registration-record", ""),
    K.TEMPORARY_ABSENCE: ("military_service:temporary-absence-record", ""),
    K.ABSENCE_RETURN: ("military_service:absence-return-record", ""),
    K.PRE_SCREENING: ("military_service:pre-screening-record", ""),
    K.HEALTH_EXAM: ("military_service:health-exam-record", ""),
    K.EDUCATION_CHECK: ("military_service:education-check-record", ""),
    K.POLITICAL_CHECK: ("military_service:political-check-record", ""),
    K.DEFERRAL: ("military_service:deferral-decide", "?outcome=deferral"),
    K.EXEMPTION: ("military_service:deferral-decide", "?outcome=exemption"),
    K.DEFERRAL_ENDED: ("military_service:deferral-end", ""),
    K.ENLISTMENT: ("military_service:enlistment-record", ""),
    K.DISCHARGE: ("military_service:discharge-record", ""),
    K.RETURN_HOME: ("military_service:return-home-record", ""),
    K.RESERVE_REGISTRATION: ("military_service:reserve-registration-record", ""),
}


def service_panel(request: AuthedRequest, person: Person) -> dict[str, Any] | None:
    """The person's status today, his call-up age, his timeline and, for a user
    who may change his record, the events that may come next. Nothing for a
    woman with no military-service record."""
    summary = service_summary(user=request.user, person_id=person.pk)
    if person.sex != rules.Sex.MALE and not summary.timeline:
        return None
    actions = []
    if scope_for(request.user).covers(person.org_unit.path, write=True):
        for kind in summary.next_events:
            if kind in ACTION_URLS:
                name, query = ACTION_URLS[kind]
                actions.append(
                    {"label": kind.label, "url": reverse(name, args=[person.pk]) + query}
                )
    return {"summary": summary, "actions": actions}
