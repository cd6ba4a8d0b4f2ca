from enum import Enum


class OrgUnitErrorCode(Enum):
    CODE_OVERLAP = "org_unit_code_overlap"
    OPENED_BEFORE_PARENT = "org_unit_opened_before_parent"
    OUTLIVES_PARENT = "org_unit_outlives_parent"
    CLOSES_BEFORE_OPENING = "org_unit_closes_before_opening"
    ALREADY_CLOSED = "org_unit_already_closed"
    CHILDREN_OUTLIVE = "org_unit_children_outlive"
    LINEAGE_SELF = "org_unit_lineage_self"
    LINEAGE_PREDECESSOR_DATES = "org_unit_lineage_predecessor_dates"
    LINEAGE_SUCCESSOR_DATES = "org_unit_lineage_successor_dates"
    LINEAGE_EXISTS = "org_unit_lineage_exists"
    UNKNOWN_PROVINCE = "org_unit_unknown_province"
    LEGACY_OPENED_TOO_LATE = "org_unit_legacy_opened_too_late"
