"""The shared readers of rule inputs, and one case evaluated end to end."""

from datetime import date

import pytest

from qsdp.core.rule_inputs import (
    RuleContext,
    RuleInputError,
    bool_field,
    date_field,
    discover_evaluators,
    enum_field,
    evaluate_case,
    int_field,
    int_list_field,
    number_field,
    string_field,
)


def _error(reader, *args, **kwargs):
    with pytest.raises(RuleInputError) as raised:
        reader(*args, **kwargs)
    return raised.value.code, raised.value.message


def test_a_date_is_iso():
    assert date_field({"d": "2024-02-29"}, "d") == date(2024, 2, 29)
    assert date_field({}, "d", None) is None
    assert _error(date_field, {"d": "20240229"}, "d") == (
        "malformed_field",
        "Trường “d” không hợp lệ: ngày phải viết dạng YYYY-MM-DD, ví dụ 2006-09-30.",
    )
    assert _error(date_field, {}, "d") == (
        "missing_field",
        "Thiếu trường “d”: quy định này cần trường đó.",
    )


def test_an_enum_is_spelled_exactly():
    assert enum_field({"s": "male"}, "s", ("male", "female")) == "male"
    assert enum_field({}, "s", ("male", "female"), "male") == "male"
    assert _error(enum_field, {"s": "Male"}, "s", ("male", "female"))[0] == "malformed_field"


def test_a_bool_is_json_true_or_false():
    assert bool_field({"b": False}, "b") is False
    assert bool_field({"b": None}, "b", True) is True
    assert _error(bool_field, {"b": 1}, "b")[0] == "malformed_field"


def test_a_whole_number_within_its_range():
    assert int_field({"n": 30}, "n", minimum=0) == 30
    assert int_field({"n": 30.0}, "n") == 30
    assert _error(int_field, {"n": True}, "n")[0] == "malformed_field"
    assert _error(int_field, {"n": -1}, "n", minimum=0)[1] == (
        "Trường “n” không hợp lệ: giá trị phải từ 0 đến +∞."
    )


def test_a_number_may_be_decimal_but_finite():
    assert number_field({"x": 1.5}, "x") == 1.5
    assert _error(number_field, {"x": float("nan")}, "x")[0] == "malformed_field"
    assert _error(number_field, {"x": "1.5"}, "x")[0] == "malformed_field"


def test_a_list_of_whole_numbers():
    assert int_list_field({"l": [1, 6]}, "l", minimum=1, maximum=6) == [1, 6]
    assert _error(int_list_field, {"l": "1,6"}, "l", minimum=1, maximum=6)[0] == "malformed_field"


def test_a_text_is_stripped_and_not_empty():
    assert string_field({"t": " F20 "}, "t") == "F20"
    assert _error(string_field, {"t": "  "}, "t")[0] == "malformed_field"


def _echo(data, context):
    return {"got": dict(data), "today": context.today.isoformat()}


EVALUATORS = {"echo": _echo}
CONTEXT = RuleContext(today=date(2026, 3, 1))


def test_a_case_is_answered_with_its_id():
    answer = evaluate_case({"id": "a", "rule_area": "echo", "input": {"x": 1}}, EVALUATORS, CONTEXT)

    assert answer == {"id": "a", "result": {"got": {"x": 1}, "today": "2026-03-01"}}


@pytest.mark.parametrize(
    ("case", "error"),
    [
        (
            {"id": "a", "rule_area": "nope", "input": {}},
            {"code": "unknown_rule_area", "message": "Không có lĩnh vực quy định “nope”."},
        ),
        (
            {"id": "a", "input": {}},
            {"code": "missing_field",
             "message": "Thiếu trường “rule_area”: quy định này cần trường đó."},
        ),
        (
            {"id": "a", "rule_area": "echo", "input": [1]},
            {"code": "malformed_field",
             "message": "Trường “input” không hợp lệ: dữ liệu đầu vào của một trường hợp phải là "
             "một đối tượng."},
        ),
    ],
)  # fmt: skip
def test_a_case_that_cannot_be_answered_gets_an_error(case, error):
    assert evaluate_case(case, EVALUATORS, CONTEXT) == {"id": "a", "error": error}


def test_a_case_that_is_not_an_object_gets_an_error_without_id():
    assert evaluate_case(["x"], EVALUATORS, CONTEXT) == {
        "id": None,
        "error": {
            "code": "malformed_case",
            "message": (
                "Mỗi trường hợp là một đối tượng có các trường “id”, “rule_area” và “input”."
            ),
        },
    }


def test_evaluators_are_discovered_from_the_installed_apps():
    evaluators = discover_evaluators()

    assert {"call_up_age", "deferral", "exemption", "returnee_registration"} <= set(evaluators)
    assert evaluators["call_up_age"].__module__ == "qsdp.military_service.rules.evaluators"


def _overflow(data, context):
    return {"day": (date.max + (date.max - date.min)).isoformat()}


def test_a_case_whose_arithmetic_overflows_gets_an_error():
    answer = evaluate_case({"id": "a", "rule_area": "x", "input": {}}, {"x": _overflow}, CONTEXT)

    assert answer == {
        "id": "a",
        "error": {
            "code": "out_of_range",
            "message": (
                "Ngày tháng hoặc số liệu của trường hợp này vượt quá phạm vi tính toán được."
            ),
        },
    }
