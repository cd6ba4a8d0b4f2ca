"""The militia panel of the person page (registered in ``apps.py`` through
``qsdp.core.panels``, so the person app does not import this one)."""

from typing import Any

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import scope_for
from qsdp.militia.selectors import person_militia
from qsdp.people.models import Person


def militia_panel(request: AuthedRequest, person: Person) -> dict[str, Any] | None:
    """The person's militia terms, deferrals and exemptions, registrations and
    completed service; for a user who may change his record, what can be done.
    The person page has read the person through its scoped selector."""
    record = person_militia(person=person)
    can_write = scope_for(request.user).covers(person.org_unit.path, write=True)
    if record.is_empty and not can_write:
        return None
    return {"record": record, "person": person, "can_write": can_write}
