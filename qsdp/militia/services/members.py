"""Members of the militia: joining, corrections, leaving, extending the term
(Luật DQTV 2019 Điều 8, 10, 11)."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from qsdp.core.audit import diff, record_event, snapshot
from qsdp.core.errors import DomainError
from qsdp.core.locks import ensure_period_open
from qsdp.core.text import nfc
from qsdp.military_service.rules.common import vn_date
from qsdp.militia import rules
from qsdp.militia.dates import add_years
from qsdp.militia.errors import MilitiaErrorCode as Code
from qsdp.militia.models import (
    COMMANDER_POSITIONS,
    DutyOutcome,
    LeaveReason,
    MilitiaMember,
    MilitiaUnit,
    Position,
    TermExtension,
)
from qsdp.militia.selectors.decisions import duty_decision_in_force
from qsdp.militia.services._common import (
    check_not_future,
    guard,
    lock_person,
    quoted,
    user_or_none,
)
from qsdp.people.models import Person
from qsdp.reserves.selectors import is_arranged_into_reserve_unit

EDITABLE_FIELDS = ("militia_type", "unit", "position", "volunteer", "term_start", "term_end")


@dataclass(frozen=True)
class MemberData:
    """What a user types about a term in the militia. Without ``term_end`` the
    term is the one the law sets for the type (Điều 8 khoản 2)."""

    militia_type: str
    term_start: date
    unit: MilitiaUnit | None = None
    position: str = Position.MEMBER
    volunteer: bool = False
    term_end: date | None = None


def _may_serve(answer: rules.MilitiaAge) -> bool:
    return answer.obligated or bool(answer.may_serve_as_volunteer)


def _check_age(person: Person, data: MemberData) -> None:
    answer = rules.militia_age(
        sex=person.sex,
        birth_date=person.birth_date,
        reference_date=data.term_start,
        volunteer=data.volunteer,
    )
    if not _may_serve(answer):
        raise DomainError(
            Code.OUTSIDE_MILITIA_AGE,
            _("Cannot add the citizen to the militia: %(why)s.") % {"why": quoted(answer)},
            field="term_start",
        )


def _check_free(person: Person, data: MemberData) -> None:
    """Neither arranged into a reserve unit nor deferred or exempt (Điều 11)."""
    if is_arranged_into_reserve_unit(person_id=person.pk, on=data.term_start):
        raise DomainError(
            Code.ARRANGED_RESERVIST,
            _(
                "The citizen %(name)s has been arranged into a reserve unit and is therefore "
                "exempt from the militia (Luật DQTV Điều 11 khoản 2)."
            )
            % {"name": person.full_name},
        )
    decision = duty_decision_in_force(person_id=person.pk, on=data.term_start)
    if decision is None:
        return
    values = {
        "name": person.full_name,
        "ground": decision.get_status_display(),
        "basis": decision.legal_basis,
        "date": vn_date(decision.decided_on),
    }
    if decision.outcome == DutyOutcome.DEFERRAL:
        values["until"] = vn_date(decision.valid_until) if decision.valid_until else "—"
        raise DomainError(
            Code.CURRENT_DEFERRAL,
            _(
                "The militia duty of %(name)s is deferred until %(until)s (%(ground)s, "
                "%(basis)s; decided on %(date)s)."
            )
            % values,
        )
    if not (decision.may_volunteer and data.volunteer):
        message = (
            _(
                "%(name)s is exempt from militia duty (%(ground)s, %(basis)s; decided on "
                "%(date)s) and may join only as a volunteer."
            )
            if decision.may_volunteer
            else _(
                "%(name)s is exempt from militia duty (%(ground)s, %(basis)s; decided on %(date)s)."
            )
        )
        raise DomainError(Code.CURRENT_EXEMPTION, message % values, field="volunteer")


def _check_unit(person_unit_id: int, data: MemberData) -> None:
    unit = data.unit
    if unit is None:
        return
    if unit.org_unit_id != person_unit_id:
        raise DomainError(
            Code.UNIT_ELSEWHERE,
            _("The militia unit %(unit)s belongs to another commune.") % {"unit": unit.name},
            field="unit",
        )
    if unit.militia_type != data.militia_type:
        raise DomainError(
            Code.UNIT_TYPE_MISMATCH,
            _("The militia unit %(unit)s is a unit of %(type)s.")
            % {"unit": unit.name, "type": unit.get_militia_type_display().lower()},
            field="unit",
        )


def _term_end(data: MemberData) -> date:
    """The end of the term: the one given, within the term the law sets, or that term."""
    answer = rules.militia_term(
        militia_type=data.militia_type,
        unit_commander=data.position in COMMANDER_POSITIONS,
        on=data.term_start,
    )
    legal_end = add_years(data.term_start, answer.term_years)
    if data.term_end is None:
        return legal_end
    if data.term_end <= data.term_start:
        raise DomainError(
            Code.TERM_END_BEFORE_START,
            _("The term must end after it starts (%(start)s).")
            % {"start": vn_date(data.term_start)},
            field="term_end",
        )
    if data.term_end > legal_end:
        raise DomainError(
            Code.TERM_LONGER_THAN_LAW,
            _(
                "The term cannot end after %(end)s: %(why)s. A longer term is an extension, "
                "decided by the commune chairman."
            )
            % {"end": vn_date(legal_end), "why": quoted(answer)},
            field="term_end",
        )
    return data.term_end


def _open_term(person: Person) -> MilitiaMember | None:
    return MilitiaMember.objects.filter(person=person, left_on__isnull=True).first()


@transaction.atomic
def member_add(*, actor: Any, person: Person, data: MemberData) -> MilitiaMember:
    """Take a citizen into the militia of his commune for a term."""
    guard(actor, person.org_unit.path)
    ensure_period_open(org_unit=person.org_unit, on=data.term_start, field="term_start")
    person = lock_person(person)
    current = _open_term(person)
    if current is not None:
        raise DomainError(
            Code.ALREADY_MEMBER,
            _("%(name)s is already in the militia (%(type)s, since %(date)s).")
            % {
                "name": person.full_name,
                "type": current.get_militia_type_display().lower(),
                "date": vn_date(current.term_start),
            },
        )
    _check_age(person, data)
    _check_free(person, data)
    _check_unit(person.org_unit_id, data)
    member = MilitiaMember(
        person=person,
        org_unit=person.org_unit,
        militia_type=data.militia_type,
        unit=data.unit,
        position=data.position,
        volunteer=data.volunteer,
        term_start=data.term_start,
        term_end=_term_end(data),
        created_by=user_or_none(actor),
    )
    member.full_clean(validate_constraints=False)
    member.save()
    record_event(
        actor=actor,
        verb="militia.member_added",
        target=member,
        person_id=person.pk,
        changes={k: [None, v] for k, v in snapshot(member, EDITABLE_FIELDS).items()},
    )
    return member


def _lock_member(member: MilitiaMember) -> MilitiaMember:
    return (
        MilitiaMember.objects.select_for_update(of=("self",))
        .select_related("person", "org_unit", "unit")
        .get(pk=member.pk)
    )


def _require_current(member: MilitiaMember) -> None:
    if member.left_on is not None:
        raise DomainError(
            Code.ALREADY_LEFT,
            _("%(name)s left the militia on %(date)s.")
            % {"name": member.person.full_name, "date": vn_date(member.left_on)},
        )


@transaction.atomic
def member_update(*, actor: Any, member: MilitiaMember, data: MemberData) -> MilitiaMember:
    """Correct a current member's type, unit, position or term. A term already
    extended keeps its end: it changes only by an extension."""
    guard(actor, member.org_unit.path)
    ensure_period_open(org_unit=member.org_unit, on=member.term_start, field="term_start")
    member = _lock_member(member)
    _require_current(member)
    person = member.person
    if data.volunteer != member.volunteer or data.term_start != member.term_start:
        _check_age(person, data)
    _check_unit(member.org_unit_id, data)
    extended = member.extensions.exists()
    term_end = member.term_end if extended else _term_end(data)
    if extended and term_end <= data.term_start:
        raise DomainError(
            Code.TERM_END_BEFORE_START,
            _("The term must end after it starts (%(start)s).")
            % {"start": vn_date(data.term_start)},
            field="term_start",
        )
    before = snapshot(member, EDITABLE_FIELDS)
    member.militia_type = data.militia_type
    member.unit = data.unit
    member.position = data.position
    member.volunteer = data.volunteer
    member.term_start = data.term_start
    member.term_end = term_end
    changes = diff(before, snapshot(member, EDITABLE_FIELDS))
    if not changes:
        return member
    member.full_clean(validate_constraints=False)
    member.save()
    if "unit" in changes:
        MilitiaUnit.objects.filter(commander=member).update(commander=None)
    record_event(
        actor=actor,
        verb="militia.member_updated",
        target=member,
        person_id=person.pk,
        changes=changes,
    )
    return member


@transaction.atomic
def end_term(member: MilitiaMember, *, on: date, reason: str, note: str = "") -> None:
    """Close a term (the caller has locked the member and checks the law); a unit
    he commanded is left without a commander."""
    member.left_on = on
    member.leave_reason = reason
    member.leave_note = nfc(note)
    member.full_clean(validate_constraints=False)
    member.save(update_fields=["left_on", "leave_reason", "leave_note"])
    MilitiaUnit.objects.filter(commander=member).update(commander=None)


@transaction.atomic
def member_leave(
    *, actor: Any, member: MilitiaMember, left_on: date, reason: str, note: str = ""
) -> MilitiaMember:
    """A member leaves the militia (term completed, moved, past the age…)."""
    guard(actor, member.org_unit.path)
    ensure_period_open(org_unit=member.org_unit, on=left_on, field="left_on")
    member = _lock_member(member)
    _require_current(member)
    check_not_future(left_on, "left_on")
    if left_on < member.term_start:
        raise DomainError(
            Code.LEFT_BEFORE_START,
            _("The member cannot leave before the term started (%(date)s).")
            % {"date": vn_date(member.term_start)},
            field="left_on",
        )
    end_term(member, on=left_on, reason=LeaveReason(reason), note=note)
    record_event(
        actor=actor,
        verb="militia.member_left",
        target=member,
        person_id=member.person_id,
        changes={
            "left_on": [None, left_on.isoformat()],
            "leave_reason": [None, member.leave_reason],
        },
    )
    return member


def _first_term_end(member: MilitiaMember) -> date:
    first = member.extensions.order_by("previous_term_end", "id").first()
    return first.previous_term_end if first else member.term_end


@transaction.atomic
def term_extend(
    *,
    actor: Any,
    member: MilitiaMember,
    extended_on: date,
    new_term_end: date,
    decided_by: str = "",
    decision_number: str = "",
) -> TermExtension:
    """Extend a member's term (Điều 8 khoản 2): by at most two years in all,
    except maritime militia and commanders, who may go further; nobody past the
    militia age."""
    guard(actor, member.org_unit.path)
    ensure_period_open(org_unit=member.org_unit, on=extended_on, field="extended_on")
    member = _lock_member(member)
    _require_current(member)
    check_not_future(extended_on, "extended_on")
    if new_term_end <= member.term_end:
        raise DomainError(
            Code.EXTENSION_NOT_LATER,
            _("The new end of the term must be after the present one (%(date)s).")
            % {"date": vn_date(member.term_end)},
            field="new_term_end",
        )
    answer = rules.militia_term(
        militia_type=member.militia_type, unit_commander=member.is_commander, on=extended_on
    )
    first_end = _first_term_end(member)
    limit = add_years(first_end, answer.max_extension_years)
    if new_term_end > limit and not answer.may_extend_beyond_max_up_to_age_limit:
        raise DomainError(
            Code.EXTENSION_BEYOND_LIMIT,
            _(
                "Cannot extend the term to %(date)s: the term first ended on %(first)s and may "
                "be extended at most to %(limit)s: %(why)s."
            )
            % {
                "date": vn_date(new_term_end),
                "first": vn_date(first_end),
                "limit": vn_date(limit),
                "why": quoted(answer),
            },
            field="new_term_end",
        )
    person = member.person
    age = rules.militia_age(
        sex=person.sex,
        birth_date=person.birth_date,
        reference_date=new_term_end,
        volunteer=member.volunteer,
    )
    if not _may_serve(age):
        raise DomainError(
            Code.EXTENSION_PAST_AGE,
            _("Cannot extend the term to %(date)s: %(why)s.")
            % {"date": vn_date(new_term_end), "why": quoted(age)},
            field="new_term_end",
        )
    extension = TermExtension(
        member=member,
        extended_on=extended_on,
        previous_term_end=member.term_end,
        new_term_end=new_term_end,
        decided_by=nfc(decided_by),
        decision_number=decision_number.strip(),
        created_by=user_or_none(actor),
    )
    extension.full_clean()
    extension.save()
    member.term_end = new_term_end
    member.save(update_fields=["term_end"])
    record_event(
        actor=actor,
        verb="militia.term_extended",
        target=member,
        person_id=person.pk,
        changes={
            "term_end": [extension.previous_term_end.isoformat(), new_term_end.isoformat()],
            "decision_number": [None, extension.decision_number],
        },
    )
    return extension
