"""The reserve pages. Views parse, call a selector or a service, render."""

from qsdp.reserves.views.documents import register_document, reservist_card_view
from qsdp.reserves.views.equipment import (
    equipment_earmark,
    equipment_list_view,
    equipment_register,
    equipment_release,
)
from qsdp.reserves.views.reservists import (
    arrangement_end,
    reservist_arrange,
    reservist_create,
    reservist_detail,
    reservist_edit,
    reservist_list_view,
    reservist_remove,
    returnee_list,
    returnee_register,
)
from qsdp.reserves.views.reviews import (
    decision_list_view,
    decision_record,
    review_list_view,
    review_record,
)
from qsdp.reserves.views.units import (
    check_list,
    check_record,
    post_create,
    post_edit,
    unit_create,
    unit_detail,
    unit_edit,
    unit_list,
)

__all__ = [
    "arrangement_end",
    "check_list",
    "check_record",
    "decision_list_view",
    "decision_record",
    "equipment_earmark",
    "equipment_list_view",
    "equipment_register",
    "equipment_release",
    "post_create",
    "post_edit",
    "register_document",
    "reservist_arrange",
    "reservist_card_view",
    "reservist_create",
    "reservist_detail",
    "reservist_edit",
    "reservist_list_view",
    "reservist_remove",
    "returnee_list",
    "returnee_register",
    "review_list_view",
    "review_record",
    "unit_create",
    "unit_detail",
    "unit_edit",
    "unit_list",
]
