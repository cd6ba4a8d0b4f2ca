"""The reserve rule areas of RULES.md, as evaluators for ``evaluate_rules``.

Each evaluator reads the raw JSON input of a case with the shared helpers of
``qsdp.core.rule_inputs`` (a missing or malformed field raises ``RuleInputError``),
calls the pure rule and returns its JSON-ready result. A reference date that is
not given is the day the command runs.
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
)
from qsdp.military_service.rules.common import Sex
from qsdp.reserves.rules.ages import OfficerRank, RankGroup, reserve_age, reserve_officer_age
from qsdp.reserves.rules.classes import ReserveSource, reserve_class
from qsdp.reserves.rules.training import (
    TrainingActivity,
    reserve_training,
    reserve_unit_strength,
)

Input = Mapping[str, Any]

MAX_MONTHS = 1200  # a hundred years: beyond it a number of months is a typing error
MAX_STRENGTH = 100_000  # a division is about 10,000; "%g" prints up to 6 digits


def _months(data: Input, name: str) -> Any:
    return number_field(data, name, minimum=0, maximum=MAX_MONTHS, default=None)


def evaluate_reserve_class(data: Input, context: RuleContext) -> dict[str, Any]:
    return reserve_class(
        source=enum_field(data, "source", tuple(ReserveSource)),
        active_service_months=_months(data, "active_service_months"),
        combat_experience=bool_field(data, "combat_experience", False),
        police_service_months=_months(data, "police_service_months"),
        standing_militia_months=_months(data, "standing_militia_months"),
        concentrated_training_months=_months(data, "concentrated_training_months"),
    ).as_dict()


def evaluate_reserve_age(data: Input, context: RuleContext) -> dict[str, Any]:
    return reserve_age(
        sex=enum_field(data, "sex", tuple(Sex)),
        birth_date=date_field(data, "birth_date"),
        reference_date=date_field(data, "reference_date", context.today),
        rank_group=enum_field(data, "rank_group", tuple(RankGroup), RankGroup.NCO_OR_SOLDIER),
    ).as_dict()


def evaluate_reserve_officer_age(data: Input, context: RuleContext) -> dict[str, Any]:
    return reserve_officer_age(
        rank=enum_field(data, "rank", tuple(OfficerRank)),
        reference_date=date_field(data, "reference_date", context.today),
    ).as_dict()


def evaluate_reserve_training(data: Input, context: RuleContext) -> dict[str, Any]:
    return reserve_training(
        reserve_class=int_field(data, "reserve_class", minimum=1, maximum=2),
        activity=enum_field(data, "activity", tuple(TrainingActivity)),
        cumulative_training_months_so_far=number_field(
            data, "cumulative_training_months_so_far", minimum=0, maximum=MAX_MONTHS, default=0
        ),
        proposed_additional_months=_months(data, "proposed_additional_months"),
        planned_days=number_field(
            data, "planned_days", minimum=0, maximum=MAX_MONTHS * 30, default=None
        ),
        on=date_field(data, "reference_date", context.today),
    ).as_dict()


def evaluate_reserve_unit_strength(data: Input, context: RuleContext) -> dict[str, Any]:
    return reserve_unit_strength(
        establishment_strength=int_field(
            data, "establishment_strength", minimum=1, maximum=MAX_STRENGTH
        ),
        on=date_field(data, "reference_date", context.today),
    ).as_dict()


EVALUATORS: dict[str, Evaluator] = {
    "reserve_class": evaluate_reserve_class,
    "reserve_age": evaluate_reserve_age,
    "reserve_officer_age": evaluate_reserve_officer_age,
    "reserve_training": evaluate_reserve_training,
    "reserve_unit_strength": evaluate_reserve_unit_strength,
}
