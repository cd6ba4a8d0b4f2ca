"""The national administrative units, from the package ``vietnamadminunits``."""

from qsdp.orgunits.national.loader import (
    DEFAULT_LEGACY_OPENED_ON,
    REFORM_DAY,
    LoadSummary,
    load_admin_units,
    province_codes,
)

__all__ = [
    "DEFAULT_LEGACY_OPENED_ON",
    "REFORM_DAY",
    "LoadSummary",
    "load_admin_units",
    "province_codes",
]
