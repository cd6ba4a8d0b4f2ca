from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy


class LoginForm(AuthenticationForm):
    """Django's login form with our own wording; it says nothing about which of
    the two fields was wrong."""

    username = forms.CharField(
        label=_("Username"),
        widget=forms.TextInput(
            attrs={"autofocus": True, "autocomplete": "username", "autocapitalize": "none"}
        ),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    error_messages = {
        "invalid_login": _("Wrong username or password."),
        "inactive": _("This account has been disabled. Ask your administrator."),
    }


# Django 5.2 asks for this message with "%d" while its Vietnamese catalogue has
# it with "%(min_length)d", so it would show in English. Marked here for
# makemessages, it is translated in our catalogue.
DJANGO_MESSAGES_MISSING_IN_VI = (
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        "min_length",
    ),
)


class CodeForm(forms.Form):
    """The second step: a code from the authenticator app, or a recovery code."""

    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_("The 6 digits shown in your authenticator app, or one of your recovery codes."),
        widget=forms.TextInput(
            attrs={"autofocus": True, "autocomplete": "one-time-code", "autocapitalize": "none"}
        ),
    )
