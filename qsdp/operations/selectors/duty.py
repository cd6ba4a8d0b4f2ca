"""Duty posts, rosters, swaps, duty logs and the share of days covered."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.utils import timezone

from qsdp.accounts.models import User
from qsdp.accounts.scoping import get_scoped_or_404
from qsdp.military_service.indicators import percent
from qsdp.operations.models import DutyLog, DutyPost, DutyShift, DutySwap
from qsdp.operations.selectors._common import in_subtree, visible
from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person

POST_PATH = "post__org_unit__path"


def _aware(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, datetime.min.time()))


def duty_post_list(*, user: User, org_unit: OrgUnit | None = None) -> QuerySet[DutyPost]:
    return (
        visible(DutyPost.objects.all(), user)
        .filter(in_subtree(org_unit))
        .select_related("org_unit")
        .order_by("org_unit__name", "name", "id")
    )


def duty_post_get(*, user: User, pk: int) -> DutyPost:
    return get_scoped_or_404(
        DutyPost.objects.select_related("org_unit"), user, "org_unit__path", pk=pk
    )


def shift_list(
    *,
    user: User,
    start: date,
    end: date,
    post: DutyPost | None = None,
    org_unit: OrgUnit | None = None,
) -> QuerySet[DutyShift]:
    """The shifts starting from ``start`` to ``end`` (both included)."""
    shifts = visible(DutyShift.objects.all(), user, POST_PATH).filter(
        in_subtree(org_unit, POST_PATH),
        starts_at__gte=_aware(start),
        starts_at__lt=_aware(end + timedelta(days=1)),
    )
    if post is not None:
        shifts = shifts.filter(post=post)
    return shifts.select_related("post__org_unit", "person").order_by(
        "post__org_unit__name", "post__name", "starts_at", "id"
    )


def shift_get(*, user: User, pk: int) -> DutyShift:
    return get_scoped_or_404(
        DutyShift.objects.select_related("post__org_unit", "person"), user, POST_PATH, pk=pk
    )


def duty_people(*, post: DutyPost) -> QuerySet[Person]:
    """Who may be put on duty at ``post``: the people the post's unit manages."""
    return Person.objects.filter(org_unit__path__startswith=post.org_unit.path).order_by(
        "sort_name", "id"
    )


def swap_list(*, user: User, status: str = "") -> QuerySet[DutySwap]:
    swaps = visible(DutySwap.objects.all(), user, f"shift__{POST_PATH}")
    if status:
        swaps = swaps.filter(status=status)
    return swaps.select_related(
        "shift__post__org_unit", "original", "replacement", "requested_by", "decided_by"
    ).order_by("-requested_at", "-id")


def swap_get(*, user: User, pk: int) -> DutySwap:
    return get_scoped_or_404(
        DutySwap.objects.select_related("shift__post__org_unit", "original", "replacement"),
        user,
        f"shift__{POST_PATH}",
        pk=pk,
    )


def duty_log_list(
    *,
    user: User,
    start: date,
    end: date,
    org_unit: OrgUnit | None = None,
    post: DutyPost | None = None,
) -> QuerySet[DutyLog]:
    logs = visible(DutyLog.objects.all(), user, POST_PATH).filter(
        in_subtree(org_unit, POST_PATH), day__gte=start, day__lte=end
    )
    if post is not None:
        logs = logs.filter(post=post)
    people = Prefetch("on_duty", queryset=Person.objects.order_by("sort_name"))
    return (
        logs.select_related("post__org_unit")
        .prefetch_related(people)
        .order_by("-day", "post__name", "id")
    )


@dataclass(frozen=True)
class CoverageRow:
    post: DutyPost
    days: int  # days of the period the post was in use
    covered: int  # of those, days with a duty log

    @property
    def pct(self) -> Decimal | None:
        return percent(self.covered, self.days)


def open_days(post: DutyPost, start: date, end: date) -> int:
    first = max(start, post.opened_on)
    last = min(end, post.closed_on) if post.closed_on else end
    return max((last - first).days + 1, 0)


def coverage_rows(posts: QuerySet[DutyPost], start: date, end: date) -> list[CoverageRow]:
    """Per post: days in use in ``start``–``end`` and days with a duty log (one query)."""
    in_period = Q(logs__day__gte=start, logs__day__lte=end)
    in_use = Q(logs__day__gte=F("opened_on")) & (
        Q(closed_on__isnull=True) | Q(logs__day__lte=F("closed_on"))
    )
    counted = posts.annotate(covered=Count("logs", filter=in_period & in_use))
    return [
        CoverageRow(post, open_days(post, start, end), post.covered)  # type: ignore[attr-defined]
        for post in counted.select_related("org_unit").order_by("org_unit__name", "name", "id")
    ]


def duty_coverage(
    *, user: User, start: date, end: date, org_unit: OrgUnit | None = None
) -> list[CoverageRow]:
    """The share of days covered per post of the user's area in the period."""
    posts = visible(DutyPost.objects.all(), user).filter(in_subtree(org_unit))
    posts = posts.filter(opened_on__lte=end).exclude(closed_on__lt=start)
    return coverage_rows(posts, start, end)


@dataclass(frozen=True)
class RosterRow:
    unit: str
    post: str
    full_name: str
    starts_at: datetime
    ends_at: datetime


@dataclass(frozen=True)
class DutyRoster:
    """The shifts of a month, for the printed roster (no ORM objects)."""

    unit_name: str
    year: int
    month: int
    rows: list[RosterRow]


def duty_roster(
    *, user: User, year: int, month: int, org_unit: OrgUnit | None, unit_name: str
) -> DutyRoster:
    """The shifts starting in ``month`` of ``year`` in the user's area (or
    ``org_unit``), by unit, post and time (one query)."""
    start = date(year, month, 1)
    end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    shifts = shift_list(user=user, start=start, end=end, org_unit=org_unit)
    rows = [
        RosterRow(
            s.post.org_unit.name,
            s.post.name,
            s.person.full_name,
            timezone.localtime(s.starts_at),
            timezone.localtime(s.ends_at),
        )
        for s in shifts
    ]
    return DutyRoster(unit_name, year, month, rows)
