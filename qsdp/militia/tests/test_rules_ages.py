"""The militia age (Luật DQTV 2019 Điều 8 khoản 1) at its edges."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qsdp.military_service.rules import anniversary
from qsdp.militia.rules import militia_age

BORN = date(1980, 6, 15)


def test_a_man_of_30_must_serve():
    result = militia_age(sex="male", birth_date=BORN, reference_date=date(2010, 6, 15))

    assert result.as_dict() == {
        "obligated": True,
        "legal_basis": "Luật DQTV 2019 Điều 8 khoản 1",
        "explanation": (
            "Công dân nam sinh ngày 15/06/1980 có nghĩa vụ tham gia Dân quân tự vệ vào ngày "
            "15/06/2010 (từ đủ 18 tuổi đến hết 45 tuổi, tức đến hết ngày 14/06/2026)."
        ),
    }


@pytest.mark.parametrize(
    ("sex", "reference", "obligated", "reason"),
    [
        ("male", date(1998, 6, 14), False, "under_18"),  # the day before the 18th birthday
        ("male", date(1998, 6, 15), True, None),  # the 18th birthday
        ("male", date(2026, 6, 14), True, None),  # the day before the 46th birthday
        ("male", date(2026, 6, 15), False, "over_age_limit"),  # the 46th birthday
        ("female", date(2021, 6, 14), True, None),  # the day before the 41st birthday
        ("female", date(2021, 6, 15), False, "over_age_limit"),
        ("female", date(1998, 6, 14), False, "under_18"),
    ],
)
def test_the_duty_runs_from_18_to_the_end_of_45_for_men_and_40_for_women(
    sex, reference, obligated, reason
):
    result = militia_age(sex=sex, birth_date=BORN, reference_date=reference)

    assert result.obligated is obligated
    assert result.reason == reason
    assert "may_serve_as_volunteer" not in result.as_dict()
    assert "volunteer_age_limit" not in result.as_dict()


@pytest.mark.parametrize(
    ("sex", "reference", "obligated", "may_volunteer", "limit"),
    [
        ("male", date(2026, 6, 15), False, True, 50),  # past 45, within 50
        ("male", date(2031, 6, 14), False, True, 50),  # the day before the 51st birthday
        ("male", date(2031, 6, 15), False, False, 50),  # the 51st birthday
        ("female", date(2021, 6, 15), False, True, 45),
        ("female", date(2026, 6, 14), False, True, 45),
        ("female", date(2026, 6, 15), False, False, 45),
        ("male", date(2010, 1, 1), True, True, 50),
        ("male", date(1998, 6, 14), False, False, 50),  # volunteering does not lower the age
    ],
)
def test_a_volunteer_may_serve_to_the_end_of_50_or_45(
    sex, reference, obligated, may_volunteer, limit
):
    result = militia_age(sex=sex, birth_date=BORN, reference_date=reference, volunteer=True)

    assert result.obligated is obligated
    assert result.may_serve_as_volunteer is may_volunteer
    assert result.volunteer_age_limit == limit


def test_a_volunteer_past_45_is_told_how_long_he_may_serve():
    result = militia_age(
        sex="male", birth_date=date(1979, 5, 5), reference_date=date(2026, 1, 1), volunteer=True
    )

    assert result.as_dict() == {
        "obligated": False,
        "may_serve_as_volunteer": True,
        "volunteer_age_limit": 50,
        "reason": "over_age_limit",
        "legal_basis": "Luật DQTV 2019 Điều 8 khoản 1",
        "explanation": (
            "Công dân nam sinh ngày 05/05/1979 đã quá độ tuổi thực hiện nghĩa vụ tham gia Dân "
            "quân tự vệ vào ngày 01/01/2026 (đến hết 45 tuổi, tức hết ngày 04/05/2025), nhưng "
            "nếu tình nguyện thì có thể tham gia đến hết 50 tuổi, tức đến hết ngày 04/05/2030."
        ),
    }


@pytest.mark.parametrize(
    ("reference", "obligated"),
    [
        (date(2002, 2, 28), False),  # 29 February 1984: 18 on 1 March 2002
        (date(2002, 3, 1), True),
        (date(2030, 2, 28), True),  # the 46th birthday is 1 March 2030
        (date(2030, 3, 1), False),
    ],
)
def test_a_29_february_citizen_has_birthdays_on_1_march(reference, obligated):
    result = militia_age(sex="male", birth_date=date(1984, 2, 29), reference_date=reference)

    assert result.obligated is obligated


@given(
    birth=st.dates(min_value=date(1940, 1, 1), max_value=date(2015, 12, 31)),
    reference=st.dates(min_value=date(2020, 7, 1), max_value=date(2070, 12, 31)),
    sex=st.sampled_from(["male", "female"]),
)
def test_volunteering_only_lengthens_the_duty(birth, reference, sex):
    duty = militia_age(sex=sex, birth_date=birth, reference_date=reference)
    volunteer = militia_age(sex=sex, birth_date=birth, reference_date=reference, volunteer=True)
    limit, volunteer_limit = (45, 50) if sex == "male" else (40, 45)

    assert duty.obligated is volunteer.obligated
    assert duty.obligated == (anniversary(birth, 18) <= reference < anniversary(birth, limit + 1))
    assert volunteer.may_serve_as_volunteer == (
        anniversary(birth, 18) <= reference < anniversary(birth, volunteer_limit + 1)
    )
    assert not duty.obligated or volunteer.may_serve_as_volunteer
    assert (duty.reason is None) is duty.obligated
