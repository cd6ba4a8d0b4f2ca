"""The militia rule areas of RULES.md, as evaluators for ``evaluate_rules``.

Each evaluator reads the raw JSON input of a case with the shared helpers of
``qsdp.core.rule_inputs`` (a missing or malformed field raises ``RuleInputError``,
whose Vietnamese message names the field), calls the pure rule and returns its
JSON-ready result. A reference date that is not given is the day the command runs.
"""

from collections.abc import Mapping
from typing import Any

from qsdp.core.rule_inputs import (
    Evaluator,
    RuleContext,
    bool_field,
    date_field,
    enum_field,
    int_field,
    number_field,
    string_field,
)
from qsdp.military_service.rules.common import Sex
from qsdp.militia.rules.ages import militia_age
from qsdp.militia.rules.common import MilitiaType
from qsdp.militia.rules.exemption import militia_exemption
from qsdp.militia.rules.service import (
    military_service_completion,
    militia_term,
    militia_training,
)

Input = Mapping[str, Any]

TYPES = tuple(MilitiaType)
MAX_SERVICE_YEAR = 40  # from 18 to the end of age 50: 33 years at most
MAX_MONTHS = 1200


def evaluate_militia_age(data: Input, context: RuleContext) -> dict[str, Any]:
    return militia_age(
        sex=enum_field(data, "sex", tuple(Sex)),
        birth_date=date_field(data, "birth_date"),
        reference_date=date_field(data, "reference_date", context.today),
        volunteer=bool_field(data, "volunteer", False),
    ).as_dict()


def evaluate_militia_term(data: Input, context: RuleContext) -> dict[str, Any]:
    return militia_term(
        militia_type=enum_field(data, "militia_type", TYPES),
        unit_commander=bool_field(data, "unit_commander", False),
        self_defence=bool_field(data, "self_defence", False),
        on=date_field(data, "reference_date", context.today),
    ).as_dict()


def evaluate_militia_training(data: Input, context: RuleContext) -> dict[str, Any]:
    return militia_training(
        militia_type=enum_field(data, "militia_type", TYPES),
        service_year=int_field(data, "service_year", minimum=1, maximum=MAX_SERVICE_YEAR),
        on=date_field(data, "reference_date", context.today),
    ).as_dict()


def evaluate_militia_exemption(data: Input, context: RuleContext) -> dict[str, Any]:
    return militia_exemption(status=string_field(data, "status")).as_dict()


def evaluate_military_service_completion(data: Input, context: RuleContext) -> dict[str, Any]:
    return military_service_completion(
        standing_militia_months=number_field(
            data, "standing_militia_months", minimum=0, maximum=MAX_MONTHS
        ),
        on=date_field(data, "reference_date", context.today),
    ).as_dict()


EVALUATORS: dict[str, Evaluator] = {
    "militia_age": evaluate_militia_age,
    "militia_term": evaluate_militia_term,
    "militia_training": evaluate_militia_training,
    "militia_exemption": evaluate_militia_exemption,
    "military_service_completion": evaluate_military_service_completion,
}
