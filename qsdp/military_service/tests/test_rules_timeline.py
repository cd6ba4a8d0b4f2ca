"""The yearly call-up calendar (Điều 33, Điều 40 khoản 4) and the term (Điều 21)."""

from datetime import date

import pytest

from qsdp.military_service.rules import call_up_year_on, recruitment_timeline, service_term


def test_the_2025_call_up_is_examined_in_november_and_december_2024():
    result = recruitment_timeline(call_up_year=2025)

    assert result.as_dict() == {
        "health_exam_window_start": "2024-11-01",
        "health_exam_window_end": "2024-12-31",
        "allowed_call_up_months": [2, 3],
        "legal_basis": "Luật NVQS 2015 Điều 33, Điều 40 khoản 4",
        "explanation": (
            "Đợt gọi nhập ngũ năm 2025 khám sức khỏe từ 01/11/2024 đến 31/12/2024 và gọi "
            "nhập ngũ vào tháng 2 hoặc tháng 3 năm 2025."
        ),
    }


@pytest.mark.parametrize("year", [2016, 2024, 2026, 2040])
def test_the_exam_window_is_always_in_the_year_before(year):
    result = recruitment_timeline(call_up_year=year)

    assert (result.health_exam_window_start, result.health_exam_window_end) == (
        date(year - 1, 11, 1),
        date(year - 1, 12, 31),
    )


def test_peacetime_service_is_24_months_extendable_by_6():
    result = service_term()

    assert result.as_dict() == {
        "term_months": 24,
        "max_extension_months": 6,
        "extension_grounds": ["combat_readiness", "disaster_epidemic_rescue"],
        "legal_basis": "Luật NVQS 2015 Điều 21",
        "explanation": (
            "Thời hạn phục vụ tại ngũ trong thời bình là 24 tháng; Bộ trưởng Bộ Quốc phòng "
            "được quyết định kéo dài không quá 6 tháng để bảo đảm nhiệm vụ sẵn sàng chiến đấu "
            "hoặc phòng, chống thiên tai, dịch bệnh, cứu hộ, cứu nạn."
        ),
    }


def test_an_unknown_service_type_is_refused():
    with pytest.raises(ValueError, match="wartime"):
        service_term(service_type="wartime")


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (date(2026, 1, 1), 2026),
        (date(2026, 3, 31), 2026),
        (date(2026, 10, 31), 2026),
        (date(2026, 11, 1), 2027),
        (date(2026, 12, 31), 2027),
    ],
)
def test_from_the_first_day_of_the_examinations_the_work_serves_next_years_call_up(day, year):
    assert call_up_year_on(day) == year
