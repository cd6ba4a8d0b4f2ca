"""The demo's military service, loaded once for the class (600 people: every
ward and commune of the city gets a quota; the quotas are those of 3,000 people
scaled down, 45 → 9 in 2023). The class also runs the checks of the reserve
register and the militia (``reserves_militia_checks``) and of the operations and
training (``operations_training_checks``) and of the awards (``awards_checks``)
on the same load."""

import io
from datetime import date
from decimal import Decimal

from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from qsdp.accounts.models import User
from qsdp.demo.builder import table_counts
from qsdp.demo.names import CITY_UNITS
from qsdp.demo.tests.awards_checks import AwardsDemoChecks
from qsdp.demo.tests.operations_training_checks import OperationsAndTrainingDemoChecks
from qsdp.demo.tests.reserves_militia_checks import ReserveAndMilitiaDemoChecks
from qsdp.military_service import rules
from qsdp.military_service.indicators import indicator_value
from qsdp.military_service.models import (
    CallUpCandidate,
    CandidateList,
    CandidateStatus,
    HealthExam,
    Quota,
    ServiceEvent,
)
from qsdp.military_service.rules.cycle import EventKind, Status, replay
from qsdp.military_service.selectors import ReturneeState, returnee_list
from qsdp.military_service.services._common import as_cycle
from qsdp.military_service.services.call_up import deferred_for_college_or_university
from qsdp.orgunits.models import OrgUnit, OrgUnitKind

PEOPLE = 600
REFORM_DAY = date(2025, 7, 1)
HANDOVER = {2021: date(2021, 2, 27), 2022: date(2022, 2, 16), 2023: date(2023, 2, 13),
            2024: date(2024, 2, 25)}  # fmt: skip


def live(kind, **lookups):
    return ServiceEvent.objects.filter(kind=kind, cancelled_on__isnull=True, **lookups)


class MilitaryServiceDemoTests(
    ReserveAndMilitiaDemoChecks, OperationsAndTrainingDemoChecks, AwardsDemoChecks, TestCase
):
    @classmethod
    def setUpTestData(cls):
        out = io.StringIO()
        call_command("load_demo", people=PEOPLE, stdout=out)
        cls.output = out.getvalue()
        cls.province = OrgUnit.objects.get(code="06", kind=OrgUnitKind.PROVINCE)
        cls.city = OrgUnit.objects.get(code="058", kind=OrgUnitKind.DISTRICT)
        cls.units = list(
            OrgUnit.objects.filter(parent=cls.city, code__in=[u.code for u in CITY_UNITS])
        )

    def commune_quotas(self, year):
        return list(
            Quota.objects.filter(call_up_year=year, org_unit__parent=self.city).select_related(
                "org_unit"
            )
        )

    def test_the_citys_fulfilment_is_100_and_equals_the_enlisted_counted_over_the_quotas(self):
        for year in (2023, 2024):
            quotas = self.commune_quotas(year)
            enlisted = {
                q.org_unit.code: live(
                    EventKind.ENLISTMENT, call_up_year=year, org_unit=q.org_unit
                ).count()
                for q in quotas
            }
            # Counted by hand: per unit, then over the sum of the units' quotas.
            assert enlisted == {q.org_unit.code: q.number for q in quotas}
            by_hand = Decimal(100) * sum(enlisted.values()) / sum(q.number for q in quotas)
            indicator = indicator_value("call_up.fulfilment_pct", org_unit=self.city, year=year)
            assert by_hand == 100
            assert indicator.value == by_hand
            assert indicator.numerator == sum(enlisted.values())
            assert indicator.denominator == sum(q.number for q in quotas)
            # The approved primary lists are the quotas, and the reserve lists are not empty.
            candidates = CallUpCandidate.objects.filter(
                call_up_year=year, status=CandidateStatus.APPROVED
            )
            for quota in quotas:
                primary = candidates.filter(
                    org_unit=quota.org_unit, list_kind=CandidateList.PRIMARY
                )
                assert primary.count() == quota.number
            assert candidates.filter(list_kind=CandidateList.RESERVE).exists()

    def test_quotas_go_down_the_tree_and_the_units_sum_exactly_to_the_city(self):
        for year in (2021, 2022, 2023, 2024):
            province = Quota.objects.get(call_up_year=year, org_unit=self.province)
            city = Quota.objects.get(call_up_year=year, org_unit=self.city)
            quotas = self.commune_quotas(year)
            assert province.parent is None
            assert city.parent == province
            assert province.number > city.number
            assert {q.parent for q in quotas} == {city}
            assert sum(q.number for q in quotas) == city.number
            assert {q.org_unit for q in quotas} == set(self.units)
        assert Quota.objects.get(call_up_year=2023, org_unit=self.city).number == 9  # 45 × 600/3000

    def test_the_overdue_returnees_are_none_in_2023_and_one_in_2024(self):
        staff = User.objects.get(username="chqs.thanhpho")
        today = timezone.localdate()

        overdue_2023 = returnee_list(user=staff, on=today, year=2023, overdue_only=True)
        overdue_2024 = returnee_list(user=staff, on=today, year=2024, overdue_only=True)

        assert overdue_2023 == []
        assert len(overdue_2024) == 1
        assert overdue_2024[0].registered_on is None
        assert overdue_2024[0].register_by < today
        returned_2023 = returnee_list(user=staff, on=today, year=2023)
        assert {row.state for row in returned_2023} == {ReturneeState.ON_TIME}
        # The soldiers back in 2023 are those handed over in 2021, all of them.
        enlisted_2021 = set(
            live(EventKind.ENLISTMENT, call_up_year=2021).values_list("person", flat=True)
        )
        assert {row.person.pk for row in returned_2023} == enlisted_2021
        assert indicator_value(
            "returnees.registered_on_time_pct", org_unit=self.city, year=2023
        ).value == Decimal(100)

    def test_every_enlisted_man_met_the_standards_on_the_handover_day(self):
        enlistments = live(EventKind.ENLISTMENT).select_related("person")
        assert enlistments.count() > 4 * len(self.units)
        for enlistment in enlistments:
            person, year, day = enlistment.person, enlistment.call_up_year, enlistment.occurred_on
            events = list(
                ServiceEvent.objects.filter(person=person, cancelled_on__isnull=True)
                .exclude(pk=enlistment.pk)
                .order_by("occurred_on", "id")
            )
            assert day == HANDOVER[year]
            age = rules.call_up_age(
                sex=person.sex,
                birth_date=person.birth_date,
                reference_date=day,
                deferred_for_college_or_university_training=deferred_for_college_or_university(
                    events
                ),
            )
            assert age.within_call_up_age, person
            # Ordered, not deferred or exempt, on the day.
            assert replay(as_cycle(events), on=day) == Status.ORDERED, person
            exam = HealthExam.objects.filter(
                event__person=person, call_up_year=year, event__cancelled_on__isnull=True
            ).latest("examined_on", "id")
            assert 1 <= exam.health_class <= 3
            assert exam.myopia_diopters is None or exam.myopia_diopters <= Decimal("1.5")
            assert exam.may_be_called_up
            assert live(EventKind.CALL_UP_ORDER, person=person, call_up_year=year).exists()

    def test_a_primary_candidate_deferred_after_his_order_was_replaced_from_the_reserve(self):
        withdrawn = CallUpCandidate.objects.get(call_up_year=2023, status=CandidateStatus.WITHDRAWN)
        substitute = CallUpCandidate.objects.get(replaces=withdrawn)

        events = as_cycle(
            ServiceEvent.objects.filter(person=withdrawn.person, cancelled_on__isnull=True)
        )
        assert replay(events, on=HANDOVER[2023]) == Status.DEFERRED
        order = ServiceEvent.objects.get(
            person=withdrawn.person, kind=EventKind.CALL_UP_ORDER, call_up_year=2023
        )
        assert order.cancelled_on == date(2023, 2, 6)
        assert "215/QĐ-UBND" in withdrawn.withdraw_reason
        assert substitute.list_kind == CandidateList.PRIMARY
        assert substitute.rank == withdrawn.rank
        assert substitute.org_unit == withdrawn.org_unit
        assert live(EventKind.ENLISTMENT, person=substitute.person, call_up_year=2023).exists()
        assert not live(EventKind.ENLISTMENT, person=withdrawn.person).exists()

    def test_deferrals_and_exemptions_carry_their_decision_ground_and_signer(self):
        decisions = live(EventKind.DEFERRAL) | live(EventKind.EXEMPTION)

        assert decisions.filter(kind=EventKind.EXEMPTION).exists()
        for decision in decisions:
            assert decision.decision_number.endswith("/QĐ-UBND")
            assert decision.signer.endswith("Chủ tịch UBND thành phố Bắc Kạn")
            assert decision.legal_point.startswith("Điều 41 khoản")
            assert decision.decided_on == decision.occurred_on
            assert (decision.valid_until is not None) == (decision.kind == EventKind.DEFERRAL)
        grounds = set(live(EventKind.DEFERRAL).values_list("reason_code", flat=True))
        assert {"full_time_university_student", "health_not_yet_fit"} <= grounds

    def test_the_register_before_the_reform_is_recorded_by_the_citys_legacy_units(self):
        events = ServiceEvent.objects.all()

        assert events.filter(occurred_on__gte=REFORM_DAY).count() == 0
        assert set(events.values_list("org_unit", flat=True)) <= {u.pk for u in self.units}
        registrations = live(EventKind.FIRST_REGISTRATION)
        assert {r.occurred_on.month for r in registrations} == {4}
        assert {r.details["channel"] for r in registrations} == {"in_person"}
        # Every man of the cohorts 2022 and 2023 registered in April of the year he turned 17.
        for year in (2022, 2023):
            due = indicator_value(
                "first_registration.registered_pct", org_unit=self.city, year=year
            )
            assert due.value == Decimal(100)

    def test_the_summary_prints_the_citys_call_up_and_returnees(self):
        assert (
            "Nghĩa vụ quân sự: năm 2023 chỉ tiêu 9, giao 9 (100%); năm 2024 chỉ tiêu 10, "
            "giao 10 (100%); quân nhân xuất ngũ trở về năm 2023: 8, đăng ký dự bị đúng hạn 8; "
            "năm 2024: 9, đăng ký dự bị đúng hạn 8, quá hạn chưa đăng ký 1."
        ) in self.output

    def test_a_second_run_changes_no_counts(self):
        before = table_counts()

        output = io.StringIO()
        call_command("load_demo", people=PEOPLE, stdout=output)

        assert table_counts() == before
        assert "năm 2023 chỉ tiêu 9, giao 9 (100%)" in output.getvalue()
