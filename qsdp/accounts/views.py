"""Signing in (password, then the authenticator code for whoever has one or
whose role requires one), signing out, and the user's own account page.
Failed logins at either step are counted by django-axes."""

import time
from typing import Any

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import update_session_auth_hash, user_login_failed
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from qsdp.accounts import twofactor
from qsdp.accounts.forms import CodeForm, LoginForm
from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.middleware import LOGIN_AT
from qsdp.accounts.models import User
from qsdp.accounts.services import (
    two_factor_disable,
    two_factor_enabled,
    two_factor_enrol,
    two_factor_new_recovery_codes,
    two_factor_required,
    two_factor_verify,
    user_password_change,
)
from qsdp.core.forms import submitted

# The password was right; the second step is still to come. Holds the user id,
# the authentication backend, where to go, when, the tries so far and, during
# enrolment, the new secret.
PENDING = "_qsdp_pending_login"
ENROL_SECRET = "_qsdp_enrol_secret"  # noqa: S105 (a session key)


def _establish(request: HttpRequest, user: User, backend: str) -> None:
    request.session.pop(PENDING, None)
    auth_login(request, user, backend=backend)
    request.session[LOGIN_AT] = time.time()


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        user = form.get_user()
        next_url = self.get_success_url()
        if not (two_factor_enabled(user) or two_factor_required(user)):
            _establish(self.request, user, user.backend)  # type: ignore[attr-defined]
            return HttpResponseRedirect(next_url)
        self.request.session[PENDING] = {
            "user": user.pk,
            "backend": user.backend,  # type: ignore[attr-defined]
            "next": next_url,
            "at": time.time(),
            "tries": 0,
        }
        step = "accounts:login-code" if two_factor_enabled(user) else "accounts:login-enrol"
        return redirect(step)


login = LoginView.as_view()


def _pending(request: HttpRequest) -> tuple[User, dict[str, Any]] | None:
    """The user between the two steps, while the password is fresh enough."""
    data = request.session.get(PENDING)
    if not data or time.time() - data["at"] > settings.QSDP_2FA_PENDING_SECONDS:
        request.session.pop(PENDING, None)
        return None
    user = User.objects.filter(pk=data["user"], is_active=True).first()
    return None if user is None else (user, data)


def _locked(request: HttpRequest, user: User) -> bool:
    """django-axes' lockout, for the second step too; the middleware answers."""
    credentials = {"username": user.get_username()}
    if AxesProxyHandler.is_locked(request, credentials):
        request.axes_locked_out = True  # type: ignore[attr-defined]
        request.axes_credentials = credentials  # type: ignore[attr-defined]
        request.session.pop(PENDING, None)
        return True
    return False


def _failed(request: HttpRequest, user: User, data: dict[str, Any]) -> HttpResponse | None:
    """Counts a wrong code with axes and in the pending login; after
    ``QSDP_2FA_MAX_TRIES`` the password must be given again."""
    user_login_failed.send(
        sender=__name__, credentials={"username": user.get_username()}, request=request
    )
    data["tries"] += 1
    request.session[PENDING] = data
    if getattr(request, "axes_locked_out", False):
        request.session.pop(PENDING, None)
        return HttpResponse(status=403)  # replaced by axes' lockout page
    if data["tries"] >= settings.QSDP_2FA_MAX_TRIES:
        request.session.pop(PENDING, None)
        messages.error(request, _("Too many wrong codes. Log in again."))
        return redirect("accounts:login")
    return None


@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
def login_code(request: HttpRequest) -> HttpResponse:
    pending = _pending(request)
    if pending is None or not two_factor_enabled(pending[0]):
        return redirect("accounts:login")
    user, data = pending
    if _locked(request, user):
        return HttpResponse(status=403)
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if two_factor_verify(user=user, code=form.cleaned_data["code"]):
            _establish(request, user, data["backend"])
            return HttpResponseRedirect(data["next"])
        stop = _failed(request, user, data)
        if stop is not None:
            return stop
        form.add_error("code", _("The code does not match."))
    return render(request, "accounts/login_code.html", {"form": form})


def _enrolment(request: HttpRequest, user: User, holder: dict[str, Any]) -> dict[str, Any]:
    """What the enrolment page shows: the QR code and the secret to type by hand."""
    secret = holder.setdefault("secret", twofactor.new_secret())
    uri = twofactor.provisioning_uri(secret, user.get_username())
    return {"secret": secret, "qr_svg": twofactor.qr_svg(uri)}


@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
def login_enrol(request: HttpRequest) -> HttpResponse:
    """A user whose role requires two-step sign-in and who has no authenticator
    sets one up before the session is established."""
    pending = _pending(request)
    if pending is None or two_factor_enabled(pending[0]):
        return redirect("accounts:login")
    user, data = pending
    if _locked(request, user):
        return HttpResponse(status=403)
    context = _enrolment(request, user, data)
    request.session[PENDING] = data
    form = CodeForm(request.POST if request.method == "POST" else None)
    codes = submitted(
        request,
        form,
        lambda: two_factor_enrol(
            actor=user, user=user, secret=data["secret"], code=form.cleaned_data["code"]
        ),
    )
    if codes is not None:
        _establish(request, user, data["backend"])
        return render(
            request, "accounts/recovery_codes.html", {"codes": codes, "next": data["next"]}
        )
    if request.method == "POST" and form.is_bound and form.errors:
        stop = _failed(request, user, data)
        if stop is not None:
            return stop
    return render(request, "accounts/login_enrol.html", {"form": form, **context})


@login_required
@require_http_methods(["GET", "POST"])
def account(request: AuthedRequest) -> HttpResponse:
    """The user's own account: two-step sign-in on or off, new recovery codes.
    Every role may manage its own sign-in (it changes no register data)."""
    user = request.user
    enabled = two_factor_enabled(user)
    action = request.POST.get("action", "")
    holder = request.session.get(ENROL_SECRET) or {}
    context: dict[str, Any] = {
        "enabled": enabled,
        "required": two_factor_required(user),
        "remaining_codes": user.recovery_codes.filter(used_at__isnull=True).count(),
    }
    form = CodeForm(request.POST if request.method == "POST" else None)
    if not enabled:
        context.update(_enrolment(request, user, holder))
        request.session[ENROL_SECRET] = holder
        codes = submitted(
            request,
            form,
            lambda: two_factor_enrol(
                actor=user, user=user, secret=holder["secret"], code=form.cleaned_data["code"]
            ),
        )
        if codes is not None:
            request.session.pop(ENROL_SECRET, None)
            return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": ""})
    elif action == "recovery_codes" and request.method == "POST":
        codes = two_factor_new_recovery_codes(actor=user, user=user)
        return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": ""})
    elif request.method == "POST":
        done = submitted(
            request,
            form,
            lambda: (
                two_factor_disable(actor=user, user=user, code=form.cleaned_data["code"]) or True
            ),
        )
        if done:
            messages.success(request, _("Two-step sign-in is turned off."))
            return redirect("accounts:account")
    context["form"] = form
    return render(request, "accounts/account.html", context)


# POST only (Django's LogoutView refuses GET): a link cannot sign anyone out.
logout = auth_views.LogoutView.as_view()


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's view, with the change written to the audit trail."""

    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:password-change-done")

    def form_valid(self, form: PasswordChangeForm) -> HttpResponse:
        user = user_password_change(actor=self.request.user, form=form)  # type: ignore[arg-type]
        update_session_auth_hash(self.request, user)  # the session survives the change
        return HttpResponseRedirect(self.get_success_url())


password_change = PasswordChangeView.as_view()

password_change_done = auth_views.PasswordChangeDoneView.as_view(
    template_name="accounts/password_change_done.html",
)
