"""The awards indicators of DESIGN.md for any org-unit subtree and year, in
the shape of ``qsdp.military_service.indicators``:

- ``awards.collective_count``: collectives awarded by decisions dated in the
  year, not revoked, counted in a unit of the subtree;
- ``awards.individual_count``: the same for people (each in the commune he
  belonged to when proposed).
"""

from collections.abc import Callable

from django.db.models import QuerySet

from qsdp.awards.models import AwardRecipient, RecipientKind
from qsdp.military_service.indicators import IndicatorValue, count_value
from qsdp.orgunits.models import OrgUnit


def awarded(*, kind: str, org_unit: OrgUnit, year: int) -> QuerySet[AwardRecipient]:
    """The standing awards of ``kind`` counted in the subtree, decided in ``year``
    (what the counts count, and what the reporting drill-down lists)."""
    return AwardRecipient.objects.filter(
        kind=kind,
        org_unit__path__startswith=org_unit.path,
        proposal__decision__decided_on__year=year,
        revocation__isnull=True,
    )


def _awarded(code: str, kind: str, org_unit: OrgUnit, year: int) -> IndicatorValue:
    number = awarded(kind=kind, org_unit=org_unit, year=year).count()
    return count_value(code, number)


def collective_count(*, org_unit: OrgUnit, year: int) -> IndicatorValue:
    return _awarded("awards.collective_count", RecipientKind.COLLECTIVE, org_unit, year)


def individual_count(*, org_unit: OrgUnit, year: int) -> IndicatorValue:
    return _awarded("awards.individual_count", RecipientKind.INDIVIDUAL, org_unit, year)


INDICATORS: dict[str, Callable[..., IndicatorValue]] = {
    "awards.collective_count": collective_count,
    "awards.individual_count": individual_count,
}


def indicator_value(code: str, *, org_unit: OrgUnit, year: int) -> IndicatorValue:
    """The value of the indicator ``code`` (KeyError for a code not of this app)."""
    return INDICATORS[code](org_unit=org_unit, year=year)
