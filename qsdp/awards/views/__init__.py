from qsdp.awards.views.decisions import (
    decision_create,
    decision_detail,
    decision_pdf,
    decision_revoke,
)
from qsdp.awards.views.proposals import (
    award_list,
    proposal_create,
    proposal_detail,
    proposal_edit,
    proposal_review,
    proposal_submit,
    recipient_add,
    recipient_remove,
)

__all__ = [
    "award_list",
    "decision_create",
    "decision_detail",
    "decision_pdf",
    "decision_revoke",
    "proposal_create",
    "proposal_detail",
    "proposal_edit",
    "proposal_review",
    "proposal_submit",
    "recipient_add",
    "recipient_remove",
]
