"""Reads of the API's tokens, and the few reads the registers' selectors do not offer yet."""

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from qsdp.accounts.models import User
from qsdp.api import tokens
from qsdp.api.models import ApiToken
from qsdp.military_service.models import ServiceEvent
from qsdp.people.models import Person
from qsdp.people.selectors import person_get


def api_token_list(*, user: User) -> QuerySet[ApiToken]:
    """The user's own tokens, newest first."""
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-id")


def api_token_get(*, user: User, pk: int) -> ApiToken:
    """One of the user's own tokens, else 404 (an administrator revokes others' in the admin)."""
    try:
        return api_token_list(user=user).get(pk=pk)
    except ApiToken.DoesNotExist:
        raise Http404(_("No such token.")) from None


def api_token_for_secret(secret: str) -> ApiToken | None:
    """The token whose secret this is, whatever its state, else None.

    The row is found by its prefix and the digests are compared in constant
    time, so response times do not tell how much of a guess was right."""
    if not secret.startswith(f"{tokens.SCHEME}_"):
        return None
    candidates = ApiToken.objects.filter(prefix=tokens.secret_prefix(secret)).select_related("user")
    for token in candidates:
        if tokens.hash_matches(secret, token.secret_hash):
            return token
    return None


def person_service_events(*, user: User, person_id: int) -> tuple[Person, QuerySet[ServiceEvent]]:
    """A person the user may see (else 404) and his military-service events,
    oldest first, cancelled ones included (they are part of the record)."""
    person = person_get(user=user, pk=person_id)
    events = (
        ServiceEvent.objects.filter(person=person)
        .select_related("org_unit", "health_exam")
        .order_by("occurred_on", "id")
    )
    return person, events
