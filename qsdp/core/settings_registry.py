"""Values the law leaves open or has changed, with their code defaults.

Each key has a history of ``(valid_from, value)`` rows in code (the first row's
``valid_from`` is ``None``: in force since always). An administrator can add
``RuleSetting`` rows in the database; a row in force on a date wins over the code
default (``qsdp.core.selectors.rule_setting``). Pure module: no ORM.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

MYOPIA_BOUNDARY_INCLUSIVE = "military_service.myopia_boundary_inclusive"
RETURNEE_ANCHOR_EVENT = "military_service.returnee_anchor_event"
RETURNEE_WORKING_DAYS = "military_service.returnee_working_days"
REGISTRATION_ORDER_LEAD_DAYS = "military_service.registration_order_lead_days"
AUTHORITY = "military_service.authority"
DRILL_CADENCE_YEARS = "operations.drill_cadence_years"
DRILL_RATING_SCALE = "operations.drill_rating_scale"
DUTY_REST_RULE = "operations.duty_rest_rule"

REFORM_2025 = date(2025, 7, 1)  # Law 98/2025/QH15: the district tier is gone.

_AUTHORITY_BEFORE_2025_07 = {
    "first_registration_call": "Chỉ huy trưởng Ban CHQS cấp huyện",
    "call_for_health_exam": "Chỉ huy trưởng Ban CHQS cấp huyện",
    "deferral_exemption_decision": "Chủ tịch UBND cấp huyện",
    "call_up_decision": "Chủ tịch UBND cấp huyện",
}
_AUTHORITY_FROM_2025_07 = {
    "first_registration_call": "Chủ tịch UBND cấp xã",
    "call_for_health_exam": "Chủ tịch UBND cấp xã",
    "deferral_exemption_decision": "Chủ tịch UBND cấp tỉnh",
    "call_up_decision": "Chủ tịch UBND cấp tỉnh",
}


@dataclass(frozen=True)
class SettingDefinition:
    key: str
    history: tuple[tuple[date | None, Any], ...]
    description: str | Promise
    basis: str

    def value_on(self, on: date) -> Any:
        """The code default in force on ``on``."""
        value = self.history[0][1]
        for valid_from, row_value in self.history:
            if valid_from is None or valid_from <= on:
                value = row_value
        return value


RULE_SETTING_DEFAULTS: dict[str, SettingDefinition] = {
    d.key: d
    for d in (
        SettingDefinition(
            MYOPIA_BOUNDARY_INCLUSIVE,
            ((None, False),),
            _(
                "Whether myopia of exactly 1.5 dioptres already excludes a citizen from the "
                "call-up (false: only more than 1.5 D excludes)."
            ),
            "Thông tư 148/2018/TT-BQP sửa đổi bởi Thông tư 68/2025/TT-BQP; "
            "chưa xác định (DOMAIN.md §1.3, [U])",
        ),
        SettingDefinition(
            RETURNEE_ANCHOR_EVENT,
            ((None, "returned_to_place_of_residence"),),
            _(
                "The event from which a discharged soldier's registration period runs: "
                "returned_to_place_of_residence or discharge_decision."
            ),
            "Luật NVQS 2015 Điều 18; Nghị định 13/2016/NĐ-CP; chưa xác định (DOMAIN.md §12, [U])",
        ),
        SettingDefinition(
            RETURNEE_WORKING_DAYS,
            ((None, 15),),
            _("Working days a discharged soldier has to register for the reserve."),
            "Luật NVQS 2015 Điều 18; Nghị định 13/2016/NĐ-CP",
        ),
        SettingDefinition(
            REGISTRATION_ORDER_LEAD_DAYS,
            ((None, 10), (date(2026, 1, 1), 5)),
            _("Days before the registration date by which the registration order is delivered."),
            "Nghị định 13/2016/NĐ-CP (10 ngày); từ 2026: 5 ngày theo Cục Quân lực, "
            "điều khoản sửa đổi chưa đọc được ([U])",
        ),
        SettingDefinition(
            AUTHORITY,
            ((None, _AUTHORITY_BEFORE_2025_07), (REFORM_2025, _AUTHORITY_FROM_2025_07)),
            _("Who decides each step of registration and call-up (action → authority)."),
            "Luật NVQS 2015 Điều 16, 40, 41, 42; sửa đổi bởi Luật 98/2025/QH15 "
            "(điều khoản chưa đọc được, DOMAIN.md §1.6, [U])",
        ),
        SettingDefinition(
            DRILL_CADENCE_YEARS,
            ((None, {"defence_zone_combat": {"province": 5, "district": 5, "commune": 5}}),),
            _(
                "Years between two drills of a unit, per kind of drill and level "
                "(kind → level → years); a kind not listed has no cadence."
            ),
            "Nghị định 21/2019/NĐ-CP; tần suất chưa xác định, thực tế mỗi nhiệm kỳ "
            "cấp ủy một lần (DOMAIN.md §5, [U])",
        ),
        SettingDefinition(
            DRILL_RATING_SCALE,
            (
                (
                    None,
                    [
                        {"code": "excellent", "label": "Xuất sắc", "good_or_better": True},
                        {"code": "good", "label": "Giỏi", "good_or_better": True},
                        {"code": "fair", "label": "Khá", "good_or_better": False},
                        {"code": "pass", "label": "Đạt", "good_or_better": False},
                        {"code": "fail", "label": "Không đạt", "good_or_better": False},
                    ],
                ),
            ),
            _(
                "The scale drills are rated on, best first: each rating's code, its label "
                "and whether it counts as good or better."
            ),
            "Không tìm thấy thang đánh giá quy phạm; theo thực tế báo cáo (DOMAIN.md §5, [U])",
        ),
        SettingDefinition(
            DUTY_REST_RULE,
            ((None, {"min_rest_hours": 24, "max_shifts_per_week": 2}),),
            _(
                "The rest rule of readiness-duty rosters: the hours a person rests at least "
                "between two shifts, and the most shifts a person keeps in a week "
                "(Monday to Sunday)."
            ),
            "Luật DQTV 2019 Chương IV; thời gian trực chưa xác định (DOMAIN.md §3, [U])",
        ),
    )
}


def default_setting(key: str, on: date) -> Any:
    """The code default of ``key`` in force on ``on``; KeyError for an unknown key."""
    return RULE_SETTING_DEFAULTS[key].value_on(on)
