"""Reserve training caps (Luật NVQS 2015 Điều 27) and reserve-unit strength with its
spare (Luật Lực lượng DBĐV 2019 Điều 15)."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qsdp.core.rule_inputs import RuleInputError
from qsdp.reserves.rules import reserve_training, reserve_unit_strength, spare_range

ON = date(2026, 3, 1)


def _training(**kwargs):
    return reserve_training(on=ON, **kwargs)


def test_class_1_training_within_the_12_months_is_allowed():
    result = _training(
        reserve_class=1,
        activity="training",
        cumulative_training_months_so_far=10,
        proposed_additional_months=2,
    )

    assert result.as_dict() == {
        "allowed": True,
        "max_cumulative_months": 12,
        "max_readiness_check_days": 7,
        "max_hold_over_months": 2,
        "legal_basis": "Luật NVQS 2015 Điều 27 khoản 1 điểm a, Điều 27 khoản 1 điểm c",
        "explanation": (
            "Được phép: quân nhân dự bị hạng 1 đã huấn luyện 10 tháng, tổng thời gian huấn "
            "luyện là 12 tháng, trong mức tối đa 12 tháng."
        ),
    }


@pytest.mark.parametrize(
    ("so_far", "proposed", "allowed"),
    [
        (11, 1, True),  # exactly 12
        (11, 1.5, False),
        (12, 0.1, False),
        (11.9, 0.1, True),  # decimals add up exactly
        (0, 12, True),
        (0, 12.5, False),
    ],
)
def test_class_1_training_stops_at_12_months_in_total(so_far, proposed, allowed):
    result = _training(
        reserve_class=1,
        activity="training",
        cumulative_training_months_so_far=so_far,
        proposed_additional_months=proposed,
    )

    assert result.allowed is allowed


def test_a_refusal_says_how_far_over_the_cap():
    result = _training(
        reserve_class=1,
        activity="training",
        cumulative_training_months_so_far=11,
        proposed_additional_months=1.5,
    )

    assert result.explanation == (
        "Không được phép: quân nhân dự bị hạng 1 đã huấn luyện 11 tháng, nếu tiếp tục thì tổng "
        "thời gian huấn luyện là 12.5 tháng, vượt mức tối đa 12 tháng."
    )


@pytest.mark.parametrize(("days", "allowed"), [(7, True), (8, False), (1, True)])
def test_a_readiness_check_between_trainings_lasts_at_most_7_days(days, allowed):
    result = _training(
        reserve_class=1,
        activity="readiness_check_between_trainings",
        cumulative_training_months_so_far=3,
        planned_days=days,
    )

    assert result.allowed is allowed
    assert result.as_dict()["max_days"] == 7


def test_a_too_long_readiness_check_is_refused_with_the_cap():
    result = _training(
        reserve_class=1,
        activity="readiness_check_between_trainings",
        cumulative_training_months_so_far=3,
        planned_days=8,
    )

    assert result.explanation == (
        "Không được gọi quân nhân dự bị hạng 1 kiểm tra sẵn sàng động viên, sẵn sàng chiến đấu "
        "giữa các lần huấn luyện 8 ngày: thời gian kiểm tra không quá 7 ngày."
    )


@pytest.mark.parametrize(
    ("so_far", "days", "allowed"),
    [
        (11.9, 3, True),  # 3 days = 0.1 month: exactly 12
        (11.9, 4, False),
        (12, 1, False),
    ],
)
def test_readiness_checks_count_in_the_12_months_at_30_days_a_month(so_far, days, allowed):
    result = _training(
        reserve_class=1,
        activity="readiness_check_between_trainings",
        cumulative_training_months_so_far=so_far,
        planned_days=days,
    )

    assert result.allowed is allowed


@pytest.mark.parametrize(
    ("so_far", "months", "allowed"),
    [
        (5, 2, True),
        (5, 2.5, False),  # over the 2-month hold-over cap
        (10, 2, True),  # 12 in total
        (10.5, 2, False),  # within 2 months, but over 12 in total
    ],
)
def test_a_hold_over_is_at_most_2_months_within_the_12(so_far, months, allowed):
    result = _training(
        reserve_class=1,
        activity="hold_over_training",
        cumulative_training_months_so_far=so_far,
        proposed_additional_months=months,
    )

    assert result.allowed is allowed
    assert "max_days" not in result.as_dict()


def test_a_hold_over_refusal_names_the_2_months():
    result = _training(
        reserve_class=1,
        activity="hold_over_training",
        cumulative_training_months_so_far=5,
        proposed_additional_months=3,
    )

    assert result.explanation == (
        "Không được giữ quân nhân dự bị hạng 1 ở lại huấn luyện thêm 3 tháng: thời gian giữ "
        "lại huấn luyện thêm không quá 2 tháng."
    )


@pytest.mark.parametrize(
    ("so_far", "proposed", "allowed"), [(4, 2, True), (4, 2.5, False), (6, 0.5, False)]
)
def test_class_2_training_is_6_months_by_the_government_decree(so_far, proposed, allowed):
    result = _training(
        reserve_class=2,
        activity="training",
        cumulative_training_months_so_far=so_far,
        proposed_additional_months=proposed,
    )

    assert result.allowed is allowed
    assert result.max_cumulative_months == 6
    assert result.legal_basis == ("Luật NVQS 2015 Điều 27 khoản 2; Nghị định 14/2016/NĐ-CP Điều 15")


def test_class_2_readiness_checks_use_the_class_1_caps():
    result = _training(
        reserve_class=2,
        activity="readiness_check_between_trainings",
        cumulative_training_months_so_far=1,
        planned_days=8,
    )

    assert (result.allowed, result.max_days, result.max_hold_over_months) == (False, 7, 2)


def test_days_may_be_given_for_training_and_months_for_a_check():
    by_days = _training(
        reserve_class=1, activity="training", cumulative_training_months_so_far=11, planned_days=30
    )
    by_months = _training(
        reserve_class=1,
        activity="readiness_check_between_trainings",
        cumulative_training_months_so_far=0,
        proposed_additional_months=0.2,  # 6 days
    )

    assert by_days.allowed is True
    assert by_months.allowed is True


@pytest.mark.parametrize(
    ("activity", "field"),
    [
        ("training", "proposed_additional_months"),
        ("hold_over_training", "proposed_additional_months"),
        ("readiness_check_between_trainings", "planned_days"),
    ],
)
def test_the_proposal_is_required(activity, field):
    with pytest.raises(RuleInputError) as error:
        _training(reserve_class=1, activity=activity)

    assert error.value.field == field


@given(
    klass=st.sampled_from([1, 2]),
    so_far=st.decimals(min_value=0, max_value=15, places=1),
    proposed=st.decimals(min_value=0, max_value=15, places=1),
)
def test_a_smaller_proposal_is_allowed_whenever_a_larger_one_is(klass, so_far, proposed):
    larger = _training(
        reserve_class=klass,
        activity="training",
        cumulative_training_months_so_far=float(so_far),
        proposed_additional_months=float(proposed),
    )
    smaller = _training(
        reserve_class=klass,
        activity="training",
        cumulative_training_months_so_far=float(so_far),
        proposed_additional_months=float(proposed) / 2,
    )

    assert larger.allowed is (so_far + proposed <= larger.max_cumulative_months)
    assert smaller.allowed or not larger.allowed


# Reserve-unit strength: 10 % rounded up, 15 % rounded down.


@pytest.mark.parametrize(
    ("strength", "lowest", "highest"),
    [
        (7, 8, 8),  # 0.7 → 1 and 1.05 → 1
        (10, 11, 11),  # 1 and 1.5 → 1
        (33, 37, 37),  # 3.3 → 4 and 4.95 → 4
        (100, 110, 115),
        (20, 22, 23),
        (1, 2, 2),  # 0.1 → 1 and 0.15 → 0: at least 10 % wins
        (11, 13, 13),  # 1.1 → 2 and 1.65 → 1: at least 10 % wins
        (14, 16, 16),  # 1.4 → 2 and 2.1 → 2
    ],
)
def test_the_spare_is_10_percent_rounded_up_to_15_percent_rounded_down(strength, lowest, highest):
    result = reserve_unit_strength(establishment_strength=strength, on=ON)

    assert (result.min_total_with_spare, result.max_total_with_spare) == (lowest, highest)
    assert result.legal_basis == "Luật Lực lượng DBĐV 2019 Điều 15 khoản 2"


def test_the_rounding_is_explained():
    assert reserve_unit_strength(establishment_strength=100, on=ON).explanation == (
        "Đơn vị có quân số biên chế 100 duy trì tổng số từ 110 đến 115: số dự phòng từ 10% làm "
        "tròn lên (10) đến 15% làm tròn xuống (15)."
    )
    assert reserve_unit_strength(establishment_strength=33, on=ON).explanation == (
        "Đơn vị có quân số biên chế 33 duy trì tổng số 37: số dự phòng 10% làm tròn lên và 15% "
        "làm tròn xuống đều là 4."
    )
    assert reserve_unit_strength(establishment_strength=11, on=ON).explanation == (
        "Đơn vị có quân số biên chế 11 duy trì tổng số 13: không có số nguyên nào nằm giữa 10% "
        "và 15% của 11 nên số dự phòng là 10% làm tròn lên, tức 2."
    )


@given(strength=st.integers(min_value=1, max_value=100_000))
def test_the_spare_is_never_under_10_percent_and_over_15_percent_only_when_it_must(strength):
    fewest, most = spare_range(strength, on=ON)

    assert fewest * 100 >= strength * 10 > (fewest - 1) * 100  # the least whole number ≥ 10 %
    assert fewest <= most
    if any(strength * 10 <= n * 100 <= strength * 15 for n in (fewest, most)):
        assert most * 100 <= strength * 15
        assert (most + 1) * 100 > strength * 15
