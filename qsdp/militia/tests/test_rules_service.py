"""Militia terms (Luật DQTV 2019 Điều 8 khoản 2), training days (Điều 28 khoản 1) and
standing militia as military service (Luật NVQS 2015 Điều 4 khoản 4 điểm a)."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qsdp.militia.rules import (
    MilitiaType,
    military_service_completion,
    militia_term,
    militia_training,
)

ON = date(2026, 3, 1)
FOUR_YEAR_TYPES = [t for t in MilitiaType if t != MilitiaType.STANDING]
SPECIALISED = [
    "air_defence",
    "artillery",
    "reconnaissance",
    "signals",
    "engineers",
    "chemical",
    "medical",
]


@pytest.mark.parametrize("militia_type", FOUR_YEAR_TYPES)
def test_every_type_but_standing_serves_4_years(militia_type):
    result = militia_term(militia_type=militia_type, on=ON)

    assert (result.term_years, result.max_extension_years) == (4, 2)
    assert result.legal_basis == "Luật DQTV 2019 Điều 8 khoản 2"


def test_standing_militia_serve_2_years():
    result = militia_term(militia_type="standing", on=ON)

    assert result.as_dict() == {
        "term_years": 2,
        "max_extension_years": 2,
        "may_extend_beyond_max_up_to_age_limit": False,
        "legal_basis": "Luật DQTV 2019 Điều 8 khoản 2",
        "explanation": (
            "Thời hạn thực hiện nghĩa vụ của dân quân thường trực là 2 năm; thời hạn được kéo "
            "dài nhưng không quá 2 năm."
        ),
    }


def test_maritime_militia_may_be_extended_beyond_2_years_up_to_the_age_limit():
    result = militia_term(militia_type="maritime", on=ON)

    assert result.as_dict() == {
        "term_years": 4,
        "max_extension_years": 2,
        "may_extend_beyond_max_up_to_age_limit": True,
        "legal_basis": "Luật DQTV 2019 Điều 8 khoản 2",
        "explanation": (
            "Thời hạn thực hiện nghĩa vụ của Dân quân tự vệ biển là 4 năm; thời hạn được kéo "
            "dài hơn 2 năm nhưng không quá độ tuổi tham gia Dân quân tự vệ."
        ),
    }


@pytest.mark.parametrize(
    ("kwargs", "beyond"),
    [
        ({"militia_type": "local"}, False),
        ({"militia_type": "mobile"}, False),
        ({"militia_type": "local", "unit_commander": True}, True),
        ({"militia_type": "mobile", "self_defence": True}, True),
    ],
)
def test_commanders_and_self_defence_may_also_be_extended_beyond(kwargs, beyond):
    result = militia_term(on=ON, **kwargs)

    assert result.may_extend_beyond_max_up_to_age_limit is beyond
    assert result.max_extension_years == 2


def test_a_commander_is_named_in_the_explanation():
    result = militia_term(militia_type="local", unit_commander=True, on=ON)

    assert result.explanation == (
        "Thời hạn thực hiện nghĩa vụ của Dân quân tự vệ tại chỗ là 4 năm; đối với chỉ huy đơn "
        "vị Dân quân tự vệ, thời hạn được kéo dài hơn 2 năm nhưng không quá độ tuổi tham gia "
        "Dân quân tự vệ."
    )


@pytest.mark.parametrize("militia_type", FOUR_YEAR_TYPES)
def test_the_first_year_is_15_days_for_every_type_but_standing(militia_type):
    result = militia_training(militia_type=militia_type, service_year=1, on=ON)

    assert result.training_days_per_year == 15
    assert result.legal_basis == "Luật DQTV 2019 Điều 28 khoản 1 điểm a"


@pytest.mark.parametrize("militia_type", ["mobile", "maritime", *SPECIALISED])
@pytest.mark.parametrize("year", [2, 3, 4, 6])
def test_from_year_2_mobile_maritime_and_specialised_train_12_days(militia_type, year):
    result = militia_training(militia_type=militia_type, service_year=year, on=ON)

    assert result.training_days_per_year == 12
    assert result.legal_basis == "Luật DQTV 2019 Điều 28 khoản 1 điểm b"


@pytest.mark.parametrize("year", [2, 4])
def test_from_year_2_local_militia_train_7_days(year):
    result = militia_training(militia_type="local", service_year=year, on=ON)

    assert result.as_dict() == {
        "training_days_per_year": 7,
        "legal_basis": "Luật DQTV 2019 Điều 28 khoản 1 điểm b",
        "explanation": f"Năm thứ {year}, Dân quân tự vệ tại chỗ huấn luyện 7 ngày.",
    }


@pytest.mark.parametrize("year", [1, 2])
def test_standing_militia_train_60_days_every_year(year):
    result = militia_training(militia_type="standing", service_year=year, on=ON)

    assert result.as_dict() == {
        "training_days_per_year": 60,
        "legal_basis": "Luật DQTV 2019 Điều 28 khoản 1 điểm c",
        "explanation": (
            "Dân quân thường trực huấn luyện 60 ngày mỗi năm, trong mọi năm thực hiện nghĩa vụ."
        ),
    }


def test_the_first_year_reads_as_a_sentence():
    result = militia_training(militia_type="mobile", service_year=1, on=ON)

    assert result.explanation == "Năm thứ nhất, Dân quân tự vệ cơ động huấn luyện 15 ngày."


@given(
    militia_type=st.sampled_from(list(MilitiaType)),
    year=st.integers(min_value=1, max_value=40),
)
def test_training_days_never_grow_after_the_first_year_but_for_standing(militia_type, year):
    first = militia_training(militia_type=militia_type, service_year=1, on=ON)
    later = militia_training(militia_type=militia_type, service_year=year, on=ON)

    assert later.training_days_per_year <= first.training_days_per_year
    assert later.training_days_per_year in (7, 12, 15, 60)


@pytest.mark.parametrize(
    ("months", "recognised"), [(23, False), (23.9, False), (24, True), (30, True)]
)
def test_24_months_of_standing_militia_count_as_active_service(months, recognised):
    result = military_service_completion(standing_militia_months=months, on=ON)

    assert result.recognised_as_completed_active_service is recognised
    assert result.legal_basis == "Luật NVQS 2015 Điều 4 khoản 4 điểm a"


def test_23_months_is_told_it_is_short():
    result = military_service_completion(standing_militia_months=23, on=ON)

    assert result.explanation == (
        "Dân quân thường trực có 23 tháng phục vụ, chưa đủ 24 tháng để được công nhận hoàn thành "
        "nghĩa vụ quân sự tại ngũ trong thời bình."
    )


@pytest.mark.parametrize(
    ("on", "who"),
    [
        (date(2025, 6, 30), "Chỉ huy trưởng Ban chỉ huy quân sự cấp huyện"),
        (date(2025, 7, 1), "Chỉ huy trưởng Bộ chỉ huy quân sự cấp tỉnh"),
    ],
)
def test_who_recognises_it_changed_on_1_july_2025(on, who):
    result = military_service_completion(standing_militia_months=24, on=on)

    assert result.explanation == (
        "Dân quân thường trực có 24 tháng phục vụ (từ 24 tháng trở lên) được công nhận hoàn "
        f"thành nghĩa vụ quân sự tại ngũ trong thời bình, do {who} quyết định theo đề nghị của "
        "Chủ tịch Ủy ban nhân dân cấp xã hoặc người đứng đầu cơ quan, tổ chức."
    )
