"""The calendar of a unit: everything scheduled in a month — training sessions
and defence-education courses, drill plans and drills held, readiness duty
(counted per day and unit), coordinated patrols.

Each source is read through its own app's scoped selector, so a user sees in
the calendar exactly what he sees in the lists: one query per source (six),
whatever the month holds. The result is plain data (no ORM object) for the
page and the printed month alike.
"""

from calendar import Calendar
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, time, timedelta
from urllib.parse import urlencode

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from qsdp.accounts.models import User
from qsdp.operations.selectors.drills import DrillFilters, drill_list, drill_plan_list
from qsdp.operations.selectors.duty import shift_list
from qsdp.operations.selectors.order import OrderFilters, patrol_list
from qsdp.orgunits.models import OrgUnit
from qsdp.training.models import SessionKind, TrainingSession
from qsdp.training.selectors import CourseFilters, course_list

# Training has no list of sessions across plans: the calendar reads them under
# training's own scoping rule (through the plan; a command stands for its area).
from qsdp.training.selectors._common import in_area
from qsdp.training.selectors._common import visible as training_visible


class ItemKind(models.TextChoices):
    """What a calendar item is, in the order items of one day are listed."""

    TRAINING = "training", _("Training")
    POLITICAL = "political", _("Political education")
    COURSE = "course", pgettext_lazy("calendar", "Defence and security education")
    DRILL = "drill", _("Drill")
    DRILL_PLAN = "drill_plan", _("Drill planned")
    DUTY = "duty", pgettext_lazy("calendar", "Readiness duty")
    PATROL = "patrol", _("Patrol")


KIND_ORDER = {kind: rank for rank, kind in enumerate(ItemKind.values)}


@dataclass(frozen=True)
class CalendarItem:
    on: date
    at: time | None  # the time of day, when known (a duty shift's start)
    kind: str  # an ItemKind value
    title: str
    unit: str
    url: str

    @property
    def kind_label(self) -> str:
        return str(ItemKind(self.kind).label)

    @property
    def text(self) -> str:
        """As printed: "Trực SSCĐ: 2 người"."""
        return f"{self.kind_label}: {self.title}"

    @property
    def sort_key(self) -> tuple[date, bool, time, int, str, str]:
        """Items without a time (the whole day) first, then by time, kind, unit."""
        return (
            self.on,
            self.at is not None,
            self.at or time.min,
            KIND_ORDER[self.kind],
            self.unit,
            self.title,
        )


@dataclass(frozen=True)
class CalendarDay:
    on: date
    in_month: bool
    items: tuple[CalendarItem, ...]

    @property
    def is_weekend(self) -> bool:
        return self.on.weekday() >= 5


@dataclass(frozen=True)
class MonthCalendar:
    """A month of a unit (or of the user's whole area): the weeks of the grid,
    Monday first, with the days of the neighbouring months empty."""

    year: int
    month: int
    unit_name: str
    weeks: tuple[tuple[CalendarDay, ...], ...]

    @property
    def days(self) -> list[CalendarDay]:
        return [day for week in self.weeks for day in week if day.in_month]

    @property
    def items(self) -> list[CalendarItem]:
        return [item for day in self.days for item in day.items]

    @property
    def previous(self) -> tuple[int, int]:
        return (self.year - 1, 12) if self.month == 1 else (self.year, self.month - 1)

    @property
    def next(self) -> tuple[int, int]:
        return (self.year + 1, 1) if self.month == 12 else (self.year, self.month + 1)


def month_bounds(year: int, month: int) -> tuple[date, date]:
    start = date(year, month, 1)
    return start, (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def _each_day(first: date, last: date, start: date, end: date) -> Iterator[date]:
    """The days of ``first``–``last`` that fall in ``start``–``end``."""
    day, last = max(first, start), min(last, end)
    while day <= last:
        yield day
        day += timedelta(days=1)


def _link(name: str, pk: int | None = None, **query: object) -> str:
    url = reverse(name, args=[pk] if pk is not None else [])
    params = {k: v for k, v in query.items() if v is not None}
    return f"{url}?{urlencode(params)}" if params else url


def _training(user: User, start: date, end: date, unit: OrgUnit | None) -> list[CalendarItem]:
    sessions = (
        training_visible(TrainingSession.objects.all(), user, "plan__")
        .filter(in_area(unit), held_on__gte=start, held_on__lte=end)
        .select_related("org_unit")
        .order_by("held_on", "id")
    )
    return [
        CalendarItem(
            s.held_on,
            None,
            ItemKind.POLITICAL if s.kind == SessionKind.POLITICAL else ItemKind.TRAINING,
            s.topic,
            s.org_unit.name,
            _link("training:session-detail", s.pk),
        )
        for s in sessions
    ]


def _courses(user: User, start: date, end: date, unit: OrgUnit | None) -> list[CalendarItem]:
    courses = course_list(user=user, filters=CourseFilters(org_unit=unit)).filter(
        starts_on__lte=end, ends_on__gte=start
    )
    return [
        CalendarItem(
            day,
            None,
            ItemKind.COURSE,
            c.title,
            c.org_unit.name,
            _link("training:course-detail", c.pk),
        )
        for c in courses
        for day in _each_day(c.starts_on, c.ends_on, start, end)
    ]


def _drills(user: User, start: date, end: date, unit: OrgUnit | None) -> list[CalendarItem]:
    """Drills held (each of their days) and drills planned for a day, not held yet."""
    filters = DrillFilters(org_unit=unit)
    held = drill_list(user=user, filters=filters).filter(held_from__lte=end, held_to__gte=start)
    planned = drill_plan_list(user=user, filters=filters).filter(
        planned_on__gte=start, planned_on__lte=end, drill__isnull=True
    )
    items = [
        CalendarItem(
            day,
            None,
            ItemKind.DRILL,
            d.plan.title,
            d.plan.org_unit.name,
            _link("operations:drill-detail", d.pk),
        )
        for d in held
        for day in _each_day(d.held_from, d.held_to, start, end)
    ]
    items += [
        CalendarItem(
            p.planned_on,
            None,
            ItemKind.DRILL_PLAN,
            p.title,
            p.org_unit.name,
            _link("operations:drill-plan-detail", p.pk),
        )
        for p in planned
        if p.planned_on is not None
    ]
    return items


def _duty(user: User, start: date, end: date, unit: OrgUnit | None) -> list[CalendarItem]:
    """One item per day and unit: how many people start a shift there that day."""
    shifts = shift_list(user=user, start=start, end=end, org_unit=unit).values_list(
        "starts_at", "person_id", "post__org_unit__name"
    )
    people: dict[tuple[date, str], set[int]] = {}
    first: dict[tuple[date, str], time] = {}
    for starts_at, person_id, unit_name in shifts:
        local = timezone.localtime(starts_at)
        key = (local.date(), unit_name)
        people.setdefault(key, set()).add(person_id)
        first[key] = min(first.get(key, local.time()), local.time())
    url = _link(
        "operations:duty-post-list",
        year=start.year,
        month=start.month,
        org_unit=unit.pk if unit else None,
    )
    return [
        CalendarItem(
            day,
            first[(day, unit_name)].replace(second=0, microsecond=0),
            ItemKind.DUTY,
            ngettext("%(count)s person", "%(count)s people", len(ids)) % {"count": len(ids)},
            unit_name,
            url,
        )
        for (day, unit_name), ids in people.items()
    ]


def _patrols(user: User, start: date, end: date, unit: OrgUnit | None) -> list[CalendarItem]:
    patrols = patrol_list(user=user, filters=OrderFilters(org_unit=unit)).filter(
        on__gte=start, on__lte=end
    )
    url = _link("operations:patrol-list", year=start.year, org_unit=unit.pk if unit else None)
    return [
        CalendarItem(p.on, None, ItemKind.PATROL, p.area, p.org_unit.name, url) for p in patrols
    ]


def _weeks(
    year: int, month: int, items: Iterable[CalendarItem]
) -> tuple[tuple[CalendarDay, ...], ...]:
    by_day: dict[date, list[CalendarItem]] = {}
    for item in sorted(items, key=lambda i: i.sort_key):
        by_day.setdefault(item.on, []).append(item)
    return tuple(
        tuple(CalendarDay(day, day.month == month, tuple(by_day.get(day, ()))) for day in week)
        for week in Calendar(firstweekday=0).monthdatescalendar(year, month)
    )


def month_calendar(
    *, user: User, year: int, month: int, org_unit: OrgUnit | None = None, unit_name: str = ""
) -> MonthCalendar:
    """What is scheduled in ``month`` of ``year`` in the user's area, or in
    ``org_unit``'s subtree (six queries)."""
    start, end = month_bounds(year, month)
    items = [
        item
        for source in (_training, _courses, _drills, _duty, _patrols)
        for item in source(user, start, end, org_unit)
    ]
    return MonthCalendar(year, month, unit_name, _weeks(year, month, items))
