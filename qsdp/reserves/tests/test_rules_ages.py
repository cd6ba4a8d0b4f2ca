"""Age limits in the reserve: NCOs and soldiers (Luật NVQS 2015 Điều 25) and reserve
officers (Luật Sĩ quan QĐND Điều 38, before and after 2024-12-01)."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qsdp.military_service.rules import anniversary
from qsdp.reserves.rules import (
    OfficerRank,
    last_day_in_reserve,
    reserve_age,
    reserve_officer_age,
)

BORN = date(1980, 6, 15)


def test_a_man_in_his_last_reserve_day_is_still_within():
    result = reserve_age(sex="male", birth_date=BORN, reference_date=date(2026, 6, 14))

    assert result.as_dict() == {
        "within_reserve_service_age": True,
        "legal_basis": "Luật NVQS 2015 Điều 25",
        "explanation": (
            "Quân nhân dự bị nam sinh ngày 15/06/1980 trong độ tuổi phục vụ trong ngạch dự bị "
            "vào ngày 14/06/2026, độ tuổi này kéo dài đến hết 45 tuổi, tức đến hết ngày "
            "14/06/2026."
        ),
    }


def test_a_man_on_his_46th_birthday_is_removed_from_the_reserve():
    result = reserve_age(sex="male", birth_date=BORN, reference_date=date(2026, 6, 15))

    assert result.as_dict() == {
        "within_reserve_service_age": False,
        "action": "remove_from_reserve",
        "legal_basis": "Luật NVQS 2015 Điều 25",
        "explanation": (
            "Quân nhân dự bị nam sinh ngày 15/06/1980 đã quá độ tuổi phục vụ trong ngạch dự bị "
            "vào ngày 15/06/2026 (đến hết 45 tuổi, tức hết ngày 14/06/2026) và được giải ngạch "
            "dự bị."
        ),
    }


@pytest.mark.parametrize(
    ("sex", "reference", "within"),
    [
        ("female", date(2021, 6, 14), True),  # the day before the 41st birthday
        ("female", date(2021, 6, 15), False),  # the 41st birthday
        ("male", date(2021, 6, 15), True),  # the limit depends on sex, not on class
        ("male", date(2026, 6, 14), True),
        ("male", date(2026, 6, 15), False),
        ("male", date(1998, 6, 15), True),  # the 18th birthday
    ],
)
def test_the_limit_is_the_end_of_age_45_for_men_and_40_for_women(sex, reference, within):
    result = reserve_age(sex=sex, birth_date=BORN, reference_date=reference)

    assert result.within_reserve_service_age is within
    assert result.action == (None if within else "remove_from_reserve")


def test_before_the_18th_birthday_there_is_no_removal():
    result = reserve_age(sex="male", birth_date=BORN, reference_date=date(1998, 6, 14))

    assert result.as_dict()["within_reserve_service_age"] is False
    assert "action" not in result.as_dict()
    assert result.explanation.startswith(
        "Quân nhân dự bị nam sinh ngày 15/06/1980 chưa đủ 18 tuổi vào ngày 14/06/1998"
    )


@pytest.mark.parametrize(
    ("sex", "reference", "within"),
    [
        # 29 February 1980: the 46th birthday falls on 1 March 2026 (not a leap year).
        ("male", date(2026, 2, 28), True),
        ("male", date(2026, 3, 1), False),
        # The 41st birthday falls on 1 March 2021.
        ("female", date(2021, 2, 28), True),
        ("female", date(2021, 3, 1), False),
    ],
)
def test_a_29_february_reservist_leaves_on_1_march(sex, reference, within):
    result = reserve_age(sex=sex, birth_date=date(1980, 2, 29), reference_date=reference)

    assert result.within_reserve_service_age is within


def test_the_last_day_in_the_reserve_is_the_day_before_the_46th_or_41st_birthday():
    on = date(2025, 1, 1)

    assert last_day_in_reserve(sex="male", birth_date=BORN, on=on) == date(2026, 6, 14)
    assert last_day_in_reserve(sex="female", birth_date=BORN, on=on) == date(2021, 6, 14)
    # A 29 February 1976 boy turns 46 on 1 March 2022: his last day is 28 February.
    assert last_day_in_reserve(sex="male", birth_date=date(1976, 2, 29), on=on) == date(2022, 2, 28)


def test_an_officer_rank_group_is_not_an_nco_question():
    with pytest.raises(ValueError):
        reserve_age(sex="male", birth_date=BORN, reference_date=date(2025, 1, 1), rank_group="x")


@given(
    birth=st.dates(min_value=date(1940, 1, 1), max_value=date(2010, 12, 31)),
    reference=st.dates(min_value=date(2016, 1, 1), max_value=date(2060, 12, 31)),
    sex=st.sampled_from(["male", "female"]),
)
def test_within_exactly_from_the_18th_birthday_to_the_day_before_the_46th_or_41st(
    birth, reference, sex
):
    limit = 45 if sex == "male" else 40
    result = reserve_age(sex=sex, birth_date=birth, reference_date=reference)

    expected = anniversary(birth, 18) <= reference < anniversary(birth, limit + 1)
    assert result.within_reserve_service_age is expected
    assert (result.action is not None) is (reference >= anniversary(birth, limit + 1))


OLD = {
    "company_grade": 51,
    "major": 53,
    "lieutenant_colonel": 56,
    "senior_lieutenant_colonel": 57,
    "colonel": 60,
    "general": 63,
}
NEW = {
    "company_grade": 53,
    "major": 55,
    "lieutenant_colonel": 57,
    "senior_lieutenant_colonel": 59,
    "colonel": 61,
    "general": 63,
}


@pytest.mark.parametrize("rank", list(OLD))
def test_on_30_november_2024_the_old_officer_limits_apply(rank):
    result = reserve_officer_age(rank=rank, reference_date=date(2024, 11, 30))

    assert result.max_age == OLD[rank]
    assert result.legal_basis == "Luật Sĩ quan QĐND 1999 Điều 38 khoản 1"


@pytest.mark.parametrize("rank", list(NEW))
def test_from_1_december_2024_the_raised_officer_limits_apply(rank):
    result = reserve_officer_age(rank=rank, reference_date=date(2024, 12, 1))

    assert result.max_age == NEW[rank]
    assert result.legal_basis == (
        "Luật Sĩ quan QĐND 1999 Điều 38 khoản 1 (sửa đổi bởi Luật 52/2024/QH15)"
    )


def test_the_officer_limit_reads_as_a_sentence():
    result = reserve_officer_age(rank="major", reference_date=date(2025, 3, 1))

    assert result.as_dict() == {
        "max_age": 55,
        "legal_basis": "Luật Sĩ quan QĐND 1999 Điều 38 khoản 1 (sửa đổi bởi Luật 52/2024/QH15)",
        "explanation": (
            "Vào ngày 01/03/2025, hạn tuổi cao nhất của sĩ quan dự bị Thiếu tá là 55 tuổi."
        ),
    }


def test_dates_before_the_first_row_use_the_oldest_limits():
    assert reserve_officer_age(rank="colonel", reference_date=date(1999, 1, 1)).max_age == 60


@given(
    rank=st.sampled_from(list(OfficerRank)),
    reference=st.dates(min_value=date(2000, 1, 1), max_value=date(2050, 12, 31)),
)
def test_the_2024_amendment_never_lowers_a_limit(rank, reference):
    before = reserve_officer_age(rank=rank, reference_date=date(2024, 11, 30)).max_age
    result = reserve_officer_age(rank=rank, reference_date=reference).max_age

    assert result == (before if reference < date(2024, 12, 1) else NEW[rank])
    assert NEW[rank] >= OLD[rank]
