"""The evaluate_rules command: the public contract of RULES.md."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

EXAMPLES = [
    {
        "id": "ex-1",
        "rule_area": "call_up_age",
        "input": {"sex": "male", "birth_date": "2006-09-30", "reference_date": "2025-02-20"},
    },
    {
        "id": "ex-2",
        "rule_area": "returnee_registration",
        "input": {"anchor_event": "returned_to_place_of_residence", "anchor_date": "2024-06-03"},
    },
    {
        "id": "ex-3",
        "rule_area": "deferral",
        "input": {
            "reason_code": "posted_official_in_extremely_disadvantaged_area",
            "months_posted": 30,
        },
    },
]

ANSWERS = [
    {
        "id": "ex-1",
        "result": {
            "within_call_up_age": True,
            "first_eligible_date": "2024-09-30",
            "last_eligible_date": "2032-09-29",
            "last_eligible_date_if_deferred_for_college_or_university": "2034-09-29",
            "compulsory_call_up": True,
        },
    },
    {"id": "ex-2", "result": {"register_by": "2024-06-24"}},
    {
        "id": "ex-3",
        "result": {
            "outcome": "exemption",
            "legal_point": "Điều 41 khoản 2 điểm đ",
            "valid_deferral_ground": False,
            "valid_exemption_ground": True,
        },
    },
]


def _without_text(answers):
    return [
        {
            "id": a["id"],
            "result": {
                k: v for k, v in a["result"].items() if k not in ("legal_basis", "explanation")
            },
        }
        for a in answers
    ]


def _run(*args, **kwargs):
    out, err = StringIO(), StringIO()
    call_command("evaluate_rules", *args, stdout=out, stderr=err, **kwargs)
    return out.getvalue(), err.getvalue()


def test_the_public_examples_from_a_file(tmp_path):
    cases = tmp_path / "cases.json"
    cases.write_text(json.dumps(EXAMPLES), encoding="utf-8")

    out, err = _run(str(cases))

    answers = json.loads(out)
    assert _without_text(answers) == ANSWERS
    assert answers[0]["result"]["legal_basis"] == "Luật NVQS 2015 Điều 30"
    assert answers[0]["result"]["explanation"] == (
        "Công dân nam sinh ngày 30/09/2006 trong độ tuổi gọi nhập ngũ từ 30/09/2024 "
        "đến hết 29/09/2032."
    )
    assert err == ""


def test_the_public_examples_from_stdin():
    out, _ = _run("-", stdin=StringIO(json.dumps(EXAMPLES)))

    assert _without_text(json.loads(out)) == ANSWERS


def test_the_output_is_utf8_not_escaped():
    out, _ = _run("-", stdin=StringIO(json.dumps(EXAMPLES[2:])))

    assert "Điều 41 khoản 2 điểm đ" in out


def test_errors_come_in_order_among_the_results():
    cases = [
        {"id": "a", "rule_area": "nuclear_service", "input": {}},
        EXAMPLES[1],
        {"id": "b", "rule_area": "call_up_age", "input": {"birth_date": "2006-09-30"}},
        {
            "id": "c",
            "rule_area": "call_up_age",
            "input": {"sex": "male", "birth_date": "2006-13-01"},
        },
    ]

    out, _ = _run("-", stdin=StringIO(json.dumps(cases)))

    assert json.loads(out) == [
        {
            "id": "a",
            "error": {
                "code": "unknown_rule_area",
                "message": "Không có lĩnh vực quy định “nuclear_service”.",
            },
        },
        {
            "id": "ex-2",
            "result": {
                "register_by": "2024-06-24",
                "legal_basis": "Luật NVQS 2015 Điều 18; Nghị định 13/2016/NĐ-CP",
                "explanation": (
                    "Quân nhân xuất ngũ đăng ký vào ngạch dự bị trong 15 ngày làm việc kể từ "
                    "ngày về nơi cư trú 03/06/2024, tức là chậm nhất ngày 24/06/2024."
                ),
            },
        },
        {
            "id": "b",
            "error": {
                "code": "missing_field",
                "message": "Thiếu trường “sex”: quy định này cần trường đó.",
            },
        },
        {
            "id": "c",
            "error": {
                "code": "malformed_field",
                "message": (
                    "Trường “birth_date” không hợp lệ: 2006-13-01 không phải là một ngày có thật "
                    "trong lịch."
                ),
            },
        },
    ]


def test_an_empty_array_gives_an_empty_array():
    out, _ = _run("-", stdin=StringIO("[]"))

    assert json.loads(out) == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"id": "ex-1"}', "Tệp phải chứa một mảng JSON các trường hợp cần xét.\n"),
        ("[{", "Tệp không phải JSON hợp lệ (dòng 1, cột 3).\n"),
        ("", "Tệp không phải JSON hợp lệ (dòng 1, cột 1).\n"),
    ],
)
def test_a_file_that_is_not_a_json_array_exits_2(tmp_path, text, message):
    cases = tmp_path / "cases.json"
    cases.write_text(text, encoding="utf-8")
    out, err = StringIO(), StringIO()

    with pytest.raises(SystemExit) as exited:
        call_command("evaluate_rules", str(cases), stdout=out, stderr=err)

    assert exited.value.code == 2
    assert err.getvalue() == message
    assert out.getvalue() == ""


def test_a_missing_file_exits_1(tmp_path):
    err = StringIO()

    with pytest.raises(SystemExit) as exited:
        call_command("evaluate_rules", str(tmp_path / "none.json"), stderr=err)

    assert exited.value.code == 1
    assert err.getvalue().startswith("Không đọc được tệp ")


def test_the_calendar_table_is_used_when_it_has_the_year(tmp_path):
    from datetime import date

    from qsdp.core.models import CalendarDay, CalendarDayKind

    CalendarDay.objects.create(
        day=date(2024, 6, 24), kind=CalendarDayKind.HOLIDAY, name="Ngày nghỉ thử"
    )

    out, _ = _run("-", stdin=StringIO(json.dumps(EXAMPLES[1:2])))

    assert json.loads(out)[0]["result"]["register_by"] == "2024-06-25"
