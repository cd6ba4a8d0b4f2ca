"""Call-up age (Luật NVQS 2015 Điều 30, Điều 6 khoản 2) at its edges."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qsdp.military_service.rules import age_on, anniversary, call_up_age

BORN = date(2006, 9, 30)


def test_the_public_example_comes_out_exactly():
    result = call_up_age(sex="male", birth_date=BORN, reference_date=date(2025, 2, 20))

    assert result.as_dict() == {
        "within_call_up_age": True,
        "first_eligible_date": "2024-09-30",
        "last_eligible_date": "2032-09-29",
        "last_eligible_date_if_deferred_for_college_or_university": "2034-09-29",
        "compulsory_call_up": True,
        "legal_basis": "Luật NVQS 2015 Điều 30",
        "explanation": (
            "Công dân nam sinh ngày 30/09/2006 trong độ tuổi gọi nhập ngũ từ 30/09/2024 "
            "đến hết 29/09/2032."
        ),
    }


@pytest.mark.parametrize(
    ("reference", "deferred", "within", "reason"),
    [
        (date(2024, 9, 29), False, False, "under_18"),  # the day before the 18th birthday
        (date(2024, 9, 30), False, True, None),  # the 18th birthday
        (date(2032, 9, 29), False, True, None),  # the day before the 26th birthday
        (date(2032, 9, 30), False, False, "over_25"),  # the 26th birthday
        (date(2032, 9, 30), True, True, None),  # deferred for university: to "hết 27 tuổi"
        (date(2034, 9, 29), True, True, None),  # the day before the 28th birthday
        (date(2034, 9, 30), True, False, "over_27"),  # the 28th birthday
        (date(2024, 9, 29), True, False, "under_18"),
    ],
)
def test_the_window_runs_from_the_18th_birthday_to_the_day_before_the_26th_or_28th(
    reference, deferred, within, reason
):
    result = call_up_age(
        sex="male",
        birth_date=BORN,
        reference_date=reference,
        deferred_for_college_or_university_training=deferred,
    )

    assert result.within_call_up_age is within
    assert result.reason == reason
    assert ("reason" in result.as_dict()) is (reason is not None)


def test_a_29_february_birthday_falls_on_1_march_in_other_years():
    result = call_up_age(sex="male", birth_date=date(2004, 2, 29))

    assert result.first_eligible_date == date(2022, 3, 1)
    assert result.last_eligible_date == date(2030, 2, 28)  # 26th birthday: 1 March 2030
    # 2032 is a leap year: the 28th birthday is 29 February 2032.
    assert result.last_eligible_date_if_deferred_for_college_or_university == date(2032, 2, 28)


@pytest.mark.parametrize(
    ("reference", "within"), [(date(2022, 2, 28), False), (date(2022, 3, 1), True)]
)
def test_a_29_february_boy_turns_18_on_1_march(reference, within):
    result = call_up_age(sex="male", birth_date=date(2004, 2, 29), reference_date=reference)

    assert result.within_call_up_age is within


def test_without_a_reference_date_there_is_no_verdict():
    result = call_up_age(sex="male", birth_date=BORN)

    assert result.as_dict() == {
        "first_eligible_date": "2024-09-30",
        "last_eligible_date": "2032-09-29",
        "last_eligible_date_if_deferred_for_college_or_university": "2034-09-29",
        "compulsory_call_up": True,
        "legal_basis": "Luật NVQS 2015 Điều 30",
        "explanation": (
            "Công dân nam sinh ngày 30/09/2006 có độ tuổi gọi nhập ngũ từ 30/09/2024 "
            "đến hết 29/09/2032."
        ),
    }


def test_a_woman_serves_in_peacetime_only_as_a_volunteer():
    result = call_up_age(sex="female", birth_date=BORN, reference_date=date(2033, 1, 1))

    assert result.as_dict() == {
        "within_call_up_age": False,
        "reason": "over_25",
        "first_eligible_date": "2024-09-30",
        "last_eligible_date": "2032-09-29",
        "last_eligible_date_if_deferred_for_college_or_university": "2034-09-29",
        "compulsory_call_up": False,
        "may_serve_if_volunteer_and_army_needs": True,
        "legal_basis": "Luật NVQS 2015 Điều 30, Điều 6 khoản 2",
        "explanation": (
            "Công dân nữ sinh ngày 30/09/2006 đã quá độ tuổi gọi nhập ngũ vào ngày 01/01/2033; "
            "độ tuổi này hết vào ngày 29/09/2032; trong thời bình công dân nữ chỉ phục vụ tại "
            "ngũ khi tự nguyện và quân đội có nhu cầu."
        ),
    }


def test_a_boy_under_18_is_told_when_his_call_up_age_starts():
    result = call_up_age(sex="male", birth_date=BORN, reference_date=date(2024, 9, 29))

    assert result.explanation == (
        "Công dân nam sinh ngày 30/09/2006 chưa đủ 18 tuổi vào ngày 29/09/2024; "
        "độ tuổi gọi nhập ngũ bắt đầu từ 30/09/2024."
    )


births = st.dates(min_value=date(1950, 1, 1), max_value=date(2050, 12, 31))
references = st.dates(min_value=date(1960, 1, 1), max_value=date(2090, 12, 31))


@given(birth=births, reference=references, deferred=st.booleans())
def test_within_call_up_age_iff_the_reference_is_in_the_window(birth, reference, deferred):
    result = call_up_age(
        sex="male",
        birth_date=birth,
        reference_date=reference,
        deferred_for_college_or_university_training=deferred,
    )
    last = (
        result.last_eligible_date_if_deferred_for_college_or_university
        if deferred
        else result.last_eligible_date
    )

    assert result.within_call_up_age is (result.first_eligible_date <= reference <= last)
    assert (result.reason is None) is result.within_call_up_age


@given(birth=births)
def test_the_window_edges_are_the_birthdays_of_the_law(birth):
    result = call_up_age(sex="male", birth_date=birth)

    assert age_on(birth, result.first_eligible_date) == 18
    assert age_on(birth, result.first_eligible_date - timedelta(days=1)) == 17
    assert age_on(birth, result.last_eligible_date) == 25
    assert age_on(birth, result.last_eligible_date + timedelta(days=1)) == 26
    assert age_on(birth, result.last_eligible_date_if_deferred_for_college_or_university) == 27
    assert result.first_eligible_date == anniversary(birth, 18)
