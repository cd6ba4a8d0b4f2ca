from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qsdp.people import rules
from qsdp.people.errors import PersonErrorCode
from qsdp.people.tests.factories import make_national_id

BORN = date(2006, 9, 30)


def codes(problems):
    return [p.code for p in problems]


def test_a_consistent_cccd_has_no_problem():
    assert rules.national_id_problems("006206001234", birth_date=BORN, sex="male") == []


@pytest.mark.parametrize(
    ("national_id", "code"),
    [
        ("00620600123", PersonErrorCode.NATIONAL_ID_FORMAT),
        ("0062060012345", PersonErrorCode.NATIONAL_ID_FORMAT),
        ("00620600123a", PersonErrorCode.NATIONAL_ID_FORMAT),
        ("", PersonErrorCode.NATIONAL_ID_FORMAT),
        ("003206001234", PersonErrorCode.NATIONAL_ID_PROVINCE),
        ("006306001234", PersonErrorCode.NATIONAL_ID_SEX),
        ("006006001234", PersonErrorCode.NATIONAL_ID_CENTURY),
        ("006205001234", PersonErrorCode.NATIONAL_ID_YEAR),
    ],
)
def test_each_wrong_part_of_a_cccd_is_named(national_id, code):
    assert codes(rules.national_id_problems(national_id, birth_date=BORN, sex="male")) == [code]


def test_sex_message_says_which_digit_and_which_sex():
    (problem,) = rules.national_id_problems("006306001234", birth_date=BORN, sex="male")

    assert problem.field == "national_id"
    assert problem.message == (
        "Chữ số thứ tư của số CCCD (3) là mã của nữ, nhưng giới tính khai là nam."
    )


def test_century_digit_for_a_woman_born_in_the_1990s():
    assert rules.century_sex_digit(1995, "female") == 1
    assert rules.century_sex_digit(2001, "male") == 2
    assert rules.century_sex_digit(2100, "female") == 5


@given(
    birth=st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
    sex=st.sampled_from(["male", "female"]),
    serial=st.integers(min_value=0, max_value=999_999),
    province=st.sampled_from(sorted(rules.PROVINCE_CODES)),
)
def test_any_consistent_cccd_is_accepted(birth, sex, serial, province):
    national_id = make_national_id(birth, sex, serial, province)

    assert rules.national_id_problems(national_id, birth_date=birth, sex=sex) == []


def test_birth_date_in_the_future_is_refused():
    (problem,) = rules.birth_date_problems(date(2026, 12, 1), today=date(2026, 11, 29))

    assert (problem.field, problem.code) == ("birth_date", PersonErrorCode.BIRTH_DATE_FUTURE)


def test_birth_date_today_is_accepted():
    assert rules.birth_date_problems(date(2026, 11, 29), today=date(2026, 11, 29)) == []


@pytest.mark.parametrize(
    ("family", "middle", "given_name", "fields"),
    [
        ("Nguyễn", "Văn", "An", []),
        ("Nguyễn", "", "An", []),
        ("Hoàng Thị", "Bích", "Ngọc-Anh", []),
        ("Nguyễn2", "Văn", "An", ["family_name"]),
        ("", "Văn", "", ["family_name", "given_name"]),
    ],
)
def test_names_are_letters(family, middle, given_name, fields):
    problems = rules.name_problems(family_name=family, middle_name=middle, given_name=given_name)

    assert [p.field for p in problems] == fields


@pytest.mark.parametrize(
    ("phone", "ok"),
    [
        ("", True),
        ("0912345678", True),
        ("+84912345678", True),
        ("912345678", False),
        ("09123", False),
    ],
)
def test_phone_numbers(phone, ok):
    assert (rules.phone_problems(phone) == []) is ok


def test_education_grade_is_0_to_12():
    assert rules.education_problems(12) == []
    assert codes(rules.education_problems(13)) == [PersonErrorCode.EDUCATION_GRADE]
