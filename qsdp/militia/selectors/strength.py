"""Militia strength against population (``militia.population_pct``).

The denominator is the population **of the person register**: the people whose
permanent residence lay in the subtree on the day. qsdp holds no census figure,
and the register holds the people the military work concerns (men and women of
registration, militia and reserve age and those recorded for other reasons),
so the share is higher than the official ratio to the census population
(about 1.2–1.4 %). The numerator is the militia members on the day, counted in
the commune that recorded them (a later move does not change a past year).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, Q, QuerySet

from qsdp.accounts.models import User
from qsdp.accounts.scoping import scope_for
from qsdp.military_service.indicators import percent
from qsdp.militia.models import MilitiaMember
from qsdp.militia.selectors._common import in_subtree
from qsdp.militia.selectors.members import active_on_q
from qsdp.orgunits.models import COMMUNE_LEVEL_KINDS, OrgUnit
from qsdp.people.models import Residence, ResidenceKind


def members_on(on: date) -> QuerySet[MilitiaMember]:
    return MilitiaMember.objects.filter(active_on_q(on))


def residents_on(on: date) -> QuerySet[Residence]:
    """The open permanent residences on ``on`` (one per person)."""
    return Residence.objects.filter(kind=ResidenceKind.PERMANENT, started_on__lte=on).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gt=on)
    )


def militia_strength(*, org_unit: OrgUnit, on: date) -> int:
    return members_on(on).filter(org_unit__path__startswith=org_unit.path).count()


# The strength report gives the militia share of the population to two decimals.
STRENGTH_PLACES = "0.01"


def register_population(*, org_unit: OrgUnit, on: date) -> int:
    # COUNT(DISTINCT …) in one aggregate: a subquery of DISTINCT rows (what
    # .distinct().count() writes) hashes every person first, 2.4× slower here.
    people = residents_on(on).filter(org_unit__path__startswith=org_unit.path)
    counted: int = people.aggregate(n=Count("person_id", distinct=True))["n"]
    return counted


@dataclass(frozen=True)
class StrengthRow:
    org_unit_id: int
    name: str
    members: int
    population: int

    @property
    def pct(self) -> Decimal | None:
        return percent(self.members, self.population, STRENGTH_PLACES)


@dataclass(frozen=True)
class Strength:
    on: date
    rows: list[StrengthRow]

    @property
    def members(self) -> int:
        return sum(row.members for row in self.rows)

    @property
    def population(self) -> int:
        return sum(row.population for row in self.rows)

    @property
    def pct(self) -> Decimal | None:
        return percent(self.members, self.population, STRENGTH_PLACES)


def strength_by_commune(*, user: User, on: date, org_unit: OrgUnit | None = None) -> Strength:
    """Members and register population of each commune of the user's area on
    ``on`` (two grouped queries)."""
    scope = scope_for(user)
    communes = list(
        OrgUnit.objects.filter(scope.q("path"), in_subtree(org_unit, "path"))
        .filter(kind__in=COMMUNE_LEVEL_KINDS, opened_on__lte=on)
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gt=on))
        .order_by("name", "id")
    )
    ids = [unit.pk for unit in communes]
    members = dict(
        members_on(on)
        .filter(org_unit_id__in=ids)
        .values_list("org_unit_id")
        .annotate(n=Count("id"))
        .values_list("org_unit_id", "n")
    )
    population = dict(
        residents_on(on)
        .filter(org_unit_id__in=ids)
        .values_list("org_unit_id")
        .annotate(n=Count("person_id", distinct=True))
        .values_list("org_unit_id", "n")
    )
    rows = [
        StrengthRow(unit.pk, unit.name, members.get(unit.pk, 0), population.get(unit.pk, 0))
        for unit in communes
    ]
    return Strength(on=on, rows=rows)
