"""The operations indicators of DESIGN.md for any org-unit subtree and year,
with aggregate queries, in the shape of ``qsdp.military_service.indicators``.

- ``drills.held``: drills whose first day falls in the year, of plans of units
  in the subtree.
- ``drills.by_kind.<kind>``: the same, per kind of drill (``drills_by_kind``
  gives all three).
- ``drills.rated_good_or_better_pct``: of the drills held in the year that were
  rated, the share whose rating counted as good or better on the scale in force
  on the drill's last day (kept with the drill when it was rated).
- ``readiness_duty.days_covered_pct``: over the duty posts of the subtree, the
  days of the year with a duty log per 100 days the posts were in use.
- ``patrols.count``: coordinated patrols held in the year.
- ``incidents.hot_spots``: incidents reported in the year and marked hot spots.
"""

from collections.abc import Callable
from datetime import date
from functools import partial

from django.db.models import Count, F, Q

from qsdp.military_service.indicators import IndicatorValue, count_value, percent_value
from qsdp.operations.models import Drill, DrillKind, DutyLog, DutyPost, Incident, Patrol
from qsdp.operations.selectors.duty import open_days
from qsdp.orgunits.models import OrgUnit


def _drills(org_unit: OrgUnit, year: int):  # type: ignore[no-untyped-def]
    return Drill.objects.filter(
        plan__org_unit__path__startswith=org_unit.path, held_from__year=year
    )


def drills_held(*, org_unit: OrgUnit, year: int) -> IndicatorValue:
    return count_value("drills.held", _drills(org_unit, year).count())


def drills_by_kind(*, org_unit: OrgUnit, year: int) -> dict[str, IndicatorValue]:
    """``drills.by_kind.<kind>`` for every kind of drill (one query)."""
    counts = dict(
        _drills(org_unit, year)
        .values("plan__kind")
        .annotate(n=Count("id"))
        .values_list("plan__kind", "n")
    )
    return {
        f"drills.by_kind.{kind}": count_value(f"drills.by_kind.{kind}", counts.get(kind, 0))
        for kind in DrillKind.values
    }


def drills_of_kind(*, org_unit: OrgUnit, year: int, kind: str) -> IndicatorValue:
    return drills_by_kind(org_unit=org_unit, year=year)[f"drills.by_kind.{kind}"]


def drills_rated_good_or_better_pct(*, org_unit: OrgUnit, year: int) -> IndicatorValue:
    counts = _drills(org_unit, year).aggregate(
        rated=Count("id", filter=Q(rated_good_or_better__isnull=False)),
        good=Count("id", filter=Q(rated_good_or_better=True)),
    )
    return percent_value("drills.rated_good_or_better_pct", counts["good"], counts["rated"])


def readiness_duty_days_covered_pct(*, org_unit: OrgUnit, year: int) -> IndicatorValue:
    start, end = date(year, 1, 1), date(year, 12, 31)
    posts = DutyPost.objects.filter(
        org_unit__path__startswith=org_unit.path, opened_on__lte=end
    ).exclude(closed_on__lt=start)
    # The two sums only: the per-post rows of the coverage page (names, sorting)
    # cost a province's rollup more than the counting itself.
    covered = (
        DutyLog.objects.filter(post__in=posts, day__gte=start, day__lte=end)
        .filter(day__gte=F("post__opened_on"))
        .filter(Q(post__closed_on__isnull=True) | Q(day__lte=F("post__closed_on")))
        .count()
    )
    days = sum(open_days(post, start, end) for post in posts.only("opened_on", "closed_on"))
    return percent_value("readiness_duty.days_covered_pct", covered, days)


def patrols_count(*, org_unit: OrgUnit, year: int) -> IndicatorValue:
    patrols = Patrol.objects.filter(org_unit__path__startswith=org_unit.path, on__year=year)
    return count_value("patrols.count", patrols.count())


def incidents_hot_spots(*, org_unit: OrgUnit, year: int) -> IndicatorValue:
    hot = Incident.objects.filter(
        org_unit__path__startswith=org_unit.path, reported_on__year=year, is_hot_spot=True
    )
    return count_value("incidents.hot_spots", hot.count())


Indicator = Callable[..., IndicatorValue]

INDICATORS: dict[str, Indicator] = {
    "drills.held": drills_held,
    **{f"drills.by_kind.{kind}": partial(drills_of_kind, kind=kind) for kind in DrillKind.values},
    "drills.rated_good_or_better_pct": drills_rated_good_or_better_pct,
    "readiness_duty.days_covered_pct": readiness_duty_days_covered_pct,
    "patrols.count": patrols_count,
    "incidents.hot_spots": incidents_hot_spots,
}

# Indicators with one value per category: code → the values of every category.
BREAKDOWNS: dict[str, Callable[..., dict[str, IndicatorValue]]] = {
    "drills.by_kind": drills_by_kind,
}


def indicator_value(code: str, *, org_unit: OrgUnit, year: int) -> IndicatorValue:
    """The value of the indicator ``code`` (KeyError for a code not of this app)."""
    return INDICATORS[code](org_unit=org_unit, year=year)
