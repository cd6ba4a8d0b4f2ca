"""Deferral and exemption decisions (Luật DQTV 2019 Điều 11)."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet

from qsdp.accounts.models import User
from qsdp.accounts.scoping import get_scoped_or_404
from qsdp.militia.models import DutyDecision
from qsdp.militia.selectors._common import RECORD_PATHS, in_subtree, visible
from qsdp.orgunits.models import OrgUnit


def in_force_q(on: date, prefix: str = "") -> Q:
    """Decisions that hold on ``on``: decided by then, not ended, not expired."""
    return (
        Q(**{f"{prefix}decided_on__lte": on})
        & (Q(**{f"{prefix}ended_on__isnull": True}) | Q(**{f"{prefix}ended_on__gt": on}))
        & (Q(**{f"{prefix}valid_until__isnull": True}) | Q(**{f"{prefix}valid_until__gte": on}))
    )


def duty_decision_in_force(*, person_id: int, on: date) -> DutyDecision | None:
    """The deferral or exemption that holds for the person on ``on`` (the latest).

    Not scoped: it answers a rule (who may join the militia), not a page."""
    return (
        DutyDecision.objects.filter(in_force_q(on), person_id=person_id)
        .order_by("-decided_on", "-id")
        .first()
    )


@dataclass(frozen=True)
class DecisionFilters:
    org_unit: OrgUnit | None = None
    outcome: str = ""
    in_force_on: date | None = None


def duty_decision_list(*, user: User, filters: DecisionFilters) -> QuerySet[DutyDecision]:
    decisions = visible(DutyDecision.objects.all(), user).filter(
        in_subtree(filters.org_unit, "org_unit__path")
    )
    if filters.outcome:
        decisions = decisions.filter(outcome=filters.outcome)
    if filters.in_force_on is not None:
        decisions = decisions.filter(in_force_q(filters.in_force_on))
    return decisions.select_related("person", "org_unit").order_by(
        "org_unit__name", "person__sort_name", "-decided_on", "id"
    )


def duty_decision_get(*, user: User, pk: int) -> DutyDecision:
    return get_scoped_or_404(
        DutyDecision.objects.select_related("person__org_unit", "org_unit"),
        user,
        *RECORD_PATHS,
        pk=pk,
    )
