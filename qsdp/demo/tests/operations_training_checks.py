"""The demo's operations and training of 2023, checked on the 600-person load of
``test_military_service`` (a mixin of its test class, so the demo is loaded once
for all): ``self.city``, ``self.units`` and ``self.output`` come from its
``setUpTestData``.

Each indicator of the city is compared with a count made here over the rows,
in Python, without the indicator's queries."""

from collections import Counter, defaultdict
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from qsdp.core.selectors import rule_setting
from qsdp.core.settings_registry import DRILL_RATING_SCALE
from qsdp.militia.models import TrainingRecord
from qsdp.operations import rules as operations_rules
from qsdp.operations.indicators import drills_by_kind
from qsdp.operations.indicators import indicator_value as operations_indicator
from qsdp.operations.models import (
    Directive,
    DirectiveKind,
    DirectiveTask,
    Drill,
    DrillKind,
    DrillPlan,
    DutyLog,
    DutyPost,
    DutyShift,
    Incident,
    IncidentStatus,
    Patrol,
)
from qsdp.operations.services import rest_rule
from qsdp.reserves.models import Arrangement
from qsdp.reserves.selectors.arrangement import arranged_on_q
from qsdp.training.indicators import indicator_value as training_indicator
from qsdp.training.models import (
    Attendance,
    Audience,
    CourseParticipant,
    EducationCourse,
    Propagandist,
    SessionKind,
    TrainingPlan,
)

YEAR = 2023
YEAR_START, YEAR_END = date(YEAR, 1, 1), date(YEAR, 12, 31)


def pct(numerator, denominator):
    return (Decimal(100) * numerator / denominator).quantize(Decimal("0.1"), ROUND_HALF_UP)


class OperationsAndTrainingDemoChecks:
    def area(self):
        """The city and its wards and communes (the units of the subtree the demo uses)."""
        return [self.city, *self.units]

    def in_city(self, unit):
        """Whether ``unit`` (a command: the area it serves) is the city or one of its units."""
        area = {u.pk for u in self.area()}
        return unit.pk in area or unit.serves_id in area

    # --- drills -----------------------------------------------------------------

    def test_the_drills_of_2023_counted_by_hand_equal_the_indicators(self):
        drills = [
            d
            for d in Drill.objects.select_related("plan__org_unit")
            if d.held_from.year == YEAR and self.in_city(d.plan.org_unit)
        ]
        kinds = Counter(d.plan.kind for d in drills)
        rated = [d for d in drills if d.rated_good_or_better is not None]
        good = [d for d in rated if d.rated_good_or_better]

        held = operations_indicator("drills.held", org_unit=self.city, year=YEAR)
        by_kind = drills_by_kind(org_unit=self.city, year=YEAR)
        share = operations_indicator(
            "drills.rated_good_or_better_pct", org_unit=self.city, year=YEAR
        )

        assert held.value == len(drills) == 2
        assert {code: v.value for code, v in by_kind.items()} == {
            f"drills.by_kind.{kind}": kinds.get(kind, 0) for kind in DrillKind.values
        }
        assert kinds == {DrillKind.DEFENCE_ZONE_COMBAT: 1, DrillKind.DISASTER_RESPONSE: 1}
        assert (share.numerator, share.denominator) == (len(good), len(rated))
        assert share.value == pct(len(good), len(rated)) == Decimal(100)

    def test_two_wards_drilled_in_three_phases_safely_rated_on_the_configured_scale(self):
        drills = Drill.objects.select_related("plan__org_unit").order_by("held_from")

        assert [(d.plan.org_unit.name, d.plan.kind, d.held_from.month) for d in drills] == [
            ("Phường Sông Cầu", DrillKind.DISASTER_RESPONSE, 8),
            ("Phường Đức Xuân", DrillKind.DEFENCE_ZONE_COMBAT, 9),
        ]
        for drill in drills:
            scale = operations_rules.rating_scale(
                rule_setting(DRILL_RATING_SCALE, on=drill.held_to)
            )
            rating = operations_rules.find_rating(scale, drill.rating)
            assert rating is not None and rating.good_or_better, drill
            assert drill.rating_label == rating.label
            assert drill.rated_on is not None and drill.held_to <= drill.rated_on <= YEAR_END
            assert drill.safety_incidents == ""  # "an toàn tuyệt đối"
            assert drill.forces and drill.participants > 100
            assert drill.plan.level == "commune" and drill.plan.year == YEAR
            phases = list(drill.phases.all())
            assert [p.number for p in phases] == [1, 2, 3]
            assert all(drill.held_from <= p.on <= drill.held_to for p in phases)

    def test_duong_quangs_combat_drill_is_planned_for_2024_and_not_held(self):
        plans = DrillPlan.objects.filter(year=2024).select_related("org_unit")

        assert [(p.org_unit.name, p.kind) for p in plans] == [
            ("Xã Dương Quang", DrillKind.DEFENCE_ZONE_COMBAT)
        ]
        assert not Drill.objects.filter(plan__in=plans).exists()
        assert plans[0].planned_on.year == 2024
        assert operations_indicator("drills.held", org_unit=self.city, year=2024).value == 0

    # --- readiness duty -----------------------------------------------------------

    def test_days_covered_counted_by_hand_equal_the_indicator(self):
        posts = [p for p in DutyPost.objects.select_related("org_unit") if self.in_city(p.org_unit)]
        days = covered = 0
        for post in posts:
            first = max(post.opened_on, YEAR_START)
            last = min(post.closed_on or YEAR_END, YEAR_END)
            days += (last - first).days + 1
            logged = {log.day for log in DutyLog.objects.filter(post=post)}
            covered += sum(
                1 for n in range((last - first).days + 1) if first + timedelta(days=n) in logged
            )

        indicator = operations_indicator(
            "readiness_duty.days_covered_pct", org_unit=self.city, year=YEAR
        )

        # The city's post and one per ward and commune, every day logged.
        assert {p.org_unit for p in posts} == set(self.area())
        assert (indicator.numerator, indicator.denominator) == (covered, days)
        assert indicator.value == pct(covered, days) == Decimal(100)
        assert days == 365 * len(posts)

    def test_each_days_log_names_the_person_on_that_days_shift_and_the_rest_rule_holds(self):
        posts = DutyPost.objects.filter(org_unit__in=self.area())
        shifts = list(DutyShift.objects.filter(post__in=posts).select_related("person", "post"))
        on_shift = {(s.post_id, timezone.localtime(s.starts_at).date()): s for s in shifts}
        logs = DutyLog.objects.filter(post__in=posts).prefetch_related("on_duty")

        assert len(shifts) == 365 * posts.count()
        for log in logs:
            shift = on_shift[(log.post_id, log.day)]
            assert [p.pk for p in log.on_duty.all()] == [shift.person_id], log
        for shift in shifts:
            assert shift.ends_at - shift.starts_at == timedelta(hours=24)
            assert shift.person.org_unit.path.startswith(shift.post.org_unit.path)
        slots = [
            operations_rules.Slot(s.person_id, s.person.full_name, s.starts_at, s.ends_at)
            for s in shifts
        ]
        assert operations_rules.check_rest_rule(slots, rest_rule(YEAR_START)) == []

    # --- patrols and incidents -------------------------------------------------------

    def test_patrols_counted_by_hand_equal_the_indicator(self):
        patrols = [
            p
            for p in Patrol.objects.select_related("org_unit")
            if p.on.year == YEAR and self.in_city(p.org_unit)
        ]
        per_month = Counter((p.org_unit_id, p.on.month) for p in patrols)

        indicator = operations_indicator("patrols.count", org_unit=self.city, year=YEAR)

        assert indicator.value == len(patrols) == 240
        assert set(per_month.values()) <= {2, 3, 4}
        assert len(per_month) == 12 * len(self.units)  # every unit, every month
        assert all(p.militia_count >= 1 and p.police_count >= 1 for p in patrols)

    def test_no_hot_spot_and_every_incident_resolved(self):
        incidents = [
            i
            for i in Incident.objects.select_related("org_unit")
            if i.reported_on.year == YEAR and self.in_city(i.org_unit)
        ]

        indicator = operations_indicator("incidents.hot_spots", org_unit=self.city, year=YEAR)

        assert indicator.value == sum(1 for i in incidents if i.is_hot_spot) == 0
        assert len(incidents) >= 5
        for incident in incidents:
            assert incident.status == IncidentStatus.RESOLVED
            assert incident.resolved_on <= YEAR_END
            assert incident.follow_ups.exists()

    def test_the_directives_of_2023_assign_tasks_to_the_communes_all_reported_completed(self):
        directives = Directive.objects.filter(org_unit=self.city)
        tasks = DirectiveTask.objects.filter(directive__in=directives).select_related("assigned_to")

        assert set(directives.values_list("kind", flat=True)) == set(DirectiveKind.values)
        assert {t.assigned_to for t in tasks} == set(self.units)
        for task in tasks:
            assert task.completed_on is not None and task.completed_on <= task.deadline, task
            assert task.reports.filter(completed=True, reported_on=task.completed_on).exists()

    def test_the_summary_prints_the_operations(self):
        assert (
            "Diễn tập 2023: 2 cuộc (1 chiến đấu phòng thủ, 1 PCTT-TKCN), xếp loại giỏi trở lên "
            "100%; trực SSCĐ 100% ngày; tuần tra 240 lượt; điểm nóng 0."
        ) in self.output
        tasks = DirectiveTask.objects.filter(directive__org_unit=self.city).count()
        assert (
            f"Lãnh đạo, chỉ đạo 2023: 5 văn bản, {tasks} nhiệm vụ giao xã, phường, hoàn thành "
            f"{tasks}; kế hoạch diễn tập 2024: xã Dương Quang."
        ) in self.output

    # --- training -----------------------------------------------------------------

    def attendances(self):
        return [
            a
            for a in Attendance.objects.select_related(
                "session__plan__org_unit", "result"
            ).order_by("id")
            if a.session.held_on.year == YEAR
            and (self.in_city(a.session.org_unit) or self.in_city(a.session.plan.org_unit))
        ]

    def test_training_participants_and_pass_rate_counted_by_hand_equal_the_indicators(self):
        attendances = self.attendances()
        present = {a.person_id for a in attendances if a.present}
        last: dict[int, Attendance] = {}
        for a in sorted(
            (a for a in attendances if a.result_id), key=lambda a: (a.session.held_on, a.session_id)
        ):
            last[a.person_id] = a  # the later graded session wins
        passed = sum(1 for a in last.values() if a.result.passes)

        participants = training_indicator("training.participants", org_unit=self.city, year=YEAR)
        pass_pct = training_indicator("training.pass_pct", org_unit=self.city, year=YEAR)

        assert participants.value == len(present) > 0
        assert (pass_pct.numerator, pass_pct.denominator) == (passed, len(last))
        assert pass_pct.value == pct(passed, len(last))
        assert pass_pct.value >= Decimal(90)
        # Mostly Giỏi and Khá.
        grades = Counter(a.result.code for a in last.values())
        assert grades["excellent"] + grades["good"] > 0.7 * len(last)

    def test_each_militia_member_trained_the_days_the_militia_register_records(self):
        days: dict[int, Decimal] = defaultdict(Decimal)
        for a in self.attendances():
            if a.present and a.session.plan.audience == Audience.MILITIA:
                days[a.person_id] += a.session.days
        records = TrainingRecord.objects.filter(
            year=YEAR, member__org_unit__in=self.units, days_done__gt=0
        ).select_related("member")

        assert records.exists()
        assert {r.member.person_id: Decimal(r.days_done) for r in records} == dict(days)
        for plan in TrainingPlan.objects.filter(year=YEAR).select_related("org_unit__serves"):
            assert plan.approved_on is not None and plan.approved_on.year == YEAR
            sessions = plan.sessions.select_related("org_unit")
            assert sessions.filter(kind=SessionKind.POLITICAL).exists(), plan
            for session in sessions:
                assert session.org_unit.path.startswith(plan.area.path)
                assert session.held_on.year == YEAR

    def test_the_arranged_reservists_are_trained_by_the_city_command(self):
        plan = TrainingPlan.objects.get(year=YEAR, audience=Audience.RESERVISTS)
        first = plan.sessions.order_by("held_on").first()
        arranged = set(
            Arrangement.objects.filter(arranged_on_q(first.held_on)).values_list(
                "reservist__person_id", flat=True
            )
        )
        recorded = Attendance.objects.filter(session=first)

        assert plan.org_unit.serves == self.city
        assert set(recorded.values_list("person_id", flat=True)) <= arranged
        assert recorded.filter(present=True).count() > 0.9 * recorded.count()

    def test_defence_education_counted_by_hand_equals_the_indicators(self):
        courses = [
            c
            for c in EducationCourse.objects.select_related("org_unit", "category")
            if c.year == YEAR and self.in_city(c.org_unit)
        ]
        for category in (None, "dt3", "dt4"):
            chosen = [c for c in courses if category is None or c.category.code == category]
            rows = CourseParticipant.objects.filter(course__in=chosen)
            planned = sum(c.planned_trainees for c in chosen)
            completed = rows.filter(completed=True).count()

            participants = training_indicator(
                "defence_education.participants", org_unit=self.city, year=YEAR, category=category
            )
            completion = training_indicator(
                "defence_education.completion_pct",
                org_unit=self.city,
                year=YEAR,
                category=category,
            )

            assert participants.value == rows.count() > 0, category
            assert (completion.numerator, completion.denominator) == (completed, planned)
            assert completion.value == pct(completed, planned) >= Decimal(90), category
            assert set(rows.filter(completed=True).values_list("result__code", flat=True)) <= {
                "excellent",
                "good",
            }
        assert sorted(c.category.code for c in courses) == ["dt3", "dt4"]

    def test_propagandists_of_each_unit_trained_in_2023(self):
        roster = Propagandist.objects.filter(org_unit__in=self.units, left_on__isnull=True)

        assert {p.org_unit for p in roster} == set(self.units)
        for propagandist in roster:
            assert propagandist.trainings.filter(trained_on__year=YEAR).exists()
        # Not the category-4 trainees: other people.
        assert not CourseParticipant.objects.filter(person__in=roster.values("person")).exists()

    def test_the_summary_prints_the_training(self):
        participants = training_indicator("training.participants", org_unit=self.city, year=YEAR)
        line = next(x for x in self.output.splitlines() if "Huấn luyện 2023:" in x)

        assert f"{participants.value} người tham gia" in line
        assert "bồi dưỡng KTQP&AN:" in line and "ĐT3 14, hoàn thành 92,9%" in line
