"""The demo's reserve register and militia, checked on the 600-person load of
``test_military_service`` (a mixin of its test class, so the demo is loaded
once for both): ``self.city``, ``self.units`` and ``self.output`` come from its
``setUpTestData``."""

import re
from datetime import date
from decimal import Decimal

from django.db.models import Q

from qsdp.core.errors import DomainError
from qsdp.military_service.models import ServiceEvent
from qsdp.military_service.rules.cycle import EventKind
from qsdp.militia import rules as militia_rules
from qsdp.militia.dates import add_years
from qsdp.militia.indicators import indicator_value as militia_indicator
from qsdp.militia.models import (
    DutyDecision,
    MilitiaMember,
    MilitiaRegistration,
    MilitiaUnit,
    RegistrationSource,
    ServiceCompletion,
    TermExtension,
    TrainingRecord,
)
from qsdp.militia.selectors.training import days_required
from qsdp.militia.services import MemberData, member_add
from qsdp.reserves import rules as reserve_rules
from qsdp.reserves.indicators import indicator_value as reserve_indicator
from qsdp.reserves.limits import age_limit
from qsdp.reserves.models import (
    Arrangement,
    CommanderDecision,
    DecisionKind,
    ReadinessCheck,
    ReserveEquipment,
    ReservePost,
    ReserveReview,
    ReserveUnit,
    Reservist,
    ReviewOutcome,
    Source,
)
from qsdp.reserves.selectors.arrangement import arranged_on_q

YEAR_END = date(2023, 12, 31)
SIGNERS = (
    "Chỉ huy trưởng Ban CHQS thành phố Bắc Kạn",
    "Chỉ huy trưởng Bộ CHQS tỉnh Bắc Kạn",
)


def overlaps(start, end, other_start, other_end):
    """Two intervals [start, end) with None for an open end."""
    return (end is None or other_start < end) and (other_end is None or start < other_end)


class ReserveAndMilitiaDemoChecks:
    # --- the reserve register -------------------------------------------------

    def test_every_returnee_registered_into_the_reserve_by_2023_is_a_reservist(self):
        registrations = ServiceEvent.objects.filter(
            kind=EventKind.RESERVE_REGISTRATION, cancelled_on__isnull=True
        )
        by_2023 = dict(
            registrations.filter(occurred_on__lte=YEAR_END).values_list("person", "occurred_on")
        )

        reservists = Reservist.objects.filter(person__in=by_2023)

        assert len(by_2023) == 8
        assert {r.person_id: r.registered_on for r in reservists} == by_2023
        assert {(r.source, r.reserve_class) for r in reservists} == {
            (Source.DISCHARGED_NCO_SOLDIER, 1)
        }
        assert all(r.specialty_code and r.rank and r.health_class for r in reservists)
        # Those back in 2024 are not in it: the demo stops at the end of 2023.
        later = registrations.filter(occurred_on__gt=YEAR_END).values("person")
        assert not Reservist.objects.filter(person__in=later).exists()

    def test_the_register_is_kept_by_the_citys_legacy_units_and_dated_by_2023(self):
        units = {u.pk for u in self.units}

        assert set(Reservist.objects.values_list("managed_by", flat=True)) <= units
        assert set(ReserveEquipment.objects.values_list("managed_by", flat=True)) <= units
        assert {u.org_unit.name for u in ReserveUnit.objects.select_related("org_unit")} == {
            "Ban CHQS thành phố Bắc Kạn"
        }
        for model, field in (
            (Reservist, "registered_on"),
            (Reservist, "removed_on"),
            (Arrangement, "arranged_on"),
            (Arrangement, "ended_on"),
            (ReserveReview, "reviewed_on"),
            (CommanderDecision, "decided_on"),
            (ReadinessCheck, "checked_on"),
            (ReserveEquipment, "registered_on"),
        ):
            assert not model.objects.filter(**{f"{field}__gt": YEAR_END}).exists(), field
        # 27–45-year-olds who served, and the young men back from service in 2023.
        ages = [r.person.birth_date.year for r in Reservist.objects.select_related("person")]
        assert min(ages) >= 1978
        assert 55 <= Reservist.objects.count() <= 80

    def test_the_2023_review_covers_every_reservist(self):
        in_2023 = Reservist.objects.filter(
            Q(removed_on__isnull=True) | Q(removed_on__gt=date(2023, 1, 1)),
            registered_on__lte=YEAR_END,
            managed_by__in=self.units,
        )
        reviewed = in_2023.filter(reviews__year=2023)

        indicator = reserve_indicator("reserves.reviewed_pct", org_unit=self.city, year=2023)

        # By hand: every reservist in the register in 2023 has his review of 2023.
        assert in_2023.count() == reviewed.count() == ReserveReview.objects.count()
        assert indicator.value == Decimal(100)
        assert (indicator.numerator, indicator.denominator) == (in_2023.count(), in_2023.count())
        outcomes = list(ReserveReview.objects.values_list("outcome", flat=True))
        assert outcomes.count(ReviewOutcome.KEEP) > 0.8 * len(outcomes)
        removed = ReserveReview.objects.filter(outcome=ReviewOutcome.REMOVE).select_related(
            "reservist"
        )
        assert removed.exists()
        for review in removed:
            assert review.reservist.removed_on == review.reviewed_on
            assert review.reservist.removal_reason in ("health", "moved_away")
            assert review.note
        assert not Reservist.objects.filter(
            removed_on__isnull=False, reviews__outcome=ReviewOutcome.KEEP
        ).exists()

    def test_appointments_and_dismissals_of_2023_with_number_date_and_signer(self):
        decisions = CommanderDecision.objects.filter(decided_on__year=2023).select_related(
            "unit", "reservist"
        )
        kinds = [d.kind for d in decisions]

        assert kinds.count(DecisionKind.APPOINTMENT) == 4
        assert kinds.count(DecisionKind.DISMISSAL) == 2
        for kind, code in (
            (DecisionKind.APPOINTMENT, "appointments"),
            (DecisionKind.DISMISSAL, "dismissals"),
        ):
            value = reserve_indicator(f"reserves.{code}", org_unit=self.city, year=2023)
            assert value.numerator == kinds.count(kind)
        for decision in CommanderDecision.objects.select_related("unit", "reservist"):
            assert re.fullmatch(r"\d+/QĐ-BCH", decision.decision_number), decision
            assert decision.signer.endswith(SIGNERS), decision.signer
            assert decision.decided_on <= YEAR_END
            earlier = CommanderDecision.objects.filter(
                reservist=decision.reservist, unit=decision.unit, position=decision.position
            ).exclude(pk=decision.pk)
            if decision.kind == DecisionKind.DISMISSAL:
                appointed = earlier.get(kind=DecisionKind.APPOINTMENT)
                assert appointed.decided_on < decision.decided_on
            else:
                # Appointed into a post of the unit he holds from that day.
                assert Arrangement.objects.filter(
                    arranged_on_q(decision.decided_on),
                    reservist=decision.reservist,
                    post__unit=decision.unit,
                    post__title=decision.position,
                ).exists(), decision

    def test_every_arranged_reservist_was_within_the_reserve_age_and_fit(self):
        arrangements = Arrangement.objects.select_related("reservist__person", "post")

        assert arrangements.count() > 50
        for arrangement in arrangements:
            reservist, person = arrangement.reservist, arrangement.reservist.person
            limit = age_limit(
                sex=person.sex,
                birth_date=person.birth_date,
                rank_group=reservist.rank_group,
                rank=reservist.rank,
                on=arrangement.arranged_on,
            )
            assert limit.within, (person, arrangement.arranged_on)
            assert arrangement.arranged_on >= reservist.registered_on
            matches = reservist.specialty_code == arrangement.post.specialty_code
            assert matches == (arrangement.near_match_reason == ""), arrangement
            if arrangement.ended_on is None:
                assert reservist.health_class in (1, 2, 3)

    def test_posts_keep_their_establishment_and_at_most_the_spare(self):
        for post in ReservePost.objects.all():
            held = Arrangement.objects.filter(arranged_on_q(YEAR_END), post=post).count()
            strength = reserve_rules.reserve_unit_strength(
                establishment_strength=post.establishment_count, on=YEAR_END
            )
            assert held <= strength.max_total_with_spare, post
        arranged = reserve_indicator("reserves.arranged_pct", org_unit=self.city, year=2023)
        assert Decimal(80) <= arranged.value <= Decimal(100)

    def test_readiness_checks_count_no_more_than_the_arranged(self):
        checks = ReadinessCheck.objects.select_related("unit")

        assert checks.count() == 4
        for check in checks:
            units = [check.unit.pk, *check.unit.children.values_list("pk", flat=True)]
            arranged = Arrangement.objects.filter(
                arranged_on_q(check.checked_on), post__unit__in=units
            ).count()
            assert 0 < check.present_count <= arranged

    def test_the_equipment_is_earmarked_to_the_citys_reserve_units(self):
        equipment = ReserveEquipment.objects.select_related("earmarked_unit__org_unit")

        assert equipment.count() == 4
        for item in equipment:
            assert item.earmarked_unit is not None, item
            assert item.earmarked_unit.org_unit.name == "Ban CHQS thành phố Bắc Kạn"
            assert item.released_on is None
            assert item.owner_name
            if item.owner_person is not None:
                assert item.owner_name == item.owner_person.full_name
        assert {e.kind for e in equipment} >= {"truck", "car", "construction_machine"}
        assert any(e.owner_person is None for e in equipment)  # a company's
        assert any(e.owner_person is not None for e in equipment)  # a citizen's

    # --- the militia ----------------------------------------------------------

    def test_every_ward_and_commune_has_militia_units_and_members(self):
        for unit in self.units:
            units = MilitiaUnit.objects.filter(org_unit=unit)
            assert {u.militia_type for u in units} >= {"mobile", "local"}, unit
            assert MilitiaMember.objects.filter(org_unit=unit, left_on__isnull=True).exists()
        for militia_unit in MilitiaUnit.objects.filter(commander__isnull=False).select_related(
            "commander"
        ):
            assert militia_unit.commander.unit_id == militia_unit.pk
            assert militia_unit.commander.left_on is None

    def test_no_arranged_reservist_is_in_the_militia(self):
        arrangements = Arrangement.objects.select_related("reservist")

        for arrangement in arrangements:
            terms = MilitiaMember.objects.filter(person=arrangement.reservist.person_id)
            for term in terms:
                assert not overlaps(
                    arrangement.arranged_on, arrangement.ended_on, term.term_start, term.left_on
                ), (arrangement, term)
        # And the service refuses one, saving nothing.
        arranged = arrangements.filter(ended_on__isnull=True).first().reservist.person
        before = MilitiaMember.objects.count()
        try:
            member_add(
                actor=None,
                person=arranged,
                data=MemberData(
                    militia_type="mobile", term_start=date(2024, 1, 2)
                ),  # 2023 is approved
            )
        except DomainError as error:
            assert "đã được sắp xếp vào đơn vị dự bị động viên" in error.message
        else:
            raise AssertionError("an arranged reservist joined the militia")
        assert MilitiaMember.objects.count() == before

    def test_militia_members_are_of_age_with_the_terms_the_law_sets(self):
        members = MilitiaMember.objects.select_related("person")

        assert {m.person.sex for m in members} == {"male", "female"}
        for member in members:
            person = member.person
            age = militia_rules.militia_age(
                sex=person.sex,
                birth_date=person.birth_date,
                reference_date=member.term_start,
                volunteer=member.volunteer,
            )
            assert age.obligated or age.may_serve_as_volunteer, member
            years = 2 if member.militia_type == "standing" else 4
            first_end = (
                member.extensions.order_by("id").first().previous_term_end
                if member.extensions.exists()
                else member.term_end
            )
            assert first_end == add_years(member.term_start, years), member
            assert member.term_start <= YEAR_END
            assert member.left_on is None or member.left_on <= YEAR_END
        for extension in TermExtension.objects.all():
            assert extension.new_term_end <= add_years(extension.previous_term_end, 2)
            assert extension.extended_on.year == 2023
            assert extension.decision_number.endswith("/QĐ-UBND")

    def test_militia_decisions_training_and_completed_service(self):
        decisions = DutyDecision.objects.all()
        assert {d.outcome for d in decisions} == {
            "deferral_of_militia_duty",
            "exemption_from_militia",
        }
        for decision in decisions:
            assert decision.decided_on.year == 2023
            assert decision.decision_number.endswith("/QĐ-UBND")
            assert decision.signer.startswith("Chủ tịch UBND ")
            assert not Reservist.objects.filter(person=decision.person_id).exists()
        # Training of 2023 for everyone in the militia at the end of the year; a few short.
        current = MilitiaMember.objects.filter(term_start__lte=YEAR_END, left_on__isnull=True)
        records = {t.member_id: t for t in TrainingRecord.objects.filter(year=2023)}
        assert set(current.values_list("pk", flat=True)) <= set(records)
        short = [t for t in records.values() if t.days_done < days_required(t.member, 2023)]
        assert 0 < len(short) < len(records) / 3
        # The standing militia of 2021–2022: 24 months, then a class-1 reservist.
        completion = ServiceCompletion.objects.select_related("member").get()
        assert completion.standing_months == 24
        assert completion.member.left_on == date(2023, 1, 1)
        reservist = Reservist.objects.get(person=completion.person_id)
        assert (reservist.source, reservist.reserve_class) == (
            Source.CORE_MILITIA_COMPLETED_TERM,
            1,
        )
        assert reservist.registered_on > completion.recognised_on

    def test_the_april_2023_registration_comes_from_the_military_service_registration(self):
        first = ServiceEvent.objects.filter(
            kind=EventKind.FIRST_REGISTRATION,
            cancelled_on__isnull=True,
            occurred_on__year=2023,
        )
        generated = MilitiaRegistration.objects.filter(
            year=2023, source=RegistrationSource.MILITARY_SERVICE_REGISTRATION
        )

        assert first.count() > 0
        assert set(generated.values_list("service_event", flat=True)) == set(
            first.values_list("pk", flat=True)
        )
        assert {r.registered_on.month for r in MilitiaRegistration.objects.all()} == {4}

    def test_militia_strength_is_a_plausible_share_of_the_register(self):
        members = MilitiaMember.objects.filter(
            Q(left_on__isnull=True) | Q(left_on__gt=YEAR_END),
            term_start__lte=YEAR_END,
            org_unit__in=self.units,
        )

        pct = militia_indicator("militia.population_pct", org_unit=self.city, year=2023)

        assert pct.numerator == members.count()
        assert Decimal("1.5") <= pct.value <= Decimal("2.5")

    def test_the_summary_prints_the_reserve_and_the_militia(self):
        assert (
            "Dự bị động viên 2023: 62 quân nhân dự bị, sắp xếp 95,2%, rà soát 100%, bổ nhiệm 4, "
            "miễn nhiệm 2; phương tiện 4."
        ) in self.output
        assert (
            "Dân quân tự vệ 2023: 13 đội viên ở 8 xã, phường (2,2% dân số trong sổ)."
        ) in self.output
