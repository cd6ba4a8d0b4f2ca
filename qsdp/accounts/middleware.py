"""The absolute session lifetime: however active, a session signed in through
the login page ends ``QSDP_SESSION_MAX_AGE_HOURS`` after the sign-in (the idle
timeout is Django's ``SESSION_COOKIE_AGE``)."""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse

# Set by the login flow (``qsdp.accounts.views``) when the session is established.
LOGIN_AT = "_qsdp_login_at"


class SessionMaxAgeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = request.session.get(LOGIN_AT)
        if (
            started is not None
            and time.time() - started > settings.QSDP_SESSION_MAX_AGE_HOURS * 3600
        ):
            logout(request)
            return redirect_to_login(request.get_full_path())
        return self.get_response(request)
