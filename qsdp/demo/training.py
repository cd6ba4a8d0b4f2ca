"""The training and defence education of Thành phố Bắc Kạn in 2023, recorded
through the training services with the system as actor (the city's 2023
review: "công tác huấn luyện, giáo dục chính trị cho các đối tượng lực lượng
vũ trang được triển khai đồng bộ", "bồi dưỡng kiến thức quốc phòng, an ninh cho
các đối tượng đạt kết quả cao").

- Militia: a plan per ward and commune (its Ban CHQS), approved by the city
  command in February, with sessions of one to a few days on working days,
  each series opened by a political-education day and closed by a graded test
  (only the sessions of the militia types the commune has):
  the members in service from the spring train in March (mobile militia 12
  days, local 7, the local test on day 7), the members of July in August (15
  days, the first year), the standing squads from February (60 days in blocks).
  Each member attends exactly the days the militia register records for him in
  2023 (``militia.TrainingRecord``: most complete, a few short — those miss the
  last days before the test); results mostly Giỏi and Khá, the short members
  Đạt, one in three of them Không đạt.
- Reservists: the city command's plan for the reservists arranged into its
  reserve units on 5 June, approved by the province command: a political day
  and four days of military training with its test; a few absent (one in
  twenty), results mostly Khá and Giỏi.
- KTQP&AN fostering organised by the city in 2023: category 3 (the city's
  leaders, named as officials), category 4 (the key officials of each ward and
  commune, from the register); all but a couple complete, results Giỏi or Khá.
- Grassroots propagandists: two in each ward and commune (from 2021, chosen
  before the category-4 trainees, who are other people), each with the city's
  2023 training and its result.

Each part is built once: when the city has its records of that kind, it
records nothing.
"""

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Model

from qsdp.demo.forces import COMMUNE_CODES, UNIT_BY_CODE, Pool, Resident
from qsdp.demo.names import OFFICIAL, STUDENT, UNDERGRADUATE
from qsdp.demo.population import SEED
from qsdp.demo.service_plan import calendar, working_day
from qsdp.demo.units import DemoTree
from qsdp.militia.models import MilitiaMember, MilitiaTypeChoices, TrainingRecord
from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person
from qsdp.reserves.models import Arrangement
from qsdp.reserves.selectors.arrangement import arranged_on_q
from qsdp.training.indicators import indicator_value
from qsdp.training.models import (
    Audience,
    CourseParticipant,
    EducationCourse,
    Propagandist,
    SessionKind,
    TraineeCategory,
    TrainingPlan,
    TrainingSession,
)
from qsdp.training.selectors._common import in_area
from qsdp.training.services import (
    AttendanceEntry,
    CourseData,
    ParticipantResult,
    PlanData,
    SessionData,
    attendance_record,
    course_create,
    course_results_record,
    participant_add,
    plan_approve,
    plan_create,
    propagandist_appoint,
    propagandist_training_record,
    session_create,
)

YEAR = 2023
CITY_COMMANDER = "Chỉ huy trưởng Ban CHQS thành phố Bắc Kạn"
PROVINCE_COMMANDER = "Chỉ huy trưởng Bộ CHQS tỉnh Bắc Kạn"
APPROVED_ON = date(2023, 2, 10)
# Grades of the configured scales (migration 0002 of qsdp.training).
EXCELLENT, GOOD, PASS, FAIL = "excellent", "good", "pass", "fail"
FULL_GRADES = ((EXCELLENT, 40), (GOOD, 45), (PASS, 15))
RESERVE_GRADES = ((EXCELLENT, 30), (GOOD, 55), (PASS, 14), (FAIL, 1))
ABSENT_EVERY = 20  # one reservist in twenty misses the training
SHORT_FAIL_EVERY = 3  # one short militia member in three fails the test

LOCAL, MOBILE, STANDING = (
    MilitiaTypeChoices.LOCAL.value,
    MilitiaTypeChoices.MOBILE.value,
    MilitiaTypeChoices.STANDING.value,
)


@dataclass(frozen=True)
class SessionSpec:
    topic: str
    days: int
    types: frozenset[str]  # the militia types it is for
    kind: str = SessionKind.MILITARY


def _one_day(topic: str, *types: str, kind: str = SessionKind.MILITARY) -> SessionSpec:
    return SessionSpec(topic, 1, frozenset(types), kind)


BOTH = (LOCAL, MOBILE)
POLITICAL = SessionKind.POLITICAL


def _block(topic: str, days: int, *types: str) -> SessionSpec:
    return SessionSpec(topic, days, frozenset(types))


# The spring series (members in their second year or later), in blocks of days
# (a short member misses whole blocks): the local militia's 7 days end with
# their test, the mobile militia's 12 with theirs.
SPRING: tuple[SessionSpec, ...] = (
    _one_day("Giáo dục chính trị, pháp luật: Luật Dân quân tự vệ năm 2019", *BOTH, kind=POLITICAL),
    _block("Điều lệnh đội ngũ; kỹ thuật bắn súng tiểu liên AK, ném lựu đạn", 3, *BOTH),
    _block("Chiến thuật từng người; phòng chống thiên tai, tìm kiếm cứu nạn", 2, *BOTH),
    _one_day("Kiểm tra, đánh giá kết quả huấn luyện dân quân tại chỗ", *BOTH),
    _block("Chiến thuật tổ, tiểu đội, trung đội dân quân cơ động", 2, MOBILE),
    _block("Xử lý tình huống bảo đảm an ninh trật tự; bắn đạn thật bài 1", 2, MOBILE),
    _one_day("Kiểm tra, đánh giá kết quả huấn luyện dân quân cơ động", MOBILE),
)
# The first year: 15 days for the members who joined in July.
RECRUITS: tuple[SessionSpec, ...] = (
    _one_day("Giáo dục chính trị: truyền thống, nhiệm vụ của dân quân", *BOTH, kind=POLITICAL),
    _block("Điều lệnh quản lý bộ đội, điều lệnh đội ngũ từng người có súng", 5, *BOTH),
    _block("Kỹ thuật bắn súng tiểu liên AK, lựu đạn, vật cản; băng bó cứu thương", 4, *BOTH),
    _block("Chiến thuật từng người; canh gác, tuần tra bảo vệ mục tiêu", 3, *BOTH),
    _one_day("Bắn đạn thật bài 1 súng tiểu liên AK", *BOTH),
    _one_day("Kiểm tra, đánh giá kết quả huấn luyện năm thứ nhất", *BOTH),
)
# The standing squads: 60 days in blocks (a short member misses whole blocks).
STANDING_BLOCKS: tuple[SessionSpec, ...] = (
    _one_day("Giáo dục chính trị, pháp luật cho dân quân thường trực", STANDING, kind=POLITICAL),
    SessionSpec("Huấn luyện kỹ thuật, chiến thuật dân quân thường trực đợt 1", 30,
                frozenset({STANDING})),
    SessionSpec("Huấn luyện kỹ thuật, chiến thuật dân quân thường trực đợt 2", 20,
                frozenset({STANDING})),
    SessionSpec("Huấn luyện bảo vệ mục tiêu, tuần tra canh gác", 5, frozenset({STANDING})),
    SessionSpec("Huấn luyện phòng chống thiên tai, tìm kiếm cứu nạn", 2, frozenset({STANDING})),
    _one_day("Bắn đạn thật bài 1 súng tiểu liên AK", STANDING),
    _one_day("Kiểm tra, đánh giá kết quả huấn luyện dân quân thường trực", STANDING),
)  # fmt: skip
SERIES_START = {
    "spring": date(2023, 3, 6),
    "recruits": date(2023, 8, 7),
    "standing": date(2023, 2, 1),
}
RESERVE_DAY = date(2023, 6, 5)
RESERVE_SESSIONS = (
    SessionSpec(
        "Giáo dục chính trị cho quân nhân dự bị động viên", 1, frozenset(), SessionKind.POLITICAL
    ),
    SessionSpec(
        "Huấn luyện kỹ thuật, chiến thuật theo chức trách; kiểm tra, đánh giá", 4, frozenset()
    ),
)

# KTQP&AN fostering.
DT3_COURSE = (date(2023, 5, 15), date(2023, 5, 19))
DT4_COURSE = (date(2023, 7, 10), date(2023, 7, 14))
DT3_OFFICIALS: tuple[tuple[str, str], ...] = (
    ("Lục Văn Thành", "Bí thư Thành ủy Bắc Kạn"),
    ("Nông Thị Hà", "Phó Bí thư Thường trực Thành ủy"),
    ("Hoàng Văn Dũng", "Chủ tịch HĐND thành phố"),
    ("Lường Văn Khánh", "Chủ tịch UBND thành phố Bắc Kạn"),
    ("Hà Đức Tài", "Phó Chủ tịch UBND thành phố"),
    ("Triệu Thị Hồng", "Phó Chủ tịch UBND thành phố"),
    ("Ma Văn Hùng", "Phó Chủ tịch HĐND thành phố"),
    ("Đinh Quang Vinh", "Trưởng Ban Tổ chức Thành ủy"),
    ("Bế Thị Lan", "Trưởng Ban Tuyên giáo Thành ủy"),
    ("Dương Văn Kiên", "Chủ nhiệm Ủy ban Kiểm tra Thành ủy"),
    ("Lý Thị Thu", "Chủ tịch Ủy ban MTTQ Việt Nam thành phố"),
    ("Nguyễn Văn Hải", "Trưởng Công an thành phố"),
    ("Hứa Văn Chiến", "Chỉ huy trưởng Ban CHQS thành phố"),
    ("Lâm Văn Quyết", "Chính trị viên Ban CHQS thành phố"),
)
DT3_NOT_COMPLETED = 1  # away on mission in the last days
DT4_POSITIONS = (
    "Bí thư Đảng ủy",
    "Chủ tịch UBND",
    "Phó Chủ tịch UBND",
    "Chủ tịch Ủy ban MTTQ",
    "Trưởng Công an",
    "Bí thư Đoàn TNCS Hồ Chí Minh",
    "Chủ tịch Hội Liên hiệp Phụ nữ",
)
DT4_NOT_COMPLETED = 2  # ill during the course
EDUCATION_GRADES = ((EXCELLENT, 55), (GOOD, 45))
PROPAGANDISTS_PER_UNIT = 2
PROPAGANDISTS_FROM = date(2021, 3, 15)
PROPAGANDIST_TRAINING = (
    date(2023, 5, 25),
    "Tập huấn nghiệp vụ cho đội ngũ tuyên truyền viên cơ sở năm 2023",
    "Ban Tuyên giáo Thành ủy Bắc Kạn",
)


@dataclass
class TrainingSummary:
    """The city's training figures of 2023, from the indicators (what is in the
    register, not what the run added); ``built``: recorded by this run."""

    built: bool = False
    plans: int = 0
    sessions: int = 0
    participants: int = 0
    pass_pct: Decimal | None = None
    education_participants: int = 0
    completion_pct: Decimal | None = None
    by_category: dict[str, tuple[int, Decimal | None]] = field(default_factory=dict)
    propagandists: int = 0


def _pick(grades: Sequence[tuple[str, int]], rng: random.Random) -> str:
    codes, weights = zip(*grades, strict=True)
    return rng.choices(codes, weights)[0]


def attended(sessions: Sequence[SessionSpec], militia_type: str, days: int) -> list[int]:
    """The indexes of the sessions a member of ``militia_type`` attends to train
    ``days`` days: the test (his last session) and, before it, the longest
    sessions first (the earliest among equals) until the days add up."""
    own = [i for i, s in enumerate(sessions) if militia_type in s.types]
    if days <= 0 or not own:
        return []
    test, before = own[-1], own[:-1]
    left = days - sessions[test].days
    chosen = [test]
    for i in sorted(before, key=lambda i: (-sessions[i].days, i)):
        if sessions[i].days <= left:
            chosen.append(i)
            left -= sessions[i].days
    return sorted(chosen)


class _Recorder:
    def __init__(self, tree: DemoTree, pool: Pool) -> None:
        self.tree = tree
        self.pool = pool
        self.calendar = calendar()
        self.residents = {r.person.pk: r for r in pool.residents}

    def _has(self, model: type[Model], **lookups: object) -> bool:
        return model._default_manager.filter(in_area(self.tree.city), **lookups).exists()

    def _dates(self, start: date, sessions: Sequence[SessionSpec]) -> list[date]:
        days, on = [], working_day(start, cal=self.calendar)
        for spec in sessions:
            days.append(on)
            on = working_day(on + timedelta(days=1), spec.days - 1, cal=self.calendar)
        return days

    def _sessions(
        self, plan: TrainingPlan, unit: OrgUnit, start: date, specs: Sequence[SessionSpec]
    ) -> list[TrainingSession]:
        location = f"Thao trường huấn luyện {unit.name[0].lower()}{unit.name[1:]}"
        return [
            session_create(
                actor=None,
                plan=plan,
                data=SessionData(
                    held_on=on,
                    days=Decimal(spec.days),
                    topic=spec.topic,
                    org_unit=unit,
                    kind=spec.kind,
                    location=location,
                ),
            )
            for spec, on in zip(specs, self._dates(start, specs), strict=True)
        ]

    # the militia

    def militia(self) -> None:
        if self._has(TrainingPlan, year=YEAR, audience=Audience.MILITIA):
            return
        records = (
            TrainingRecord.objects.filter(
                year=YEAR, member__org_unit__in=list(self.tree.units.values())
            )
            .select_related("member__person__org_unit")
            .order_by("member_id")
        )
        by_unit: dict[int, list[TrainingRecord]] = {}
        for record in records:
            by_unit.setdefault(record.member.org_unit_id, []).append(record)
        for code in COMMUNE_CODES:
            unit = self.tree.units[code]
            if unit.pk not in by_unit:
                continue
            plan = plan_create(
                actor=None,
                org_unit=self.tree.commands[code],
                data=PlanData(
                    year=YEAR,
                    audience=Audience.MILITIA,
                    title=f"Kế hoạch huấn luyện dân quân năm {YEAR} "
                    f"{UNIT_BY_CODE[code].address_name}",
                    planned_days=Decimal(12),
                ),
            )
            plan = plan_approve(
                actor=None, plan=plan, approved_on=APPROVED_ON, approver_title=CITY_COMMANDER
            )
            self.train_members(plan, unit, by_unit[unit.pk])

    def train_members(
        self, plan: TrainingPlan, unit: OrgUnit, records: list[TrainingRecord]
    ) -> None:
        series: dict[str, list[TrainingRecord]] = {"standing": [], "spring": [], "recruits": []}
        for record in records:
            member: MilitiaMember = record.member
            if member.militia_type == STANDING:
                series["standing"].append(record)
            elif member.term_start <= SERIES_START["spring"]:
                series["spring"].append(record)
            else:
                series["recruits"].append(record)
        specs = {"standing": STANDING_BLOCKS, "spring": SPRING, "recruits": RECRUITS}
        rng = random.Random(f"{SEED}-training-{unit.code}")
        shorts = 0
        for name in ("standing", "spring", "recruits"):
            if not series[name]:
                continue
            types = {record.member.militia_type for record in series[name]}
            held = [spec for spec in specs[name] if spec.types & types]
            sessions = self._sessions(plan, unit, SERIES_START[name], held)
            entries: list[list[AttendanceEntry]] = [[] for _ in sessions]
            for record in series[name]:
                member = record.member
                chosen = attended(held, member.militia_type, record.days_done)
                if not chosen:
                    continue
                full = sum(held[i].days for i in chosen) >= sum(
                    s.days for s in held if member.militia_type in s.types
                )
                if full:
                    result = _pick(FULL_GRADES, rng)
                else:
                    shorts += 1
                    result = FAIL if shorts % SHORT_FAIL_EVERY == 0 else PASS
                for i in chosen:
                    entries[i].append(
                        AttendanceEntry(member.person, True, result if i == chosen[-1] else "")
                    )
            for session, rows in zip(sessions, entries, strict=True):
                if rows:
                    attendance_record(actor=None, session=session, entries=rows)

    # the reservists

    def reservists(self) -> None:
        if self._has(TrainingPlan, year=YEAR, audience=Audience.RESERVISTS):
            return
        people = [
            a.reservist.person
            for a in Arrangement.objects.filter(
                arranged_on_q(RESERVE_DAY), post__unit__org_unit=self.tree.city_command
            )
            .select_related("reservist__person__org_unit")
            .order_by("reservist_id")
        ]
        people = [p for p in people if self._still_here(p, RESERVE_DAY)]
        if not people:
            return
        plan = plan_create(
            actor=None,
            org_unit=self.tree.city_command,
            data=PlanData(
                year=YEAR,
                audience=Audience.RESERVISTS,
                title=f"Kế hoạch huấn luyện quân nhân dự bị động viên năm {YEAR}",
                planned_days=Decimal(sum(s.days for s in RESERVE_SESSIONS)),
            ),
        )
        plan = plan_approve(
            actor=None, plan=plan, approved_on=APPROVED_ON, approver_title=PROVINCE_COMMANDER
        )
        sessions = self._sessions(plan, self.tree.city, RESERVE_DAY, RESERVE_SESSIONS)
        rng = random.Random(f"{SEED}-training-reserve")
        absent = {p.pk for n, p in enumerate(people) if n % ABSENT_EVERY == ABSENT_EVERY // 2}
        results = {p.pk: _pick(RESERVE_GRADES, rng) for p in people}
        for n, session in enumerate(sessions):
            last = n == len(sessions) - 1
            attendance_record(
                actor=None,
                session=session,
                entries=[
                    AttendanceEntry(
                        p, p.pk not in absent, results[p.pk] if last and p.pk not in absent else ""
                    )
                    for p in people
                ],
            )

    def _still_here(self, person: Person, on: date) -> bool:
        resident = self.residents.get(person.pk)
        return resident is None or resident.moved_away_on is None or resident.moved_away_on > on

    # defence and security education

    def _officials(self, code: str, wanted: int, taken: set[int]) -> list[Resident]:
        middle = date(YEAR, 6, 1)
        found = [
            r
            for r in self.pool.in_unit(code)
            if r.moved_away_on is None
            and r.person.pk not in taken
            and 28 <= r.age(middle) <= 58
            and r.person.occupation not in (STUDENT, UNDERGRADUATE)
        ]
        random.Random(f"{SEED}-officials-{code}").shuffle(found)
        found.sort(key=lambda r: r.person.occupation != OFFICIAL)
        return found[:wanted]

    def _busy(self) -> set[int]:
        """People with a role in the forces (militia, reserve): not officials here."""
        militia = MilitiaMember.objects.filter(org_unit__in=list(self.tree.units.values()))
        reserve = Arrangement.objects.filter(post__unit__org_unit=self.tree.city_command)
        return set(militia.values_list("person_id", flat=True)) | set(
            reserve.values_list("reservist__person_id", flat=True)
        )

    def _course(
        self,
        code: str,
        title: str,
        organiser: str,
        dates: tuple[date, date],
        planned: int,
    ) -> EducationCourse:
        category = TraineeCategory.objects.get(
            code=code, valid_from__lte=dates[0], valid_to__gte=dates[0]
        )
        return course_create(
            actor=None,
            org_unit=self.tree.city,
            data=CourseData(
                year=YEAR,
                category=category,
                title=title,
                organiser=organiser,
                starts_on=dates[0],
                ends_on=dates[1],
                planned_trainees=planned,
            ),
        )

    def _results(
        self, course: EducationCourse, participants: list[CourseParticipant], missing: int
    ) -> None:
        rng = random.Random(f"{SEED}-education-{course.category.code}")
        incomplete = {len(participants) - 1 - 5 * n for n in range(missing)}
        course_results_record(
            actor=None,
            course=course,
            entries=[
                ParticipantResult(p, True, _pick(EDUCATION_GRADES, rng))
                if n not in incomplete
                else ParticipantResult(p, False)
                for n, p in enumerate(participants)
            ],
        )

    def education(self) -> None:
        if self._has(EducationCourse, year=YEAR):
            return
        dt3 = self._course(
            "dt3",
            f"Bồi dưỡng kiến thức quốc phòng và an ninh đối tượng 3 năm {YEAR}",
            "Hội đồng Giáo dục quốc phòng và an ninh thành phố Bắc Kạn; "
            "Trường Quân sự tỉnh Bắc Kạn",
            DT3_COURSE,
            len(DT3_OFFICIALS),
        )
        participants = [
            participant_add(actor=None, course=dt3, official_name=name, position=position)
            for name, position in DT3_OFFICIALS
        ]
        self._results(dt3, participants, DT3_NOT_COMPLETED)
        taken = self._busy() | set(
            Propagandist.objects.filter(in_area(self.tree.city)).values_list("person_id", flat=True)
        )
        enrolled: list[tuple[Person, str]] = []
        for code in COMMUNE_CODES:
            officials = self._officials(code, len(DT4_POSITIONS), taken)
            place = UNIT_BY_CODE[code].address_name
            for resident, position in zip(officials, DT4_POSITIONS, strict=False):
                enrolled.append((resident.person, f"{position} {place}"))
                taken.add(resident.person.pk)
        if not enrolled:
            return
        dt4 = self._course(
            "dt4",
            f"Bồi dưỡng kiến thức quốc phòng và an ninh đối tượng 4 năm {YEAR}",
            "Hội đồng Giáo dục quốc phòng và an ninh thành phố Bắc Kạn",
            DT4_COURSE,
            len(enrolled),
        )
        participants = [
            participant_add(actor=None, course=dt4, person=person, position=position)
            for person, position in enrolled
        ]
        self._results(dt4, participants, min(DT4_NOT_COMPLETED, len(participants) - 1))

    def propagandists(self) -> None:
        if self._has(Propagandist):
            return
        taken = self._busy()
        rng = random.Random(f"{SEED}-propagandists")
        on, title, organiser = PROPAGANDIST_TRAINING
        for code in COMMUNE_CODES:
            spec = UNIT_BY_CODE[code]
            for n, resident in enumerate(self._officials(code, PROPAGANDISTS_PER_UNIT, taken)):
                taken.add(resident.person.pk)
                propagandist = propagandist_appoint(
                    actor=None,
                    org_unit=self.tree.units[code],
                    appointed_on=PROPAGANDISTS_FROM,
                    person=resident.person,
                    position=f"Tuyên truyền viên {spec.villages[n % len(spec.villages)]}",
                )
                propagandist_training_record(
                    actor=None,
                    propagandist=propagandist,
                    trained_on=on,
                    title=title,
                    organiser=organiser,
                    result=_pick(EDUCATION_GRADES, rng),
                )


def build_training(tree: DemoTree, pool: Pool) -> bool:
    """Record the city's 2023 training and defence education, each part unless
    it is there; returns whether anything was recorded. Runs after the militia
    (whose training days it follows) and the reserve register."""
    before = _fingerprint(tree)
    recorder = _Recorder(tree, pool)
    recorder.militia()
    recorder.reservists()
    recorder.propagandists()
    recorder.education()
    return _fingerprint(tree) != before


def _fingerprint(tree: DemoTree) -> tuple[int, ...]:
    area = in_area(tree.city)
    return (
        TrainingPlan.objects.filter(area).count(),
        EducationCourse.objects.filter(area).count(),
        Propagandist.objects.filter(area).count(),
    )


def describe(tree: DemoTree) -> TrainingSummary:
    """The city's training and defence education of 2023, from the indicators."""
    city = tree.city
    participants = indicator_value("training.participants", org_unit=city, year=YEAR)
    passed = indicator_value("training.pass_pct", org_unit=city, year=YEAR)
    educated = indicator_value("defence_education.participants", org_unit=city, year=YEAR)
    completion = indicator_value("defence_education.completion_pct", org_unit=city, year=YEAR)
    by_category = {}
    for code in ("dt3", "dt4"):
        count = indicator_value(
            "defence_education.participants", org_unit=city, year=YEAR, category=code
        )
        pct = indicator_value(
            "defence_education.completion_pct", org_unit=city, year=YEAR, category=code
        )
        by_category[code] = (
            count.numerator,
            pct.value if isinstance(pct.value, Decimal) else None,
        )
    plans = TrainingPlan.objects.filter(in_area(city), year=YEAR)
    return TrainingSummary(
        plans=plans.count(),
        sessions=TrainingSession.objects.filter(plan__in=plans).count(),
        participants=participants.numerator,
        pass_pct=passed.value if isinstance(passed.value, Decimal) else None,
        education_participants=educated.numerator,
        completion_pct=completion.value if isinstance(completion.value, Decimal) else None,
        by_category=by_category,
        propagandists=Propagandist.objects.filter(in_area(city), left_on__isnull=True).count(),
    )
