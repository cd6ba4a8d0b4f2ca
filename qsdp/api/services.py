"""Every write to the API's tokens: one transaction, one audit event each."""

from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qsdp.accounts.models import User
from qsdp.accounts.scoping import scope_for
from qsdp.api import tokens
from qsdp.api.models import ApiToken
from qsdp.core.audit import record_event
from qsdp.core.errors import AccessDenied, DomainError

# last_used_at is bookkeeping: one write a minute is enough to tell a live token.
TOUCH_INTERVAL = timedelta(minutes=1)
MAX_TOKEN_DAYS = 366


@transaction.atomic
def api_token_create(
    *, actor: User, name: str, expires_on: date | None = None
) -> tuple[ApiToken, str]:
    """A new token of ``actor`` and its secret, which is never stored and is
    returned only here; it expires at the end of ``expires_on``."""
    name = name.strip()
    if not name:
        raise DomainError("api_token_name_required", _("Give the token a name."), field="name")
    today = timezone.localdate()
    expires_at: datetime | None = None
    if expires_on is not None:
        if expires_on <= today:
            raise DomainError(
                "api_token_expiry_past",
                _("The expiry date must be after today."),
                field="expires_on",
            )
        if expires_on > today + timedelta(days=MAX_TOKEN_DAYS):
            raise DomainError(
                "api_token_expiry_too_far",
                _("A token may last at most one year."),
                field="expires_on",
            )
        expires_at = timezone.make_aware(datetime.combine(expires_on, time.max))
    secret = tokens.new_secret()
    token = ApiToken(
        user=actor,
        name=name,
        prefix=tokens.secret_prefix(secret),
        secret_hash=tokens.secret_hash(secret),
        expires_at=expires_at,
    )
    token.full_clean(exclude=["created_at"], validate_constraints=False)
    token.save()
    record_event(
        actor=actor,
        verb="api_token.created",
        target=token,
        changes={"name": [None, token.name], "expires_at": [None, str(expires_on or "")]},
    )
    return token, secret


@transaction.atomic
def api_token_revoke(*, actor: User, token: ApiToken) -> ApiToken:
    """Revoke a token: its owner or an administrator may."""
    if token.user_id != actor.pk and not scope_for(actor).is_admin:
        raise AccessDenied(_("Only the token's owner or an administrator may revoke it."))
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is not None:
        raise DomainError("api_token_already_revoked", _("This token was already revoked."))
    token.revoked_at = timezone.now()
    token.revoked_by = actor
    token.save(update_fields=["revoked_at", "revoked_by"])
    record_event(
        actor=actor,
        verb="api_token.revoked",
        target=token,
        changes={"revoked_at": [None, token.revoked_at.isoformat()]},
    )
    return token


@transaction.atomic
def api_token_touch(*, token: ApiToken, now: datetime) -> None:
    """Note the use of a token, at most once a minute (a single conditional
    UPDATE, so concurrent requests do not pile up writes); not audited."""
    if token.last_used_at is not None and now - token.last_used_at < TOUCH_INTERVAL:
        return
    stale: Any = ApiToken.objects.filter(pk=token.pk).exclude(last_used_at__gt=now - TOUCH_INTERVAL)
    if stale.update(last_used_at=now):
        token.last_used_at = now
