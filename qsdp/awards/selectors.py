"""Award reads, always scoped to the user's area: a proposal by its unit, a
decision by its deciding unit or the units of its proposals, an award by the
unit it counts in."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from qsdp.accounts.models import User
from qsdp.accounts.scoping import get_scoped_or_404, scoped
from qsdp.awards.models import (
    AwardDecision,
    AwardForm,
    AwardProposal,
    AwardRecipient,
    ProposalStatus,
)
from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person

RECIPIENTS = Prefetch(
    "recipients",
    queryset=AwardRecipient.objects.select_related(
        "person", "unit", "org_unit", "revocation"
    ).prefetch_related("evidence"),
)


@dataclass(frozen=True)
class ProposalFilters:
    year: int | None = None
    org_unit: OrgUnit | None = None
    status: str = ""
    form: AwardForm | None = None


def proposal_list(*, user: User, filters: ProposalFilters) -> QuerySet[AwardProposal]:
    proposals = scoped(AwardProposal.objects.all(), user, "org_unit__path")
    if filters.year:
        proposals = proposals.filter(year=filters.year)
    if filters.org_unit is not None:
        proposals = proposals.filter(org_unit__path__startswith=filters.org_unit.path)
    if filters.status:
        proposals = proposals.filter(status=filters.status)
    if filters.form is not None:
        proposals = proposals.filter(form=filters.form)
    return (
        proposals.select_related("org_unit", "form", "decision")
        .annotate(
            collectives=Count("recipients", filter=Q(recipients__kind="collective")),
            individuals=Count("recipients", filter=Q(recipients__kind="individual")),
        )
        .order_by("-year", "org_unit__name", "-id")
    )


def proposal_get(*, user: User, pk: int) -> AwardProposal:
    return get_scoped_or_404(
        AwardProposal.objects.select_related(
            "org_unit", "form", "decision", "reviewed_by"
        ).prefetch_related(RECIPIENTS),
        user,
        "org_unit__path",
        pk=pk,
    )


def recipient_get(*, user: User, pk: int) -> AwardRecipient:
    return get_scoped_or_404(
        AwardRecipient.objects.select_related("proposal__org_unit"),
        user,
        "proposal__org_unit__path",
        pk=pk,
    )


def recommended_proposals(*, user: User, under: OrgUnit | None = None) -> QuerySet[AwardProposal]:
    """The recommended proposals the user may decide (in his write scope)."""
    proposals = scoped(
        AwardProposal.objects.filter(status=ProposalStatus.RECOMMENDED),
        user,
        "org_unit__path",
        write=True,
    )
    if under is not None:
        proposals = proposals.filter(org_unit__path__startswith=under.path)
    return proposals.select_related("org_unit", "form").order_by("org_unit__name", "id")


def decision_get(*, user: User, pk: int) -> AwardDecision:
    proposals = Prefetch(
        "proposals",
        queryset=AwardProposal.objects.select_related("org_unit")
        .prefetch_related(RECIPIENTS)
        .order_by("org_unit__name", "id"),
    )
    return get_scoped_or_404(
        AwardDecision.objects.select_related("deciding_unit", "form").prefetch_related(
            proposals, "revocations"
        ),
        user,
        "deciding_unit__path",
        "proposals__org_unit__path",
        pk=pk,
    )


def decision_recipients(decision: AwardDecision) -> list[AwardRecipient]:
    """The decision's recipients: collectives first, then people, in proposal order."""
    recipients = [r for p in decision.proposals.all() for r in p.recipients.all()]
    return sorted(recipients, key=lambda r: (r.kind != "collective", r.proposal_id, r.pk))


def awards_of_person(*, user: User, person: Person) -> QuerySet[AwardRecipient]:
    """The decided awards of ``person`` the user may see (the revoked ones marked)."""
    return (
        scoped(
            AwardRecipient.objects.filter(person=person, proposal__decision__isnull=False),
            user,
            "org_unit__path",
            "proposal__org_unit__path",
        )
        .distinct()
        .select_related(
            "proposal__decision__form", "proposal__decision__deciding_unit", "revocation"
        )
        .order_by("-proposal__decision__decided_on", "-id")
    )


def awards_in_unit(*, user: User, unit: OrgUnit, limit: int = 20) -> list[AwardRecipient]:
    """The latest decided awards counted in ``unit``'s subtree the user may see."""
    rows = scoped(
        AwardRecipient.objects.filter(
            org_unit__path__startswith=unit.path, proposal__decision__isnull=False
        ),
        user,
        "org_unit__path",
    )
    return list(
        rows.select_related(
            "proposal__decision__form",
            "proposal__decision__deciding_unit",
            "revocation",
            "org_unit",
        ).order_by("-proposal__decision__decided_on", "kind", "id")[:limit]
    )
