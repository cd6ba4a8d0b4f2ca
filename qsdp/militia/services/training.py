"""Days of training done by a member in a year (Luật DQTV 2019 Điều 28 khoản 1
sets the days required; ``selectors.training`` compares the two)."""

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from qsdp.core.audit import record_event
from qsdp.core.errors import DomainError
from qsdp.militia.errors import MilitiaErrorCode as Code
from qsdp.militia.models import MAX_TRAINING_DAYS, MilitiaMember, TrainingRecord
from qsdp.militia.services._common import guard, user_or_none


@transaction.atomic
def training_days_record(
    *, actor: Any, member: MilitiaMember, year: int, days_done: int
) -> TrainingRecord:
    """Record (or correct) the days a member trained in ``year``."""
    guard(actor, member.org_unit.path)
    if not 0 <= days_done <= MAX_TRAINING_DAYS:
        raise DomainError(
            Code.TRAINING_DAYS_INVALID,
            _("The days of training must be between 0 and %(max)s.") % {"max": MAX_TRAINING_DAYS},
            field="days_done",
        )
    last = member.left_on or member.term_end
    if not member.term_start.year <= year <= last.year:
        raise DomainError(
            Code.TRAINING_YEAR_OUTSIDE_TERM,
            _("%(year)s is outside the member's term (%(first)s–%(last)s).")
            % {"year": year, "first": member.term_start.year, "last": last.year},
            field="year",
        )
    record = TrainingRecord.objects.select_for_update().filter(member=member, year=year).first()
    before = record.days_done if record else None
    if record is not None and before == days_done:
        return record
    if record is None:
        record = TrainingRecord(member=member, year=year)
    record.days_done = days_done
    record.recorded_by = user_or_none(actor)
    record.full_clean(validate_constraints=False)
    record.save()
    record_event(
        actor=actor,
        verb="militia.training_recorded",
        target=record,
        person_id=member.person_id,
        changes={"year": [None, year], "days_done": [before, days_done]},
    )
    return record
