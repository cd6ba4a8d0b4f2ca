"""The reserve register: recording a reservist, changing him, removing him
(giải ngạch, Luật NVQS 2015 Điều 29), and the hand-over of a returnee from the
military-service register (Điều 18)."""

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from qsdp.core.audit import snapshot
from qsdp.core.errors import DomainError
from qsdp.core.locks import ensure_period_open
from qsdp.core.rule_inputs import RuleInputError
from qsdp.core.text import nfc
from qsdp.military_service.rules.common import vn_date
from qsdp.people.models import Person
from qsdp.reserves import rules
from qsdp.reserves.errors import ReserveErrorCode as Code
from qsdp.reserves.limits import OFFICER_RANKS, age_limit
from qsdp.reserves.models import (
    Arrangement,
    RankGroup,
    RemovalReason,
    Reservist,
    Source,
)
from qsdp.reserves.services._common import (
    audit_changed,
    audit_created,
    check_not_future,
    guard,
    lock_reservist,
    save_new,
    user_or_none,
)


@dataclass(frozen=True)
class ReservistData:
    """The fields of a reservist that a user types (the class comes from the rules)."""

    rank_group: str = RankGroup.NCO_OR_SOLDIER
    rank: str = ""
    specialty_code: str = ""
    specialty_name: str = ""
    health_class: int | None = None

    def normalised(self) -> "ReservistData":
        return ReservistData(
            rank_group=self.rank_group,
            rank=self.rank,
            specialty_code=self.specialty_code.strip().upper(),
            specialty_name=nfc(self.specialty_name),
            health_class=self.health_class,
        )


@dataclass(frozen=True)
class ClassFacts:
    """What ``rules.reserve_class`` needs to know of the person's history."""

    source: str
    active_service_months: float | None = None
    combat_experience: bool = False
    police_service_months: float | None = None
    standing_militia_months: float | None = None
    concentrated_training_months: float | None = None


FIELDS = (
    "reserve_class", "rank_group", "rank", "specialty_code", "specialty_name", "health_class",
    "registered_on", "source", "managed_by",
)  # fmt: skip
EDITABLE = ("reserve_class", *tuple(ReservistData.__dataclass_fields__))
REMOVAL_FIELDS = ("removed_on", "removal_reason", "removal_note")

FACT_LABELS = {
    "active_service_months": gettext_lazy("months of active service"),
    "police_service_months": gettext_lazy("months of service in the police"),
    "standing_militia_months": gettext_lazy("months as standing militia"),
    "concentrated_training_months": gettext_lazy("months of concentrated training"),
}

_FEMALE_ONLY = {Source.FEMALE_REGISTERED_FOR_MILITARY_SERVICE}
_MALE_ONLY = {Source.MALE_OVER_CALL_UP_AGE_NEVER_SERVED}


def check_data(data: ReservistData) -> None:
    if data.health_class is not None and not 1 <= data.health_class <= 6:
        raise DomainError(
            Code.HEALTH_CLASS_INVALID, _("The health class is from 1 to 6."), field="health_class"
        )
    is_officer_rank = data.rank in OFFICER_RANKS
    if data.rank_group == RankGroup.OFFICER and not is_officer_rank:
        raise DomainError(
            Code.OFFICER_RANK_REQUIRED,
            _("Choose the officer rank of a reserve officer: his age limit depends on it."),
            field="rank",
        )
    if data.rank_group != RankGroup.OFFICER and is_officer_rank:
        raise DomainError(
            Code.RANK_NOT_OF_GROUP,
            _("An officer rank belongs to the officer rank group."),
            field="rank",
        )


def _class(facts: ClassFacts) -> rules.ReserveClass:
    try:
        return rules.reserve_class(**asdict(facts))
    except RuleInputError as missing:
        field = missing.field or "active_service_months"
        raise DomainError(
            Code.CLASS_FACTS_MISSING,
            _("Give the %(what)s: the class of a reservist from this source depends on it.")
            % {"what": FACT_LABELS.get(field, field)},
            field=field,
        ) from None


def _check_new(person: Person, facts: ClassFacts, data: ReservistData, on: date) -> None:
    check_not_future(on, "registered_on")
    existing = Reservist.objects.filter(person=person).first()
    if existing is not None:
        raise DomainError(
            Code.ALREADY_REGISTERED,
            _("%(name)s is already in the reserve register (since %(date)s).")
            % {"name": person, "date": vn_date(existing.registered_on)},
        )
    if (facts.source in _FEMALE_ONLY and person.sex != "female") or (
        facts.source in _MALE_ONLY and person.sex != "male"
    ):
        raise DomainError(
            Code.SOURCE_SEX,
            _("This source of the reserve does not apply to %(name)s.") % {"name": person},
            field="source",
        )
    check_data(data)
    limit = age_limit(
        sex=person.sex, birth_date=person.birth_date, rank_group=data.rank_group,
        rank=data.rank, on=on,
    )  # fmt: skip
    if not limit.within:
        raise DomainError(
            Code.OUTSIDE_RESERVE_AGE,
            _("%(name)s cannot be registered in the reserve: %(reason)s.")
            % {"name": person, "reason": limit.sentence},
            field="registered_on",
        )


def record_new(
    *, actor: Any, person: Person, facts: ClassFacts, data: ReservistData, on: date, verb: str
) -> Reservist:
    data = data.normalised()
    _check_new(person, facts, data, on)
    answer = _class(facts)
    reservist = Reservist(
        person=person,
        reserve_class=answer.reserve_class,
        registered_on=on,
        source=facts.source,
        managed_by=person.org_unit,
        recorded_by=user_or_none(actor),
        **asdict(data),
    )
    save_new(reservist)
    audit_created(actor=actor, verb=verb, obj=reservist, fields=FIELDS, person_id=person.pk)
    return reservist


@transaction.atomic
def reservist_create(
    *, actor: Any, person: Person, facts: ClassFacts, data: ReservistData, registered_on: date
) -> Reservist:
    """Record ``person`` in the reserve register; the class comes from ``rules.reserve_class``."""
    guard(actor, person.org_unit.path)
    ensure_period_open(org_unit=person.org_unit, on=registered_on, field="registered_on")
    person = Person.objects.select_for_update().select_related("org_unit").get(pk=person.pk)
    return record_new(
        actor=actor, person=person, facts=facts, data=data, on=registered_on,
        verb="reservist.created",
    )  # fmt: skip


@transaction.atomic
def reservist_update(
    *, actor: Any, reservist: Reservist, data: ReservistData, reserve_class: int
) -> Reservist:
    """Change a reservist's class, rank, specialty or health; the audit keeps before and after."""
    guard(actor, reservist.person.org_unit.path)
    reservist = lock_reservist(reservist)
    if reservist.removed_on is not None:
        raise DomainError(
            Code.REMOVED,
            _("%(name)s was removed from the reserve on %(date)s.")
            % {"name": reservist.person, "date": vn_date(reservist.removed_on)},
        )
    data = data.normalised()
    check_data(data)
    before = snapshot(reservist, EDITABLE)
    for name, value in {**asdict(data), "reserve_class": reserve_class}.items():
        setattr(reservist, name, value)
    reservist.full_clean()
    reservist.save()
    audit_changed(
        actor=actor, verb="reservist.updated", obj=reservist, before=before, fields=EDITABLE,
        person_id=reservist.person_id,
    )  # fmt: skip
    return reservist


@transaction.atomic
def remove(reservist: Reservist, *, on: date, reason: str, note: str) -> dict[str, Any]:
    """Set the removal and end the open arrangement (the caller audits the changes)."""
    if not reason or (reason == RemovalReason.OTHER and not note.strip()):
        raise DomainError(
            Code.REMOVAL_REASON_MISSING,
            _("Give the reason for removing the reservist from the reserve."),
            field="removal_reason" if not reason else "removal_note",
        )
    if reservist.removed_on is not None:
        raise DomainError(
            Code.REMOVED,
            _("%(name)s was removed from the reserve on %(date)s.")
            % {"name": reservist.person, "date": vn_date(reservist.removed_on)},
        )
    check_not_future(on, "removed_on")
    if on < reservist.registered_on:
        raise DomainError(
            Code.DATE_BEFORE_REGISTRATION,
            _("%(name)s was registered in the reserve only on %(date)s.")
            % {"name": reservist.person, "date": vn_date(reservist.registered_on)},
            field="removed_on",
        )
    changes: dict[str, Any] = {}
    current = Arrangement.objects.filter(reservist=reservist, ended_on__isnull=True).first()
    if current is not None:
        if on < current.arranged_on:
            raise DomainError(
                Code.END_BEFORE_START,
                _("The date is before the arrangement began on %(date)s.")
                % {"date": vn_date(current.arranged_on)},
                field="removed_on",
            )
        current.ended_on = on
        current.end_reason = str(RemovalReason(reason).label)
        current.full_clean()
        current.save()
        changes["arrangement_ended"] = [current.pk, on.isoformat()]
    reservist.removed_on = on
    reservist.removal_reason = reason
    reservist.removal_note = nfc(note)
    reservist.full_clean()
    reservist.save()
    return changes


@transaction.atomic
def reservist_remove(
    *, actor: Any, reservist: Reservist, on: date, reason: str, note: str = ""
) -> Reservist:
    """Remove a reservist from the reserve (giải ngạch) on ``on``, for ``reason``.
    His arrangement into a post ends the same day. The row stays, dated."""
    guard(actor, reservist.person.org_unit.path)
    ensure_period_open(org_unit=reservist.managed_by, on=on, field="removed_on")
    reservist = lock_reservist(reservist)
    before = snapshot(reservist, REMOVAL_FIELDS)
    extra = remove(reservist, on=on, reason=reason, note=note)
    audit_changed(
        actor=actor, verb="reservist.removed", obj=reservist, before=before,
        fields=REMOVAL_FIELDS, person_id=reservist.person_id, extra=extra,
    )  # fmt: skip
    return reservist
