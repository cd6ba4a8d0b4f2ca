"""Writes to accounts made outside the admin (the admin audits its own, see
``qsdp.core.admin.AuditedModelAdmin``)."""

import time

from django.conf import settings
from django.contrib.auth.forms import PasswordChangeForm
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qsdp.accounts import twofactor
from qsdp.accounts.models import RecoveryCode, TwoFactorDevice, User
from qsdp.accounts.scoping import scope_for
from qsdp.core.audit import record_event
from qsdp.core.errors import DomainError


@transaction.atomic
def user_password_change(*, actor: User, form: PasswordChangeForm) -> User:
    """Saves the new password of a validated form; the event never holds it."""
    user: User = form.save()
    record_event(actor=actor, verb="user.password_changed", target=user)
    return user


def two_factor_required(user: User) -> bool:
    """Command staff and administrators must sign in with a second factor."""
    required = set(settings.QSDP_2FA_REQUIRED_ROLES)
    return bool(user.is_superuser or scope_for(user).roles & required)


def two_factor_enabled(user: User) -> bool:
    return TwoFactorDevice.objects.filter(user=user, confirmed_at__isnull=False).exists()


def _replace_recovery_codes(user: User) -> list[str]:
    codes = twofactor.new_recovery_codes()
    RecoveryCode.objects.filter(user=user).delete()
    RecoveryCode.objects.bulk_create(
        RecoveryCode(user=user, code_hash=twofactor.recovery_hash(code)) for code in codes
    )
    return codes


@transaction.atomic
def two_factor_enrol(*, actor: User, user: User, secret: str, code: str) -> list[str]:
    """Confirms the authenticator holding ``secret`` with one of its codes and
    returns fresh recovery codes (shown once; only their hashes are kept)."""
    step = twofactor.matching_step(secret, code)
    if step is None:
        raise DomainError(
            "two_factor_wrong_code",
            _("The code does not match. Check the time on your phone and try again."),
            field="code",
        )
    TwoFactorDevice.objects.update_or_create(
        user=user,
        defaults={"secret": secret, "confirmed_at": timezone.now(), "last_step": step},
    )
    codes = _replace_recovery_codes(user)
    record_event(actor=actor, verb="user.two_factor_enabled", target=user)
    return codes


@transaction.atomic
def two_factor_verify(*, user: User, code: str, now: float | None = None) -> bool:
    """True when ``code`` is the current authenticator code (not used before) or
    an unused recovery code, which is then spent."""
    device = (
        TwoFactorDevice.objects.select_for_update()
        .filter(user=user, confirmed_at__isnull=False)
        .first()
    )
    if device is None:
        return False
    step = twofactor.matching_step(device.secret, code, now=time.time() if now is None else now)
    if step is not None:
        if device.last_step is not None and step <= device.last_step:
            return False  # a replayed code
        device.last_step = step
        device.save(update_fields=["last_step"])
        return True
    spent = RecoveryCode.objects.filter(
        user=user, code_hash=twofactor.recovery_hash(code), used_at__isnull=True
    ).update(used_at=timezone.now())
    if spent:
        record_event(actor=user, verb="user.recovery_code_used", target=user)
    return bool(spent)


@transaction.atomic
def two_factor_disable(*, actor: User, user: User, code: str) -> None:
    """Removes the authenticator; refused where the role requires it."""
    if two_factor_required(user):
        raise DomainError(
            "two_factor_required",
            _("Your role requires two-step sign-in; it cannot be turned off."),
        )
    if not two_factor_verify(user=user, code=code):
        raise DomainError("two_factor_wrong_code", _("The code does not match."), field="code")
    TwoFactorDevice.objects.filter(user=user).delete()
    RecoveryCode.objects.filter(user=user).delete()
    record_event(actor=actor, verb="user.two_factor_disabled", target=user)


@transaction.atomic
def two_factor_new_recovery_codes(*, actor: User, user: User) -> list[str]:
    if not two_factor_enabled(user):
        raise DomainError("two_factor_not_enabled", _("Two-step sign-in is not turned on."))
    codes = _replace_recovery_codes(user)
    record_event(actor=actor, verb="user.recovery_codes_renewed", target=user)
    return codes
