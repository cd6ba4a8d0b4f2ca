"""The rules of operations as pure functions (no ORM): the level of a drill,
the rating scale, drill cadence, the rest rule of duty rosters with fair
rotation, and the status moves of an incident.

The law leaves cadence, grading and duty hours open (DOMAIN.md §3, §5, [U]):
their values are rule settings (``qsdp.core.settings_registry``) passed in.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from qsdp.orgunits.models import OrgUnitKind

DRILL_BASIS = "Nghị định 21/2019/NĐ-CP (DOMAIN.md §5)"

# --- Drills -------------------------------------------------------------------


class DrillLevel(StrEnum):
    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"


_LEVELS = {
    OrgUnitKind.PROVINCE: DrillLevel.PROVINCE,
    OrgUnitKind.DISTRICT: DrillLevel.DISTRICT,
    OrgUnitKind.COMMUNE: DrillLevel.COMMUNE,
    OrgUnitKind.WARD: DrillLevel.COMMUNE,
    OrgUnitKind.TOWN: DrillLevel.COMMUNE,
    OrgUnitKind.SPECIAL_ZONE: DrillLevel.COMMUNE,
}
DRILL_UNIT_KINDS = tuple(_LEVELS)


def drill_level(unit_kind: str) -> DrillLevel | None:
    """The level a unit drills at (a ward is a commune-level unit); None for a
    village or a military command, which hold no drill of their own."""
    return _LEVELS.get(OrgUnitKind(unit_kind)) if unit_kind in OrgUnitKind.values else None


@dataclass(frozen=True)
class Rating:
    code: str
    label: str
    good_or_better: bool


def rating_scale(setting: Iterable[Mapping[str, Any]]) -> list[Rating]:
    """The ratings of the configured scale, best first."""
    return [
        Rating(str(row["code"]), str(row["label"]), bool(row.get("good_or_better")))
        for row in setting
    ]


def find_rating(scale: Sequence[Rating], code: str) -> Rating | None:
    return next((rating for rating in scale if rating.code == code), None)


class DueState(StrEnum):
    NO_CADENCE = "no_cadence"  # the kind has no cadence at this level
    HELD = "held"  # held in the year asked about
    PLANNED = "planned"  # planned for the year asked about, not held yet
    NOT_DUE = "not_due"
    DUE = "due"  # due this year, not planned
    OVERDUE = "overdue"  # due in an earlier year and still not held


@dataclass(frozen=True)
class DrillDue:
    state: DueState
    last_held_year: int | None
    due_year: int | None


def drill_due(
    *,
    year: int,
    cadence_years: int | None,
    last_held_year: int | None,
    planned_years: Iterable[int] = (),
    first_year: int | None = None,
) -> DrillDue:
    """Where a unit stands in ``year`` for one kind of drill.

    Due ``cadence_years`` after the last drill held; a unit that never held one
    is due from ``first_year`` (the first year the register covers) or now."""
    if not cadence_years:
        return DrillDue(DueState.NO_CADENCE, last_held_year, None)
    if last_held_year is not None and last_held_year >= year:
        return DrillDue(DueState.HELD, last_held_year, last_held_year)
    due_year = (
        last_held_year + cadence_years if last_held_year is not None else (first_year or year)
    )
    if year in set(planned_years):
        return DrillDue(DueState.PLANNED, last_held_year, due_year)
    if due_year > year:
        return DrillDue(DueState.NOT_DUE, last_held_year, due_year)
    state = DueState.DUE if due_year == year else DueState.OVERDUE
    return DrillDue(state, last_held_year, due_year)


# --- Readiness duty: the rest rule and fair rotation ---------------------------


@dataclass(frozen=True)
class RestRule:
    min_rest_hours: int
    max_shifts_per_week: int

    @classmethod
    def from_setting(cls, value: Mapping[str, Any]) -> "RestRule":
        return cls(int(value["min_rest_hours"]), int(value["max_shifts_per_week"]))


@dataclass(frozen=True)
class Slot:
    """A shift as the rules see it. ``new``: part of the roster being checked
    (an old shift is only checked against the new ones)."""

    person_id: int
    person_name: str
    starts_at: datetime
    ends_at: datetime
    new: bool = True
    post_name: str = ""


class ViolationKind(StrEnum):
    OVERLAP = "overlap"
    REST = "rest"
    WEEKLY = "weekly"


@dataclass(frozen=True)
class Violation:
    kind: ViolationKind
    person_id: int
    message: str


def _when(moment: datetime) -> str:
    return timezone.localtime(moment).strftime("%H:%M %d/%m/%Y")


def _week(moment: datetime) -> tuple[int, int]:
    iso = timezone.localtime(moment).isocalendar()
    return iso.year, iso.week


def check_rest_rule(slots: Iterable[Slot], rule: RestRule) -> list[Violation]:
    """Every breach of the rest rule that involves a new shift: two shifts of a
    person overlapping, less than ``min_rest_hours`` between them, more than
    ``max_shifts_per_week`` shifts starting in one week (Monday–Sunday)."""
    by_person: dict[int, list[Slot]] = defaultdict(list)
    for slot in slots:
        by_person[slot.person_id].append(slot)
    rest = timedelta(hours=rule.min_rest_hours)
    violations: list[Violation] = []
    for person_id, own in by_person.items():
        own.sort(key=lambda s: (s.starts_at, s.ends_at))
        for i, first in enumerate(own):
            for second in own[i + 1 :]:
                if second.starts_at >= first.ends_at + rest:
                    break
                if not (first.new or second.new):
                    continue
                if second.starts_at < first.ends_at:
                    message = _(
                        "%(name)s would be on duty twice at once: %(first)s–%(first_end)s "
                        "and from %(second)s."
                    )
                    kind = ViolationKind.OVERLAP
                else:
                    message = _(
                        "%(name)s would rest less than %(hours)s hours between the shift "
                        "ending %(first_end)s and the shift starting %(second)s."
                    )
                    kind = ViolationKind.REST
                values = {
                    "name": first.person_name,
                    "first": _when(first.starts_at),
                    "first_end": _when(first.ends_at),
                    "second": _when(second.starts_at),
                    "hours": rule.min_rest_hours,
                }
                violations.append(Violation(kind, person_id, message % values))
        weeks: dict[tuple[int, int], list[Slot]] = defaultdict(list)
        for slot in own:
            weeks[_week(slot.starts_at)].append(slot)
        for (iso_year, week), in_week in sorted(weeks.items()):
            if len(in_week) > rule.max_shifts_per_week and any(s.new for s in in_week):
                message = _(
                    "%(name)s would keep %(count)s shifts in week %(week)s of %(year)s; "
                    "at most %(max)s are allowed."
                ) % {
                    "name": in_week[0].person_name,
                    "count": len(in_week),
                    "week": week,
                    "year": iso_year,
                    "max": rule.max_shifts_per_week,
                }
                violations.append(Violation(ViolationKind.WEEKLY, person_id, message))
    return violations


def propose_rotation(
    *,
    people: Sequence[tuple[int, str]],
    times: Sequence[tuple[datetime, datetime]],
    existing: Iterable[Slot],
    rule: RestRule,
) -> list[Slot | None]:
    """A fair rotation: each shift (in time order) goes to the person with the
    fewest shifts so far who can take it without breaking the rest rule (ties in
    the order of ``people``); None where nobody can."""
    taken: list[Slot] = list(existing)
    counts = dict.fromkeys((pid for pid, _name in people), 0)
    proposal: list[Slot | None] = []
    for starts_at, ends_at in times:
        chosen: Slot | None = None
        for person_id, name in sorted(people, key=lambda p: counts[p[0]]):
            candidate = Slot(person_id, name, starts_at, ends_at)
            mine = [s for s in taken if s.person_id == person_id]
            if not check_rest_rule([*(_old(s) for s in mine), candidate], rule):
                chosen = candidate
                break
        if chosen is not None:
            taken.append(chosen)
            counts[chosen.person_id] += 1
        proposal.append(chosen)
    return proposal


def _old(slot: Slot) -> Slot:
    return Slot(slot.person_id, slot.person_name, slot.starts_at, slot.ends_at, new=False)


# --- Incidents ----------------------------------------------------------------


class IncidentStatus(StrEnum):
    OPEN = "open"
    MONITORING = "monitoring"
    RESOLVED = "resolved"


INCIDENT_MOVES: dict[str, frozenset[str]] = {
    IncidentStatus.OPEN: frozenset({IncidentStatus.MONITORING, IncidentStatus.RESOLVED}),
    IncidentStatus.MONITORING: frozenset({IncidentStatus.OPEN, IncidentStatus.RESOLVED}),
    IncidentStatus.RESOLVED: frozenset({IncidentStatus.MONITORING}),
}


def incident_can_move(current: str, to: str) -> bool:
    """Whether a follow-up may move an incident from ``current`` to ``to``
    (staying where it is is always allowed; a resolved one may be reopened for
    monitoring)."""
    return to == current or to in INCIDENT_MOVES.get(current, frozenset())
