"""The forms of reward and emulation titles a locality's defence work uses.

DOMAIN.md §11: the forms and caps were not researched ([U]); every row is marked
unconfirmed and is configuration an administrator corrects (a change of law is
a new row from its date, the old one closed the day before)."""

from datetime import date

from django.db import migrations

LOCAL = ["district", "town", "ward", "commune", "special_zone"]
BASIS = "Luật Thi đua, khen thưởng (Luật 06/2022/QH15 từ 01/01/2024; trước đó Luật 2003, sửa đổi 2013)"
SINCE = date(2004, 7, 1)

FORMS = [
    # code, name, category, decided by, decider kinds, collectives, individuals
    ("giay-khen-chu-tich-ubnd", "Giấy khen của Chủ tịch UBND cấp huyện, cấp xã", "merit",
     "Chủ tịch UBND cấp huyện, cấp xã", LOCAL, True, True),
    ("bang-khen-chu-tich-ubnd-tinh", "Bằng khen của Chủ tịch UBND cấp tỉnh", "merit",
     "Chủ tịch UBND cấp tỉnh", ["province"], True, True),
    ("giay-khen-chi-huy-truong-bchqs-tinh", "Giấy khen của Chỉ huy trưởng Bộ CHQS tỉnh", "merit",
     "Chỉ huy trưởng Bộ Chỉ huy quân sự tỉnh", ["provincial_command"], True, True),
    # The ministry is outside the tree: recorded at the unit that received it.
    ("bang-khen-bo-truong-bqp", "Bằng khen của Bộ trưởng Bộ Quốc phòng", "merit",
     "Bộ trưởng Bộ Quốc phòng", [], True, True),
    ("lao-dong-tien-tien", "Danh hiệu Lao động tiên tiến", "title",
     "Thủ trưởng cơ quan, đơn vị; Chủ tịch UBND cấp huyện, cấp xã", LOCAL, False, True),
    ("chien-si-thi-dua-co-so", "Danh hiệu Chiến sĩ thi đua cơ sở", "title",
     "Thủ trưởng cơ quan, đơn vị; Chủ tịch UBND cấp huyện, cấp xã", LOCAL, False, True),
]  # fmt: skip


def seed(apps, schema_editor):
    AwardForm = apps.get_model("awards", "AwardForm")
    created = {}
    for order, (code, name, category, decided_by, kinds, collectives, individuals) in enumerate(
        FORMS, start=1
    ):
        created[code] = AwardForm.objects.create(
            code=code,
            name=name,
            category=category,
            decided_by=decided_by,
            decider_kinds=kinds,
            for_collectives=collectives,
            for_individuals=individuals,
            legal_basis=BASIS,
            unconfirmed=True,
            valid_from=SINCE,
            order=order * 10,
        )
    # At most 15 % of the individuals with Lao động tiên tiến [U].
    cstdcs = created["chien-si-thi-dua-co-so"]
    cstdcs.cap_kind = "percent"
    cstdcs.cap_value = 15
    cstdcs.cap_base = created["lao-dong-tien-tien"]
    cstdcs.save()


def unseed(apps, schema_editor):
    AwardForm = apps.get_model("awards", "AwardForm")
    AwardForm.objects.filter(cap_base__isnull=False).delete()
    AwardForm.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("awards", "0001_award_records")]

    operations = [migrations.RunPython(seed, unseed)]
