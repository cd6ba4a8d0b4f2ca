"""Deferral and exemption (Luật NVQS 2015 Điều 41): every reason code and threshold."""

import pytest

from qsdp.core.rule_inputs import RuleInputError
from qsdp.military_service.rules import deferral_or_exemption


def _answer(**kwargs):
    result = deferral_or_exemption(**kwargs)
    return result.outcome, result.legal_point


def test_the_public_example_comes_out_exactly():
    result = deferral_or_exemption(
        reason_code="posted_official_in_extremely_disadvantaged_area", months_posted=30
    )

    assert result.as_dict() == {
        "outcome": "exemption",
        "legal_point": "Điều 41 khoản 2 điểm đ",
        "valid_deferral_ground": False,
        "valid_exemption_ground": True,
        "legal_basis": "Luật NVQS 2015 Điều 41 khoản 2 điểm đ",
        "explanation": (
            "Cán bộ, công chức, viên chức, thanh niên xung phong được điều động đến vùng đặc "
            "biệt khó khăn: được miễn gọi nhập ngũ theo Điều 41 khoản 2 điểm đ."
        ),
    }


@pytest.mark.parametrize(
    ("code", "outcome", "point"),
    [
        ("health_not_yet_fit", "deferral", "Điều 41 khoản 1 điểm a"),
        ("sole_laborer_supporting_dependents", "deferral", "Điều 41 khoản 1 điểm b"),
        ("family_severe_loss_from_disaster_or_epidemic", "deferral", "Điều 41 khoản 1 điểm b"),
        ("sibling_on_active_duty", "deferral", "Điều 41 khoản 1 điểm d"),
        ("sibling_in_police_conscription", "deferral", "Điều 41 khoản 1 điểm d"),
        ("general_school_student", "deferral", "Điều 41 khoản 1 điểm g"),
        ("full_time_university_student", "deferral", "Điều 41 khoản 1 điểm g"),
        ("full_time_college_student", "deferral", "Điều 41 khoản 1 điểm g"),
        ("standing_militia_member", "deferral", "Điều 41 khoản 1 điểm h"),
        ("child_of_fallen_soldier", "exemption", "Điều 41 khoản 2 điểm a"),
        ("cipher_worker_non_military", "exemption", "Điều 41 khoản 2 điểm d"),
    ],
)
def test_grounds_that_need_no_fact(code, outcome, point):
    result = deferral_or_exemption(reason_code=code)

    assert (result.outcome, result.legal_point) == (outcome, point)
    assert result.valid_deferral_ground is (outcome == "deferral")
    assert result.valid_exemption_ground is (outcome == "exemption")
    assert result.legal_basis == f"Luật NVQS 2015 {point}"


@pytest.mark.parametrize("code", ["child_of_sick_soldier", "child_of_agent_orange_victim"])
@pytest.mark.parametrize(
    ("loss", "designated", "outcome", "point"),
    [
        (60, None, "none", None),
        (61, None, "deferral", "Điều 41 khoản 1 điểm c"),
        (80, None, "deferral", "Điều 41 khoản 1 điểm c"),
        (80, True, "deferral", "Điều 41 khoản 1 điểm c"),
        (70, False, "none", None),
        (81, True, "exemption", "Điều 41 khoản 2 điểm c"),
        (100, True, "exemption", "Điều 41 khoản 2 điểm c"),
        (81, False, "none", None),
    ],
)
def test_a_parents_loss_of_working_capacity(code, loss, designated, outcome, point):
    facts = {"parent_work_capacity_loss_percent": loss}
    if designated is not None:
        facts["is_the_one_designated_child"] = designated

    assert _answer(reason_code=code, **facts) == (outcome, point)


def test_an_exemption_for_81_percent_needs_to_know_the_designated_child():
    with pytest.raises(RuleInputError) as raised:
        deferral_or_exemption(
            reason_code="child_of_sick_soldier", parent_work_capacity_loss_percent=81
        )

    assert raised.value.code == "missing_field"
    assert raised.value.field == "is_the_one_designated_child"
    assert raised.value.message == (
        "Thiếu trường “is_the_one_designated_child”: quy định này cần trường đó."
    )


def test_the_loss_is_needed_for_a_child_of_a_sick_soldier():
    with pytest.raises(RuleInputError) as raised:
        deferral_or_exemption(reason_code="child_of_sick_soldier")

    assert raised.value.field == "parent_work_capacity_loss_percent"


def test_a_loss_below_61_percent_is_explained():
    result = deferral_or_exemption(
        reason_code="child_of_agent_orange_victim", parent_work_capacity_loss_percent=60
    )

    assert result.as_dict() == {
        "outcome": "none",
        "legal_point": None,
        "valid_deferral_ground": False,
        "valid_exemption_ground": False,
        "legal_basis": "Luật NVQS 2015 Điều 41",
        "explanation": (
            "Con của người nhiễm chất độc da cam: mức suy giảm khả năng lao động của cha hoặc "
            "mẹ (60%) dưới 61%, nên không thuộc diện tạm hoãn hay miễn gọi nhập ngũ."
        ),
    }


@pytest.mark.parametrize(
    ("grade", "designated", "outcome", "point"),
    [
        (1, None, "exemption", "Điều 41 khoản 2 điểm a"),
        (2, True, "exemption", "Điều 41 khoản 2 điểm c"),
        (2, False, "none", None),
        (3, None, "none", None),
        (4, True, "none", None),
    ],
)
def test_a_child_of_a_war_invalid(grade, designated, outcome, point):
    facts = {"invalid_grade": grade}
    if designated is not None:
        facts["is_the_one_designated_child"] = designated

    assert _answer(reason_code="child_of_war_invalid", **facts) == (outcome, point)


@pytest.mark.parametrize(
    ("designated", "expected"),
    [(True, ("exemption", "Điều 41 khoản 2 điểm b")), (False, ("none", None))],
)
def test_only_the_one_designated_brother_of_a_fallen_soldier(designated, expected):
    answer = _answer(
        reason_code="brother_of_fallen_soldier", is_the_one_designated_brother=designated
    )

    assert answer == expected


@pytest.mark.parametrize(
    ("years", "expected"),
    [
        (0, ("deferral", "Điều 41 khoản 1 điểm đ")),
        (2.9, ("deferral", "Điều 41 khoản 1 điểm đ")),
        (3, ("none", None)),
        (5, ("none", None)),
    ],
)
def test_relocation_defers_in_the_first_3_years(years, expected):
    answer = _answer(
        reason_code="relocated_to_extremely_disadvantaged_commune", years_since_relocation=years
    )

    assert answer == expected


@pytest.mark.parametrize(
    ("months", "expected"),
    [
        (0, ("deferral", "Điều 41 khoản 1 điểm e")),
        (23, ("deferral", "Điều 41 khoản 1 điểm e")),
        (24, ("exemption", "Điều 41 khoản 2 điểm đ")),
        (60, ("exemption", "Điều 41 khoản 2 điểm đ")),
    ],
)
def test_a_posting_defers_under_24_months_and_exempts_from_24(months, expected):
    answer = _answer(
        reason_code="posted_official_in_extremely_disadvantaged_area", months_posted=months
    )

    assert answer == expected


@pytest.mark.parametrize(
    "code", ["intermediate_vocational_student", "part_time_university_student", "only_son"]
)
def test_a_ground_the_law_does_not_list_is_answered_none(code):
    result = deferral_or_exemption(reason_code=code)

    assert result.as_dict() == {
        "outcome": "none",
        "legal_point": None,
        "valid_deferral_ground": False,
        "valid_exemption_ground": False,
        "legal_basis": "Luật NVQS 2015 Điều 41",
        "explanation": (
            f"“{code}” không phải là lý do tạm hoãn hay miễn gọi nhập ngũ theo Điều 41."
        ),
    }


def test_an_unknown_fact_is_a_programming_error():
    with pytest.raises(TypeError):
        deferral_or_exemption(reason_code="health_not_yet_fit", months=3)
