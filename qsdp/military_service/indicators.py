"""The military-service indicators of DESIGN.md, computed from the register for
any org-unit subtree and year with aggregate queries (no per-person loops).

Which year an event counts in:

- ``call_up.*``: the call-up year (``Quota.call_up_year``, the enlistment's
  ``call_up_year``), so the handover of February 2024 counts in 2024 even if
  the orders went out in December 2023.
- ``first_registration.*``: men born in ``year − 17`` (the year they turn 17,
  Điều 16) whose permanent residence lay in the subtree on 31 December of the
  year; registered means a first registration on or before that day.
- ``health_exam.*``: the examination date (``examined_on``): the examinations of
  November–December 2023, which serve the 2024 call-up, count in 2023. A person
  examined twice in a year counts once, with his last examination.
- ``returnees.*``: the date of the return home; on time means registered into
  the reserve on or before the deadline recorded with the return.

An event belongs to the subtree of the unit that recorded it (the person's
commune at the time), so a report of 2023 is not changed by a later move.
Reporting picks the unit as of its hierarchy date and passes it here.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum

from qsdp.military_service import rules
from qsdp.military_service.models import HealthExam, Quota, ServiceEvent
from qsdp.military_service.rules.cycle import EventKind
from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person, Residence, ResidenceKind

FIRST_REGISTRATION_AGE = 17
FIT_CLASSES = 3  # classes 1–3 meet the standard


@dataclass(frozen=True)
class IndicatorValue:
    """``value`` is ``numerator`` for a count and ``numerator / denominator × 100``
    (one decimal) for a percentage; ``None`` when the denominator is 0."""

    code: str
    value: Decimal | int | None
    numerator: int
    denominator: int


def percent(numerator: int, denominator: int, places: str = "0.1") -> Decimal | None:
    """``numerator / denominator × 100`` rounded half up to ``places`` (one decimal,
    as every percentage indicator); ``None`` when the denominator is 0."""
    if not denominator:
        return None
    return (Decimal(100) * numerator / denominator).quantize(Decimal(places), ROUND_HALF_UP)


def count_value(code: str, number: int) -> IndicatorValue:
    """A count indicator (the denominator is 1)."""
    return IndicatorValue(code, number, number, 1)


def percent_value(code: str, numerator: int, denominator: int) -> IndicatorValue:
    """A percentage indicator (see ``percent``)."""
    return IndicatorValue(code, percent(numerator, denominator), numerator, denominator)


def _live(kind: EventKind, unit: OrgUnit) -> QuerySet[ServiceEvent]:
    return ServiceEvent.objects.filter(
        kind=kind, cancelled_on__isnull=True, org_unit__path__startswith=unit.path
    )


def _quota(unit: OrgUnit, year: int) -> int:
    # The top quotas of the subtree: those not handed down from a unit inside it.
    total = (
        Quota.objects.filter(call_up_year=year, org_unit__path__startswith=unit.path)
        .exclude(parent__org_unit__path__startswith=unit.path)
        .aggregate(total=Sum("number"))["total"]
    )
    return int(total or 0)


def _enlisted(unit: OrgUnit, year: int) -> int:
    return _live(EventKind.ENLISTMENT, unit).filter(call_up_year=year).count()


def call_up_quota(*, org_unit: OrgUnit, year: int) -> IndicatorValue:
    return count_value("call_up.quota", _quota(org_unit, year))


def call_up_enlisted(*, org_unit: OrgUnit, year: int) -> IndicatorValue:
    return count_value("call_up.enlisted", _enlisted(org_unit, year))


def call_up_fulfilment_pct(*, org_unit: OrgUnit, year: int) -> IndicatorValue:
    return percent_value(
        "call_up.fulfilment_pct", _enlisted(org_unit, year), _quota(org_unit, year)
    )


def _due(unit: OrgUnit, year: int) -> QuerySet[Person]:
    end = date(year, 12, 31)
    resident = Residence.objects.filter(
        person=OuterRef("pk"),
        kind=ResidenceKind.PERMANENT,
        org_unit__path__startswith=unit.path,
        started_on__lte=end,
    ).filter(Q(ended_on__isnull=True) | Q(ended_on__gt=end))
    return Person.objects.filter(
        Exists(resident), sex=rules.Sex.MALE, birth_date__year=year - FIRST_REGISTRATION_AGE
    )


def first_registration_due(*, org_unit: OrgUnit, year: int) -> IndicatorValue:
    return count_value("first_registration.due", _due(org_unit, year).count())


def first_registration_registered_pct(*, org_unit: OrgUnit, year: int) -> IndicatorValue:
    due = _due(org_unit, year)
    registered = ServiceEvent.objects.filter(
        person=OuterRef("pk"),
        kind=EventKind.FIRST_REGISTRATION,
        cancelled_on__isnull=True,
        occurred_on__lte=date(year, 12, 31),
    )
    # One pass over the cohort: both counts in one aggregate.
    counts = due.aggregate(total=Count("pk"), registered=Count("pk", filter=Exists(registered)))
    return percent_value("first_registration.registered_pct", counts["registered"], counts["total"])


def _last_exams(unit: OrgUnit, year: int) -> QuerySet[HealthExam]:
    exams = HealthExam.objects.filter(
        examined_on__year=year,
        event__cancelled_on__isnull=True,
        event__org_unit__path__startswith=unit.path,
    )
    later = HealthExam.objects.filter(
        event__person=OuterRef("event__person"),
        event__cancelled_on__isnull=True,
        examined_on__year=year,
    ).filter(
        Q(examined_on__gt=OuterRef("examined_on"))
        | Q(examined_on=OuterRef("examined_on"), pk__gt=OuterRef("pk"))
    )
    return exams.exclude(Exists(later))


def health_exam_examined(*, org_unit: OrgUnit, year: int) -> IndicatorValue:
    return count_value("health_exam.examined", _last_exams(org_unit, year).count())


def health_exam_fit_pct(*, org_unit: OrgUnit, year: int) -> IndicatorValue:
    counts = _last_exams(org_unit, year).aggregate(
        total=Count("pk"), fit=Count("pk", filter=Q(health_class__lte=FIT_CLASSES))
    )
    return percent_value("health_exam.fit_pct", counts["fit"], counts["total"])


def _returns(unit: OrgUnit, year: int) -> QuerySet[ServiceEvent]:
    return _live(EventKind.RETURN_HOME, unit).filter(occurred_on__year=year)


def returnees_count(*, org_unit: OrgUnit, year: int) -> IndicatorValue:
    return count_value("returnees.count", _returns(org_unit, year).count())


def returnees_registered_on_time_pct(*, org_unit: OrgUnit, year: int) -> IndicatorValue:
    returns = _returns(org_unit, year)
    on_time = ServiceEvent.objects.filter(
        person=OuterRef("person"),
        kind=EventKind.RESERVE_REGISTRATION,
        cancelled_on__isnull=True,
        occurred_on__gte=OuterRef("occurred_on"),
        occurred_on__lte=OuterRef("due_on"),
    )
    counts = returns.aggregate(total=Count("pk"), on_time=Count("pk", filter=Exists(on_time)))
    return percent_value("returnees.registered_on_time_pct", counts["on_time"], counts["total"])


Indicator = Callable[..., IndicatorValue]

INDICATORS: dict[str, Indicator] = {
    "call_up.quota": call_up_quota,
    "call_up.enlisted": call_up_enlisted,
    "call_up.fulfilment_pct": call_up_fulfilment_pct,
    "first_registration.due": first_registration_due,
    "first_registration.registered_pct": first_registration_registered_pct,
    "health_exam.examined": health_exam_examined,
    "health_exam.fit_pct": health_exam_fit_pct,
    "returnees.count": returnees_count,
    "returnees.registered_on_time_pct": returnees_registered_on_time_pct,
}


def indicator_value(code: str, *, org_unit: OrgUnit, year: int) -> IndicatorValue:
    """The value of the indicator ``code`` (KeyError for a code not of this app)."""
    return INDICATORS[code](org_unit=org_unit, year=year)
