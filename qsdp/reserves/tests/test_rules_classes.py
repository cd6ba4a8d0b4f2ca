"""The class of a reserve NCO or soldier (Luật NVQS 2015 Điều 24) at its month thresholds."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qsdp.core.rule_inputs import RuleInputError
from qsdp.reserves.rules import ReserveSource, reserve_class


def test_a_soldier_discharged_after_two_years_is_class_1():
    result = reserve_class(source="discharged_nco_soldier", active_service_months=24)

    assert result.as_dict() == {
        "reserve_class": 1,
        "legal_basis": "Luật NVQS 2015 Điều 24 khoản 2 điểm a",
        "explanation": (
            "Hạ sĩ quan, binh sĩ xuất ngũ đã phục vụ tại ngũ 24 tháng (từ đủ 06 tháng trở lên) "
            "là hạ sĩ quan, binh sĩ dự bị hạng một."
        ),
    }


@pytest.mark.parametrize(
    ("months", "combat", "klass", "basis"),
    [
        (5, False, 2, "Luật NVQS 2015 Điều 24 khoản 3 điểm a"),
        (5.9, False, 2, "Luật NVQS 2015 Điều 24 khoản 3 điểm a"),
        (6, False, 1, "Luật NVQS 2015 Điều 24 khoản 2 điểm a"),
        (3, True, 1, "Luật NVQS 2015 Điều 24 khoản 2 điểm b"),
        (None, True, 1, "Luật NVQS 2015 Điều 24 khoản 2 điểm b"),
        (6, True, 1, "Luật NVQS 2015 Điều 24 khoản 2 điểm a"),
    ],
)
def test_a_discharged_soldier_is_class_1_from_6_months_or_after_combat(
    months, combat, klass, basis
):
    result = reserve_class(
        source="discharged_nco_soldier", active_service_months=months, combat_experience=combat
    )

    assert (result.reserve_class, result.legal_basis) == (klass, basis)


def test_a_discharged_soldier_under_6_months_is_told_why_class_2():
    result = reserve_class(source="discharged_nco_soldier", active_service_months=5)

    assert result.explanation == (
        "Binh sĩ xuất ngũ đã phục vụ tại ngũ 5 tháng (dưới 06 tháng) và chưa qua chiến đấu là "
        "binh sĩ dự bị hạng hai."
    )


@pytest.mark.parametrize(
    ("months", "klass", "basis"),
    [
        (11, 2, "Luật NVQS 2015 Điều 24 khoản 3 điểm c"),
        (12, 1, "Luật NVQS 2015 Điều 24 khoản 2 điểm c"),
        (20, 1, "Luật NVQS 2015 Điều 24 khoản 2 điểm c"),
    ],
)
def test_leaving_the_police_gives_class_1_from_12_months(months, klass, basis):
    result = reserve_class(source="left_people_police", police_service_months=months)

    assert (result.reserve_class, result.legal_basis) == (klass, basis)


@pytest.mark.parametrize(
    ("standing", "training", "klass"),
    [
        (11, 2, 2),
        (12, None, 1),
        (None, 3, 1),
        (0, 2.9, 2),
        (11.9, None, 2),
        (12, 0, 1),
    ],
)
def test_core_militia_need_12_standing_months_or_3_training_months(standing, training, klass):
    result = reserve_class(
        source="core_militia_completed_term",
        standing_militia_months=standing,
        concentrated_training_months=training,
    )

    assert result.reserve_class == klass
    assert result.legal_basis == "Luật NVQS 2015 Điều 24 khoản 2 điểm e"


def test_core_militia_under_both_thresholds_are_class_2_and_told_why():
    result = reserve_class(
        source="core_militia_completed_term",
        standing_militia_months=8,
        concentrated_training_months=2,
    )

    assert result.explanation == (
        "Dân quân tự vệ nòng cốt đã hoàn thành nghĩa vụ với 8 tháng làm nhiệm vụ thường trực "
        "(dưới 12 tháng) và 2 tháng huấn luyện tập trung (dưới 03 tháng) không đủ điều kiện "
        "hạng một nên là binh sĩ dự bị hạng hai."
    )


@pytest.mark.parametrize(("months", "klass"), [(5, 2), (6, 1)])
def test_a_class_2_reservist_moves_up_after_6_months_of_concentrated_training(months, klass):
    result = reserve_class(source="class_2_reservist_upgraded", concentrated_training_months=months)

    assert result.reserve_class == klass
    assert result.legal_basis == "Luật NVQS 2015 Điều 24 khoản 2 điểm g"


@pytest.mark.parametrize(("months", "klass"), [(None, 1), (36, 1), (35, 2)])
def test_commune_police_is_class_1_from_36_continuous_months(months, klass):
    result = reserve_class(source="commune_police_36_months", police_service_months=months)

    assert result.reserve_class == klass
    assert result.legal_basis == "Luật NVQS 2015 Điều 24 khoản 2 điểm h"


@pytest.mark.parametrize(
    ("source", "klass", "basis"),
    [
        ("former_professional_soldier", 1, "Luật NVQS 2015 Điều 24 khoản 2 điểm d"),
        (
            "defence_worker_converted_from_nco_soldier",
            1,
            "Luật NVQS 2015 Điều 24 khoản 2 điểm đ",
        ),
        ("defence_worker_or_employee_left", 2, "Luật NVQS 2015 Điều 24 khoản 3 điểm b"),
        ("male_over_call_up_age_never_served", 2, "Luật NVQS 2015 Điều 24 khoản 3 điểm d"),
        ("female_registered_for_military_service", 2, "Luật NVQS 2015 Điều 24 khoản 3 điểm đ"),
    ],
)
def test_the_sources_without_months_have_a_fixed_class(source, klass, basis):
    result = reserve_class(source=source)

    assert (result.reserve_class, result.legal_basis) == (klass, basis)


@pytest.mark.parametrize(
    ("source", "field"),
    [
        ("discharged_nco_soldier", "active_service_months"),
        ("left_people_police", "police_service_months"),
        ("core_militia_completed_term", "standing_militia_months"),
        ("class_2_reservist_upgraded", "concentrated_training_months"),
    ],
)
def test_a_source_that_counts_months_needs_them(source, field):
    with pytest.raises(RuleInputError) as error:
        reserve_class(source=source)

    assert error.value.field == field


@given(
    source=st.sampled_from(list(ReserveSource)),
    months=st.floats(min_value=0, max_value=600, allow_nan=False),
    combat=st.booleans(),
)
def test_every_source_gets_class_1_or_2_with_a_legal_point_of_article_24(source, months, combat):
    result = reserve_class(
        source=source,
        active_service_months=months,
        combat_experience=combat,
        police_service_months=months,
        standing_militia_months=months,
        concentrated_training_months=months,
    )

    assert result.reserve_class in (1, 2)
    assert result.legal_basis.startswith("Luật NVQS 2015 Điều 24 khoản ")
    assert result.explanation.endswith(".")


@given(months=st.floats(min_value=0, max_value=600, allow_nan=False))
def test_more_months_never_lower_the_class(months):
    for source, field in (
        ("discharged_nco_soldier", "active_service_months"),
        ("left_people_police", "police_service_months"),
        ("class_2_reservist_upgraded", "concentrated_training_months"),
    ):
        fewer = reserve_class(source=source, **{field: months})
        more = reserve_class(source=source, **{field: months + 1})

        assert more.reserve_class <= fewer.reserve_class
