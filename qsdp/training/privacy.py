"""Classes of the training records (see ``qsdp.core.privacy``): attendance and
results are basic; plans, sessions and reference tables describe no one."""

from qsdp.core.privacy import DataClass

B, S, T = DataClass.BASIC, DataClass.SENSITIVE, DataClass.TECHNICAL

FIELD_CLASSES: dict[str, dict[str, DataClass]] = {
    "training.resultgrade": {
        "id": T, "scale": T, "code": T, "name": T, "passes": T, "rank": T, "valid_from": T,
        "valid_to": T,
    },
    "training.trainingplan": {
        "id": T, "org_unit": T, "year": T, "audience": T, "title": T, "planned_days": T,
        "approved_on": T, "approved_by": T, "approver_title": T, "created_by": T, "created_at": T,
    },
    "training.trainingsession": {
        "id": T, "plan": T, "kind": T, "held_on": T, "days": T, "topic": T, "location": T,
        "org_unit": T, "created_by": T, "created_at": T,
    },
    "training.attendance": {
        "id": T, "person": T, "recorded_by": T, "updated_at": T,
        "session": B, "present": B, "result": B,
    },
    "training.traineecategory": {
        "id": T, "code": T, "name": T, "description": T, "basis": T, "unconfirmed": T, "rank": T,
        "valid_from": T, "valid_to": T,
    },
    "training.educationcourse": {
        "id": T, "org_unit": T, "year": T, "category": T, "title": T, "organiser": T,
        "starts_on": T, "ends_on": T, "planned_trainees": T, "created_by": T, "created_at": T,
    },
    "training.courseparticipant": {
        "id": T, "person": T, "created_by": T, "updated_at": T,
        "course": B, "official_name": B, "position": B, "completed": B, "result": B,
    },
    "training.propagandist": {
        "id": T, "person": T, "created_by": T, "created_at": T,
        "full_name": B, "position": B, "org_unit": B, "appointed_on": B, "left_on": B,
    },
    "training.propagandisttraining": {
        "id": T, "propagandist": T, "organiser": T, "created_by": T, "created_at": T,
        "trained_on": B, "title": B, "result": B,
    },
}  # fmt: skip
