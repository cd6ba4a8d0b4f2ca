"""Validation of the rule settings an administrator enters."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from qsdp.core.models import RuleSetting


def _errors(**fields):
    with pytest.raises(ValidationError) as raised:
        RuleSetting(valid_from=date(2026, 1, 1), **fields).clean()
    return raised.value.message_dict


def test_an_unknown_key_is_refused():
    errors = _errors(key="military_service.nothing", value=1)

    assert list(errors) == ["key"]


def test_a_value_of_the_wrong_type_is_refused():
    assert _errors(key="military_service.returnee_working_days", value="15") == {
        "value": ["Tham số này nhận giá trị dạng 15."]
    }


def test_a_value_of_the_right_type_is_accepted():
    RuleSetting(
        key="military_service.myopia_boundary_inclusive", valid_from=date(2026, 1, 1), value=True
    ).clean()
