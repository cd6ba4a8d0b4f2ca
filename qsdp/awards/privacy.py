"""Which fields of the awards are basic and which are sensitive personal data
(Law 91/2025/QH15; Decree 356/2025/NĐ-CP), in the shape of
``qsdp.people.privacy``. An award is public by nature (decisions are read out
and posted); nothing in these tables is sensitive."""

from qsdp.core.privacy import DataClass

B, S, T = DataClass.BASIC, DataClass.SENSITIVE, DataClass.TECHNICAL

FIELD_CLASSES: dict[str, dict[str, DataClass]] = {
    "awards.awardform": {
        "id": T, "code": T, "name": B, "category": B, "decided_by": B, "decider_kinds": B,
        "for_collectives": B, "for_individuals": B, "cap_kind": B, "cap_value": B,
        "cap_base": B, "legal_basis": B, "unconfirmed": B, "valid_from": B, "valid_to": B,
        "order": T,
    },
    "awards.awarddecision": {
        "id": T, "recorded_by": T, "created_at": T, "number": B, "decided_on": B,
        "deciding_unit": B, "signer_name": B, "signer_title": B, "form": B, "title": B,
    },
    "awards.awardrevocation": {
        "id": T, "recorded_by": T, "created_at": T, "decision": B, "number": B,
        "revoked_on": B, "reason": B,
    },
    "awards.awardproposal": {
        "id": T, "created_by": T, "created_at": T, "reviewed_by": T, "org_unit": B, "year": B,
        "form": B, "title": B, "summary": B, "status": B, "submitted_on": B, "reviewed_on": B,
        "review_note": B, "decision": B,
    },
    "awards.awardrecipient": {
        "id": T, "proposal": T, "kind": B, "person": B, "unit": B, "name": B, "position": B,
        "org_unit": B, "achievement": B, "revocation": B,
    },
    "awards.awardevidence": {
        "id": T, "recipient": T, "kind": B, "record_type": B, "record_id": B,
        "indicator_code": B, "label": B,
    },
}  # fmt: skip
