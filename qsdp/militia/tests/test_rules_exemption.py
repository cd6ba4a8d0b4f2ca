"""Deferral of and exemption from militia duty (Luật DQTV 2019 Điều 11), ground by ground."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qsdp.militia.rules import MilitiaStatus, militia_exemption

DEFERRAL = "deferral_of_militia_duty"
EXEMPTION = "exemption_from_militia"


@pytest.mark.parametrize(
    ("status", "basis"),
    [
        ("pregnant", "Luật DQTV 2019 Điều 11 khoản 1 điểm a"),
        ("raising_child_under_36_months", "Luật DQTV 2019 Điều 11 khoản 1 điểm a"),
        ("not_fit_for_duty", "Luật DQTV 2019 Điều 11 khoản 1 điểm b"),
        (
            "spouse_of_serving_soldier_or_police",
            "Luật DQTV 2019 Điều 11 khoản 1 điểm c, Điều 11 khoản 1 điểm d",
        ),
        ("spouse_posted_to_extremely_disadvantaged_area", "Luật DQTV 2019 Điều 11 khoản 1 điểm đ"),
        ("sole_laborer_poor_household", "Luật DQTV 2019 Điều 11 khoản 1 điểm e"),
        ("only_child_of_invalid_61_80", "Luật DQTV 2019 Điều 11 khoản 1 điểm g"),
        ("student", "Luật DQTV 2019 Điều 11 khoản 1 điểm h"),
    ],
)
def test_the_deferral_grounds_of_clause_1(status, basis):
    result = militia_exemption(status=status)

    assert (result.outcome, result.may_volunteer, result.legal_basis) == (DEFERRAL, False, basis)


@pytest.mark.parametrize(
    ("status", "basis", "may_volunteer"),
    [
        ("spouse_or_child_of_fallen_soldier", "Luật DQTV 2019 Điều 11 khoản 2 điểm a", True),
        ("spouse_or_child_of_invalid_81_plus", "Luật DQTV 2019 Điều 11 khoản 2 điểm b", True),
        ("reservist_arranged_into_reserve_unit", "Luật DQTV 2019 Điều 11 khoản 2 điểm c", False),
        ("carer_of_heroic_mother_or_81_plus", "Luật DQTV 2019 Điều 11 khoản 2 điểm d", True),
        ("cipher_worker", "Luật DQTV 2019 Điều 11 khoản 2 điểm đ", False),
    ],
)
def test_the_exemption_grounds_of_clause_2_and_who_may_volunteer(status, basis, may_volunteer):
    result = militia_exemption(status=status)

    assert (result.outcome, result.may_volunteer, result.legal_basis) == (
        EXEMPTION,
        may_volunteer,
        basis,
    )


def test_a_pregnant_woman_is_deferred():
    assert militia_exemption(status="pregnant").as_dict() == {
        "outcome": DEFERRAL,
        "may_volunteer": False,
        "legal_basis": "Luật DQTV 2019 Điều 11 khoản 1 điểm a",
        "explanation": (
            "Phụ nữ mang thai: được tạm hoãn thực hiện nghĩa vụ tham gia Dân quân tự vệ theo "
            "Điều 11 khoản 1 điểm a."
        ),
    }


def test_an_arranged_reservist_is_exempt_and_may_not_volunteer():
    assert militia_exemption(status="reservist_arranged_into_reserve_unit").as_dict() == {
        "outcome": EXEMPTION,
        "may_volunteer": False,
        "legal_basis": "Luật DQTV 2019 Điều 11 khoản 2 điểm c",
        "explanation": (
            "Quân nhân dự bị đã được sắp xếp vào đơn vị dự bị động viên: được miễn thực hiện "
            "nghĩa vụ tham gia Dân quân tự vệ theo Điều 11 khoản 2 điểm c."
        ),
    }


def test_the_child_of_a_fallen_soldier_is_exempt_but_may_volunteer():
    assert militia_exemption(status="child_of_fallen_soldier").as_dict() == {
        "outcome": EXEMPTION,
        "may_volunteer": True,
        "legal_basis": "Luật DQTV 2019 Điều 11 khoản 2 điểm a",
        "explanation": (
            "Vợ hoặc chồng, con của liệt sĩ: được miễn thực hiện nghĩa vụ tham gia Dân quân tự vệ "
            "theo Điều 11 khoản 2 điểm a, nhưng nếu tình nguyện thì được xem xét tuyển chọn."
        ),
    }


@pytest.mark.parametrize(
    ("alias", "status"),
    [
        ("child_of_fallen_soldier", "spouse_or_child_of_fallen_soldier"),
        ("spouse_of_fallen_soldier", "spouse_or_child_of_fallen_soldier"),
        ("child_of_invalid_81_plus", "spouse_or_child_of_invalid_81_plus"),
        ("spouse_of_serving_police", "spouse_of_serving_soldier_or_police"),
        ("cipher_worker_non_military", "cipher_worker"),
    ],
)
def test_narrower_spellings_answer_like_their_ground(alias, status):
    assert militia_exemption(status=alias) == militia_exemption(status=status)


@pytest.mark.parametrize("status", ["unemployed", "sibling_on_active_duty", "PREGNANT", "none"])
def test_an_unlisted_status_is_no_ground_not_an_error(status):
    result = militia_exemption(status=status)

    assert result.as_dict() == {
        "outcome": "none",
        "may_volunteer": False,
        "legal_basis": "Luật DQTV 2019 Điều 11",
        "explanation": (
            f"“{status}” không phải là trường hợp được tạm hoãn hay miễn thực hiện nghĩa vụ "
            "tham gia Dân quân tự vệ quy định tại Điều 11."
        ),
    }


@given(status=st.sampled_from(list(MilitiaStatus)))
def test_only_family_based_exemptions_may_volunteer(status):
    result = militia_exemption(status=status)

    family = {
        "spouse_or_child_of_fallen_soldier",
        "spouse_or_child_of_invalid_81_plus",
        "carer_of_heroic_mother_or_81_plus",
    }
    assert result.may_volunteer is (status in family)
    assert result.outcome != "none"
