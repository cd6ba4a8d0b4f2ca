"""Seed the rule settings the law changed: the registration-order lead time from
2026 and the authorities after the two-tier reform of 1 July 2025.

The values are copied here (not imported) so that the migration stays as it was
written. Runs backwards: it deletes exactly these rows.
"""

import datetime

from django.db import migrations

ROWS = [
    {
        "key": "military_service.registration_order_lead_days",
        "valid_from": datetime.date(2026, 1, 1),
        "value": 5,
        "basis": "Cục Quân lực: rút từ 10 ngày xuống 5 ngày từ năm 2026 "
        "(điều khoản sửa đổi chưa đọc được, [U])",
        "note": "Thời hạn giao lệnh gọi đăng ký trước ngày đăng ký.",
    },
    {
        "key": "military_service.authority",
        "valid_from": datetime.date(2025, 7, 1),
        "value": {
            "first_registration_call": "Chủ tịch UBND cấp xã",
            "call_for_health_exam": "Chủ tịch UBND cấp xã",
            "deferral_exemption_decision": "Chủ tịch UBND cấp tỉnh",
            "call_up_decision": "Chủ tịch UBND cấp tỉnh",
        },
        "basis": "Luật 98/2025/QH15 sửa đổi Luật NVQS (điều khoản chưa đọc được, [U])",
        "note": "Chính quyền địa phương hai cấp từ 01/7/2025: không còn cấp huyện.",
    },
]


def seed(apps, schema_editor):
    RuleSetting = apps.get_model("core", "RuleSetting")
    for row in ROWS:
        RuleSetting.objects.update_or_create(
            key=row["key"], valid_from=row["valid_from"], defaults=row
        )


def unseed(apps, schema_editor):
    RuleSetting = apps.get_model("core", "RuleSetting")
    for row in ROWS:
        RuleSetting.objects.filter(key=row["key"], valid_from=row["valid_from"]).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0002_calendar_day_rule_setting")]

    operations = [migrations.RunPython(seed, unseed)]
