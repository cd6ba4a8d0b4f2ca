from dataclasses import fields
from datetime import date

import pytest
from django.http import Http404

from qsdp.military_service.selectors import (
    PublicDeferralRow,
    deferral_list,
    public_deferral_list,
    recheck_list,
)
from qsdp.military_service.services import deferral_decide, deferral_end, exemption_decide
from qsdp.military_service.tests.factories import registered

pytestmark = pytest.mark.django_db


@pytest.fixture
def decisions(tree):
    an = registered(
        tree.duong_quang, given_name="An", occupation="Sinh viên", workplace="Đại học Thái Nguyên"
    )
    binh = registered(tree.duong_quang, given_name="Bình", occupation="Làm nông")
    cuong = registered(tree.duong_quang, given_name="Cường")
    hung = registered(tree.song_cau, given_name="Hùng")
    deferral_decide(
        actor=None, person=an, reason_code="full_time_university_student",
        decided_on=date(2025, 9, 10), valid_until=date(2026, 6, 30), call_up_year=2026,
    )  # fmt: skip
    exemption_decide(
        actor=None, person=binh, reason_code="child_of_fallen_soldier",
        decided_on=date(2025, 9, 12), call_up_year=2026,
    )  # fmt: skip
    deferral_decide(
        actor=None, person=cuong, reason_code="sole_laborer_supporting_dependents",
        decided_on=date(2025, 9, 12), valid_until=date(2026, 9, 12), call_up_year=2026,
    )  # fmt: skip
    deferral_end(actor=None, person=cuong, ended_on=date(2025, 12, 1), reason="Đã có người thay")
    deferral_decide(
        actor=None, person=hung, reason_code="general_school_student",
        decided_on=date(2025, 9, 10), valid_until=date(2026, 5, 31), call_up_year=2026,
    )  # fmt: skip
    return {"an": an, "binh": binh, "cuong": cuong, "hung": hung}


def given(events):
    return [(e.kind, e.person.given_name) for e in events]


def test_the_deferral_and_exemption_list_of_the_year(decisions, commune_officer):
    assert given(deferral_list(user=commune_officer, year=2026)) == [
        ("exemption", "Bình"), ("deferral", "Cường"), ("deferral", "An"),
    ]  # fmt: skip
    assert given(deferral_list(user=commune_officer, year=2026, kind="exemption")) == [
        ("exemption", "Bình")
    ]
    assert given(deferral_list(user=commune_officer, year=2025)) == []


def test_the_recheck_list_keeps_deferrals_still_in_force(decisions, commune_officer, command_staff):
    assert given(recheck_list(user=commune_officer, year=2026)) == [("deferral", "An")]
    assert given(recheck_list(user=command_staff, year=2026)) == [
        ("deferral", "Hùng"), ("deferral", "An"),
    ]  # fmt: skip


def test_the_public_list_shows_only_what_the_law_allows(decisions, tree, commune_officer):
    public = public_deferral_list(user=commune_officer, org_unit=tree.duong_quang, year=2026)

    assert [f.name for f in fields(PublicDeferralRow)] == [
        "full_name", "birth_date", "permanent_residence", "occupation", "workplace", "reason",
    ]  # fmt: skip
    assert (public.unit_name, public.year) == ("Xã Dương Quang", 2026)
    assert public.deferred == [
        PublicDeferralRow(
            "Nguyễn Văn An", "10/05/2004", "Xã Dương Quang", "Sinh viên", "Đại học Thái Nguyên",
            "Tạm hoãn gọi nhập ngũ: Đang được đào tạo trình độ đại học hệ chính quy "
            "(Điều 41 khoản 1 điểm g)",
        ),
        PublicDeferralRow(
            "Nguyễn Văn Cường", "10/05/2004", "Xã Dương Quang", "", "",
            "Tạm hoãn gọi nhập ngũ: Lao động duy nhất trực tiếp nuôi dưỡng thân nhân không còn "
            "khả năng lao động (Điều 41 khoản 1 điểm b)",
        ),
    ]  # fmt: skip
    assert [row.full_name for row in public.exempt] == ["Nguyễn Văn Bình"]


def test_the_public_list_of_a_unit_outside_the_scope_does_not_exist(decisions, tree, outsider):
    with pytest.raises(Http404):
        public_deferral_list(user=outsider, org_unit=tree.duong_quang, year=2026)
