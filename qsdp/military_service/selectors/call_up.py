"""Quotas down the tree with what is left, the call-up lists and the orders."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from qsdp.accounts.models import User
from qsdp.accounts.scoping import get_scoped_or_404, scope_for
from qsdp.military_service.models import (
    CallUpCandidate,
    CallUpOrder,
    CandidateStatus,
    Quota,
)
from qsdp.military_service.rules.cycle import EventKind
from qsdp.military_service.selectors._common import (
    in_subtree,
    live,
    permanent_residences,
    residence_text,
)
from qsdp.orgunits.models import OrgUnit


@dataclass(frozen=True)
class QuotaRow:
    quota: Quota
    depth: int
    handed_down: int
    enlisted: int

    @property
    def remainder(self) -> int:
        """What the unit has not yet handed down to its units."""
        return self.quota.number - self.handed_down


def quota_tree(*, user: User, call_up_year: int, org_unit: OrgUnit | None = None) -> list[QuotaRow]:
    """The quotas of ``call_up_year`` in the user's scope, in tree order, with
    what each has handed down, what is left and how many were enlisted."""
    children = (
        Quota.objects.filter(parent=OuterRef("pk"))
        .values("parent")
        .annotate(total=Sum("number"))
        .values("total")
    )
    enlisted = (
        live(EventKind.ENLISTMENT, call_up_year=call_up_year)
        .filter(org_unit__path__startswith=OuterRef("org_unit__path"))
        .order_by()
        .values("kind")
        .annotate(total=Count("id"))
        .values("total")
    )
    quotas = (
        Quota.objects.filter(scope_for(user).q("org_unit__path"), call_up_year=call_up_year)
        .filter(in_subtree(org_unit, "org_unit__path"))
        .annotate(
            handed_down=Coalesce(Subquery(children, output_field=IntegerField()), 0),
            enlisted=Coalesce(Subquery(enlisted, output_field=IntegerField()), 0),
        )
        .select_related("org_unit", "parent__org_unit")
        .order_by("org_unit__path")
    )
    rows = list(quotas)
    top = min((q.org_unit.level for q in rows), default=0)
    return [
        QuotaRow(q, q.org_unit.level - top, q.handed_down, q.enlisted)  # type: ignore[attr-defined]
        for q in rows
    ]


def candidate_list(
    *,
    user: User,
    call_up_year: int,
    org_unit: OrgUnit | None = None,
    include_withdrawn: bool = False,
) -> QuerySet[CallUpCandidate]:
    """The ranked call-up lists (primary, then reserve), per unit; each candidate
    with the number of his live call-up order (``order_number``) and the date of
    his handover (``enlisted_on``) of the year, or None."""
    candidates = CallUpCandidate.objects.filter(
        scope_for(user).q("org_unit__path"), call_up_year=call_up_year
    ).filter(in_subtree(org_unit, "org_unit__path"))
    if not include_withdrawn:
        candidates = candidates.exclude(status=CandidateStatus.WITHDRAWN)
    of_year = {"person": OuterRef("person"), "call_up_year": call_up_year}
    order = live(EventKind.CALL_UP_ORDER, **of_year).order_by("-occurred_on", "-id")
    enlistment = live(EventKind.ENLISTMENT, **of_year).order_by("-occurred_on", "-id")
    return (
        candidates.annotate(
            order_number=Subquery(order.values("decision_number")[:1]),
            enlisted_on=Subquery(enlistment.values("occurred_on")[:1]),
        )
        .select_related("person", "org_unit", "replaces__person")
        .order_by("org_unit__name", "org_unit_id", "list_kind", "rank", "id")
    )


def order_list(
    *,
    user: User,
    call_up_year: int,
    org_unit: OrgUnit | None = None,
    include_cancelled: bool = False,
) -> QuerySet[CallUpOrder]:
    """The call-up orders of the year, by unit and number."""
    orders = CallUpOrder.objects.filter(
        scope_for(user).q("org_unit__path"), call_up_year=call_up_year
    ).filter(in_subtree(org_unit, "org_unit__path"))
    if not include_cancelled:
        orders = orders.filter(event__cancelled_on__isnull=True)
    return orders.select_related("event__person", "org_unit").order_by(
        "org_unit__name", "org_unit_id", "sequence"
    )


def candidate_get(*, user: User, pk: int) -> CallUpCandidate:
    """One candidate the user may see, else 404 (for the substitution and order pages)."""
    return get_scoped_or_404(
        CallUpCandidate.objects.select_related("person", "org_unit"), user, "org_unit__path", pk=pk
    )


def order_get(*, user: User, pk: int) -> CallUpOrder:
    """One call-up order the user may see, else 404 (for the printable order)."""
    return get_scoped_or_404(
        CallUpOrder.objects.select_related("event__person", "org_unit"),
        user,
        "org_unit__path",
        pk=pk,
    )


@dataclass(frozen=True)
class OrderSheet:
    """What a printed call-up order says (the document builders' input)."""

    order_id: int
    number: str
    call_up_year: int
    issued_on: date
    unit_name: str
    full_name: str
    birth_date: date
    residence: str
    report_on: date
    report_place: str


def order_sheets(
    *, user: User, call_up_year: int, org_unit: OrgUnit | None = None, pk: int | None = None
) -> list[OrderSheet]:
    """The live call-up orders of the year (or the one order ``pk``), ready to print."""
    orders = order_list(user=user, call_up_year=call_up_year, org_unit=org_unit)
    if pk is not None:
        orders = orders.filter(pk=pk)
    rows = orders.prefetch_related(permanent_residences("event__person__residences"))
    return [
        OrderSheet(
            order_id=order.pk,
            number=order.number,
            call_up_year=order.call_up_year,
            issued_on=order.issued_on,
            unit_name=order.org_unit.name,
            full_name=order.event.person.full_name,
            birth_date=order.event.person.birth_date,
            residence=residence_text(order.event.person),
            report_on=order.report_on,
            report_place=order.report_place,
        )
        for order in rows
    ]
