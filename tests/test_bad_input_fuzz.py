"""Hypothesis-generated input to every rule evaluator and to the parsers: the only
failures allowed are our own refusals (DomainError / a form error), never a crash."""

import ast
import inspect
import re
from datetime import date

import pytest
from django import forms
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qsdp.core.errors import DomainError
from qsdp.core.rule_inputs import (
    RuleContext,
    date_field,
    discover_evaluators,
    evaluate_case,
)
from qsdp.core.text import fold, nfc
from qsdp.people import rules as person_rules
from qsdp.people.forms import PersonForm

EVALUATORS = discover_evaluators()
CONTEXT = RuleContext(today=date(2026, 6, 1))
FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _field_names(evaluator) -> list[str]:
    """The string constants of the evaluator's module: its input field names,
    enumeration values and the like, so that the fuzzer reaches past "missing"."""
    source = inspect.getsource(inspect.getmodule(evaluator))
    names = {
        node.value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and re.fullmatch(r"[a-z][a-z0-9_]{1,40}", node.value)
    }
    return sorted(names)


def _dates():
    return st.one_of(
        st.dates().map(date.isoformat),
        st.sampled_from(["0000-00-00", "2024-02-30", "9999-12-31", "0001-01-01", "2024-13-01"]),
        st.from_regex(r"\A\d{4}-\d{2}-\d{2}\Z"),
    )


def _json(words):
    leaves = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(10**20), max_value=10**20),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=20),
        st.sampled_from(words or ["x"]),
        _dates(),
    )
    return st.recursive(leaves, lambda inner: st.lists(inner, max_size=4), max_leaves=8)


def _inputs(words):
    return st.dictionaries(st.sampled_from(words or ["x"]), _json(words), max_size=12)


def test_every_rule_area_is_fuzzed():
    assert len(EVALUATORS) >= 20


@pytest.mark.parametrize("area", sorted(EVALUATORS))
def test_rule_evaluators_only_refuse_with_domain_errors(area):
    words = _field_names(EVALUATORS[area])

    @FUZZ
    @given(_inputs(words))
    def check(data):
        try:
            result = EVALUATORS[area](data, CONTEXT)
        except DomainError as error:
            assert error.message
        except (ValueError, OverflowError):
            # Dates past year 9999: the contract (evaluate_case) answers them
            # with "out_of_range", checked below.
            answer = evaluate_case({"id": 1, "rule_area": area, "input": data}, EVALUATORS, CONTEXT)
            assert answer["error"]["code"] == "out_of_range"
        else:
            assert isinstance(result, dict)

    check()


@FUZZ
@given(st.one_of(st.text(max_size=30), _json(["call_up_age", "deferral"])))
def test_evaluate_case_answers_any_case(case):
    answer = evaluate_case(case, EVALUATORS, CONTEXT)

    assert set(answer) in ({"id", "result"}, {"id", "error"})


@FUZZ
@given(st.text())
def test_fold_and_nfc_take_any_text(text):
    folded = fold(text)

    assert fold(folded) == folded
    assert nfc(nfc(text)) == nfc(text)


@FUZZ
@given(
    st.one_of(st.text(max_size=16), st.from_regex(r"\A\d{12}\Z")),
    st.dates(),
    st.sampled_from(["male", "female", "", "x"]),
)
def test_cccd_check_takes_any_input(national_id, birth_date, sex):
    problems = person_rules.national_id_problems(national_id, birth_date=birth_date, sex=sex)

    assert all(p.field == "national_id" and p.message for p in problems)


@FUZZ
@given(st.text(max_size=40), st.text(max_size=40), st.text(max_size=40), st.text(max_size=20))
def test_name_and_phone_checks_take_any_text(family, middle, given_name, phone):
    person_rules.name_problems(family_name=family, middle_name=middle, given_name=given_name)
    person_rules.phone_problems(phone)


@FUZZ
@given(st.dates(), st.dates())
def test_birth_date_check_takes_any_date(birth_date, today):
    person_rules.birth_date_problems(birth_date, today=today)


@FUZZ
@given(_json([]))
def test_rule_date_field_parses_or_refuses(value):
    try:
        parsed = date_field({"on": value}, "on")
    except DomainError as error:
        assert error.field == "on"
        assert "“on”" in error.message
    else:
        assert isinstance(parsed, date)


@FUZZ
@given(st.one_of(st.text(max_size=24), st.from_regex(r"\A\d{1,4}/\d{1,4}/\d{1,6}\Z")))
def test_form_dates_parse_or_refuse(text):
    field = PersonForm().fields["birth_date"]
    try:
        parsed = field.clean(text)
    except forms.ValidationError as error:
        assert error.messages
    else:
        assert parsed is None or isinstance(parsed, date)
