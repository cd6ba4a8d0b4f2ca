"""The yearly review (rà soát) and the list of those reaching the age limit."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, Q, QuerySet

from qsdp.accounts.models import User
from qsdp.orgunits.models import OrgUnit
from qsdp.reserves.limits import age_limit
from qsdp.reserves.models import ReserveReview, Reservist
from qsdp.reserves.selectors.reservists import current_arrangements, visible_reservists

# The oldest a reservist in the register can be: the oldest general's limit (63).
OLDEST = 64


@dataclass(frozen=True)
class ReviewRow:
    reservist: Reservist
    review: ReserveReview | None
    reaches_limit_on: date | None

    @property
    def is_reviewed(self) -> bool:
        return self.review is not None


@dataclass(frozen=True)
class AgeLimitRow:
    reservist: Reservist
    last_day: date


def _in_register_during(year: int) -> Q:
    """In the register at some time of ``year``."""
    return Q(registered_on__lte=date(year, 12, 31)) & (
        Q(removed_on__isnull=True) | Q(removed_on__gt=date(year, 1, 1))
    )


def _last_day(reservist: Reservist, year: int) -> date:
    person = reservist.person
    return age_limit(
        sex=person.sex, birth_date=person.birth_date, rank_group=reservist.rank_group,
        rank=reservist.rank, on=date(year, 12, 31),
    ).last_day  # fmt: skip


def _reservists(user: User, year: int, org_unit: OrgUnit | None) -> QuerySet[Reservist]:
    rows = visible_reservists(user).filter(_in_register_during(year))
    if org_unit is not None:
        rows = rows.filter(person__org_unit__path__startswith=org_unit.path)
    return rows.select_related("person__org_unit").order_by("person__sort_name", "id")


def review_list(*, user: User, year: int, org_unit: OrgUnit | None = None) -> list[ReviewRow]:
    """Every reservist in the register during ``year`` with his review of the year
    (None when not yet reviewed) and, when it falls in the year or before, the
    last day of his age limit. Three queries."""
    reviews = Prefetch("reviews", ReserveReview.objects.filter(year=year), to_attr="of_year")
    rows = _reservists(user, year, org_unit).prefetch_related(
        reviews, current_arrangements(date(year, 12, 31))
    )
    result = []
    for reservist in rows:
        found = reservist.of_year  # type: ignore[attr-defined]
        last = _last_day(reservist, year)
        result.append(
            ReviewRow(reservist, found[0] if found else None, last if last.year <= year else None)
        )
    return result


def age_limit_list(*, user: User, year: int, org_unit: OrgUnit | None = None) -> list[AgeLimitRow]:
    """Reservists still in the register whose age limit ends in ``year`` or ended
    before it (to be removed), by the last day they may serve."""
    oldest_birth = date(year - OLDEST, 1, 1)
    # Born late enough to be in the reserve at all, early enough to reach a limit
    # this year: NCOs and soldiers 40 (women) or 45 (men), officers 53 and over.
    youngest_birth = date(year - 39, 12, 31)
    rows = (
        _reservists(user, year, org_unit)
        .filter(Q(removed_on__isnull=True) | Q(removed_on__gt=date(year, 12, 31)))
        .filter(person__birth_date__gte=oldest_birth, person__birth_date__lte=youngest_birth)
    )
    result = [AgeLimitRow(r, _last_day(r, year)) for r in rows]
    return sorted(
        (row for row in result if row.last_day.year <= year),
        key=lambda row: (row.last_day, row.reservist.person.sort_name),
    )
