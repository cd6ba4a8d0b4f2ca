"""Standing militia recognised as completed active military service in peacetime
(Luật NVQS 2015 Điều 4 khoản 4 điểm a).

The military-service register has no event of this kind, so the recognition is
a record of the militia register (``ServiceCompletion``)."""

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from qsdp.core.audit import record_event
from qsdp.core.errors import DomainError
from qsdp.core.locks import ensure_period_open
from qsdp.core.text import nfc
from qsdp.military_service.rules.common import vn_date
from qsdp.militia import rules
from qsdp.militia.errors import MilitiaErrorCode as Code
from qsdp.militia.models import MilitiaMember, MilitiaTypeChoices, ServiceCompletion
from qsdp.militia.selectors.members import standing_months
from qsdp.militia.services._common import (
    check_not_future,
    guard,
    lock_person,
    quoted,
    user_or_none,
)


@transaction.atomic
def service_completion_record(
    *,
    actor: Any,
    member: MilitiaMember,
    recognised_on: date,
    decision_number: str = "",
    decided_by: str = "",
) -> ServiceCompletion:
    """Record that a standing militia member's service counts as completed active
    service: 24 months or more of standing militia service."""
    guard(actor, member.org_unit.path)
    ensure_period_open(org_unit=member.org_unit, on=recognised_on, field="recognised_on")
    person = lock_person(member.person)
    check_not_future(recognised_on, "recognised_on")
    if member.militia_type != MilitiaTypeChoices.STANDING:
        raise DomainError(
            Code.NOT_STANDING_MILITIA,
            _("Only service in the standing militia counts as active military service."),
        )
    existing = ServiceCompletion.objects.filter(person=person).first()
    if existing is not None:
        raise DomainError(
            Code.ALREADY_RECOGNISED,
            _("The service of %(name)s was already recognised on %(date)s.")
            % {"name": person.full_name, "date": vn_date(existing.recognised_on)},
        )
    months = standing_months(person_id=person.pk, on=recognised_on)
    answer = rules.military_service_completion(standing_militia_months=months, on=recognised_on)
    if not answer.recognised_as_completed_active_service:
        raise DomainError(
            Code.SERVICE_TOO_SHORT,
            _("Cannot recognise completed active service on %(date)s: %(why)s.")
            % {"date": vn_date(recognised_on), "why": quoted(answer)},
            field="recognised_on",
        )
    completion = ServiceCompletion(
        person=person,
        member=member,
        org_unit=member.org_unit,
        standing_months=months,
        recognised_on=recognised_on,
        decision_number=decision_number.strip(),
        decided_by=nfc(decided_by),
        legal_basis=answer.legal_basis,
        created_by=user_or_none(actor),
    )
    completion.full_clean(validate_unique=False)
    completion.save()
    record_event(
        actor=actor,
        verb="militia.active_service_completed",
        target=completion,
        person_id=person.pk,
        changes={
            "standing_months": [None, months],
            "recognised_on": [None, recognised_on.isoformat()],
        },
    )
    return completion
