"""Coordinated patrols with the police, incidents and hot spots with their follow-up."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from qsdp.core.audit import diff, record_event, snapshot
from qsdp.core.errors import DomainError
from qsdp.core.locks import ensure_period_open
from qsdp.military_service.rules.common import vn_date
from qsdp.operations import rules
from qsdp.operations.errors import OperationsErrorCode as Code
from qsdp.operations.models import Incident, IncidentFollowUp, IncidentStatus, Patrol
from qsdp.operations.services._common import check_not_future, guard, user_or_none
from qsdp.orgunits.models import OrgUnit

PATROL_FIELDS = (
    "org_unit", "on", "area", "militia_count", "police_count", "other_count", "other_forces",
    "result", "notes",
)  # fmt: skip
INCIDENT_FIELDS = (
    "org_unit", "reported_on", "kind", "location", "description", "is_hot_spot", "status",
)  # fmt: skip


@dataclass(frozen=True)
class PatrolData:
    on: date
    area: str
    militia_count: int
    police_count: int
    other_count: int = 0
    other_forces: str = ""
    result: str = ""
    notes: str = ""


@transaction.atomic
def patrol_record(*, actor: Any, org_unit: OrgUnit, data: PatrolData) -> Patrol:
    """A patrol held with the police (at least one militia member and one police officer)."""
    guard(actor, org_unit.path)
    ensure_period_open(org_unit=org_unit, on=data.on, field="on")
    check_not_future(data.on, "on")
    if data.militia_count < 1 or data.police_count < 1:
        raise DomainError(
            Code.PATROL_FORCES,
            _("A coordinated patrol has at least one militia member and one police officer."),
            field="militia_count" if data.militia_count < 1 else "police_count",
        )
    patrol = Patrol(org_unit=org_unit, recorded_by=user_or_none(actor), **data.__dict__)
    patrol.full_clean(validate_constraints=False)
    patrol.save()
    record_event(
        actor=actor,
        verb="operations.patrol_recorded",
        target=patrol,
        changes=diff({}, snapshot(patrol, PATROL_FIELDS)),
    )
    return patrol


@dataclass(frozen=True)
class IncidentData:
    reported_on: date
    kind: str
    location: str
    description: str
    is_hot_spot: bool = False


@transaction.atomic
def incident_report(*, actor: Any, org_unit: OrgUnit, data: IncidentData) -> Incident:
    """An incident reported in ``org_unit`` (open until followed up)."""
    guard(actor, org_unit.path)
    ensure_period_open(org_unit=org_unit, on=data.reported_on, field="reported_on")
    check_not_future(data.reported_on, "reported_on")
    incident = Incident(
        org_unit=org_unit,
        status=IncidentStatus.OPEN,
        recorded_by=user_or_none(actor),
        **data.__dict__,
    )
    incident.full_clean(validate_constraints=False)
    incident.save()
    record_event(
        actor=actor,
        verb="operations.incident_reported",
        target=incident,
        changes=diff({}, snapshot(incident, INCIDENT_FIELDS)),
    )
    return incident


@transaction.atomic
def incident_follow_up(
    *,
    actor: Any,
    incident: Incident,
    on: date,
    note: str,
    status: str,
    is_hot_spot: bool | None = None,
) -> IncidentFollowUp:
    """A dated note on an incident, moving it to ``status`` (resolved on ``on``
    when ``status`` is resolved); ``is_hot_spot`` re-marks it when given."""
    guard(actor, incident.org_unit.path)
    ensure_period_open(org_unit=incident.org_unit, on=on, field="on")
    incident = Incident.objects.select_for_update().get(pk=incident.pk)
    check_not_future(on, "on")
    if on < incident.reported_on:
        raise DomainError(
            Code.FOLLOW_UP_DATE,
            _("The follow-up (%(date)s) cannot come before the report (%(reported)s).")
            % {"date": vn_date(on), "reported": vn_date(incident.reported_on)},
            field="on",
        )
    if not rules.incident_can_move(incident.status, status):
        raise DomainError(
            Code.INCIDENT_TRANSITION,
            _("An incident that is “%(current)s” cannot become “%(new)s”.")
            % {
                "current": IncidentStatus(incident.status).label,
                "new": IncidentStatus(status).label,
            },
            field="status",
        )
    before = snapshot(incident, ("status", "resolved_on", "is_hot_spot"))
    follow_up = IncidentFollowUp(
        incident=incident,
        on=on,
        note=note,
        status_before=incident.status,
        status_after=status,
        recorded_by=user_or_none(actor),
    )
    follow_up.full_clean(validate_constraints=False)
    incident.status = status
    if status == IncidentStatus.RESOLVED:
        if incident.resolved_on is None:
            incident.resolved_on = on
    else:
        incident.resolved_on = None
    if is_hot_spot is not None:
        incident.is_hot_spot = is_hot_spot
    incident.save()
    follow_up.save()
    changes = diff(before, snapshot(incident, ("status", "resolved_on", "is_hot_spot")))
    changes["follow_up"] = [None, f"{on.isoformat()} {note}"]
    record_event(
        actor=actor, verb="operations.incident_followed_up", target=incident, changes=changes
    )
    return follow_up
