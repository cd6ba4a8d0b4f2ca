"""What the awards services share: access, dates, the form in force."""

from datetime import date
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from qsdp.accounts.scoping import require_write
from qsdp.awards import access
from qsdp.awards.errors import AwardsErrorCode as Code
from qsdp.awards.models import AwardForm, AwardProposal, ProposalStatus
from qsdp.awards.rules import can_move
from qsdp.core.errors import DomainError
from qsdp.military_service.rules.common import vn_date


def guard(actor: Any, path: str) -> None:
    """403 unless ``actor`` may change records under ``path`` (no actor: a loader)."""
    if actor is not None:
        require_write(actor, path)


def guard_reviewer(actor: Any, path: str) -> None:
    if actor is not None:
        access.require_reviewer(actor, path)


def user_or_none(actor: Any) -> Any:
    return actor if getattr(actor, "pk", None) else None


def today() -> date:
    return timezone.localdate()


def in_force_q(start: date, end: date) -> Q:
    """Forms in force on some day of ``start``–``end``."""
    return Q(valid_from__lte=end) & (Q(valid_to__isnull=True) | Q(valid_to__gte=start))


def check_form_in_force(form: AwardForm, start: date, end: date, field: str = "form") -> None:
    if not AwardForm.objects.filter(in_force_q(start, end), pk=form.pk).exists():
        raise DomainError(
            Code.FORM_NOT_IN_FORCE,
            _("“%(form)s” is not in force on %(date)s.")
            % {"form": form.name, "date": vn_date(end)},
            field=field,
        )


def check_not_future(on: date, field: str) -> None:
    if on > today():
        raise DomainError(
            Code.DECISION_DATE,
            _("The date %(date)s is in the future.") % {"date": vn_date(on)},
            field=field,
        )


def move(proposal: AwardProposal, to: str, field: str | None = None) -> None:
    """Refuse a move the transition table does not allow."""
    if not can_move(proposal.status, to):
        raise DomainError(
            Code.TRANSITION,
            _("A proposal that is “%(current)s” cannot become “%(new)s”.")
            % {
                "current": ProposalStatus(proposal.status).label,
                "new": ProposalStatus(to).label,
            },
            field=field,
        )
    proposal.status = to
