"""What every militia service shares: access, dates, months, how a rule's
answer is quoted in a refusal."""

from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from qsdp.accounts.scoping import require_write
from qsdp.core.errors import DomainError
from qsdp.military_service.rules.common import RuleResult, vn_date
from qsdp.militia.errors import MilitiaErrorCode as Code
from qsdp.people.models import Person


def guard(actor: Any, *paths: str) -> None:
    """403 unless ``actor`` may change records under one of ``paths`` (no actor: a loader)."""
    if actor is not None:
        require_write(actor, *paths)


def user_or_none(actor: Any) -> Any:
    return actor if getattr(actor, "pk", None) else None


def lock_person(person: Person) -> Person:
    """The person's row, locked until the transaction ends: one change at a time."""
    return Person.objects.select_for_update().select_related("org_unit").get(pk=person.pk)


def check_not_future(on: date, field: str) -> None:
    if on > timezone.localdate():
        raise DomainError(
            Code.DATE_IN_FUTURE,
            _("The date %(date)s is in the future.") % {"date": vn_date(on)},
            field=field,
        )


def quoted(answer: RuleResult) -> str:
    """The rules' explanation with its legal basis, to follow a colon:
    "công dân … (Luật DQTV 2019 Điều 8 khoản 1)"."""
    text = answer.explanation.rstrip(".")
    return f"{text[:1].lower()}{text[1:]} ({answer.legal_basis})"
