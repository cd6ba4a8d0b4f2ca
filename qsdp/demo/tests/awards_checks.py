"""The demo's 2023 awards, checked on the 600-person load of
``test_military_service`` (a mixin of its test class, so the demo is loaded once
for all): ``self.city`` comes from its ``setUpTestData``."""

from datetime import date

from qsdp.awards.forms import indicator_codes
from qsdp.awards.indicators import indicator_value
from qsdp.awards.models import AwardDecision, AwardEvidence, AwardProposal, AwardRecipient


class AwardsDemoChecks:
    def test_the_city_awarded_4_collectives_and_9_individuals_in_2023(self):
        collectives = indicator_value("awards.collective_count", org_unit=self.city, year=2023)
        individuals = indicator_value("awards.individual_count", org_unit=self.city, year=2023)

        assert (collectives.value, individuals.value) == (4, 9)
        assert indicator_value("awards.individual_count", org_unit=self.city, year=2024).value == 0

    def test_one_decision_of_the_chairman_on_22_11_2023_decides_every_proposal(self):
        decision = AwardDecision.objects.get()

        assert (decision.number, decision.decided_on, decision.deciding_unit) == (
            "2156/QĐ-UBND",
            date(2023, 11, 22),
            self.city,
        )
        assert decision.signer_title == "Chủ tịch UBND thành phố"
        assert decision.form.code == "giay-khen-chu-tich-ubnd"
        assert set(AwardProposal.objects.values_list("status", "decision", "year")) == {
            ("decided", decision.pk, 2023)
        }
        assert sorted(
            AwardRecipient.objects.filter(kind="collective").values_list("name", flat=True)
        ) == [
            "Ban CHQS phường Sông Cầu",
            "Ban CHQS phường Đức Xuân",
            "Ban CHQS xã Dương Quang",
            "Trung đội dân quân cơ động phường Phùng Chí Kiên",
        ]

    def test_each_award_counts_in_its_proposers_area_and_has_evidence(self):
        for recipient in AwardRecipient.objects.select_related("proposal__org_unit", "org_unit"):
            assert recipient.org_unit.path.startswith(recipient.proposal.org_unit.path)
            assert recipient.evidence.exists()
            if recipient.person_id:
                assert recipient.org_unit == recipient.person.org_unit
        codes = set(
            AwardEvidence.objects.filter(kind="indicator").values_list("indicator_code", flat=True)
        )
        assert codes <= set(indicator_codes())
