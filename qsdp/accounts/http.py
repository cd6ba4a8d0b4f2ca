from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

from qsdp.accounts.models import User


class AuthedRequest(HttpRequest):
    """The request of a view behind ``login_required`` (for type checking)."""

    user: User  # type: ignore[assignment]
    htmx: HtmxDetails
