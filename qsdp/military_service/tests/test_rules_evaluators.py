"""The rule areas as the evaluate_rules command sees them: raw JSON in, JSON out.

No database: the context carries the code's calendar and the code defaults of the
settings.
"""

from datetime import date

import pytest

from qsdp.core.calendar import WorkCalendar
from qsdp.core.holidays_vn import vietnam_year_days
from qsdp.core.rule_inputs import RuleContext, evaluate_case
from qsdp.core.settings_registry import MYOPIA_BOUNDARY_INCLUSIVE, default_setting
from qsdp.military_service.rules import EVALUATORS

CONTEXT = RuleContext(calendar=WorkCalendar(fallback=vietnam_year_days), today=date(2026, 3, 1))


def _run(area, data, context=CONTEXT):
    return evaluate_case({"id": "c", "rule_area": area, "input": data}, EVALUATORS, context)


def _result(area, data, context=CONTEXT):
    answer = _run(area, data, context)
    assert "error" not in answer, answer
    return {k: v for k, v in answer["result"].items() if k not in ("legal_basis", "explanation")}


def test_every_military_service_area_of_the_rules_is_there():
    assert set(EVALUATORS) == {
        "call_up_age",
        "first_registration",
        "deferral",
        "exemption",
        "health",
        "education",
        "recruitment_timeline",
        "service_term",
        "returnee_registration",
        "residence_change",
    }


def test_the_public_examples_come_out_exactly():
    assert _result(
        "call_up_age", {"sex": "male", "birth_date": "2006-09-30", "reference_date": "2025-02-20"}
    ) == {
        "within_call_up_age": True,
        "first_eligible_date": "2024-09-30",
        "last_eligible_date": "2032-09-29",
        "last_eligible_date_if_deferred_for_college_or_university": "2034-09-29",
        "compulsory_call_up": True,
    }
    assert _result(
        "returnee_registration",
        {"anchor_event": "returned_to_place_of_residence", "anchor_date": "2024-06-03"},
    ) == {"register_by": "2024-06-24"}
    assert _result(
        "deferral",
        {"reason_code": "posted_official_in_extremely_disadvantaged_area", "months_posted": 30},
    ) == {
        "outcome": "exemption",
        "legal_point": "Điều 41 khoản 2 điểm đ",
        "valid_deferral_ground": False,
        "valid_exemption_ground": True,
    }


def test_exemption_is_the_same_evaluator_as_deferral():
    data = {"reason_code": "sibling_on_active_duty"}

    assert _run("exemption", data) == _run("deferral", data)


@pytest.mark.parametrize(
    ("area", "data", "field"),
    [
        ("call_up_age", {"birth_date": "2006-09-30"}, "sex"),
        ("call_up_age", {"sex": "male"}, "birth_date"),
        ("first_registration", {"sex": "male"}, "birth_date"),
        ("deferral", {}, "reason_code"),
        ("deferral", {"reason_code": "child_of_sick_soldier"}, "parent_work_capacity_loss_percent"),
        ("education", {}, "completed_grade"),
        ("recruitment_timeline", {}, "call_up_year"),
        ("returnee_registration", {"anchor_event": "discharge_decision"}, "anchor_date"),
        ("residence_change", {"event_date": "2024-06-03"}, "event"),
        ("residence_change", {"event": "planned_absence"}, "planned_absence_months"),
        ("call_up_age", {"sex": None, "birth_date": "2006-09-30"}, "sex"),
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
        (
            "call_up_age",
            {"sex": "male", "birth_date": "30/09/2006"},
            "Trường “birth_date” không hợp lệ: ngày phải viết dạng YYYY-MM-DD, ví dụ 2006-09-30.",
        ),
        (
            "call_up_age",
            {"sex": "male", "birth_date": "2006-02-29"},
            "Trường “birth_date” không hợp lệ: 2006-02-29 không phải là một ngày có thật trong "
            "lịch.",
        ),
        (
            "call_up_age",
            {"sex": "man", "birth_date": "2006-09-30"},
            "Trường “sex” không hợp lệ: giá trị phải là một trong: male, female.",
        ),
        (
            "call_up_age",
            {"sex": "male", "birth_date": "2006-09-30", "reference_date": 20250220},
            "Trường “reference_date” không hợp lệ: ngày phải viết dạng YYYY-MM-DD, ví dụ "
            "2006-09-30.",
        ),
        (
            "call_up_age",
            {
                "sex": "male",
                "birth_date": "2006-09-30",
                "deferred_for_college_or_university_training": "yes",
            },
            "Trường “deferred_for_college_or_university_training” không hợp lệ: giá trị phải là "
            "true hoặc false.",
        ),
        (
            "education",
            {"completed_grade": 13},
            "Trường “completed_grade” không hợp lệ: giá trị phải từ 0 đến 12.",
        ),
        (
            "education",
            {"completed_grade": 8.5},
            "Trường “completed_grade” không hợp lệ: giá trị phải là số nguyên.",
        ),
        (
            "health",
            {"indicator_scores": [1, 7]},
            "Trường “indicator_scores” không hợp lệ: giá trị phải từ 1 đến 6.",
        ),
        (
            "health",
            {"indicator_scores": []},
            "Trường “indicator_scores” không hợp lệ: giá trị phải là một danh sách số nguyên "
            "không rỗng.",
        ),
        (
            "health",
            {"indicator_scores": [1, 3], "health_class": 2},
            "Trường “health_class” không hợp lệ: loại sức khỏe phải bằng điểm chỉ tiêu kém nhất "
            "(3).",
        ),
        (
            "health",
            {"health_class": 2, "bmi": "22"},
            "Trường “bmi” không hợp lệ: giá trị phải là một số.",
        ),
        (
            "first_registration",
            {"sex": "male", "birth_date": "2008-01-01", "diagnosis_icd10": "schizophrenia"},
            "Trường “diagnosis_icd10” không hợp lệ: mã ICD-10 gồm một chữ cái và hai chữ số, "
            "ví dụ F20 hoặc F20.1.",
        ),
        (
            "deferral",
            {"reason_code": "child_of_sick_soldier", "parent_work_capacity_loss_percent": 120},
            "Trường “parent_work_capacity_loss_percent” không hợp lệ: giá trị phải từ 0 đến 100.",
        ),
        (
            "recruitment_timeline",
            {"call_up_year": 2015},
            "Trường “call_up_year” không hợp lệ: giá trị phải từ 2016 đến 9998.",
        ),
        (
            "returnee_registration",
            {"anchor_date": "2024-06-03", "working_days": 0},
            "Trường “working_days” không hợp lệ: giá trị phải từ 1 đến 366.",
        ),
    ],
)
def test_a_malformed_field_says_which_and_why(area, data, message):
    assert _run(area, data) == {
        "id": "c",
        "error": {"code": "malformed_field", "message": message},
    }


def test_health_needs_scores_or_a_class():
    assert _run("health", {"bmi": 22}) == {
        "id": "c",
        "error": {
            "code": "missing_field",
            "message": (
                "Thiếu dữ liệu: cần trường “indicator_scores” (điểm các chỉ tiêu) hoặc trường "
                "“health_class” (loại sức khỏe)."
            ),
        },
    }


def test_the_myopia_boundary_comes_from_the_setting():
    inclusive = RuleContext(
        calendar=CONTEXT.calendar,
        today=CONTEXT.today,
        settings=lambda key, on: key == MYOPIA_BOUNDARY_INCLUSIVE or default_setting(key, on),
    )
    data = {"health_class": 1, "myopia_diopters": 1.5}

    assert _result("health", data)["may_be_called_up"] is True
    assert _result("health", data, inclusive) == {
        "health_class": 1,
        "meets_health_class_standard": True,
        "deferral_ground": None,
        "may_be_called_up": False,
        "reason": "myopia_over_1_5_diopters",
    }


def test_the_returnee_defaults_come_from_the_settings():
    fifteen = _result("returnee_registration", {"anchor_date": "2024-06-03"})
    ten = _result("returnee_registration", {"anchor_date": "2024-06-03", "working_days": 10})

    assert (fifteen, ten) == ({"register_by": "2024-06-24"}, {"register_by": "2024-06-17"})


@pytest.mark.parametrize(
    ("area", "data", "expected"),
    [
        (
            "first_registration",
            {"sex": "male", "birth_date": "2008-11-15", "reference_date": "2025-04-10"},
            {
                "registration_status": "must_register",
                "subject_to_registration": True,
                "first_registration_year": 2025,
                "list_report_month": 1,
                "registration_call_month": 4,
                "age_on_reference_date": 16,
                "in_first_registration_cohort": True,
            },
        ),
        (
            "first_registration",
            {"sex": "male", "birth_date": "2008-11-15", "diagnosis_icd10": "C50.9"},
            {
                "registration_status": "exempt_from_registration",
                "subject_to_registration": False,
                "first_registration_year": 2025,
                "list_report_month": 1,
                "registration_call_month": 4,
                "reason": "disease_on_exemption_list",
            },
        ),
        (
            "health",
            {"indicator_scores": [2, 2, 3], "bmi": 29.9, "drug_addicted": False},
            {
                "health_class": 3,
                "meets_health_class_standard": True,
                "deferral_ground": None,
                "may_be_called_up": True,
            },
        ),
        (
            "education",
            {"completed_grade": 7, "locality_exception_approved": True},
            {
                "meets_general_education_standard": False,
                "eligible_only_with_locality_exception": True,
                "eligible": True,
            },
        ),
        (
            "recruitment_timeline",
            {"call_up_year": 2025},
            {
                "health_exam_window_start": "2024-11-01",
                "health_exam_window_end": "2024-12-31",
                "allowed_call_up_months": [2, 3],
            },
        ),
        (
            "service_term",
            {"service_type": "active_duty_peacetime"},
            {
                "term_months": 24,
                "max_extension_months": 6,
                "extension_grounds": ["combat_readiness", "disaster_epidemic_rescue"],
            },
        ),
        (
            "residence_change",
            {"event": "returned_from_temporary_absence", "event_date": "2024-02-02"},
            {"re_register_by": "2024-02-23"},
        ),
        (
            "residence_change",
            {"event": "planned_absence", "planned_absence_months": 3},
            {"temporary_absence_registration_required": True},
        ),
        (
            "deferral",
            {"reason_code": "trung_cap_student"},
            {
                "outcome": "none",
                "legal_point": None,
                "valid_deferral_ground": False,
                "valid_exemption_ground": False,
            },
        ),
    ],
)
def test_each_area_answers_in_the_json_of_the_rules(area, data, expected):
    assert _result(area, data) == expected


def test_every_result_carries_a_legal_basis_and_an_explanation():
    answer = _run("education", {"completed_grade": 9})

    assert answer["result"]["legal_basis"] == "Thông tư 148/2018/TT-BQP Điều 4"
    assert answer["result"]["explanation"] == (
        "Học hết lớp 9: đạt tiêu chuẩn văn hóa từ lớp 8 trở lên."
    )
