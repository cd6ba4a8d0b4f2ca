"""Writes to accounts made outside the admin (the admin audits its own, see
``qsdp.core.admin.AuditedModelAdmin``)."""

from django.contrib.auth.forms import PasswordChangeForm
from django.db import transaction

from qsdp.accounts.models import User
from qsdp.core.audit import record_event


@transaction.atomic
def user_password_change(*, actor: User, form: PasswordChangeForm) -> User:
    """Saves the new password of a validated form; the event never holds it."""
    user: User = form.save()
    record_event(actor=actor, verb="user.password_changed", target=user)
    return user
