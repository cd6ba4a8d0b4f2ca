from qsdp.awards.services.decisions import (
    DecisionData,
    RevocationData,
    awarded_count,
    decision_create,
    decision_revoke,
)
from qsdp.awards.services.proposals import (
    ProposalData,
    RecipientData,
    RecordLink,
    proposal_create,
    proposal_review,
    proposal_submit,
    proposal_update,
    recipient_add,
    recipient_remove,
)

__all__ = [
    "DecisionData",
    "ProposalData",
    "RecipientData",
    "RecordLink",
    "RevocationData",
    "awarded_count",
    "decision_create",
    "decision_revoke",
    "proposal_create",
    "proposal_review",
    "proposal_submit",
    "proposal_update",
    "recipient_add",
    "recipient_remove",
]
