"""Proposals: a unit proposes collectives and people for a form of reward,
submits, and the command reviews (recommends or rejects with a reason)."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.apps import apps
from django.db import transaction
from django.utils.translation import gettext as _

from qsdp.awards.errors import AwardsErrorCode as Code
from qsdp.awards.models import (
    AwardEvidence,
    AwardForm,
    AwardProposal,
    AwardRecipient,
    EvidenceKind,
    ProposalStatus,
    RecipientKind,
)
from qsdp.awards.services._common import (
    check_form_in_force,
    guard,
    guard_reviewer,
    move,
    today,
    user_or_none,
)
from qsdp.core.audit import diff, record_event, snapshot
from qsdp.core.errors import DomainError
from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person

PROPOSAL_FIELDS = ("org_unit", "year", "form", "title", "summary", "status")


@dataclass(frozen=True)
class ProposalData:
    year: int
    form: AwardForm
    title: str = ""
    summary: str = ""


def _check_proposal(data: ProposalData) -> None:
    check_form_in_force(data.form, date(data.year, 1, 1), date(data.year, 12, 31))


def _check_editable(proposal: AwardProposal) -> None:
    if proposal.status != ProposalStatus.DRAFT:
        raise DomainError(
            Code.NOT_EDITABLE,
            _("Only a draft proposal can be changed; this one is “%(status)s”.")
            % {"status": ProposalStatus(proposal.status).label},
        )


@transaction.atomic
def proposal_create(*, actor: Any, org_unit: OrgUnit, data: ProposalData) -> AwardProposal:
    """A draft proposal of ``org_unit`` for ``data.form``."""
    guard(actor, org_unit.path)
    _check_proposal(data)
    proposal = AwardProposal(org_unit=org_unit, created_by=user_or_none(actor), **data.__dict__)
    proposal.full_clean(validate_constraints=False)
    proposal.save()
    record_event(
        actor=actor,
        verb="award_proposal.created",
        target=proposal,
        changes=diff({}, snapshot(proposal, PROPOSAL_FIELDS)),
    )
    return proposal


@transaction.atomic
def proposal_update(*, actor: Any, proposal: AwardProposal, data: ProposalData) -> AwardProposal:
    guard(actor, proposal.org_unit.path)
    proposal = AwardProposal.objects.select_for_update().get(pk=proposal.pk)
    _check_editable(proposal)
    _check_proposal(data)
    if data.form != proposal.form:
        _check_recipient_kinds(data.form, list(proposal.recipients.values_list("kind", flat=True)))
    before = snapshot(proposal, PROPOSAL_FIELDS)
    for name, value in data.__dict__.items():
        setattr(proposal, name, value)
    proposal.full_clean(validate_constraints=False)
    proposal.save()
    record_event(
        actor=actor,
        verb="award_proposal.updated",
        target=proposal,
        changes=diff(before, snapshot(proposal, PROPOSAL_FIELDS)),
    )
    return proposal


@dataclass(frozen=True)
class RecordLink:
    record_type: str  # a model label, "operations.drill"
    record_id: int
    label: str = ""


@dataclass(frozen=True)
class RecipientData:
    kind: str
    achievement: str
    person: Person | None = None
    unit: OrgUnit | None = None  # a collective in the tree
    name: str = ""  # a collective outside the tree (or the name to print)
    position: str = ""
    indicators: Sequence[str] = ()
    records: Sequence[RecordLink] = ()


def _check_recipient_kinds(form: AwardForm, kinds: Sequence[str]) -> None:
    for kind in kinds:
        allowed = form.for_collectives if kind == RecipientKind.COLLECTIVE else form.for_individuals
        if not allowed:
            raise DomainError(
                Code.RECIPIENT_KIND,
                _("“%(form)s” is not given to a %(kind)s.")
                % {"form": form.name, "kind": RecipientKind(kind).label.lower()},
                field="kind",
            )


def _counted_in(proposal: AwardProposal, data: RecipientData) -> tuple[OrgUnit, str]:
    """Where the recipient counts, and the name printed for it."""
    if data.kind == RecipientKind.INDIVIDUAL:
        if data.person is None:
            raise DomainError(
                Code.RECIPIENT_MISSING, _("Choose the person to propose."), field="person"
            )
        return data.person.org_unit, data.person.full_name
    if data.unit is not None:
        # A military command counts in the area it serves.
        return data.unit.serves or data.unit, data.name or data.unit.name
    if not data.name.strip():
        raise DomainError(
            Code.RECIPIENT_MISSING,
            _("Choose the unit, or name the organisation outside the tree."),
            field="unit",
        )
    return proposal.org_unit, data.name.strip()


def _check_evidence(data: RecipientData, known_indicators: Sequence[str] | None) -> None:
    for code in data.indicators:
        if known_indicators is not None and code not in known_indicators:
            raise DomainError(
                Code.EVIDENCE, _("There is no indicator “%(code)s”.") % {"code": code},
                field="indicators",
            )  # fmt: skip
    for link in data.records:
        try:
            model = apps.get_model(link.record_type)
        except (LookupError, ValueError):
            model = None
        if model is None or not model._default_manager.filter(pk=link.record_id).exists():
            raise DomainError(
                Code.EVIDENCE,
                _("There is no record %(type)s #%(id)s.")
                % {"type": link.record_type, "id": link.record_id},
                field="records",
            )


@transaction.atomic
def recipient_add(
    *,
    actor: Any,
    proposal: AwardProposal,
    data: RecipientData,
    known_indicators: Sequence[str] | None = None,
) -> AwardRecipient:
    """Add a collective or a person, with the achievement and its evidence, to a
    draft proposal; they must belong to the proposing unit's area."""
    guard(actor, proposal.org_unit.path)
    proposal = AwardProposal.objects.select_for_update().select_related("form").get(pk=proposal.pk)
    _check_editable(proposal)
    _check_recipient_kinds(proposal.form, [data.kind])
    counted_in, name = _counted_in(proposal, data)
    if not counted_in.path.startswith(proposal.org_unit.path):
        raise DomainError(
            Code.RECIPIENT_OUTSIDE,
            _("%(name)s does not belong to %(unit)s.")
            % {"name": name, "unit": proposal.org_unit.name},
            field="person" if data.kind == RecipientKind.INDIVIDUAL else "unit",
        )
    if data.person is not None and proposal.recipients.filter(person=data.person).exists():
        raise DomainError(
            Code.RECIPIENT_TWICE,
            _("%(name)s is already in this proposal.") % {"name": name},
            field="person",
        )
    _check_evidence(data, known_indicators)
    recipient = AwardRecipient(
        proposal=proposal,
        kind=data.kind,
        person=data.person if data.kind == RecipientKind.INDIVIDUAL else None,
        unit=data.unit if data.kind == RecipientKind.COLLECTIVE else None,
        name=name,
        position=data.position,
        org_unit=counted_in,
        achievement=data.achievement,
    )
    recipient.full_clean(validate_constraints=False)
    recipient.save()
    evidence = [
        AwardEvidence(recipient=recipient, kind=EvidenceKind.INDICATOR, indicator_code=code)
        for code in data.indicators
    ] + [
        AwardEvidence(
            recipient=recipient,
            kind=EvidenceKind.RECORD,
            record_type=link.record_type,
            record_id=link.record_id,
            label=link.label,
        )
        for link in data.records
    ]
    AwardEvidence.objects.bulk_create(evidence)
    changes = diff({}, snapshot(recipient, ("proposal", "kind", "name", "org_unit", "achievement")))
    changes["evidence"] = [None, [str(item) for item in evidence]]
    record_event(
        actor=actor,
        verb="award_recipient.added",
        target=recipient,
        changes=changes,
        person_id=recipient.person_id,
    )
    return recipient


@transaction.atomic
def recipient_remove(*, actor: Any, recipient: AwardRecipient) -> None:
    proposal = recipient.proposal
    guard(actor, proposal.org_unit.path)
    proposal = AwardProposal.objects.select_for_update().get(pk=proposal.pk)
    _check_editable(proposal)
    record_event(
        actor=actor,
        verb="award_recipient.removed",
        target=recipient,
        changes={"name": [recipient.name, None]},
        person_id=recipient.person_id,
    )
    recipient.delete()


@transaction.atomic
def proposal_submit(
    *, actor: Any, proposal: AwardProposal, on: date | None = None
) -> AwardProposal:
    """Send a draft to the command; it needs at least one recipient."""
    guard(actor, proposal.org_unit.path)
    proposal = AwardProposal.objects.select_for_update().get(pk=proposal.pk)
    if not proposal.recipients.exists():
        raise DomainError(
            Code.NO_RECIPIENTS, _("Add at least one collective or person before submitting.")
        )
    before = snapshot(proposal, ("status", "submitted_on"))
    move(proposal, ProposalStatus.SUBMITTED)
    proposal.submitted_on = on or today()
    proposal.save()
    record_event(
        actor=actor,
        verb="award_proposal.submitted",
        target=proposal,
        changes=diff(before, snapshot(proposal, ("status", "submitted_on"))),
    )
    return proposal


@transaction.atomic
def proposal_review(
    *,
    actor: Any,
    proposal: AwardProposal,
    recommend: bool,
    note: str = "",
    on: date | None = None,
) -> AwardProposal:
    """The command recommends a submitted proposal for decision, or rejects it
    (a submitted or recommended one) with its reason."""
    guard_reviewer(actor, proposal.org_unit.path)
    proposal = AwardProposal.objects.select_for_update().get(pk=proposal.pk)
    if not recommend and not note.strip():
        raise DomainError(
            Code.REVIEW_REASON, _("Give the reason for rejecting the proposal."), field="note"
        )
    before = snapshot(proposal, ("status", "reviewed_on", "review_note"))
    move(proposal, ProposalStatus.RECOMMENDED if recommend else ProposalStatus.REJECTED)
    proposal.reviewed_on = on or today()
    proposal.review_note = note.strip()
    proposal.reviewed_by = user_or_none(actor)
    proposal.save()
    record_event(
        actor=actor,
        verb="award_proposal.recommended" if recommend else "award_proposal.rejected",
        target=proposal,
        changes=diff(before, snapshot(proposal, ("status", "reviewed_on", "review_note"))),
    )
    return proposal
