"""Call-up quotas assigned down the tree (Luật NVQS 2015 Điều 34): a unit hands
down only what it holds."""

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from qsdp.core.audit import diff, record_event, snapshot
from qsdp.core.errors import DomainError
from qsdp.core.locks import ensure_period_open
from qsdp.core.text import nfc
from qsdp.military_service.errors import MilitaryServiceErrorCode as Code
from qsdp.military_service.models import Quota
from qsdp.military_service.services._common import guard, user_or_none
from qsdp.orgunits.models import COMMUNE_LEVEL_KINDS, OrgUnit, OrgUnitKind

QUOTA_UNIT_KINDS = (OrgUnitKind.PROVINCE, OrgUnitKind.DISTRICT, *COMMUNE_LEVEL_KINDS)
AUDITED = ("number", "decided_on", "decision_number")


def handed_down(quota: Quota, *, excluding: Quota | None = None) -> int:
    """How much of ``quota`` its children hold."""
    children = quota.children.all()
    if excluding is not None:
        children = children.exclude(pk=excluding.pk)
    return int(children.aggregate(total=Sum("number"))["total"] or 0)


@transaction.atomic
def quota_assign(
    *,
    actor: Any,
    org_unit: OrgUnit,
    call_up_year: int,
    number: int,
    decided_on: date,
    decision_number: str = "",
) -> Quota:
    """Give ``org_unit`` its quota for ``call_up_year`` out of its parent's (or change it).

    A province's quota comes from the Prime Minister's decision; every other
    unit's from its parent's quota of the same year, within what is left of it."""
    parent_unit = org_unit.parent
    guard(actor, (parent_unit or org_unit).path)
    # A quota counts in its call-up year (the 2024 quota is decided late in 2023).
    ensure_period_open(org_unit=org_unit, on=date(call_up_year, 1, 1), field="call_up_year")
    if org_unit.kind not in QUOTA_UNIT_KINDS:
        raise DomainError(
            Code.QUOTA_UNIT_KIND,
            _("Quotas are assigned to provinces, cities/districts, wards and communes."),
            field="org_unit",
        )
    parent: Quota | None = None
    if org_unit.kind != OrgUnitKind.PROVINCE and parent_unit is not None:
        parent = (
            Quota.objects.select_for_update()
            .filter(call_up_year=call_up_year, org_unit=parent_unit)
            .first()
        )
        if parent is None:
            raise DomainError(
                Code.QUOTA_PARENT_MISSING,
                _(
                    "%(parent)s has no call-up quota for %(year)s yet, so it cannot assign "
                    "one to %(unit)s."
                )
                % {"parent": parent_unit.name, "year": call_up_year, "unit": org_unit.name},
                field="number",
            )
    quota = (
        Quota.objects.select_for_update()
        .filter(call_up_year=call_up_year, org_unit=org_unit)
        .first()
    )
    if parent is not None:
        remainder = parent.number - handed_down(parent, excluding=quota)
        if number > remainder:
            raise DomainError(
                Code.QUOTA_OVER_REMAINDER,
                _(
                    "%(parent)s has %(left)s left to assign, so it cannot assign %(number)s "
                    "to %(unit)s."
                )
                % {
                    "parent": parent.org_unit.name,
                    "left": remainder,
                    "number": number,
                    "unit": org_unit.name,
                },
                field="number",
            )
    if quota is not None:
        given = handed_down(quota)
        if number < given:
            raise DomainError(
                Code.QUOTA_BELOW_CHILDREN,
                _(
                    "%(unit)s has already assigned %(given)s to its units, so its quota "
                    "cannot be %(number)s."
                )
                % {"unit": org_unit.name, "given": given, "number": number},
                field="number",
            )
        before = snapshot(quota, AUDITED)
    else:
        before = dict.fromkeys(AUDITED)
        quota = Quota(call_up_year=call_up_year, org_unit=org_unit, parent=parent)
    quota.number = number
    quota.decided_on = decided_on
    quota.decision_number = nfc(decision_number)
    quota.assigned_by = user_or_none(actor)
    quota.full_clean(validate_unique=False, validate_constraints=False)
    changed = quota.pk is not None
    quota.save()
    record_event(
        actor=actor,
        verb="quota.changed" if changed else "quota.assigned",
        target=quota,
        changes={**diff(before, snapshot(quota, AUDITED)), "call_up_year": [None, call_up_year]},
    )
    return quota
