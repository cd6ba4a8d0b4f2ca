"""The militia rule areas as the evaluate_rules command sees them: raw JSON in, JSON out."""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from qsdp.core.rule_inputs import RuleContext, discover_evaluators, evaluate_case
from qsdp.militia.rules import EVALUATORS

CONTEXT = RuleContext(today=date(2026, 3, 1))

UNKNOWN_TYPE = (
    "Trường “militia_type” không hợp lệ: giá trị phải là một trong: local, mobile, standing, "
    "maritime, air_defence, artillery, reconnaissance, signals, engineers, chemical, medical."
)


def _run(area, data, context=CONTEXT):
    return evaluate_case({"id": "c", "rule_area": area, "input": data}, EVALUATORS, context)


def _result(area, data, context=CONTEXT):
    answer = _run(area, data, context)
    assert "error" not in answer, answer
    return {k: v for k, v in answer["result"].items() if k not in ("legal_basis", "explanation")}


def test_every_militia_area_of_the_rules_is_there():
    assert set(EVALUATORS) == {
        "militia_age",
        "militia_term",
        "militia_training",
        "militia_exemption",
        "military_service_completion",
    }


def test_no_area_is_claimed_by_two_apps():
    found = discover_evaluators()  # raises ImproperlyConfigured on a duplicate

    assert set(EVALUATORS) <= set(found)
    assert {"reserve_class", "call_up_age"} <= set(found)


@pytest.mark.parametrize(
    ("area", "data", "expected"),
    [
        (
            "militia_age",
            {"sex": "female", "birth_date": "1985-03-10", "reference_date": "2026-03-10"},
            {"obligated": False, "reason": "over_age_limit"},
        ),
        (
            "militia_age",
            {
                "sex": "female",
                "birth_date": "1985-03-10",
                "reference_date": "2026-03-10",
                "volunteer": True,
            },
            {
                "obligated": False,
                "may_serve_as_volunteer": True,
                "volunteer_age_limit": 45,
                "reason": "over_age_limit",
            },
        ),
        (
            "militia_age",
            {"sex": "male", "birth_date": "2008-03-02", "reference_date": "2026-03-01"},
            {"obligated": False, "reason": "under_18"},
        ),
        (
            "militia_term",
            {"militia_type": "standing"},
            {
                "term_years": 2,
                "max_extension_years": 2,
                "may_extend_beyond_max_up_to_age_limit": False,
            },
        ),
        (
            "militia_term",
            {"militia_type": "signals"},
            {
                "term_years": 4,
                "max_extension_years": 2,
                "may_extend_beyond_max_up_to_age_limit": False,
            },
        ),
        (
            "militia_training",
            {"militia_type": "local", "service_year": 1},
            {"training_days_per_year": 15},
        ),
        (
            "militia_training",
            {"militia_type": "local", "service_year": 2},
            {"training_days_per_year": 7},
        ),
        (
            "militia_training",
            {"militia_type": "medical", "service_year": 2},
            {"training_days_per_year": 12},
        ),
        (
            "militia_training",
            {"militia_type": "standing", "service_year": 1},
            {"training_days_per_year": 60},
        ),
        (
            "militia_exemption",
            {"status": "raising_child_under_36_months"},
            {"outcome": "deferral_of_militia_duty", "may_volunteer": False},
        ),
        (
            "militia_exemption",
            {"status": "owns_a_shop"},
            {"outcome": "none", "may_volunteer": False},
        ),
        (
            "military_service_completion",
            {"standing_militia_months": 23},
            {"recognised_as_completed_active_service": False},
        ),
        (
            "military_service_completion",
            {"standing_militia_months": 24},
            {"recognised_as_completed_active_service": True},
        ),
    ],
)
def test_each_area_answers_its_json(area, data, expected):
    assert _result(area, data) == expected


@pytest.mark.parametrize(
    ("area", "data", "field"),
    [
        ("militia_age", {"sex": "male"}, "birth_date"),
        ("militia_term", {}, "militia_type"),
        ("militia_training", {"militia_type": "local"}, "service_year"),
        ("militia_exemption", {}, "status"),
        ("military_service_completion", {}, "standing_militia_months"),
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


@pytest.mark.parametrize(
    ("area", "data", "message"),
    [
        ("militia_term", {"militia_type": "village"}, UNKNOWN_TYPE),
        ("militia_training", {"militia_type": "Local", "service_year": 1}, UNKNOWN_TYPE),
        (
            "militia_training",
            {"militia_type": "local", "service_year": 0},
            "Trường “service_year” không hợp lệ: giá trị phải từ 1 đến 40.",
        ),
        (
            "militia_age",
            {"sex": "male", "birth_date": "1990-01-01", "volunteer": "yes"},
            "Trường “volunteer” không hợp lệ: giá trị phải là true hoặc false.",
        ),
        (
            "militia_exemption",
            {"status": 3},
            "Trường “status” không hợp lệ: giá trị phải là một chuỗi ký tự không rỗng.",
        ),
        (
            "military_service_completion",
            {"standing_militia_months": -1},
            "Trường “standing_militia_months” không hợp lệ: giá trị phải từ 0 đến 1200.",
        ),
    ],
)
def test_a_malformed_field_says_which_and_why(area, data, message):
    assert _run(area, data) == {"id": "c", "error": {"code": "malformed_field", "message": message}}


@pytest.mark.django_db
def test_the_command_answers_militia_reserve_and_military_service_areas_in_order(tmp_path):
    cases = tmp_path / "cases.json"
    cases.write_text(
        json.dumps(
            [
                {
                    "id": "ms",
                    "rule_area": "deferral",
                    "input": {"reason_code": "standing_militia_member"},
                },
                {
                    "id": "term",
                    "rule_area": "militia_term",
                    "input": {"militia_type": "coastal"},
                },
                {
                    "id": "strength",
                    "rule_area": "reserve_unit_strength",
                    "input": {"establishment_strength": 100},
                },
                {
                    "id": "training",
                    "rule_area": "militia_training",
                    "input": {"militia_type": "maritime", "service_year": 2},
                },
                {
                    "id": "exempt",
                    "rule_area": "militia_exemption",
                    "input": {"status": "reservist_arranged_into_reserve_unit"},
                },
            ]
        ),
        encoding="utf-8",
    )
    out, err = StringIO(), StringIO()

    call_command("evaluate_rules", str(cases), stdout=out, stderr=err)

    answers = json.loads(out.getvalue())
    assert err.getvalue() == ""
    assert [a["id"] for a in answers] == ["ms", "term", "strength", "training", "exempt"]
    assert answers[0]["result"]["legal_point"] == "Điều 41 khoản 1 điểm h"
    assert answers[1] == {
        "id": "term",
        "error": {"code": "malformed_field", "message": UNKNOWN_TYPE},
    }
    assert answers[2]["result"]["min_total_with_spare"] == 110
    assert answers[2]["result"]["max_total_with_spare"] == 115
    assert answers[3]["result"] == {
        "training_days_per_year": 12,
        "legal_basis": "Luật DQTV 2019 Điều 28 khoản 1 điểm b",
        "explanation": "Năm thứ 2, Dân quân tự vệ biển huấn luyện 12 ngày.",
    }
    assert answers[4]["result"]["outcome"] == "exemption_from_militia"
    assert answers[4]["result"]["may_volunteer"] is False
