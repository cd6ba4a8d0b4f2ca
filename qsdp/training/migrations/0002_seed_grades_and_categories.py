"""Seed the result scales (giỏi / khá / đạt / không đạt, the first three a pass)
and the trainee categories of Hướng dẫn 90/HD-HĐGDQPAN (31/5/2016) with the
other groups trained in practice, ĐT3 and ĐT4 re-mapped from 1 July 2025
(DOMAIN.md §4; the re-mapping and the exact ĐT4 list are [U]: marked
``unconfirmed``).

The values are copied here (not imported) so that the migration stays as it was
written. Runs backwards: it deletes exactly these rows.
"""

import datetime

from django.db import migrations

ALWAYS = datetime.date(2000, 1, 1)
HD90 = datetime.date(2016, 5, 31)
REFORM = datetime.date(2025, 7, 1)
BEFORE_REFORM = datetime.date(2025, 6, 30)
HD90_BASIS = "Hướng dẫn 90/HD-HĐGDQPAN ngày 31/5/2016 của Hội đồng GDQP&AN Trung ương"
REMAP_BASIS = (
    "Luật 98/2025/QH15, Nghị định 220/2025/NĐ-CP: bỏ cấp huyện từ 01/7/2025, "
    "ánh xạ lại đối tượng 3, 4 (chưa đọc được văn bản, [U])"
)
PRACTICE_BASIS = "Thực tiễn bồi dưỡng KTQP&AN ở địa phương (DOMAIN.md §4, [S])"

GRADES = [
    ("excellent", "Giỏi", True, 1),
    ("good", "Khá", True, 2),
    ("pass", "Đạt", True, 3),
    ("fail", "Không đạt", False, 4),
]
SCALES = ["training", "defence_education"]

CATEGORIES = [
    {
        "code": "dt1", "name": "Đối tượng 1", "rank": 1, "valid_from": HD90, "valid_to": None,
        "unconfirmed": False, "basis": HD90_BASIS,
        "description": "Cán bộ lãnh đạo cấp Trung ương: Ủy viên Trung ương Đảng; lãnh đạo các "
        "bộ, ngành, cơ quan Trung ương; sĩ quan cấp tướng.",
    },
    {
        "code": "dt2", "name": "Đối tượng 2", "rank": 2, "valid_from": HD90, "valid_to": None,
        "unconfirmed": False, "basis": HD90_BASIS,
        "description": "Cán bộ lãnh đạo cấp tỉnh; cấp vụ, cục và tương đương của các cơ quan "
        "Trung ương.",
    },
    {
        "code": "dt3", "name": "Đối tượng 3", "rank": 3, "valid_from": HD90,
        "valid_to": BEFORE_REFORM, "unconfirmed": False, "basis": HD90_BASIS,
        "description": "Cán bộ lãnh đạo cấp huyện; lãnh đạo các sở, ban, ngành cấp tỉnh.",
    },
    {
        "code": "dt4", "name": "Đối tượng 4", "rank": 4, "valid_from": HD90,
        "valid_to": BEFORE_REFORM, "unconfirmed": True,
        "basis": HD90_BASIS + " (danh mục chi tiết chưa đọc được, [U])",
        "description": "Cán bộ chủ chốt cấp xã và tương đương: lãnh đạo Đảng ủy, HĐND, UBND, "
        "người đứng đầu các đoàn thể, đại biểu HĐND cấp xã.",
    },
    {
        "code": "dt3", "name": "Đối tượng 3", "rank": 3, "valid_from": REFORM, "valid_to": None,
        "unconfirmed": True, "basis": REMAP_BASIS,
        "description": "Lãnh đạo các sở, ban, ngành cấp tỉnh (không còn cấp huyện từ "
        "01/7/2025).",
    },
    {
        "code": "dt4", "name": "Đối tượng 4", "rank": 4, "valid_from": REFORM, "valid_to": None,
        "unconfirmed": True, "basis": REMAP_BASIS,
        "description": "Cán bộ chủ chốt cấp xã theo mô hình chính quyền địa phương hai cấp.",
    },
    {
        "code": "religious_dignitary", "name": "Chức sắc, chức việc tôn giáo", "rank": 5,
        "valid_from": HD90, "valid_to": None, "unconfirmed": False, "basis": PRACTICE_BASIS,
        "description": "Chức sắc, chức việc, nhà tu hành các tôn giáo.",
    },
    {
        "code": "village_elder", "name": "Già làng, trưởng thôn, người có uy tín", "rank": 6,
        "valid_from": HD90, "valid_to": None, "unconfirmed": False, "basis": PRACTICE_BASIS,
        "description": "Già làng, trưởng thôn, tổ trưởng tổ dân phố, người có uy tín trong "
        "cộng đồng.",
    },
    {
        "code": "enterprise_owner", "name": "Chủ doanh nghiệp", "rank": 7,
        "valid_from": HD90, "valid_to": None, "unconfirmed": False, "basis": PRACTICE_BASIS,
        "description": "Chủ doanh nghiệp, người quản lý doanh nghiệp trên địa bàn.",
    },
    {
        "code": "propagandist", "name": "Tuyên truyền viên cơ sở", "rank": 8,
        "valid_from": HD90, "valid_to": None, "unconfirmed": False, "basis": PRACTICE_BASIS,
        "description": "Tuyên truyền viên, báo cáo viên ở cơ sở.",
    },
]  # fmt: skip


def seed(apps, schema_editor):
    ResultGrade = apps.get_model("training", "ResultGrade")
    TraineeCategory = apps.get_model("training", "TraineeCategory")
    for scale in SCALES:
        for code, name, passes, rank in GRADES:
            ResultGrade.objects.update_or_create(
                scale=scale,
                code=code,
                valid_from=ALWAYS,
                defaults={"name": name, "passes": passes, "rank": rank},
            )
    for row in CATEGORIES:
        TraineeCategory.objects.update_or_create(
            code=row["code"], valid_from=row["valid_from"], defaults=row
        )


def unseed(apps, schema_editor):
    ResultGrade = apps.get_model("training", "ResultGrade")
    TraineeCategory = apps.get_model("training", "TraineeCategory")
    for scale in SCALES:
        for code, *_rest in GRADES:
            ResultGrade.objects.filter(scale=scale, code=code, valid_from=ALWAYS).delete()
    for row in CATEGORIES:
        TraineeCategory.objects.filter(code=row["code"], valid_from=row["valid_from"]).delete()


class Migration(migrations.Migration):
    dependencies = [("training", "0001_training_register")]

    operations = [migrations.RunPython(seed, unseed)]
