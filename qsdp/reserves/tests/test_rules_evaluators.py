"""The reserve rule areas as the evaluate_rules command sees them: raw JSON in, JSON out."""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from qsdp.core.rule_inputs import RuleContext, discover_evaluators, evaluate_case
from qsdp.reserves.rules import EVALUATORS

CONTEXT = RuleContext(today=date(2026, 3, 1))


def _run(area, data, context=CONTEXT):
    return evaluate_case({"id": "c", "rule_area": area, "input": data}, EVALUATORS, context)


def _result(area, data, context=CONTEXT):
    answer = _run(area, data, context)
    assert "error" not in answer, answer
    return {k: v for k, v in answer["result"].items() if k not in ("legal_basis", "explanation")}


def test_every_reserve_area_of_the_rules_is_there():
    assert set(EVALUATORS) == {
        "reserve_class",
        "reserve_age",
        "reserve_officer_age",
        "reserve_training",
        "reserve_unit_strength",
    }


def test_the_command_finds_the_reserve_areas_beside_the_military_service_ones():
    found = discover_evaluators()

    assert set(EVALUATORS) <= set(found)
    assert "call_up_age" in found


@pytest.mark.parametrize(
    ("area", "data", "expected"),
    [
        (
            "reserve_class",
            {"source": "discharged_nco_soldier", "active_service_months": 24},
            {"reserve_class": 1},
        ),
        (
            "reserve_class",
            {
                "source": "core_militia_completed_term",
                "standing_militia_months": 6,
                "concentrated_training_months": 3,
            },
            {"reserve_class": 1},
        ),
        (
            "reserve_age",
            {
                "sex": "female",
                "birth_date": "1985-03-10",
                "reference_date": "2026-03-10",
                "rank_group": "nco_or_soldier",
            },
            {"within_reserve_service_age": False, "action": "remove_from_reserve"},
        ),
        (
            "reserve_age",
            {"sex": "female", "birth_date": "1985-03-10", "reference_date": "2026-03-09"},
            {"within_reserve_service_age": True},
        ),
        (
            "reserve_officer_age",
            {"rank": "lieutenant_colonel", "reference_date": "2024-11-30"},
            {"max_age": 56},
        ),
        (
            "reserve_officer_age",
            {"rank": "lieutenant_colonel", "reference_date": "2024-12-01"},
            {"max_age": 57},
        ),
        (
            "reserve_training",
            {
                "reserve_class": 1,
                "activity": "readiness_check_between_trainings",
                "cumulative_training_months_so_far": 4,
                "planned_days": 7,
            },
            {
                "allowed": True,
                "max_cumulative_months": 12,
                "max_readiness_check_days": 7,
                "max_hold_over_months": 2,
                "max_days": 7,
            },
        ),
        (
            "reserve_training",
            {
                "reserve_class": 1,
                "activity": "hold_over_training",
                "cumulative_training_months_so_far": 11,
                "proposed_additional_months": 2,
            },
            {
                "allowed": False,
                "max_cumulative_months": 12,
                "max_readiness_check_days": 7,
                "max_hold_over_months": 2,
            },
        ),
        (
            "reserve_unit_strength",
            {"establishment_strength": 33},
            {"min_total_with_spare": 37, "max_total_with_spare": 37},
        ),
    ],
)
def test_each_area_answers_its_json(area, data, expected):
    assert _result(area, data) == expected


def test_without_a_reference_date_the_officer_limit_is_todays():
    before = RuleContext(today=date(2024, 11, 30))

    assert _result("reserve_officer_age", {"rank": "major"}, before) == {"max_age": 53}
    assert _result("reserve_officer_age", {"rank": "major"}) == {"max_age": 55}


def test_cumulative_months_default_to_none_done():
    data = {"reserve_class": 1, "activity": "training", "proposed_additional_months": 12}

    assert _result("reserve_training", data)["allowed"] is True


@pytest.mark.parametrize(
    ("area", "data", "field"),
    [
        ("reserve_class", {}, "source"),
        ("reserve_class", {"source": "left_people_police"}, "police_service_months"),
        ("reserve_age", {"birth_date": "1985-03-10"}, "sex"),
        ("reserve_officer_age", {}, "rank"),
        ("reserve_training", {"activity": "training"}, "reserve_class"),
        (
            "reserve_training",
            {"reserve_class": 1, "activity": "readiness_check_between_trainings"},
            "planned_days",
        ),
        ("reserve_unit_strength", {}, "establishment_strength"),
    ],
)
def test_a_missing_field_is_named_in_vietnamese(area, data, field):
    assert _run(area, data) == {
        "id": "c",
        "error": {
            "code": "missing_field",
            "message": f"Thiếu trường “{field}”: quy định này cần trường đó.",
        },
    }


def test_core_militia_need_one_of_their_two_counts():
    assert _run("reserve_class", {"source": "core_militia_completed_term"}) == {
        "id": "c",
        "error": {
            "code": "missing_field",
            "message": (
                "Thiếu dữ liệu: cần trường “standing_militia_months” (số tháng dân quân tự vệ "
                "thường trực) hoặc trường “concentrated_training_months” (số tháng huấn luyện "
                "tập trung)."
            ),
        },
    }


@pytest.mark.parametrize(
    ("area", "data", "message"),
    [
        (
            "reserve_class",
            {"source": "volunteer"},
            "Trường “source” không hợp lệ: giá trị phải là một trong: discharged_nco_soldier, "
            "left_people_police, former_professional_soldier, "
            "defence_worker_converted_from_nco_soldier, core_militia_completed_term, "
            "class_2_reservist_upgraded, commune_police_36_months, "
            "male_over_call_up_age_never_served, female_registered_for_military_service, "
            "defence_worker_or_employee_left.",
        ),
        (
            "reserve_class",
            {"source": "discharged_nco_soldier", "active_service_months": -1},
            "Trường “active_service_months” không hợp lệ: giá trị phải từ 0 đến 1200.",
        ),
        (
            "reserve_age",
            {"sex": "male", "birth_date": "1985-03-10", "rank_group": "officer"},
            "Trường “rank_group” không hợp lệ: giá trị phải là một trong: nco_or_soldier.",
        ),
        (
            "reserve_officer_age",
            {"rank": "captain"},
            "Trường “rank” không hợp lệ: giá trị phải là một trong: company_grade, major, "
            "lieutenant_colonel, senior_lieutenant_colonel, colonel, general.",
        ),
        (
            "reserve_training",
            {"reserve_class": 3, "activity": "training", "proposed_additional_months": 1},
            "Trường “reserve_class” không hợp lệ: giá trị phải từ 1 đến 2.",
        ),
        (
            "reserve_training",
            {"reserve_class": 1, "activity": "drill", "proposed_additional_months": 1},
            "Trường “activity” không hợp lệ: giá trị phải là một trong: training, "
            "readiness_check_between_trainings, hold_over_training.",
        ),
        (
            "reserve_unit_strength",
            {"establishment_strength": 0},
            "Trường “establishment_strength” không hợp lệ: giá trị phải từ 1 đến 100000.",
        ),
        (
            "reserve_unit_strength",
            {"establishment_strength": 10.5},
            "Trường “establishment_strength” không hợp lệ: giá trị phải là số nguyên.",
        ),
    ],
)
def test_a_malformed_field_says_which_and_why(area, data, message):
    assert _run(area, data) == {"id": "c", "error": {"code": "malformed_field", "message": message}}


@pytest.mark.django_db
def test_the_command_answers_reserve_areas_among_military_service_ones(tmp_path):
    cases = tmp_path / "cases.json"
    cases.write_text(
        json.dumps(
            [
                {
                    "id": "ms",
                    "rule_area": "call_up_age",
                    "input": {
                        "sex": "male",
                        "birth_date": "2006-09-30",
                        "reference_date": "2025-02-20",
                    },
                },
                {
                    "id": "class",
                    "rule_area": "reserve_class",
                    "input": {"source": "discharged_nco_soldier", "active_service_months": 24},
                },
                {
                    "id": "officer",
                    "rule_area": "reserve_officer_age",
                    "input": {"rank": "colonel", "reference_date": "2024-12-01"},
                },
                {"id": "bad", "rule_area": "reserve_unit_strength", "input": {}},
            ]
        ),
        encoding="utf-8",
    )
    out = StringIO()

    call_command("evaluate_rules", str(cases), stdout=out, stderr=StringIO())

    answers = json.loads(out.getvalue())
    assert [a["id"] for a in answers] == ["ms", "class", "officer", "bad"]
    assert answers[0]["result"]["within_call_up_age"] is True
    assert answers[1]["result"] == {
        "reserve_class": 1,
        "legal_basis": "Luật NVQS 2015 Điều 24 khoản 2 điểm a",
        "explanation": (
            "Hạ sĩ quan, binh sĩ xuất ngũ đã phục vụ tại ngũ 24 tháng (từ đủ 06 tháng trở lên) "
            "là hạ sĩ quan, binh sĩ dự bị hạng một."
        ),
    }
    assert answers[2]["result"]["max_age"] == 61
    assert answers[3] == {
        "id": "bad",
        "error": {
            "code": "missing_field",
            "message": "Thiếu trường “establishment_strength”: quy định này cần trường đó.",
        },
    }
