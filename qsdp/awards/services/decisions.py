"""Decisions: the signed decision awarding recommended proposals, within the
form's cap for the deciding unit and year; revocations of awards."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from qsdp.awards import rules
from qsdp.awards.errors import AwardsErrorCode as Code
from qsdp.awards.models import (
    AwardDecision,
    AwardForm,
    AwardProposal,
    AwardRecipient,
    AwardRevocation,
    ProposalStatus,
)
from qsdp.awards.services._common import (
    check_form_in_force,
    check_not_future,
    guard_reviewer,
    move,
    user_or_none,
)
from qsdp.core.audit import diff, record_event, snapshot
from qsdp.core.errors import DomainError
from qsdp.core.locks import ensure_period_open
from qsdp.military_service.rules.common import vn_date
from qsdp.orgunits.models import OrgUnit, OrgUnitKind

DECISION_FIELDS = (
    "number", "decided_on", "deciding_unit", "signer_name", "signer_title", "form", "title",
)  # fmt: skip


@dataclass(frozen=True)
class DecisionData:
    number: str
    decided_on: date
    deciding_unit: OrgUnit
    signer_name: str
    signer_title: str
    form: AwardForm
    title: str = ""


def awarded_count(*, form: AwardForm, deciding_unit: OrgUnit, year: int) -> int:
    """The awards of ``form`` the unit decided in ``year`` that stand (not revoked)."""
    return AwardRecipient.objects.filter(
        proposal__decision__form=form,
        proposal__decision__deciding_unit=deciding_unit,
        proposal__decision__decided_on__year=year,
        revocation__isnull=True,
    ).count()


def _check_cap(data: DecisionData, adding: int) -> None:
    form, year = data.form, data.decided_on.year
    base = (
        awarded_count(form=form.cap_base, deciding_unit=data.deciding_unit, year=year)
        if form.cap_base is not None
        else 0
    )
    check = rules.check_cap(
        cap_kind=form.cap_kind,
        cap_value=form.cap_value,
        already=awarded_count(form=form, deciding_unit=data.deciding_unit, year=year),
        adding=adding,
        base_count=base,
    )
    if check.exceeded:
        raise DomainError(
            Code.CAP_EXCEEDED,
            _("%(unit)s may give at most %(cap)s “%(form)s” in %(year)s; with this decision "
              "there would be %(count)s.")
            % {
                "unit": data.deciding_unit.name,
                "cap": check.limit,
                "form": form.name,
                "year": year,
                "count": check.count,
            },
            field="proposals",
            extra={"cap": check.limit, "count": check.count},
        )  # fmt: skip


def _check_decider(data: DecisionData) -> None:
    kinds = data.form.decider_kinds or []
    if kinds and data.deciding_unit.kind not in kinds:
        raise DomainError(
            Code.DECISION_UNIT,
            _("“%(form)s” is decided by %(who)s, not by %(unit)s.")
            % {"form": data.form.name, "who": data.form.decided_by, "unit": data.deciding_unit},
            field="deciding_unit",
            extra={"kinds": [OrgUnitKind(kind).label for kind in kinds]},
        )


def _check_counted_in_open(unit_ids: Iterable[int] | QuerySet[Any], on: date, field: str) -> None:
    """The awards count in their recipients' units (a commune under the deciding
    district): each of those approved for ``on``'s year refuses the change."""
    for unit in OrgUnit.objects.filter(pk__in=unit_ids).order_by("path"):
        ensure_period_open(org_unit=unit, on=on, field=field)


@transaction.atomic
def decision_create(
    *, actor: Any, data: DecisionData, proposals: Sequence[AwardProposal]
) -> AwardDecision:
    """Record the decision ``data`` that awards the recommended ``proposals``."""
    unit = data.deciding_unit
    guard_reviewer(actor, unit.path)
    check_not_future(data.decided_on, "decided_on")
    ensure_period_open(org_unit=unit, on=data.decided_on, field="decided_on")
    check_form_in_force(data.form, data.decided_on, data.decided_on)
    _check_decider(data)
    locked = list(
        AwardProposal.objects.select_for_update()
        .select_related("org_unit")
        .filter(pk__in=[p.pk for p in proposals])
        .order_by("pk")
    )
    if not locked:
        raise DomainError(
            Code.DECISION_PROPOSALS, _("Choose the proposals to decide."), field="proposals"
        )
    for proposal in locked:
        problem = ""
        if proposal.status != ProposalStatus.RECOMMENDED:
            problem = _("the proposal of %(unit)s is not recommended")
        elif proposal.form_id != data.form.pk:
            problem = _("the proposal of %(unit)s is for another form")
        elif not proposal.org_unit.path.startswith(unit.path):
            problem = _("%(unit)s is not under the deciding unit")
        if problem:
            raise DomainError(
                Code.DECISION_PROPOSALS,
                _("Cannot decide: %(problem)s.")
                % {"problem": problem % {"unit": proposal.org_unit.name}},
                field="proposals",
            )
    if AwardDecision.objects.filter(deciding_unit=unit, number=data.number).exists():
        raise DomainError(
            Code.DECISION_NUMBER_TAKEN,
            _("%(unit)s already has a decision numbered %(number)s.")
            % {"unit": unit.name, "number": data.number},
            field="number",
        )
    recipients = AwardRecipient.objects.filter(proposal__in=locked)
    _check_counted_in_open(recipients.values("org_unit"), data.decided_on, "decided_on")
    _check_cap(data, recipients.count())
    decision = AwardDecision(recorded_by=user_or_none(actor), **data.__dict__)
    decision.full_clean(validate_constraints=False)
    decision.save()
    for proposal in locked:
        move(proposal, ProposalStatus.DECIDED)
        proposal.decision = decision
        proposal.save(update_fields=["status", "decision"])
    changes = diff({}, snapshot(decision, DECISION_FIELDS))
    changes["proposals"] = [None, [p.pk for p in locked]]
    record_event(actor=actor, verb="award_decision.created", target=decision, changes=changes)
    return decision


@dataclass(frozen=True)
class RevocationData:
    number: str
    revoked_on: date
    reason: str


@transaction.atomic
def decision_revoke(
    *,
    actor: Any,
    decision: AwardDecision,
    recipients: Sequence[AwardRecipient],
    data: RevocationData,
) -> AwardRevocation:
    """Revoke the awards of ``recipients`` under ``decision``; a proposal whose
    awards are all revoked becomes revoked."""
    unit = decision.deciding_unit
    guard_reviewer(actor, unit.path)
    # The revoked awards leave the counts of the decision's year.
    ensure_period_open(org_unit=unit, on=decision.decided_on, field="revoked_on")
    check_not_future(data.revoked_on, "revoked_on")
    if data.revoked_on < decision.decided_on:
        raise DomainError(
            Code.REVOCATION_DATE,
            _("The revocation (%(date)s) cannot come before the decision (%(decided)s).")
            % {"date": vn_date(data.revoked_on), "decided": vn_date(decision.decided_on)},
            field="revoked_on",
        )
    chosen = list(
        AwardRecipient.objects.select_for_update()
        .filter(pk__in=[r.pk for r in recipients], proposal__decision=decision)
        .filter(revocation__isnull=True)
        .order_by("pk")
    )
    if not chosen or len(chosen) != len({r.pk for r in recipients}):
        raise DomainError(
            Code.REVOCATION_RECIPIENTS,
            _("Choose awards of this decision that are not revoked yet."),
            field="recipients",
        )
    _check_counted_in_open([r.org_unit_id for r in chosen], decision.decided_on, "revoked_on")
    revocation = AwardRevocation(
        decision=decision, recorded_by=user_or_none(actor), **data.__dict__
    )
    revocation.full_clean(validate_constraints=False)
    revocation.save()
    for recipient in chosen:
        recipient.revocation = revocation
        recipient.save(update_fields=["revocation"])
    revoked_proposals = []
    for proposal in AwardProposal.objects.select_for_update().filter(decision=decision):
        if not proposal.recipients.filter(revocation__isnull=True).exists():
            move(proposal, ProposalStatus.REVOKED)
            proposal.save(update_fields=["status"])
            revoked_proposals.append(proposal.pk)
    record_event(
        actor=actor,
        verb="award_decision.revoked",
        target=decision,
        changes={
            "revocation": [None, f"{data.number} {data.revoked_on.isoformat()}"],
            "reason": [None, data.reason],
            "recipients": [None, [r.name for r in chosen]],
            "proposals_revoked": [None, revoked_proposals],
        },
    )
    return revocation
