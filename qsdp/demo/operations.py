"""The operations of Thành phố Bắc Kạn in 2023, recorded through the
operations services with the system as actor (the city's 2023 review:
"diễn tập chiến đấu trong khu vực phòng thủ, diễn tập phòng chống thiên tai tìm
kiếm cứu nạn cho 02 phường … hoàn thành xuất sắc nhiệm vụ, an toàn tuyệt đối",
"duy trì nghiêm chế độ thường trực sẵn sàng chiến đấu", "phối hợp tuần tra",
"không để xảy ra các điểm nóng").

- Directives: the city's resolution, plans, directive and guidance of 2023 on
  local defence work, with tasks to the wards and communes, all reported
  completed (the call-up task only to the units with a 2023 quota, its evidence
  counted from the register).
- Drills: Phường Đức Xuân's combat drill in the defence zone (September) and
  Phường Sông Cầu's PCTT-TKCN drill (August), each planned, held in three
  phases with their forces, no safety incident, rated "Xuất sắc" on the
  configured scale in the days after; Xã Dương Quang's combat drill planned for
  2024 (not held).
- Readiness duty: a duty post of the city (Ban CHQS thành phố's duty room) and
  one of each ward and commune, in use from 1 January 2023; twelve monthly
  rosters per post, one 24-hour shift a day (07:30 to 07:30) in a rotation of
  five people, which keeps the rest rule (24 hours, two shifts a week); a duty
  log for every day of 2023 at every post (100 % of the days covered).
  The posts' people: a commune's current militia members, then men 20–50 of
  it who never enlisted, are not students and did not move; the city's: men
  25–50 of the city, officials first, not on a commune's team. A post whose
  area has fewer than five such people is not created (a small demo).
  No swap is recorded: ``swap_request`` refuses a shift that has started.
- Patrols with the police: two or three a month in every ward and commune
  (30 a year each, 240 in all), at night on fixed days of the month.
- Incidents: eight minor ones over the year, each followed up and resolved
  within days; none is a hot spot.

Each part is built once: when the city has its records of that kind, the part
records nothing.
"""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db.models import Model
from django.utils import timezone

from qsdp.demo.forces import COMMUNE_CODES, UNIT_BY_CODE, Pool, Resident
from qsdp.demo.names import OFFICIAL, STUDENT, UNDERGRADUATE
from qsdp.demo.population import SEED
from qsdp.demo.service_plan import DECISION_SIGNER
from qsdp.demo.units import DemoTree
from qsdp.military_service.models import Quota, ServiceEvent
from qsdp.military_service.rules.cycle import EventKind
from qsdp.militia.models import MilitiaMember
from qsdp.operations.indicators import drills_by_kind, indicator_value
from qsdp.operations.models import (
    Directive,
    DirectiveKind,
    DirectiveTask,
    DrillKind,
    DrillPlan,
    DutyPost,
    Incident,
    IncidentKind,
    IncidentStatus,
    Patrol,
)
from qsdp.operations.services import (
    DirectiveData,
    DrillData,
    DrillPlanData,
    DutyLogData,
    IncidentData,
    PatrolData,
    PhaseData,
    ShiftData,
    directive_create,
    drill_plan_create,
    drill_rate,
    drill_record,
    duty_logs_record,
    duty_post_create,
    incident_follow_up,
    incident_report,
    patrol_record,
    roster_save,
    task_assign,
    task_report,
)
from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person

YEAR = 2023
YEAR_START, YEAR_END = date(YEAR, 1, 1), date(YEAR, 12, 31)
PLAN_YEAR = 2024

DUONG_QUANG, DUC_XUAN, SONG_CAU = "01849", "01840", "01837"
COMMAND_SIGNER = "Chỉ huy trưởng Ban CHQS thành phố Bắc Kạn"
PARTY_SIGNER = "Bí thư Đảng ủy Quân sự thành phố Bắc Kạn"
DRILL_DIRECTOR = "Ban Chỉ đạo diễn tập thành phố Bắc Kạn"

# --- drills -----------------------------------------------------------------


@dataclass(frozen=True)
class DrillSpec:
    code: str  # the ward
    kind: str
    title: str
    held_from: date
    held_to: date
    participants: int
    forces: str
    notable: str
    phases: tuple[tuple[str, int, str], ...]  # (name, day offset, content)
    rating: str
    rated_on: date


DRILLS: tuple[DrillSpec, ...] = (
    DrillSpec(
        SONG_CAU,
        DrillKind.DISASTER_RESPONSE,
        "Diễn tập phòng chống thiên tai và tìm kiếm cứu nạn phường Sông Cầu năm 2023",
        date(2023, 8, 24),
        date(2023, 8, 25),
        186,
        "Dân quân phường Sông Cầu; Công an phường; Đội xung kích phòng chống thiên tai các tổ "
        "dân phố; Trạm Y tế phường; Hội Chữ thập đỏ; lực lượng Ban CHQS thành phố và Đội Cảnh "
        "sát PCCC và CNCH Công an tỉnh hỗ trợ.",
        "Lãnh đạo Bộ CHQS tỉnh, Thành ủy, UBND thành phố Bắc Kạn dự và chỉ đạo.",
        (
            (
                "Giai đoạn 1: Triển khai phương án phòng chống thiên tai, chuyển trạng thái "
                "ứng phó",
                0,
                "Nhận tin mưa lớn, lũ trên sông Cầu; họp Ban chỉ huy PCTT-TKCN phường, giao "
                "nhiệm vụ cho các lực lượng.",
            ),
            (
                "Giai đoạn 2: Thực hành sơ tán dân, tìm kiếm cứu nạn khi lũ lên",
                0,
                "Sơ tán các hộ ven sông, cứu người bị nạn trên sông, sơ cứu và chuyển thương.",
            ),
            (
                "Giai đoạn 3: Khắc phục hậu quả, ổn định đời sống nhân dân",
                1,
                "Vệ sinh môi trường, khôi phục giao thông, thăm hỏi hộ bị thiệt hại.",
            ),
        ),
        "excellent",
        date(2023, 8, 31),
    ),
    DrillSpec(
        DUC_XUAN,
        DrillKind.DEFENCE_ZONE_COMBAT,
        "Diễn tập chiến đấu phường Đức Xuân trong khu vực phòng thủ năm 2023",
        date(2023, 9, 13),
        date(2023, 9, 15),
        245,
        "Trung đội dân quân cơ động, các tiểu đội dân quân tại chỗ phường Đức Xuân; Công an "
        "phường; quân nhân dự bị động viên được gọi tập trung; các ban, ngành, đoàn thể "
        "phường; lực lượng Ban CHQS thành phố tăng cường.",
        "Lãnh đạo Bộ CHQS tỉnh, Thành ủy, HĐND, UBND thành phố Bắc Kạn dự và chỉ đạo.",
        (
            (
                "Giai đoạn 1: Lãnh đạo chuyển địa phương từ thời bình sang thời chiến",
                0,
                "Đảng ủy phường ra nghị quyết lãnh đạo, UBND phường chuyển các trạng thái sẵn "
                "sàng chiến đấu, động viên lực lượng.",
            ),
            (
                "Giai đoạn 2: Xử lý tình huống bảo đảm an ninh chính trị, trật tự an toàn xã hội",
                1,
                "Xử lý tình huống tụ tập đông người, gây rối trật tự trên địa bàn phường.",
            ),
            (
                "Giai đoạn 3: Thực hành chiến đấu phòng thủ phường",
                2,
                "Dân quân phường cùng các lực lượng thực hành đánh địch đổ bộ đường không, "
                "bảo vệ mục tiêu trên địa bàn.",
            ),
        ),
        "excellent",
        date(2023, 9, 22),
    ),
)
DUONG_QUANG_2024 = DrillPlanData(
    year=PLAN_YEAR,
    kind=DrillKind.DEFENCE_ZONE_COMBAT,
    title="Diễn tập chiến đấu xã Dương Quang trong khu vực phòng thủ năm 2024",
    planned_on=date(2024, 9, 26),
    directed_by=DRILL_DIRECTOR,
)

# --- directives ---------------------------------------------------------------


@dataclass(frozen=True)
class TaskSpec:
    title: str
    deadline: date
    reported_on: date
    evidence: str
    codes: tuple[str, ...] = COMMUNE_CODES  # the wards and communes it goes to


@dataclass(frozen=True)
class DirectiveSpec:
    kind: str
    number: str
    issued_on: date
    signer: str
    summary: str
    tasks: tuple[TaskSpec, ...]


CALL_UP_TASK = "Tuyển chọn và bàn giao công dân nhập ngũ năm 2023 đủ chỉ tiêu được giao"
DIRECTIVES: tuple[DirectiveSpec, ...] = (
    DirectiveSpec(
        DirectiveKind.RESOLUTION,
        "01-NQ/ĐU",
        date(2023, 1, 5),
        PARTY_SIGNER,
        "Nghị quyết lãnh đạo thực hiện nhiệm vụ quân sự, quốc phòng địa phương năm 2023.",
        (
            TaskSpec(
                "Xây dựng nghị quyết, kế hoạch thực hiện nhiệm vụ QP-QSĐP năm 2023 của đảng ủy, "
                "chính quyền cơ sở",
                date(2023, 1, 31),
                date(2023, 1, 27),
                "Nghị quyết của đảng ủy và kế hoạch của UBND đã ban hành, gửi Ban CHQS thành phố.",
            ),
        ),
    ),
    DirectiveSpec(
        DirectiveKind.PLAN,
        "12/KH-UBND",
        date(2022, 11, 1),
        DECISION_SIGNER,
        "Kế hoạch tuyển chọn và gọi công dân nhập ngũ năm 2023.",
        (
            TaskSpec(
                CALL_UP_TASK,
                date(2023, 2, 13),
                date(2023, 2, 13),
                "",  # counted from the register
            ),
        ),
    ),
    DirectiveSpec(
        DirectiveKind.DIRECTIVE,
        "02/CT-UBND",
        date(2023, 1, 16),
        DECISION_SIGNER,
        "Chỉ thị về công tác huấn luyện dân quân tự vệ, dự bị động viên năm 2023.",
        (
            TaskSpec(
                "Huấn luyện dân quân năm 2023 đúng nội dung, chương trình, đủ thời gian",
                date(2023, 10, 31),
                date(2023, 10, 20),
                "Tổ chức huấn luyện xong; báo cáo kết quả kiểm tra, đánh giá gửi Ban CHQS "
                "thành phố.",
            ),
            TaskSpec(
                "Duy trì chế độ trực sẵn sàng chiến đấu và phối hợp tuần tra với công an",
                date(2023, 12, 31),
                date(2023, 12, 29),
                "Duy trì trực sẵn sàng chiến đấu đủ các ngày trong năm; phối hợp tuần tra theo "
                "kế hoạch, không để xảy ra điểm nóng.",
            ),
        ),
    ),
    DirectiveSpec(
        DirectiveKind.GUIDANCE,
        "45/HD-BCH",
        date(2023, 3, 10),
        COMMAND_SIGNER,
        "Hướng dẫn diễn tập chiến đấu phường trong khu vực phòng thủ năm 2023.",
        (
            TaskSpec(
                "Xây dựng văn kiện và tổ chức diễn tập chiến đấu phường trong khu vực phòng thủ",
                date(2023, 9, 30),
                date(2023, 9, 22),
                "Diễn tập ngày 13–15/9/2023, ba giai đoạn; xếp loại Xuất sắc, an toàn tuyệt đối.",
                (DUC_XUAN,),
            ),
        ),
    ),
    DirectiveSpec(
        DirectiveKind.PLAN,
        "58/KH-UBND",
        date(2023, 4, 12),
        DECISION_SIGNER,
        "Kế hoạch diễn tập phòng chống thiên tai và tìm kiếm cứu nạn phường Sông Cầu năm 2023.",
        (
            TaskSpec(
                "Tổ chức diễn tập phòng chống thiên tai và tìm kiếm cứu nạn phường",
                date(2023, 8, 31),
                date(2023, 8, 31),
                "Diễn tập ngày 24–25/8/2023, ba giai đoạn; xếp loại Xuất sắc, an toàn tuyệt đối.",
                (SONG_CAU,),
            ),
        ),
    ),
)

# --- duty, patrols, incidents -----------------------------------------------

TEAM = 5  # a rotation of five keeps 24-hour shifts within the rest rule
SHIFT_START = time(7, 30)
CITY_POST = "Phòng trực ban Ban CHQS thành phố"
COMMUNE_POST = "Trực sẵn sàng chiến đấu Ban CHQS"
QUIET_DAY = "Duy trì trực sẵn sàng chiến đấu đúng quy định; tình hình địa bàn ổn định."
# Patrol days of the month: two patrols in odd months, three in even ones for
# half of the units and the other way round for the others (30 a year each).
PATROL_DAYS = (6, 16, 26)
PATROL_RESULTS = (
    "Tuần tra bảo đảm an ninh trật tự; tình hình ổn định, không phát hiện vi phạm.",
    "Nhắc nhở giải tán nhóm thanh niên tụ tập muộn; tình hình ổn định.",
    "Kiểm tra các tuyến đường, khu dân cư; không phát hiện vi phạm.",
)


@dataclass(frozen=True)
class IncidentSpec:
    code: str
    reported_on: date
    kind: str
    location: str
    description: str
    follow_ups: tuple[tuple[int, str, str], ...]  # (days after, note, status)


RESOLVED, MONITORING = IncidentStatus.RESOLVED.value, IncidentStatus.MONITORING.value
INCIDENTS: tuple[IncidentSpec, ...] = (
    IncidentSpec(
        "01834", date(2023, 1, 23), IncidentKind.PUBLIC_ORDER, "Tổ 3",
        "Xô xát giữa hai nhóm thanh niên dịp Tết Nguyên đán, không có người bị thương.",
        ((1, "Công an phường mời các bên lên làm việc, hòa giải thành.", RESOLVED),),
    ),
    IncidentSpec(
        "01852", date(2023, 3, 14), IncidentKind.FIRE, "Rừng sản xuất thôn Khuổi Chang",
        "Cháy thực bì khoảng 0,3 ha rừng sản xuất do đốt nương.",
        ((0, "Dân quân xã cùng kiểm lâm và nhân dân dập tắt trong ngày.", RESOLVED),),
    ),
    IncidentSpec(
        "01849", date(2023, 4, 18), IncidentKind.PUBLIC_ORDER, "Thôn Nà Pài",
        "Tranh chấp ranh giới đất vườn giữa hai hộ gia đình.",
        (
            (3, "Tổ hòa giải thôn tổ chức hòa giải; tiếp tục theo dõi.", MONITORING),
            (17, "Hai hộ thống nhất ranh giới, ký biên bản hòa giải thành.", RESOLVED),
        ),
    ),
    IncidentSpec(
        "01837", date(2023, 6, 20), IncidentKind.NATURAL_DISASTER, "Tổ 5",
        "Mưa lớn gây ngập cục bộ, sạt lở taluy sau hai hộ dân.",
        ((2, "Dân quân phường giúp di chuyển tài sản, khơi thông cống rãnh.", RESOLVED),),
    ),
    IncidentSpec(
        "01855", date(2023, 7, 8), IncidentKind.OTHER, "Tổ Bản Vẻn",
        "Người dân trình báo mất tích một cháu nhỏ đi chơi xa nhà.",
        ((0, "Dân quân và công an tìm thấy cháu lúc 21 giờ, bàn giao cho gia đình.", RESOLVED),),
    ),
    IncidentSpec(
        "01843", date(2023, 9, 2), IncidentKind.PUBLIC_ORDER, "Tổ 2",
        "Tụ tập đua xe trái phép đêm Quốc khánh.",
        ((1, "Công an phường lập biên bản, tạm giữ 2 xe máy; nhắc nhở gia đình.", RESOLVED),),
    ),
    IncidentSpec(
        "01846", date(2023, 10, 5), IncidentKind.NATURAL_DISASTER, "Tổ Nà Kẹn",
        "Cây đổ chắn đường sau giông lốc.",
        ((0, "Dân quân phường cưa dọn cây, thông đường trong buổi sáng.", RESOLVED),),
    ),
    IncidentSpec(
        "01840", date(2023, 12, 9), IncidentKind.FIRE, "Tổ 4",
        "Chập điện gây cháy nhỏ tại một kho chứa hàng.",
        ((0, "Dân quân và nhân dân dập tắt, không thiệt hại về người.", RESOLVED),),
    ),
)  # fmt: skip


@dataclass
class OperationsSummary:
    """The city's operations figures of 2023, from the indicators (what is in
    the register, not what the run added); ``built``: recorded by this run."""

    built: bool = False
    drills: int = 0
    drills_by_kind: dict[str, int] = field(default_factory=dict)
    rated_good_pct: Decimal | None = None
    duty_days_pct: Decimal | None = None
    duty_posts: int = 0
    patrols: int = 0
    incidents: int = 0
    hot_spots: int = 0
    directives: int = 0
    tasks: int = 0
    tasks_completed: int = 0
    planned_next_year: list[str] = field(default_factory=list)


def _aware(day: date, at: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, at))


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


def _month_ends(year: int) -> list[tuple[date, date]]:
    months = []
    for month in range(1, 13):
        first = date(year, month, 1)
        after = date(year + month // 12, month % 12 + 1, 1)
        months.append((first, after - timedelta(days=1)))
    return months


class _Recorder:
    def __init__(self, tree: DemoTree, pool: Pool) -> None:
        self.tree = tree
        self.pool = pool

    def _under_city(self, model: type[Model]) -> bool:
        return model._default_manager.filter(
            org_unit__path__startswith=self.tree.city.path
        ).exists()

    # directives

    def call_up_evidence(self, unit: OrgUnit) -> tuple[bool, str]:
        quota = Quota.objects.filter(call_up_year=YEAR, org_unit=unit).first()
        if quota is None:
            return False, ""
        enlisted = ServiceEvent.objects.filter(
            kind=EventKind.ENLISTMENT, call_up_year=YEAR, org_unit=unit, cancelled_on__isnull=True
        ).count()
        return True, (
            f"Bàn giao {enlisted}/{quota.number} công dân nhập ngũ ngày 13/02/2023 "
            f"({'đạt' if enlisted >= quota.number else 'chưa đạt'} chỉ tiêu)."
        )

    def directives(self) -> None:
        if self._under_city(Directive):
            return
        for spec in DIRECTIVES:
            directive = directive_create(
                actor=None,
                org_unit=self.tree.city,
                data=DirectiveData(
                    spec.kind, spec.number, spec.issued_on, spec.signer, spec.summary
                ),
            )
            for task in spec.tasks:
                for code in task.codes:
                    unit = self.tree.units[code]
                    evidence = task.evidence
                    if task.title == CALL_UP_TASK:
                        has_quota, evidence = self.call_up_evidence(unit)
                        if not has_quota:
                            continue
                    assigned = task_assign(
                        actor=None,
                        directive=directive,
                        assigned_to=unit,
                        title=task.title,
                        deadline=task.deadline,
                    )
                    task_report(
                        actor=None,
                        task=assigned,
                        reported_on=task.reported_on,
                        completed=True,
                        evidence=evidence,
                    )

    # drills

    def drills(self) -> None:
        if self._under_city(DrillPlan):
            return
        for spec in DRILLS:
            plan = drill_plan_create(
                actor=None,
                org_unit=self.tree.units[spec.code],
                data=DrillPlanData(
                    year=YEAR,
                    kind=spec.kind,
                    title=spec.title,
                    planned_on=spec.held_from,
                    directed_by=DRILL_DIRECTOR,
                ),
            )
            drill = drill_record(
                actor=None,
                plan=plan,
                data=DrillData(
                    held_from=spec.held_from,
                    held_to=spec.held_to,
                    participants=spec.participants,
                    forces=spec.forces,
                    notable_participants=spec.notable,
                ),
                phases=[
                    PhaseData(name, spec.held_from + timedelta(days=offset), content)
                    for name, offset, content in spec.phases
                ],
            )
            drill_rate(actor=None, drill=drill, rating=spec.rating, rated_on=spec.rated_on)
        drill_plan_create(actor=None, org_unit=self.tree.units[DUONG_QUANG], data=DUONG_QUANG_2024)

    # readiness duty

    def _fit(self, resident: Resident, low: int, high: int) -> bool:
        return (
            resident.is_male
            and resident.moved_away_on is None
            and resident.enlisted_in is None
            and resident.person.occupation not in (STUDENT, UNDERGRADUATE)
            and low <= resident.age(YEAR_START) <= high
        )

    def teams(self) -> dict[OrgUnit, list[Person]]:
        """The people on duty at each post, by the post's area."""
        militia = set(
            MilitiaMember.objects.filter(
                org_unit__in=list(self.tree.units.values()),
                term_start__lte=YEAR_START,
                left_on__isnull=True,
            ).values_list("person_id", flat=True)
        )
        teams: dict[OrgUnit, list[Person]] = {}
        taken: set[int] = set()
        for code in COMMUNE_CODES:
            fit = [r for r in self.pool.in_unit(code) if self._fit(r, 20, 50)]
            random.Random(f"{SEED}-duty-{code}").shuffle(fit)
            fit.sort(key=lambda r: r.person.pk not in militia)  # the militia first
            if len(fit) >= TEAM:
                teams[self.tree.units[code]] = [r.person for r in fit[:TEAM]]
                taken.update(r.person.pk for r in fit[:TEAM])
        city = [r for r in self.pool.residents if self._fit(r, 25, 50) and r.person.pk not in taken]
        random.Random(f"{SEED}-duty-city").shuffle(city)
        city.sort(key=lambda r: r.person.occupation != OFFICIAL)  # officials first
        if len(city) >= TEAM:
            teams[self.tree.city] = [r.person for r in city[:TEAM]]
        return teams

    def duty(self) -> None:
        if self._under_city(DutyPost):
            return
        for unit, team in self.teams().items():
            if unit == self.tree.city:
                name = CITY_POST
            else:
                name = f"{COMMUNE_POST} {UNIT_BY_CODE[unit.code].address_name}"
            post = duty_post_create(actor=None, org_unit=unit, name=name, opened_on=YEAR_START)
            offset = len(name)  # the rotations do not start together
            on_duty = {
                day: team[(n + offset) % TEAM] for n, day in enumerate(_days(YEAR_START, YEAR_END))
            }
            for start, end in _month_ends(YEAR):
                roster_save(
                    actor=None,
                    post=post,
                    start=start,
                    end=end,
                    shifts=[
                        ShiftData(
                            on_duty[day],
                            _aware(day, SHIFT_START),
                            _aware(day + timedelta(days=1), SHIFT_START),
                        )
                        for day in _days(start, end)
                    ],
                )
            notes = self.duty_notes(unit)
            logs = []
            for day, person in on_duty.items():
                following = on_duty.get(day + timedelta(days=1))
                handed_over_to = following.full_name if following else ""
                logs.append(DutyLogData(day, [person], notes.get(day, QUIET_DAY), handed_over_to))
            duty_logs_record(actor=None, post=post, entries=logs)  # the year's logs at once

    def duty_notes(self, unit: OrgUnit) -> dict[date, str]:
        """What the log of a day notes beyond a quiet day: the unit's incidents and drills."""
        notes: dict[date, str] = {}
        for incident in INCIDENTS:
            if unit == self.tree.city or self.tree.units[incident.code] == unit:
                place = UNIT_BY_CODE[incident.code].address_name
                notes[incident.reported_on] = (
                    f"{incident.description} ({incident.location}, {place}); "
                    f"{incident.follow_ups[0][1]}"
                )
        for drill in DRILLS:
            if unit == self.tree.city or self.tree.units[drill.code] == unit:
                for day in _days(drill.held_from, drill.held_to):
                    notes[day] = f"{drill.title}: trực bảo đảm an toàn diễn tập."
        return notes

    # patrols and incidents

    def patrols(self) -> None:
        if self._under_city(Patrol):
            return
        for index, code in enumerate(COMMUNE_CODES):
            spec = UNIT_BY_CODE[code]
            unit = self.tree.units[code]
            rng = random.Random(f"{SEED}-patrols-{code}")
            for month in range(1, 13):
                count = 3 if (month + index) % 2 else 2
                for n in range(count):
                    day = date(YEAR, month, PATROL_DAYS[n] + index % 3)
                    village = spec.villages[(month + n) % len(spec.villages)]
                    patrol_record(
                        actor=None,
                        org_unit=unit,
                        data=PatrolData(
                            on=day,
                            area=f"{village}, {spec.address_name} và các tuyến đường lân cận",
                            militia_count=rng.randint(3, 6),
                            police_count=rng.randint(2, 3),
                            result=rng.choice(PATROL_RESULTS),
                        ),
                    )

    def incidents(self) -> None:
        if self._under_city(Incident):
            return
        for spec in INCIDENTS:
            incident = incident_report(
                actor=None,
                org_unit=self.tree.units[spec.code],
                data=IncidentData(
                    reported_on=spec.reported_on,
                    kind=spec.kind,
                    location=f"{spec.location}, {UNIT_BY_CODE[spec.code].address_name}",
                    description=spec.description,
                ),
            )
            for after, note, status in spec.follow_ups:
                incident_follow_up(
                    actor=None,
                    incident=incident,
                    on=spec.reported_on + timedelta(days=after),
                    note=note,
                    status=status,
                )


def build_operations(tree: DemoTree, pool: Pool) -> bool:
    """Record the city's 2023 operations, each part unless it is there;
    returns whether anything was recorded. Runs after the militia, whose
    members keep the communes' readiness duty."""
    before = _fingerprint(tree)
    recorder = _Recorder(tree, pool)
    recorder.directives()
    recorder.drills()
    recorder.duty()
    recorder.patrols()
    recorder.incidents()
    return _fingerprint(tree) != before


def _fingerprint(tree: DemoTree) -> tuple[int, ...]:
    path = tree.city.path
    return (
        Directive.objects.filter(org_unit__path__startswith=path).count(),
        DrillPlan.objects.filter(org_unit__path__startswith=path).count(),
        DutyPost.objects.filter(org_unit__path__startswith=path).count(),
        Patrol.objects.filter(org_unit__path__startswith=path).count(),
        Incident.objects.filter(org_unit__path__startswith=path).count(),
    )


def describe(tree: DemoTree) -> OperationsSummary:
    """The city's operations of 2023, from the indicators."""
    city, path = tree.city, tree.city.path
    by_kind = drills_by_kind(org_unit=city, year=YEAR)
    rated = indicator_value("drills.rated_good_or_better_pct", org_unit=city, year=YEAR)
    covered = indicator_value("readiness_duty.days_covered_pct", org_unit=city, year=YEAR)
    tasks = DirectiveTask.objects.filter(
        directive__org_unit__path__startswith=path, directive__issued_on__lte=YEAR_END
    ).filter(deadline__year=YEAR)
    return OperationsSummary(
        drills=indicator_value("drills.held", org_unit=city, year=YEAR).numerator,
        drills_by_kind={code.rsplit(".", 1)[1]: value.numerator for code, value in by_kind.items()},
        rated_good_pct=rated.value if isinstance(rated.value, Decimal) else None,
        duty_days_pct=covered.value if isinstance(covered.value, Decimal) else None,
        duty_posts=DutyPost.objects.filter(org_unit__path__startswith=path).count(),
        patrols=indicator_value("patrols.count", org_unit=city, year=YEAR).numerator,
        incidents=Incident.objects.filter(
            org_unit__path__startswith=path, reported_on__year=YEAR
        ).count(),
        hot_spots=indicator_value("incidents.hot_spots", org_unit=city, year=YEAR).numerator,
        directives=Directive.objects.filter(
            org_unit__path__startswith=path, issued_on__lte=YEAR_END
        ).count(),
        tasks=tasks.count(),
        tasks_completed=tasks.filter(completed_on__isnull=False).count(),
        planned_next_year=[
            plan.org_unit.name
            for plan in DrillPlan.objects.filter(
                org_unit__path__startswith=path, year=PLAN_YEAR
            ).select_related("org_unit")
        ],
    )
