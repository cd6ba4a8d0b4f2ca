"""Proposals, review, decisions with their caps, revocation, period locks."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from qsdp.awards import services
from qsdp.awards.indicators import indicator_value
from qsdp.awards.models import AwardEvidence, AwardForm, AwardProposal, AwardRecipient
from qsdp.awards.tests.factories import (
    CHIEN_SI_THI_DUA,
    LAO_DONG_TIEN_TIEN,
    collective,
    decided,
    decision_data,
    form,
    individual,
    person,
    proposal,
    recommended,
    rows,
    submitted,
)
from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent, PeriodLock

pytestmark = pytest.mark.django_db


def refused(code, call):  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as error:
        call()
    assert error.value.code == code
    return error.value


def test_a_proposal_starts_as_a_draft_with_one_audit_event(tree, commune_officer):
    made = services.proposal_create(
        actor=commune_officer,
        org_unit=tree.duong_quang,
        data=services.ProposalData(year=2023, form=form(), title="Năm 2023"),
    )

    assert (made.status, made.year, made.created_by) == ("draft", 2023, commune_officer)
    event = AuditEvent.objects.get(verb="award_proposal.created")
    assert (event.actor, event.target_id) == (commune_officer, str(made.pk))


def test_a_person_counts_in_his_commune_a_command_in_the_area_it_serves(tree):
    an = person(tree.duong_quang, family_name="Hoàng", given_name="An")
    made = proposal(
        tree.duong_quang,
        individual(an),
        collective(tree.duong_quang_command),
        collective(name="Trung đội dân quân cơ động xã Dương Quang"),
    )

    assert [(r.kind, r.name, r.org_unit) for r in made.recipients.order_by("id")] == [
        ("individual", an.full_name, tree.duong_quang),
        ("collective", "Ban CHQS xã Dương Quang", tree.duong_quang),
        ("collective", "Trung đội dân quân cơ động xã Dương Quang", tree.duong_quang),
    ]


def test_a_person_of_another_commune_is_refused(tree):
    khanh = person(tree.song_cau, family_name="Lục", given_name="Khánh")
    draft = proposal(tree.duong_quang)

    error = refused(
        "award_recipient_outside",
        lambda: services.recipient_add(actor=None, proposal=draft, data=individual(khanh)),
    )

    assert error.message == f"{khanh.full_name} không thuộc Xã Dương Quang."
    assert AwardRecipient.objects.count() == 0


def test_an_emulation_title_is_not_given_to_a_collective(tree):
    draft = proposal(tree.duong_quang, code=LAO_DONG_TIEN_TIEN)

    error = refused(
        "award_recipient_kind",
        lambda: services.recipient_add(
            actor=None, proposal=draft, data=collective(tree.duong_quang_command)
        ),
    )

    assert error.message == "“Danh hiệu Lao động tiên tiến” không trao cho tập thể."


def test_evidence_links_records_and_indicators_and_refuses_unknown_ones(tree):
    an = person(tree.duong_quang, family_name="Hoàng", given_name="An")
    draft = proposal(tree.duong_quang)
    data = services.RecipientData(
        kind="individual",
        person=an,
        achievement="Dẫn đầu",
        indicators=("call_up.fulfilment_pct",),
        records=(services.RecordLink("people.person", an.pk, "Hồ sơ"),),
    )
    bad_indicator = services.RecipientData(
        kind="collective", unit=tree.duong_quang_command, achievement="X", indicators=("x.y",)
    )
    bad_record = services.RecipientData(
        kind="collective",
        unit=tree.duong_quang_command,
        achievement="X",
        records=(services.RecordLink("people.person", 999999),),
    )
    known = ["call_up.fulfilment_pct"]

    services.recipient_add(actor=None, proposal=draft, data=data, known_indicators=known)
    refused(
        "award_evidence",
        lambda: services.recipient_add(
            actor=None, proposal=draft, data=bad_indicator, known_indicators=known
        ),
    )
    refused(
        "award_evidence",
        lambda: services.recipient_add(actor=None, proposal=draft, data=bad_record),
    )

    assert sorted(
        AwardEvidence.objects.values_list("kind", "indicator_code", "record_type", "record_id")
    ) == [("indicator", "call_up.fulfilment_pct", "", None), ("record", "", "people.person", an.pk)]


def test_an_empty_proposal_cannot_be_submitted(tree):
    draft = proposal(tree.duong_quang)

    refused("award_no_recipients", lambda: submitted(draft))

    draft.refresh_from_db()
    assert draft.status == "draft"


def test_submit_review_and_the_moves_the_table_refuses(world, command_staff):
    sent, draft = world["submitted"], world["draft"]

    refused(
        "award_transition",
        lambda: services.proposal_review(actor=command_staff, proposal=draft, recommend=True),
    )
    refused(
        "award_review_reason",
        lambda: services.proposal_review(actor=command_staff, proposal=sent, recommend=False),
    )
    rejected = services.proposal_review(
        actor=command_staff, proposal=sent, recommend=False, note="Thiếu minh chứng"
    )
    error = refused(
        "award_transition",
        lambda: services.proposal_review(actor=command_staff, proposal=rejected, recommend=True),
    )

    assert (rejected.status, rejected.review_note, rejected.reviewed_by) == (
        "rejected",
        "Thiếu minh chứng",
        command_staff,
    )
    assert rejected.reviewed_on == timezone.localdate()
    assert (
        error.message
        == "Đề nghị đang ở trạng thái “Bị trả lại” không thể chuyển sang “Đã thẩm định”."
    )


def test_only_a_draft_is_edited(world, commune_officer):
    data = services.ProposalData(year=2023, form=form(), title="Khác")

    refused(
        "award_not_editable",
        lambda: services.proposal_update(
            actor=commune_officer, proposal=world["submitted"], data=data
        ),
    )
    edited = services.proposal_update(actor=commune_officer, proposal=world["draft"], data=data)

    assert edited.title == "Khác"


@pytest.mark.parametrize("persona", ["commune_officer", "leader"])
def test_only_the_command_staff_reviews(world, persona, request):
    user = request.getfixturevalue(persona)

    with pytest.raises(PermissionDenied):
        services.proposal_review(actor=user, proposal=world["submitted"], recommend=True)

    world["submitted"].refresh_from_db()
    assert world["submitted"].status == "submitted"


def test_deciding_marks_the_proposals_decided_and_counts_the_awards(world, tree, command_staff):
    decision = services.decision_create(
        actor=command_staff,
        data=decision_data(tree.city, number="13/QĐ-UBND"),
        proposals=[world["recommended"]],
    )

    world["recommended"].refresh_from_db()
    assert (world["recommended"].status, world["recommended"].decision) == ("decided", decision)
    assert indicator_value("awards.individual_count", org_unit=tree.city, year=2023).value == 2
    assert indicator_value("awards.collective_count", org_unit=tree.city, year=2023).value == 1
    assert AuditEvent.objects.filter(verb="award_decision.created").count() == 2


def test_a_decision_refuses_unrecommended_proposals_a_taken_number_and_a_wrong_decider(
    world, tree, command_staff
):
    before = rows()
    refused(
        "award_decision_proposals",
        lambda: services.decision_create(
            actor=command_staff,
            data=decision_data(tree.city, number="13/QĐ-UBND"),
            proposals=[world["submitted"]],
        ),
    )
    refused(
        "award_decision_number_taken",
        lambda: services.decision_create(
            actor=command_staff,
            data=decision_data(tree.city, number="12/QĐ-UBND"),
            proposals=[world["recommended"]],
        ),
    )
    error = refused(
        "award_decision_unit",
        lambda: services.decision_create(
            actor=command_staff,
            data=decision_data(tree.city, number="14/QĐ-UBND", code="bang-khen-chu-tich-ubnd-tinh"),
            proposals=[world["recommended"]],
        ),
    )

    assert error.message == (
        "“Bằng khen của Chủ tịch UBND cấp tỉnh” do Chủ tịch UBND cấp tỉnh quyết định, "
        "không phải Thành phố Bắc Kạn."
    )
    assert rows() == before


def test_a_count_cap_is_checked_when_deciding(tree):
    capped = AwardForm.objects.create(
        code="giay-khen-co-gioi-han",
        name="Giấy khen có giới hạn",
        category="merit",
        decided_by="Chủ tịch UBND cấp huyện",
        cap_kind="count",
        cap_value=2,
        valid_from=date(2020, 1, 1),
    )
    people = [person(tree.duong_quang, given_name=n) for n in ("An", "Bình", "Cường")]
    first = proposal(tree.duong_quang, *(individual(p) for p in people[:2]), code=capped.code)
    decided(tree.city, first)
    second = recommended(proposal(tree.duong_quang, individual(people[2]), code=capped.code))

    error = refused(
        "award_cap_exceeded",
        lambda: services.decision_create(
            actor=None,
            data=decision_data(tree.city, number="13/QĐ-UBND", code=capped.code),
            proposals=[second],
        ),
    )

    assert error.message == (
        "Thành phố Bắc Kạn chỉ được tặng tối đa 2 “Giấy khen có giới hạn” trong năm 2023; "
        "với quyết định này sẽ là 3."
    )
    assert error.extra == {"cap": 2, "count": 3}


def test_chien_si_thi_dua_co_so_is_at_most_15_percent_of_lao_dong_tien_tien(tree):
    names = ("An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Khánh")
    workers = [person(tree.duong_quang, given_name=name) for name in names]
    decided(
        tree.duong_quang,
        proposal(tree.duong_quang, *(individual(p) for p in workers), code=LAO_DONG_TIEN_TIEN),
        number="1/QĐ-UBND",
    )
    two = recommended(
        proposal(tree.duong_quang, *(individual(p) for p in workers[:2]), code=CHIEN_SI_THI_DUA)
    )

    error = refused(
        "award_cap_exceeded",
        lambda: services.decision_create(
            actor=None,
            data=decision_data(tree.duong_quang, number="2/QĐ-UBND", code=CHIEN_SI_THI_DUA),
            proposals=[two],
        ),
    )

    assert error.extra == {"cap": 1, "count": 2}  # 15 % of 7 is 1


def test_a_locked_period_refuses_the_decision_and_the_revocation(
    world, tree, command_staff, admin_user
):
    PeriodLock.objects.create(
        org_unit=tree.province,
        year=2023,
        approved_at=timezone.now(),
        approved_by=admin_user,
        reference="phê duyệt số liệu năm 2023",
    )
    before = rows()

    refused(
        "period_locked",
        lambda: services.decision_create(
            actor=command_staff,
            data=decision_data(tree.city, number="13/QĐ-UBND"),
            proposals=[world["recommended"]],
        ),
    )
    refused(
        "period_locked",
        lambda: services.decision_revoke(
            actor=command_staff,
            decision=world["decision"],
            recipients=list(AwardRecipient.objects.filter(proposal=world["decided"])),
            data=services.RevocationData("20/QĐ-UBND", date(2024, 3, 1), "Sai sót"),
        ),
    )

    assert rows() == before


def test_the_lock_of_the_commune_the_awards_count_in_refuses_the_citys_decision(
    world, tree, command_staff, admin_user
):
    """Dương Quang's 2023 is approved, the city's not yet: the city's decision of
    awards counted in Dương Quang would change the approved figures."""
    PeriodLock.objects.create(
        org_unit=tree.duong_quang,
        year=2023,
        approved_at=timezone.now(),
        approved_by=admin_user,
        reference="phê duyệt số liệu năm 2023",
    )
    before = rows()

    error = refused(
        "period_locked",
        lambda: services.decision_create(
            actor=command_staff,
            data=decision_data(tree.city, number="13/QĐ-UBND"),
            proposals=[world["recommended"]],
        ),
    )
    refused(
        "period_locked",
        lambda: services.decision_revoke(
            actor=command_staff,
            decision=world["decision"],
            recipients=list(AwardRecipient.objects.filter(proposal=world["decided"])),
            data=services.RevocationData("20/QĐ-UBND", date(2024, 3, 1), "Sai sót"),
        ),
    )

    assert "Xã Dương Quang" in error.message
    assert rows() == before


def test_a_revoked_award_stops_counting_and_a_proposal_all_revoked_becomes_revoked(
    world, tree, command_staff
):
    dung = AwardRecipient.objects.get(person=world["dung"])
    command = AwardRecipient.objects.get(kind="collective")
    data = services.RevocationData("20/QĐ-UBND", date(2024, 3, 1), "Kê khai không trung thực")

    services.decision_revoke(
        actor=command_staff, decision=world["decision"], recipients=[dung], data=data
    )
    world["decided"].refresh_from_db()
    status_after_one = world["decided"].status
    individuals = indicator_value("awards.individual_count", org_unit=tree.city, year=2023).value
    refused(
        "award_revocation_recipients",
        lambda: services.decision_revoke(
            actor=command_staff, decision=world["decision"], recipients=[dung], data=data
        ),
    )
    services.decision_revoke(
        actor=command_staff,
        decision=world["decision"],
        recipients=[command],
        data=services.RevocationData("21/QĐ-UBND", date(2024, 3, 2), "Xét sai"),
    )

    world["decided"].refresh_from_db()
    assert (status_after_one, individuals) == ("decided", 0)
    assert world["decided"].status == "revoked"
    assert indicator_value("awards.collective_count", org_unit=tree.city, year=2023).value == 0
    assert AuditEvent.objects.filter(verb="award_decision.revoked").count() == 2


def test_a_revocation_cannot_come_before_the_decision(world, command_staff):
    error = refused(
        "award_revocation_date",
        lambda: services.decision_revoke(
            actor=command_staff,
            decision=world["decision"],
            recipients=list(AwardRecipient.objects.filter(proposal=world["decided"])),
            data=services.RevocationData("20/QĐ-UBND", date(2023, 11, 1), "X"),
        ),
    )

    assert (
        error.message == "Ngày thu hồi (01/11/2023) không thể trước ngày quyết định (22/11/2023)."
    )
    assert AwardProposal.objects.get(pk=world["decided"].pk).status == "decided"
