"""The awards indicators of DESIGN.md for any org-unit subtree and year, in
the shape of ``qsdp.military_service.indicators``:

- ``awards.collective_count``: collectives awarded by decisions dated in the
  year, not revoked, counted in a unit of the subtree;
- ``awards.individual_count``: the same for people (each in the commune he
  belonged to when proposed).
"""

from collections.abc import Callable

from qsdp.awards.models import AwardRecipient, RecipientKind
from qsdp.military_service.indicators import IndicatorValue
from qsdp.orgunits.models import OrgUnit


def _awarded(code: str, kind: str, org_unit: OrgUnit, year: int) -> IndicatorValue:
    number = AwardRecipient.objects.filter(
        kind=kind,
        org_unit__path__startswith=org_unit.path,
        proposal__decision__decided_on__year=year,
        revocation__isnull=True,
    ).count()
    return IndicatorValue(code, number, number, 1)


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
