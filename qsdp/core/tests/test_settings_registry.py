"""The code defaults of the rule settings, effective-dated."""

from datetime import date

import pytest

from qsdp.core.settings_registry import RULE_SETTING_DEFAULTS, default_setting


@pytest.mark.parametrize(
    ("key", "on", "value"),
    [
        ("military_service.myopia_boundary_inclusive", date(2026, 1, 1), False),
        ("military_service.returnee_anchor_event", date(2026, 1, 1),
         "returned_to_place_of_residence"),
        ("military_service.returnee_working_days", date(2026, 1, 1), 15),
        ("military_service.registration_order_lead_days", date(2025, 12, 31), 10),
        ("military_service.registration_order_lead_days", date(2026, 1, 1), 5),
    ],
)  # fmt: skip
def test_defaults(key, on, value):
    assert default_setting(key, on) == value


@pytest.mark.parametrize(
    ("on", "call_up", "deferral", "health_exam"),
    [
        (date(2025, 6, 30), "Chủ tịch UBND cấp huyện", "Chủ tịch UBND cấp huyện",
         "Chỉ huy trưởng Ban CHQS cấp huyện"),
        (date(2025, 7, 1), "Chủ tịch UBND cấp tỉnh", "Chủ tịch UBND cấp tỉnh",
         "Chủ tịch UBND cấp xã"),
    ],
)  # fmt: skip
def test_the_authorities_change_with_the_two_tier_reform(on, call_up, deferral, health_exam):
    authority = default_setting("military_service.authority", on)

    assert authority["call_up_decision"] == call_up
    assert authority["deferral_exemption_decision"] == deferral
    assert authority["call_for_health_exam"] == health_exam


def test_every_setting_has_a_description_and_a_basis():
    assert all(str(d.description) and d.basis for d in RULE_SETTING_DEFAULTS.values())


def test_an_unknown_key_is_a_key_error():
    with pytest.raises(KeyError):
        default_setting("military_service.nothing", date(2026, 1, 1))
