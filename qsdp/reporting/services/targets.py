"""Next year's plan: a target per indicator, unit and year, set by the command."""

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from qsdp.core.audit import record_event
from qsdp.core.errors import DomainError
from qsdp.orgunits.models import OrgUnit
from qsdp.reporting.errors import ReportingErrorCode as Code
from qsdp.reporting.models import Target
from qsdp.reporting.registry import INDICATOR_DEFS, IndicatorKind
from qsdp.reporting.services._common import require_command

PERCENT_MAX = Decimal(100)


def _check_value(indicator: str, value: Decimal) -> None:
    definition = INDICATOR_DEFS.get(indicator)
    if definition is None:
        raise DomainError(
            Code.UNKNOWN_INDICATOR,
            _("There is no indicator %(code)s.") % {"code": indicator},
            field="indicator",
        )
    if definition.kind is IndicatorKind.PERCENT and not Decimal(0) <= value <= PERCENT_MAX:
        raise DomainError(
            Code.TARGET_OUT_OF_RANGE,
            _("A percentage target lies between 0 and 100."),
            field="value",
        )
    if definition.kind is IndicatorKind.COUNT:
        if value < 0:
            raise DomainError(
                Code.TARGET_OUT_OF_RANGE, _("A count target cannot be negative."), field="value"
            )
        if value != value.to_integral_value():
            raise DomainError(
                Code.TARGET_NOT_WHOLE, _("A count target is a whole number."), field="value"
            )


@transaction.atomic
def target_set(
    *,
    actor: Any,
    org_unit: OrgUnit,
    year: int,
    indicator: str,
    value: Decimal,
    basis: str = "",
) -> Target:
    """Set (or change) ``org_unit``'s target for ``indicator`` in ``year``."""
    require_command(actor, org_unit.path)
    _check_value(indicator, value)
    target = (
        Target.objects.select_for_update()
        .filter(org_unit=org_unit, year=year, indicator=indicator)
        .first()
    )
    before = None if target is None else [str(target.value), target.basis]
    if target is None:
        target = Target(org_unit=org_unit, year=year, indicator=indicator)
    target.value = value
    target.basis = basis.strip()
    target.set_by = actor
    target.full_clean()
    target.save()
    record_event(
        actor=actor,
        verb="reporting.target_set",
        target=target,
        changes={
            "value": [before and before[0], str(value)],
            "basis": [before and before[1], target.basis],
        },
    )
    return target


@transaction.atomic
def target_delete(*, actor: Any, target: Target) -> None:
    require_command(actor, target.org_unit.path)
    record_event(
        actor=actor,
        verb="reporting.target_deleted",
        target=target,
        changes={"indicator": target.indicator, "year": target.year, "value": str(target.value)},
    )
    target.delete()


@transaction.atomic
def targets_copy_previous_year(*, actor: Any, org_unit: OrgUnit, year: int) -> list[Target]:
    """Copy ``year − 1``'s targets of ``org_unit`` into ``year`` where ``year`` has
    none yet; one audit event for the whole copy."""
    require_command(actor, org_unit.path)
    have = set(
        Target.objects.filter(org_unit=org_unit, year=year).values_list("indicator", flat=True)
    )
    previous = Target.objects.filter(org_unit=org_unit, year=year - 1).exclude(indicator__in=have)
    copies = [
        Target(
            org_unit=org_unit,
            year=year,
            indicator=row.indicator,
            value=row.value,
            basis=row.basis,
            set_by=actor,
        )
        for row in previous
        if row.indicator in INDICATOR_DEFS
    ]
    if not copies:
        raise DomainError(
            Code.NOTHING_TO_COPY,
            _("%(year)s has no targets that %(next)s does not already have.")
            % {"year": year - 1, "next": year},
        )
    for copy in copies:
        copy.full_clean()
    Target.objects.bulk_create(copies)
    record_event(
        actor=actor,
        verb="reporting.targets_copied",
        target=org_unit,
        changes={"year": year, "from_year": year - 1, "indicators": [c.indicator for c in copies]},
    )
    return copies
