"""First registration (Luật NVQS 2015 Điều 12–16; Circular 105/2023 for the diseases)."""

from datetime import date

import pytest

from qsdp.military_service.rules import first_registration, is_exempt_disease

BORN_NOVEMBER = date(2008, 11, 15)


def test_a_boy_is_called_in_april_of_the_year_he_turns_17_while_still_16():
    result = first_registration(
        sex="male", birth_date=BORN_NOVEMBER, reference_date=date(2025, 4, 10)
    )

    assert result.as_dict() == {
        "registration_status": "must_register",
        "subject_to_registration": True,
        "first_registration_year": 2025,
        "list_report_month": 1,
        "registration_call_month": 4,
        "age_on_reference_date": 16,
        "in_first_registration_cohort": True,
        "legal_basis": "Luật NVQS 2015 Điều 12, Điều 16",
        "explanation": (
            "Công dân nam sinh ngày 15/11/2008 phải đăng ký nghĩa vụ quân sự lần đầu vào năm "
            "2025: lập danh sách trong tháng 1, gọi đăng ký trong tháng 4."
        ),
    }


@pytest.mark.parametrize(
    ("reference", "status", "cohort"),
    [
        (date(2024, 12, 31), "not_subject", False),
        (date(2025, 1, 1), "must_register", True),
        (date(2026, 1, 1), "must_register", False),
    ],
)
def test_the_cohort_is_the_birth_year_plus_17(reference, status, cohort):
    result = first_registration(sex="male", birth_date=BORN_NOVEMBER, reference_date=reference)

    assert result.registration_status == status
    assert result.in_first_registration_cohort is cohort
    assert result.reason == (None if status == "must_register" else "under_17")


def test_without_a_reference_date_a_man_gets_his_year_but_no_age():
    result = first_registration(sex="male", birth_date=BORN_NOVEMBER)

    assert result.first_registration_year == 2025
    assert "age_on_reference_date" not in result.as_dict()
    assert "in_first_registration_cohort" not in result.as_dict()


@pytest.mark.parametrize(
    "code",
    [
        "F20",
        "F20.1",
        "f25.0",
        "F29",
        "G40",
        "G40.9",
        "G20",
        "H54.4",
        "H90",
        "H90.3",
        "B90.2",
        "B92",
        "C00",
        "C50",
        "C97",
        "D00",
        "D09.9",
        "D45",
        "D47.1",
        "B20",
        "B22.7",
        "B24",
        "Z21",
    ],
)
def test_diseases_on_the_list_exempt_from_registration(code):
    result = first_registration(sex="male", birth_date=BORN_NOVEMBER, diagnosis_icd10=code)

    assert is_exempt_disease(code) is True
    assert result.registration_status == "exempt_from_registration"
    assert result.subject_to_registration is False
    assert result.reason == "disease_on_exemption_list"
    assert result.legal_basis == (
        "Luật NVQS 2015 Điều 12, Điều 14; Thông tư 105/2023/TT-BQP Phụ lục I mục III"
    )


@pytest.mark.parametrize(
    "code",
    ["F19.9", "F30", "G41", "G21", "H54", "H54.5", "H91", "B90", "B90.1", "B93", "C98",
     "D10", "D44", "D48", "B19", "B25", "Z22", "J45", "not a code"],
)  # fmt: skip
def test_other_diagnoses_do_not_exempt(code):
    result = first_registration(sex="male", birth_date=BORN_NOVEMBER, diagnosis_icd10=code)

    assert is_exempt_disease(code) is False
    assert result.registration_status == "must_register"


@pytest.mark.parametrize(
    "status",
    [
        "criminally_prosecuted",
        "serving_prison_sentence",
        "non_custodial_reform_or_probation",
        "administrative_education_measure",
        "stripped_of_right_to_serve",
    ],
)
def test_the_statuses_of_article_13_bar_registration_while_they_last(status):
    result = first_registration(sex="male", birth_date=BORN_NOVEMBER, status=status)

    assert result.registration_status == "not_allowed_to_register_while_condition_lasts"
    assert result.subject_to_registration is False
    assert result.reason == status
    assert result.legal_basis == "Luật NVQS 2015 Điều 12, Điều 13"


def test_a_woman_whose_profession_is_not_on_the_list_is_not_subject():
    result = first_registration(sex="female", birth_date=date(2000, 1, 1))

    assert result.as_dict() == {
        "registration_status": "not_subject",
        "subject_to_registration": False,
        "reason": "profession_not_on_list",
        "legal_basis": "Luật NVQS 2015 Điều 12, Điều 7 khoản 2",
        "explanation": (
            "Công dân nữ sinh ngày 01/01/2000 chỉ đăng ký nghĩa vụ quân sự khi có ngành, nghề "
            "chuyên môn phù hợp yêu cầu của Quân đội theo danh mục của Chính phủ."
        ),
    }


@pytest.mark.parametrize(
    ("reference", "status", "reason"),
    [
        (date(2024, 9, 29), "not_subject", "under_18"),
        (date(2024, 9, 30), "must_register", None),
    ],
)
def test_a_woman_on_the_list_registers_from_her_18th_birthday(reference, status, reason):
    result = first_registration(
        sex="female",
        birth_date=date(2006, 9, 30),
        reference_date=reference,
        profession_on_government_list=True,
    )

    assert result.registration_status == status
    assert result.reason == reason
    assert result.first_registration_year is None
    assert "in_first_registration_cohort" not in result.as_dict()
