"""Readiness duty: posts, rosters checked whole against the rest rule (rule
setting ``operations.duty_rest_rule``) before they are saved, swaps decided by
the commander, and the daily duty log."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from qsdp.core.audit import diff, record_event, snapshot
from qsdp.core.errors import DomainError
from qsdp.core.locks import ensure_period_open
from qsdp.core.selectors import rule_setting
from qsdp.core.settings_registry import DUTY_REST_RULE
from qsdp.military_service.rules.common import vn_date
from qsdp.operations import rules
from qsdp.operations.errors import OperationsErrorCode as Code
from qsdp.operations.models import DutyLog, DutyPost, DutyShift, DutySwap, SwapStatus
from qsdp.operations.services._common import check_not_future, guard, user_or_none
from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person

WEEK = timedelta(days=7)


def day_start(day: date) -> datetime:
    """Midnight at the start of ``day``, local time."""
    return timezone.make_aware(datetime.combine(day, time.min))


@transaction.atomic
def duty_post_create(*, actor: Any, org_unit: OrgUnit, name: str, opened_on: date) -> DutyPost:
    guard(actor, org_unit.path)
    if rules.drill_level(org_unit.kind) is None:
        raise DomainError(
            Code.DUTY_POST_UNIT,
            _("Duty posts belong to a province, a district or a commune, not to %(unit)s.")
            % {"unit": org_unit.name},
            field="org_unit",
        )
    # Its days from ``opened_on`` count in the coverage of that year.
    ensure_period_open(org_unit=org_unit, on=opened_on, field="opened_on")
    if DutyPost.objects.filter(org_unit=org_unit, name=name).exists():
        raise DomainError(
            Code.DUTY_POST_NAME_TAKEN,
            _("%(unit)s already has a duty post named %(name)s.")
            % {"unit": org_unit.name, "name": name},
            field="name",
        )
    post = DutyPost(org_unit=org_unit, name=name, opened_on=opened_on)
    post.full_clean(validate_constraints=False)
    post.save()
    record_event(
        actor=actor,
        verb="operations.duty_post_created",
        target=post,
        changes=diff({}, snapshot(post, ("org_unit", "name", "opened_on"))),
    )
    return post


@dataclass(frozen=True)
class ShiftData:
    person: Person
    starts_at: datetime
    ends_at: datetime


@dataclass(frozen=True)
class RosterCheck:
    """What saving a roster would do, and what it would break."""

    rule: rules.RestRule
    violations: list[rules.Violation] = field(default_factory=list)
    shifts: int = 0

    @property
    def ok(self) -> bool:
        return not self.violations


def rest_rule(on: date) -> rules.RestRule:
    return rules.RestRule.from_setting(rule_setting(DUTY_REST_RULE, on=on))


def _slot(shift: DutyShift, *, new: bool) -> rules.Slot:
    return rules.Slot(
        shift.person_id,
        shift.person.full_name,
        shift.starts_at,
        shift.ends_at,
        new=new,
        post_name=shift.post.name,
    )


def _check_shapes(post: DutyPost, start: date, end: date, shifts: Sequence[ShiftData]) -> None:
    if end < start or (end - start).days > 62:
        raise DomainError(
            Code.ROSTER_PERIOD,
            _("A roster covers from one day to two months, its last day not before its first."),
            field="end",
        )
    if start < post.opened_on or (post.closed_on is not None and end > post.closed_on):
        raise DomainError(
            Code.DUTY_POST_CLOSED,
            _("The post %(post)s is not in use for the whole period.") % {"post": post.name},
            field="start",
        )
    first, after = day_start(start), day_start(end + timedelta(days=1))
    for number, shift in enumerate(shifts, start=1):
        if shift.ends_at <= shift.starts_at:
            raise DomainError(
                Code.SHIFT_TIMES,
                _("Shift %(number)s ends before it starts.") % {"number": number},
                field="shifts",
            )
        if shift.starts_at < first or shift.starts_at >= after:
            raise DomainError(
                Code.SHIFT_OUTSIDE_PERIOD,
                _("Shift %(number)s starts outside the roster's period (%(start)s–%(end)s).")
                % {"number": number, "start": vn_date(start), "end": vn_date(end)},
                field="shifts",
            )
        if not shift.person.org_unit.path.startswith(post.org_unit.path):
            raise DomainError(
                Code.SHIFT_PERSON_OUTSIDE,
                _("%(name)s is not managed by %(unit)s.")
                % {"name": shift.person.full_name, "unit": post.org_unit.name},
                field="shifts",
            )


def _replaced(post: DutyPost, start: date, end: date) -> Q:
    """The shifts of ``post`` a roster of the period replaces."""
    return Q(post=post, starts_at__gte=day_start(start)) & Q(
        starts_at__lt=day_start(end + timedelta(days=1))
    )


def roster_check(
    *, post: DutyPost, start: date, end: date, shifts: Sequence[ShiftData]
) -> RosterCheck:
    """Check a whole roster of ``post`` for ``start``–``end`` (it replaces the
    post's shifts of the period) against the rest rule in force on ``start``,
    together with the other shifts of the same people at any post."""
    _check_shapes(post, start, end, shifts)
    rule = rest_rule(start)
    people = {s.person.pk for s in shifts}
    margin = timedelta(hours=rule.min_rest_hours) + WEEK
    others = (
        DutyShift.objects.filter(
            person_id__in=people,
            starts_at__lt=day_start(end + timedelta(days=1)) + margin,
            ends_at__gt=day_start(start) - margin,
        )
        .exclude(_replaced(post, start, end))
        .select_related("person", "post")
    )
    slots = [_slot(s, new=False) for s in others]
    slots += [
        rules.Slot(s.person.pk, s.person.full_name, s.starts_at, s.ends_at, post_name=post.name)
        for s in shifts
    ]
    return RosterCheck(rule, rules.check_rest_rule(slots, rule), len(shifts))


@transaction.atomic
def roster_save(
    *, actor: Any, post: DutyPost, start: date, end: date, shifts: Sequence[ShiftData]
) -> list[DutyShift]:
    """Replace the shifts of ``post`` in ``start``–``end`` by ``shifts``; a
    roster that breaks the rest rule is refused whole, with every breach."""
    guard(actor, post.org_unit.path)
    ensure_period_open(org_unit=post.org_unit, on=start, field="start")
    post = DutyPost.objects.select_for_update().select_related("org_unit").get(pk=post.pk)
    check = roster_check(post=post, start=start, end=end, shifts=shifts)
    if not check.ok:
        count = len(check.violations)
        raise DomainError(
            Code.ROSTER_RULES,
            ngettext(
                "The roster breaks the rest rule %(count)s time; nothing was saved.",
                "The roster breaks the rest rule %(count)s times; nothing was saved.",
                count,
            )
            % {"count": count},
            field="shifts",
            extra={
                "problems": [
                    {"field": "shifts", "message": v.message, "kind": v.kind.value}
                    for v in check.violations
                ]
            },
        )
    existing = list(DutyShift.objects.filter(_replaced(post, start, end)))
    wanted = {(s.person.pk, s.starts_at, s.ends_at) for s in shifts}
    kept = {(s.person_id, s.starts_at, s.ends_at): s for s in existing}
    removed = [s.pk for key, s in kept.items() if key not in wanted]
    DutyShift.objects.filter(pk__in=removed).delete()
    created = DutyShift.objects.bulk_create(
        DutyShift(post=post, person=s.person, starts_at=s.starts_at, ends_at=s.ends_at)
        for s in shifts
        if (s.person.pk, s.starts_at, s.ends_at) not in kept
    )
    record_event(
        actor=actor,
        verb="operations.roster_saved",
        target=post,
        changes={
            "period": [None, [start.isoformat(), end.isoformat()]],
            "shifts": [len(existing), len(shifts)],
            "removed": [None, len(removed)],
            "added": [None, len(created)],
        },
    )
    return list(
        DutyShift.objects.filter(_replaced(post, start, end)).select_related("person", "post")
    )


@transaction.atomic
def swap_request(
    *, actor: Any, shift: DutyShift, replacement: Person, reason: str = ""
) -> DutySwap:
    """Ask that ``replacement`` keeps ``shift``; the commander decides."""
    guard(actor, shift.post.org_unit.path)
    shift = DutyShift.objects.select_for_update().select_related("post__org_unit").get(pk=shift.pk)
    if replacement.pk == shift.person_id:
        raise DomainError(
            Code.SWAP_SAME_PERSON,
            _("The replacement is the person already on this shift."),
            field="replacement",
        )
    if shift.starts_at <= timezone.now():
        raise DomainError(
            Code.SWAP_SHIFT_PAST, _("This shift has already started."), field="replacement"
        )
    if not replacement.org_unit.path.startswith(shift.post.org_unit.path):
        raise DomainError(
            Code.SHIFT_PERSON_OUTSIDE,
            _("%(name)s is not managed by %(unit)s.")
            % {"name": replacement.full_name, "unit": shift.post.org_unit.name},
            field="replacement",
        )
    if DutySwap.objects.filter(shift=shift, status=SwapStatus.REQUESTED).exists():
        raise DomainError(
            Code.SWAP_PENDING_EXISTS,
            _("A swap of this shift is already waiting for a decision."),
            field="replacement",
        )
    swap = DutySwap(
        shift=shift,
        original_id=shift.person_id,
        replacement=replacement,
        reason=reason,
        requested_by=user_or_none(actor),
    )
    swap.full_clean(validate_constraints=False)
    swap.save()
    record_event(
        actor=actor,
        verb="operations.swap_requested",
        target=swap,
        changes={"replacement": [shift.person_id, replacement.pk]},
    )
    return swap


@transaction.atomic
def swap_decide(*, actor: Any, swap: DutySwap, approve: bool, note: str = "") -> DutySwap:
    """Approve (the replacement takes the shift, if the rest rule allows it) or
    reject a requested swap."""
    guard(actor, swap.shift.post.org_unit.path)
    swap = DutySwap.objects.select_for_update().select_related("shift__post").get(pk=swap.pk)
    if swap.status != SwapStatus.REQUESTED:
        raise DomainError(
            Code.SWAP_NOT_PENDING, _("This swap has already been decided."), field="decision"
        )
    shift = swap.shift
    if approve:
        replacement = Person.objects.get(pk=swap.replacement_id)
        rule = rest_rule(timezone.localdate(shift.starts_at))
        margin = timedelta(hours=rule.min_rest_hours) + WEEK
        others = DutyShift.objects.filter(
            person=replacement,
            starts_at__lt=shift.ends_at + margin,
            ends_at__gt=shift.starts_at - margin,
        ).select_related("person", "post")
        slots = [_slot(s, new=False) for s in others]
        slots.append(
            rules.Slot(replacement.pk, replacement.full_name, shift.starts_at, shift.ends_at)
        )
        violations = rules.check_rest_rule(slots, rule)
        if violations:
            raise DomainError(
                Code.ROSTER_RULES,
                violations[0].message,
                field="decision",
                extra={
                    "problems": [{"field": "decision", "message": v.message} for v in violations]
                },
            )
        shift.person = replacement
        shift.save(update_fields=["person"])
    swap.status = SwapStatus.APPROVED if approve else SwapStatus.REJECTED
    swap.decided_by = user_or_none(actor)
    swap.decided_at = timezone.now()
    swap.decision_note = note
    swap.save()
    record_event(
        actor=actor,
        verb="operations.swap_decided",
        target=swap,
        changes={"status": [SwapStatus.REQUESTED.value, swap.status]},
    )
    return swap


@dataclass(frozen=True)
class DutyLogData:
    day: date
    on_duty: Sequence[Person]
    events: str = ""
    handed_over_to: str = ""


@transaction.atomic
def duty_log_record(
    *,
    actor: Any,
    post: DutyPost,
    day: date,
    on_duty: Sequence[Person],
    events: str = "",
    handed_over_to: str = "",
) -> DutyLog:
    """The duty log of ``post`` for ``day`` (one a day)."""
    entry = DutyLogData(day, on_duty, events, handed_over_to)
    return duty_logs_record(actor=actor, post=post, entries=[entry])[0]


def _check_log(post: DutyPost, entry: DutyLogData, open_years: set[int]) -> None:
    day = entry.day
    if day.year not in open_years:
        ensure_period_open(org_unit=post.org_unit, on=day, field="day")
        open_years.add(day.year)
    check_not_future(day, "day")
    if day < post.opened_on or (post.closed_on is not None and day > post.closed_on):
        raise DomainError(
            Code.DUTY_POST_CLOSED,
            _("The post %(post)s was not in use on %(date)s.")
            % {"post": post.name, "date": vn_date(day)},
            field="day",
        )
    if not entry.on_duty:
        raise DomainError(Code.LOG_NOBODY, _("Name at least one person on duty."), field="on_duty")


@transaction.atomic
def duty_logs_record(
    *, actor: Any, post: DutyPost, entries: Sequence[DutyLogData]
) -> list[DutyLog]:
    """The duty logs of ``post`` for many days at once (a loader's year), each
    checked as ``duty_log_record`` checks one, saved in bulk with one audit
    event each; one refusal saves nothing."""
    guard(actor, post.org_unit.path)
    open_years: set[int] = set()
    days: set[date] = set()
    for entry in entries:
        _check_log(post, entry, open_years)
        if entry.day in days:
            raise _log_exists(post, entry.day)
        days.add(entry.day)
    taken = set(DutyLog.objects.filter(post=post, day__in=days).values_list("day", flat=True))
    for entry in entries:
        if entry.day in taken:
            raise _log_exists(post, entry.day)
    logs = [
        DutyLog(
            post=post,
            day=entry.day,
            events=entry.events,
            handed_over_to=entry.handed_over_to,
            recorded_by=user_or_none(actor),
        )
        for entry in entries
    ]
    for log in logs:
        log.full_clean(validate_unique=False, validate_constraints=False)
    DutyLog.objects.bulk_create(logs)
    Through = DutyLog.on_duty.through
    Through.objects.bulk_create(
        Through(dutylog_id=log.pk, person_id=person.pk)
        for log, entry in zip(logs, entries, strict=True)
        for person in {p.pk: p for p in entry.on_duty}.values()
    )
    for log, entry in zip(logs, entries, strict=True):
        record_event(
            actor=actor,
            verb="operations.duty_log_recorded",
            target=log,
            changes={
                "day": [None, entry.day.isoformat()],
                "on_duty": [None, sorted(p.pk for p in entry.on_duty)],
                "events": [None, entry.events],
            },
        )
    return logs


def _log_exists(post: DutyPost, day: date) -> DomainError:
    return DomainError(
        Code.LOG_EXISTS,
        _("The duty log of %(post)s for %(date)s has already been recorded.")
        % {"post": post.name, "date": vn_date(day)},
        field="day",
    )
