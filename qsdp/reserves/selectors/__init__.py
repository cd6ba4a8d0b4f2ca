"""Every read of the reserve register, scoped to the user's org units (``scope_for``)
— except ``is_arranged_into_reserve_unit``, which answers a rule for other apps."""

from qsdp.reserves.selectors.arrangement import arranged_on_q, is_arranged_into_reserve_unit
from qsdp.reserves.selectors.records import (
    EquipmentFilters,
    EquipmentStatus,
    decision_list,
    equipment_get,
    equipment_list,
    readiness_check_list,
)
from qsdp.reserves.selectors.reservists import (
    Arranged,
    RegisterStatus,
    ReservistFilters,
    ReservistHistory,
    arrangement_get,
    reservist_get,
    reservist_history,
    reservist_list,
    reservist_of_person,
    returnees_awaiting,
)
from qsdp.reserves.selectors.reviews import AgeLimitRow, ReviewRow, age_limit_list, review_list
from qsdp.reserves.selectors.units import (
    PostFill,
    UnitFill,
    post_choices,
    post_get,
    unit_fill,
    unit_fill_list,
    unit_get,
    unit_subtree_ids,
    visible_units,
)

__all__ = [
    "AgeLimitRow",
    "Arranged",
    "EquipmentFilters",
    "EquipmentStatus",
    "PostFill",
    "RegisterStatus",
    "ReservistFilters",
    "ReservistHistory",
    "ReviewRow",
    "UnitFill",
    "age_limit_list",
    "arranged_on_q",
    "arrangement_get",
    "decision_list",
    "equipment_get",
    "equipment_list",
    "is_arranged_into_reserve_unit",
    "post_choices",
    "post_get",
    "readiness_check_list",
    "reservist_get",
    "reservist_history",
    "reservist_list",
    "reservist_of_person",
    "returnees_awaiting",
    "review_list",
    "unit_fill",
    "unit_fill_list",
    "unit_get",
    "unit_subtree_ids",
    "visible_units",
]
