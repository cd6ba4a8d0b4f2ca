"""Members of the militia: the list with its filters, one member, a person's
militia record (for the person page)."""

import re
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q, QuerySet

from qsdp.accounts.models import User
from qsdp.accounts.scoping import get_scoped_or_404
from qsdp.core.text import fold
from qsdp.militia.dates import full_months
from qsdp.militia.models import (
    DutyDecision,
    MilitiaMember,
    MilitiaRegistration,
    MilitiaTypeChoices,
    MilitiaUnit,
    ServiceCompletion,
    TermExtension,
)
from qsdp.militia.selectors._common import RECORD_PATHS, in_subtree, visible
from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person


class MemberStatus:
    CURRENT = "current"
    LEFT = "left"
    ALL = "all"


def active_on_q(on: date, prefix: str = "") -> Q:
    """Members in the militia on ``on``: their term has started and they have not left."""
    return Q(**{f"{prefix}term_start__lte": on}) & (
        Q(**{f"{prefix}left_on__isnull": True}) | Q(**{f"{prefix}left_on__gt": on})
    )


@dataclass(frozen=True)
class MemberFilters:
    q: str = ""
    org_unit: OrgUnit | None = None
    militia_type: str = ""
    unit: MilitiaUnit | None = None
    # The members whose term (extensions included) ends in this year.
    term_ending_in: int | None = None
    status: str = MemberStatus.CURRENT


def member_list(*, user: User, filters: MemberFilters) -> QuerySet[MilitiaMember]:
    """Members the user may see, filtered; by commune, then as registers sort names."""
    members = visible(MilitiaMember.objects.all(), user).filter(
        in_subtree(filters.org_unit, "org_unit__path")
    )
    query = filters.q.strip()
    if re.fullmatch(r"\d{3,12}", query):
        members = members.filter(person__national_id__startswith=query)
    elif query:
        members = members.filter(person__search_name__contains=fold(query))
    if filters.militia_type:
        members = members.filter(militia_type=filters.militia_type)
    if filters.unit is not None:
        members = members.filter(unit=filters.unit)
    if filters.term_ending_in:
        members = members.filter(term_end__year=filters.term_ending_in)
    if filters.status == MemberStatus.CURRENT:
        members = members.filter(left_on__isnull=True)
    elif filters.status == MemberStatus.LEFT:
        members = members.filter(left_on__isnull=False)
    return members.select_related("person", "org_unit", "unit").order_by(
        "org_unit__name", "org_unit_id", "person__sort_name", "id"
    )


def member_get(*, user: User, pk: int) -> MilitiaMember:
    """One member the user may see, else 404."""
    return get_scoped_or_404(
        MilitiaMember.objects.select_related("person__org_unit", "org_unit", "unit"),
        user,
        *RECORD_PATHS,
        pk=pk,
    )


def member_extensions(*, member: MilitiaMember) -> list[TermExtension]:
    return list(member.extensions.order_by("new_term_end", "id"))


def standing_months(*, person_id: int, on: date) -> int:
    """Whole months the person served as standing militia up to ``on``, over all his terms."""
    terms = MilitiaMember.objects.filter(
        person_id=person_id, militia_type=MilitiaTypeChoices.STANDING, term_start__lte=on
    ).values_list("term_start", "left_on")
    return sum(full_months(start, min(left_on, on) if left_on else on) for start, left_on in terms)


@dataclass(frozen=True)
class PersonMilitia:
    """A person's militia record, for the person page."""

    terms: list[MilitiaMember] = field(default_factory=list)
    decisions: list[DutyDecision] = field(default_factory=list)
    registrations: list[MilitiaRegistration] = field(default_factory=list)
    completion: ServiceCompletion | None = None

    @property
    def current(self) -> MilitiaMember | None:
        return next((term for term in self.terms if term.left_on is None), None)

    @property
    def is_empty(self) -> bool:
        return not (self.terms or self.decisions or self.registrations or self.completion)


def person_militia(*, person: Person) -> PersonMilitia:
    """Everything the militia register holds about a person the caller has read
    through ``people.selectors.person_get`` (so it is in the user's scope)."""
    return PersonMilitia(
        terms=list(
            MilitiaMember.objects.filter(person=person)
            .select_related("unit", "org_unit")
            .order_by("-term_start", "-id")
        ),
        decisions=list(DutyDecision.objects.filter(person=person).order_by("-decided_on", "-id")),
        registrations=list(
            MilitiaRegistration.objects.filter(person=person).order_by("-year", "-id")
        ),
        completion=ServiceCompletion.objects.filter(person=person).first(),
    )
