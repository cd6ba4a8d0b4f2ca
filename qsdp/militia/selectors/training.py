"""Training days required by the law against days done, per member and per unit.

The days required come from ``rules.militia_training`` (Luật DQTV 2019 Điều 28
khoản 1) for the member's type and year of service; the calendar year in which
the term starts is year 1 of service."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from qsdp.accounts.models import User
from qsdp.militia import rules
from qsdp.militia.models import MilitiaMember, MilitiaUnit, TrainingRecord
from qsdp.militia.selectors._common import in_subtree, visible
from qsdp.orgunits.models import OrgUnit


def service_year(member: MilitiaMember, year: int) -> int:
    return year - member.term_start.year + 1


def days_required(member: MilitiaMember, year: int) -> int:
    return rules.militia_training(
        militia_type=member.militia_type,
        service_year=max(service_year(member, year), 1),
        on=date(year, 12, 31),
    ).training_days_per_year


@dataclass(frozen=True)
class TrainingRow:
    member: MilitiaMember
    service_year: int
    required: int
    done: int | None  # None: nothing recorded for the year

    @property
    def missing(self) -> int:
        return max(self.required - (self.done or 0), 0)

    @property
    def met(self) -> bool:
        return self.missing == 0


@dataclass(frozen=True)
class UnitTraining:
    unit_id: int | None  # None: members not placed in a unit
    unit_name: str
    org_unit_name: str
    members: int
    required: int
    done: int
    met: int  # members who did all their days


@dataclass(frozen=True)
class TrainingSummary:
    year: int
    rows: list[TrainingRow]
    units: list[UnitTraining]


def _members_in_year(user: User, year: int) -> QuerySet[MilitiaMember]:
    return (
        visible(MilitiaMember.objects.all(), user)
        .alias(last_day=Coalesce(F("left_on"), F("term_end")))
        .filter(term_start__lte=date(year, 12, 31), last_day__gte=date(year, 1, 1))
    )


def _by_unit(rows: Iterable[TrainingRow]) -> list[UnitTraining]:
    totals: dict[int | None, list[TrainingRow]] = {}
    for row in rows:
        totals.setdefault(row.member.unit_id, []).append(row)
    units = []
    for unit_id, unit_rows in totals.items():
        unit: MilitiaUnit | None = unit_rows[0].member.unit
        units.append(
            UnitTraining(
                unit_id=unit_id,
                unit_name=unit.name if unit else "",
                org_unit_name=unit_rows[0].member.org_unit.name,
                members=len(unit_rows),
                required=sum(r.required for r in unit_rows),
                done=sum(r.done or 0 for r in unit_rows),
                met=sum(1 for r in unit_rows if r.met),
            )
        )
    return sorted(units, key=lambda u: (u.org_unit_name, u.unit_id is None, u.unit_name))


def training_summary(
    *,
    user: User,
    year: int,
    org_unit: OrgUnit | None = None,
    unit: MilitiaUnit | None = None,
) -> TrainingSummary:
    """Every member who served in ``year`` with the days required and done, and
    the totals per unit (one query)."""
    done = TrainingRecord.objects.filter(member=OuterRef("pk"), year=year).values("days_done")[:1]
    members = _members_in_year(user, year).filter(in_subtree(org_unit, "org_unit__path"))
    if unit is not None:
        members = members.filter(unit=unit)
    members = (
        members.annotate(days_done=Subquery(done))
        .select_related("person", "org_unit", "unit")
        .order_by(
            "org_unit__name",
            "org_unit_id",
            F("unit__name").asc(nulls_last=True),
            "person__sort_name",
            "id",
        )
    )
    rows = [
        TrainingRow(
            member=member,
            service_year=max(service_year(member, year), 1),
            required=days_required(member, year),
            done=member.days_done,  # type: ignore[attr-defined]
        )
        for member in members
    ]
    return TrainingSummary(year=year, rows=rows, units=_by_unit(rows))
