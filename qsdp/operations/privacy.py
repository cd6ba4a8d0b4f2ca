"""Classes of drills and duty (see ``qsdp.core.privacy``): the reason of a duty
swap (often illness) and incident descriptions (offences) are sensitive."""

from qsdp.core.privacy import DataClass

B, S, T = DataClass.BASIC, DataClass.SENSITIVE, DataClass.TECHNICAL

FIELD_CLASSES: dict[str, dict[str, DataClass]] = {
    "operations.directive": {
        "id": T, "org_unit": T, "kind": T, "number": T, "issued_on": T, "summary": T, "file": T,
        "recorded_by": T, "created_at": T,
        "signer": B,
    },
    "operations.directivetask": {
        "id": T, "directive": T, "assigned_to": T, "title": T, "deadline": T, "completed_on": T,
    },
    "operations.taskreport": {
        "id": T, "task": T, "reported_on": T, "completed": T, "evidence": T, "file": T,
        "recorded_by": T, "created_at": T,
    },
    "operations.drillplan": {
        "id": T, "org_unit": T, "year": T, "kind": T, "level": T, "planned_on": T, "title": T,
        "created_by": T, "created_at": T,
        "directed_by": B,
    },
    "operations.drill": {
        "id": T, "plan": T, "held_from": T, "held_to": T, "participants": T, "forces": T,
        "rating": T, "rating_label": T, "rated_good_or_better": T, "rated_on": T,
        "safety_incidents": T, "notes": T, "recorded_by": T, "created_at": T,
        "notable_participants": B,
    },
    "operations.drillphase": {
        "id": T, "drill": T, "number": T, "name": T, "on": T, "content": T,
    },
    "operations.dutypost": {
        "id": T, "org_unit": T, "name": T, "opened_on": T, "closed_on": T,
    },
    "operations.dutyshift": {
        "id": T, "person": T,
        "post": B, "starts_at": B, "ends_at": B,
    },
    "operations.dutyswap": {
        "id": T, "original": T, "replacement": T, "requested_by": T, "decided_by": T,
        "shift": B, "status": B, "requested_at": B, "decided_at": B,
        "reason": S, "decision_note": S,
    },
    "operations.dutylog": {
        "id": T, "post": T, "day": T, "events": T, "recorded_by": T, "created_at": T,
        "handed_over_to": B,
    },
    "operations.patrol": {
        "id": T, "org_unit": T, "on": T, "area": T, "militia_count": T, "police_count": T,
        "other_count": T, "other_forces": T, "result": T, "notes": T, "recorded_by": T,
        "created_at": T,
    },
    "operations.incident": {
        "id": T, "org_unit": T, "reported_on": T, "kind": T, "location": T, "is_hot_spot": T,
        "status": T, "resolved_on": T, "recorded_by": T, "created_at": T,
        "description": S,
    },
    "operations.incidentfollowup": {
        "id": T, "incident": T, "on": T, "status_before": T, "status_after": T, "recorded_by": T,
        "created_at": T,
        "note": S,
    },
}  # fmt: skip
