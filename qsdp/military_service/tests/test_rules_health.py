"""Health (Circular 105/2023; Circular 148/2018 as amended by 68/2025) and education."""

from datetime import date

import pytest

from qsdp.military_service.rules import education, health

JULY_2025 = date(2025, 7, 1)


def test_the_class_is_the_worst_score():
    result = health(indicator_scores=[1, 2, 3, 1], on=JULY_2025)

    assert result.as_dict() == {
        "health_class": 3,
        "meets_health_class_standard": True,
        "deferral_ground": None,
        "may_be_called_up": True,
        "legal_basis": (
            "Thông tư 105/2023/TT-BQP; Thông tư 148/2018/TT-BQP sửa đổi bởi Thông tư 68/2025/TT-BQP"
        ),
        "explanation": "Sức khỏe loại 3: đủ điều kiện gọi nhập ngũ.",
    }


def test_a_single_4_makes_class_4_not_yet_fit():
    result = health(indicator_scores=[1, 1, 4, 2], on=JULY_2025)

    assert result.as_dict() == {
        "health_class": 4,
        "meets_health_class_standard": False,
        "deferral_ground": "Điều 41 khoản 1 điểm a",
        "may_be_called_up": False,
        "reason": "health_class_not_met",
        "legal_basis": (
            "Thông tư 105/2023/TT-BQP; Thông tư 148/2018/TT-BQP sửa đổi bởi "
            "Thông tư 68/2025/TT-BQP; Luật NVQS 2015 Điều 41 khoản 1 điểm a"
        ),
        "explanation": (
            "Sức khỏe loại 4, không gọi nhập ngũ: sức khỏe loại 4 không đạt tiêu chuẩn "
            "(loại 1 đến loại 3)."
        ),
    }


@pytest.mark.parametrize(("klass", "meets"), [(1, True), (3, True), (4, False), (6, False)])
def test_a_health_class_may_be_given_directly(klass, meets):
    result = health(health_class=klass, on=JULY_2025)

    assert (result.health_class, result.meets_health_class_standard) == (klass, meets)


@pytest.mark.parametrize(
    ("facts", "reason"),
    [
        ({"health_class": 4, "drug_addicted": True, "myopia_diopters": 3.0},
         "health_class_not_met"),
        ({"health_class": 2, "drug_addicted": True, "myopia_diopters": 3.0}, "drug_addiction"),
        ({"health_class": 1, "myopia_diopters": 2.0, "hyperopia_diopters": 1.0},
         "myopia_over_1_5_diopters"),
        ({"health_class": 1, "hyperopia_diopters": 0.5, "bmi": 17.0}, "hyperopia_any_degree"),
        ({"health_class": 1, "bmi": 17.9}, "bmi_below_18_0"),
        ({"health_class": 1, "bmi": 30.0}, "bmi_above_29_9"),
    ],
)  # fmt: skip
def test_the_first_reason_in_the_order_of_the_rules_is_given(facts, reason):
    result = health(**facts, on=JULY_2025)

    assert (result.may_be_called_up, result.reason) == (False, reason)


@pytest.mark.parametrize(
    ("myopia", "inclusive", "may"),
    [
        (1.5, False, True),
        (1.5, True, False),
        (-1.5, True, False),
        (1.49, True, True),
        (1.51, False, False),
        (-2.0, False, False),
    ],
)
def test_myopia_of_exactly_1_5_dioptres_follows_the_setting(myopia, inclusive, may):
    result = health(
        health_class=2, myopia_diopters=myopia, myopia_boundary_inclusive=inclusive, on=JULY_2025
    )

    assert result.may_be_called_up is may
    assert result.reason == (None if may else "myopia_over_1_5_diopters")


@pytest.mark.parametrize(
    ("bmi", "may", "reason"),
    [
        (17.9, False, "bmi_below_18_0"),
        (18.0, True, None),
        (29.9, True, None),
        (30.0, False, "bmi_above_29_9"),
    ],
)
def test_bmi_edges(bmi, may, reason):
    result = health(health_class=1, bmi=bmi, on=JULY_2025)

    assert (result.may_be_called_up, result.reason) == (may, reason)


def test_a_bmi_exclusion_is_explained():
    result = health(health_class=2, bmi=30.0, on=JULY_2025)

    assert result.explanation == ("Sức khỏe loại 2, không gọi nhập ngũ: chỉ số BMI 30 trên 29,9.")


def test_hyperopia_of_zero_dioptres_is_no_hyperopia():
    assert health(health_class=1, hyperopia_diopters=0.0, on=JULY_2025).may_be_called_up is True


@pytest.mark.parametrize(
    ("facts", "may"),
    [
        ({"health_class": 2, "myopia_diopters": 3.0}, True),  # eyes excluded class 3 only
        ({"health_class": 3, "myopia_diopters": 1.5}, False),  # "1.5 D or more"
        ({"health_class": 3, "hyperopia_diopters": 0.5}, False),
        ({"health_class": 1, "bmi": 17.0}, True),  # no BMI exclusion before 2025-07-01
    ],
)
def test_before_july_2025_the_original_circular_148_applies(facts, may):
    assert health(**facts, on=date(2025, 6, 30)).may_be_called_up is may


def test_scores_or_a_class_are_needed():
    with pytest.raises(ValueError, match="indicator_scores or health_class"):
        health()


@pytest.mark.parametrize(
    ("grade", "approved", "expected"),
    [
        (6, True, (False, False, False)),
        (7, False, (False, True, False)),
        (7, True, (False, True, True)),
        (8, False, (True, False, True)),
        (12, False, (True, False, True)),
    ],
)
def test_education_grade_8_or_7_with_the_locality_exception(grade, approved, expected):
    result = education(completed_grade=grade, locality_exception_approved=approved)

    assert (
        result.meets_general_education_standard,
        result.eligible_only_with_locality_exception,
        result.eligible,
    ) == expected
    assert result.legal_basis == "Thông tư 148/2018/TT-BQP Điều 4"


def test_grade_7_without_the_exception_is_explained():
    assert education(completed_grade=7).explanation == (
        "Học hết lớp 7: chỉ đủ điều kiện khi địa phương được cấp có thẩm quyền cho tuyển lớp 7."
    )
