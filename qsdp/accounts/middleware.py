"""Session lifetimes. The absolute one: however active, a session signed in
through the login page ends ``QSDP_SESSION_MAX_AGE_HOURS`` after the sign-in.
The idle one is Django's ``SESSION_COOKIE_AGE``, pushed back as the user works."""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse

# Set by the login flow (``qsdp.accounts.views``) when the session is established.
LOGIN_AT = "_qsdp_login_at"
# When a request last pushed the idle expiry back.
TOUCHED_AT = "_qsdp_touched_at"
# Pushing the expiry back writes the session row. Once a minute is enough for a
# 30-minute idle timeout, and spares every page a write and a commit.
TOUCH_EVERY_S = 60


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


class SessionTouchMiddleware:
    """Pushes the idle expiry of a signed-in session back at most once a minute
    (instead of ``SESSION_SAVE_EVERY_REQUEST``, which writes on every page)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = request.session
        if session.session_key and not session.is_empty():
            now = time.time()
            if now - session.get(TOUCHED_AT, 0) >= TOUCH_EVERY_S:
                session[TOUCHED_AT] = now  # marks it modified: saved with a new expiry
        return response
