"""The yearly review of the reserve (rà soát): per reservist, residence, health and
specialty confirmed, then kept, re-arranged or removed (DOMAIN.md §2: annual
practice, no statutory cadence [U])."""

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from qsdp.core.audit import record_event, snapshot
from qsdp.core.errors import DomainError
from qsdp.core.locks import ensure_period_open
from qsdp.core.text import nfc
from qsdp.reserves.errors import ReserveErrorCode as Code
from qsdp.reserves.limits import age_limit
from qsdp.reserves.models import ReserveReview, Reservist, ReviewOutcome
from qsdp.reserves.services._common import (
    check_in_register,
    check_not_future,
    guard,
    lock_reservist,
    save_new,
    user_or_none,
)
from qsdp.reserves.services.reservists import remove

REVIEW_FIELDS = (
    "year", "reviewed_on", "residence_confirmed", "health_confirmed", "specialty_confirmed",
    "outcome", "note",
)  # fmt: skip


@transaction.atomic
def reserve_review_record(
    *,
    actor: Any,
    reservist: Reservist,
    year: int,
    reviewed_on: date,
    residence_confirmed: bool,
    health_confirmed: bool,
    specialty_confirmed: bool,
    outcome: str,
    note: str = "",
    removal_reason: str = "",
) -> ReserveReview:
    """Record the review of ``reservist`` for ``year``. The outcome "remove" also
    removes him from the reserve on ``reviewed_on`` for ``removal_reason``, in
    the same transaction and audit event; "keep" is refused for a reservist past
    his age limit."""
    guard(actor, reservist.person.org_unit.path)
    ensure_period_open(org_unit=reservist.managed_by, on=reviewed_on, field="reviewed_on")
    reservist = lock_reservist(reservist)
    check_not_future(reviewed_on, "reviewed_on")
    if reviewed_on.year != year:
        raise DomainError(
            Code.REVIEW_YEAR,
            _("The review of %(year)s is dated in %(year)s.") % {"year": year},
            field="reviewed_on",
        )
    check_in_register(reservist, reviewed_on, "reviewed_on")
    if ReserveReview.objects.filter(reservist=reservist, year=year).exists():
        raise DomainError(
            Code.ALREADY_REVIEWED,
            _("%(name)s has already been reviewed for %(year)s.")
            % {"name": reservist.person, "year": year},
        )
    person = reservist.person
    limit = age_limit(
        sex=person.sex, birth_date=person.birth_date, rank_group=reservist.rank_group,
        rank=reservist.rank, on=reviewed_on,
    )  # fmt: skip
    if outcome != ReviewOutcome.REMOVE and not limit.within:
        raise DomainError(
            Code.PAST_AGE_LIMIT,
            _("%(name)s is to be removed from the reserve: %(reason)s.")
            % {"name": person, "reason": limit.sentence},
            field="outcome",
        )
    review = ReserveReview(
        reservist=reservist,
        year=year,
        reviewed_on=reviewed_on,
        residence_confirmed=residence_confirmed,
        health_confirmed=health_confirmed,
        specialty_confirmed=specialty_confirmed,
        outcome=outcome,
        note=nfc(note),
        recorded_by=user_or_none(actor),
    )
    save_new(review)
    changes = {k: [None, v] for k, v in snapshot(review, REVIEW_FIELDS).items() if v != ""}
    if outcome == ReviewOutcome.REMOVE:
        changes |= remove(reservist, on=reviewed_on, reason=removal_reason, note=note)
        changes["removed_on"] = [None, reviewed_on.isoformat()]
        changes["removal_reason"] = [None, removal_reason]
    record_event(
        actor=actor,
        verb="reserve_review.recorded",
        target=review,
        person_id=reservist.person_id,
        changes=changes,
    )
    return review
