from qsdp.militia.views.decisions import decision_end, decision_list_view, decision_record
from qsdp.militia.views.members import (
    member_add,
    member_completion,
    member_detail,
    member_edit,
    member_extend,
    member_leave,
    member_list_view,
    training_record,
)
from qsdp.militia.views.registration import (
    registration_add,
    registration_generate,
    registration_list_view,
)
from qsdp.militia.views.reports import roster_document_view, strength_view, training_list_view
from qsdp.militia.views.units import unit_create, unit_detail, unit_edit, unit_list_view

__all__ = [
    "decision_end",
    "decision_list_view",
    "decision_record",
    "member_add",
    "member_completion",
    "member_detail",
    "member_edit",
    "member_extend",
    "member_leave",
    "member_list_view",
    "registration_add",
    "registration_generate",
    "registration_list_view",
    "roster_document_view",
    "strength_view",
    "training_list_view",
    "training_record",
    "unit_create",
    "unit_detail",
    "unit_edit",
    "unit_list_view",
]
