"""The city's reporting of 2023 and its plan for 2024, through the reporting
services (the city's review: "hoàn thành 100% chỉ tiêu tuyển chọn, gọi công dân
nhập ngũ", "tiếp nhận, đăng ký cho 100% quân nhân hoàn thành NVQS trở về địa
phương"; for 2024: "chỉ đạo xã Dương Quang diễn tập chiến đấu trong khu vực
phòng thủ hoàn thành tốt nhiệm vụ trở lên; chỉ đạo công tác tuyển quân đạt 100%
chỉ tiêu; công tác GDQP&AN …").

- Targets of 2024, set by the staff of Ban CHQS thành phố under the city's plan:
  the city's call-up, returnees, militia and training targets, and Dương
  Quang's defence-zone combat drill rated good or better.
- Submissions of 2023: the command sets 15/11/2023 as the deadline; the eight
  wards and communes submit on 8–14/11 (on time), the command approves them on
  20/11/2023 (which locks their 2023 data); the city submits on 21/11 and the
  province (the administrator's account stands for Bộ CHQS tỉnh) approves it
  on 24/11/2023, the day after its review conference.

Approval locks 2023, yet a later run may add people with 2023 records: the
loader builds the registers with the locks lifted (``period_locks_lifted``),
puts them back unchanged, then runs this part, so a second run adds nothing and
keeps them.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time
from decimal import Decimal

from django.utils import timezone

from qsdp.accounts.models import User
from qsdp.core.models import PeriodLock
from qsdp.demo.units import DemoTree
from qsdp.reporting.models import Submission, SubmissionStatus, Target
from qsdp.reporting.services.submissions import (
    submission_approve,
    submission_submit,
    submissions_set_due,
)
from qsdp.reporting.services.targets import target_set

YEAR = 2023
DUE_ON = date(2023, 11, 15)
COMMUNES_APPROVED_ON = date(2023, 11, 20)
CITY_SUBMITTED_ON = date(2023, 11, 21)
CITY_APPROVED_ON = date(2023, 11, 24)
PLAN = "Kế hoạch số 05/KH-UBND ngày 08/01/2024 của UBND thành phố Bắc Kạn năm 2024"
DUONG_QUANG = "01849"
COMMUNE_ACCOUNTS = {"01849": "chqs.duongquang", "01837": "chqs.songcau"}

CITY_TARGETS = {
    "call_up.fulfilment_pct": Decimal(100),
    "returnees.registered_on_time_pct": Decimal(100),
    "first_registration.registered_pct": Decimal(100),
    "militia.population_pct": Decimal("1.2"),
    "training.pass_pct": Decimal(100),
    "defence_education.completion_pct": Decimal(100),
}
DUONG_QUANG_TARGETS = {
    "drills.by_kind.defence_zone_combat": Decimal(1),
    "drills.rated_good_or_better_pct": Decimal(100),
}


@contextmanager
def period_locks_lifted() -> Iterator[None]:
    """Take every period lock off while the loader replays history, then put the
    same locks back (in the loader's transaction: a failed run keeps them)."""
    locks = list(PeriodLock.objects.all())
    PeriodLock.objects.all().delete()
    yield
    PeriodLock.objects.bulk_create(locks)


def _at(day: date, hour: int = 9) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _targets(tree: DemoTree, staff: User) -> None:
    if Target.objects.filter(org_unit=tree.city, year=YEAR + 1).exists():
        return
    plan = [(tree.city, CITY_TARGETS), (tree.units[DUONG_QUANG], DUONG_QUANG_TARGETS)]
    for unit, targets in plan:
        for code, value in targets.items():
            target_set(
                actor=staff, org_unit=unit, year=YEAR + 1, indicator=code, value=value, basis=PLAN
            )


def _submissions(tree: DemoTree, staff: User, province_staff: User) -> None:
    city = Submission.objects.filter(org_unit=tree.city, year=YEAR).first()
    if city is not None and city.status == SubmissionStatus.APPROVED:
        return
    submissions_set_due(actor=staff, org_unit=tree.city, year=YEAR, due_on=DUE_ON)
    for day, code in enumerate(sorted(tree.units), start=8):
        username = COMMUNE_ACCOUNTS.get(code)
        officer = User.objects.get(username=username) if username else None
        submission = submission_submit(
            actor=officer,
            org_unit=tree.units[code],
            year=YEAR,
            submitted_at=_at(date(YEAR, 11, min(day, DUE_ON.day - 1))),
        )
        submission_approve(
            actor=staff, submission=submission, approved_at=_at(COMMUNES_APPROVED_ON)
        )
    city = submission_submit(
        actor=staff, org_unit=tree.city, year=YEAR, submitted_at=_at(CITY_SUBMITTED_ON)
    )
    submission_approve(actor=province_staff, submission=city, approved_at=_at(CITY_APPROVED_ON))


def build_reporting(tree: DemoTree) -> None:
    """Record what this part has not recorded yet (the locks back in place)."""
    staff = User.objects.get(username="chqs.thanhpho")
    _targets(tree, staff)
    _submissions(tree, staff, User.objects.get(username="quantri"))
