"""The military-service rule areas of RULES.md, as evaluators for ``evaluate_rules``.

Each evaluator reads the raw JSON input of a case with the shared helpers of
``qsdp.core.rule_inputs`` (a missing or malformed field raises ``RuleInputError``),
calls the pure rule and returns its JSON-ready result.
"""

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from qsdp.core.rule_inputs import (
    Evaluator,
    RuleContext,
    RuleInputError,
    RuleInputErrorCode,
    bool_field,
    date_field,
    enum_field,
    int_field,
    int_list_field,
    malformed_field,
    number_field,
    string_field,
)
from qsdp.core.settings_registry import (
    MYOPIA_BOUNDARY_INCLUSIVE,
    RETURNEE_ANCHOR_EVENT,
    RETURNEE_WORKING_DAYS,
)
from qsdp.military_service.rules.ages import call_up_age
from qsdp.military_service.rules.common import Sex
from qsdp.military_service.rules.deferral import deferral_or_exemption
from qsdp.military_service.rules.health import education, health
from qsdp.military_service.rules.registration import (
    LegalStatus,
    first_registration,
    normalize_icd10,
)
from qsdp.military_service.rules.residence import (
    AnchorEvent,
    ResidenceEvent,
    residence_change,
    returnee_registration,
)
from qsdp.military_service.rules.timeline import (
    ServiceType,
    recruitment_timeline,
    service_term,
)

Input = Mapping[str, Any]

SEXES = tuple(Sex)
FIRST_CALL_UP_YEAR = 2016  # Luật NVQS 2015 in force from 2016-01-01
LAST_YEAR = 9998


def evaluate_call_up_age(data: Input, context: RuleContext) -> dict[str, Any]:
    return call_up_age(
        sex=enum_field(data, "sex", SEXES),
        birth_date=date_field(data, "birth_date"),
        reference_date=date_field(data, "reference_date", None),
        deferred_for_college_or_university_training=bool_field(
            data, "deferred_for_college_or_university_training", False
        ),
    ).as_dict()


def evaluate_first_registration(data: Input, context: RuleContext) -> dict[str, Any]:
    diagnosis = string_field(data, "diagnosis_icd10", None)
    if diagnosis is not None and normalize_icd10(diagnosis) is None:
        raise malformed_field(
            "diagnosis_icd10", _("an ICD-10 code is a letter and two digits, e.g. F20 or F20.1")
        )
    return first_registration(
        sex=enum_field(data, "sex", SEXES),
        birth_date=date_field(data, "birth_date"),
        reference_date=date_field(data, "reference_date", None),
        profession_on_government_list=bool_field(data, "profession_on_government_list", False),
        diagnosis_icd10=diagnosis,
        status=enum_field(data, "status", tuple(LegalStatus), LegalStatus.NONE),
    ).as_dict()


def evaluate_deferral_or_exemption(data: Input, context: RuleContext) -> dict[str, Any]:
    facts = {
        "parent_work_capacity_loss_percent": int_field(
            data, "parent_work_capacity_loss_percent", minimum=0, maximum=100, default=None
        ),
        "invalid_grade": int_field(data, "invalid_grade", minimum=1, maximum=4, default=None),
        "is_the_one_designated_child": bool_field(data, "is_the_one_designated_child", None),
        "is_the_one_designated_brother": bool_field(data, "is_the_one_designated_brother", None),
        "years_since_relocation": number_field(
            data, "years_since_relocation", minimum=0, default=None
        ),
        "months_posted": int_field(data, "months_posted", minimum=0, default=None),
    }
    return deferral_or_exemption(
        reason_code=string_field(data, "reason_code"),
        **{name: value for name, value in facts.items() if value is not None},
    ).as_dict()


def evaluate_health(data: Input, context: RuleContext) -> dict[str, Any]:
    scores = int_list_field(data, "indicator_scores", minimum=1, maximum=6, default=None)
    klass = int_field(data, "health_class", minimum=1, maximum=6, default=None)
    if scores is None and klass is None:
        raise RuleInputError(
            RuleInputErrorCode.MISSING_FIELD,
            _("Give either the field “indicator_scores” or the field “health_class”."),
            field="indicator_scores",
        )
    if scores is not None and klass is not None and klass != max(scores):
        raise malformed_field(
            "health_class",
            _("it must be the worst indicator score (%(worst)s)") % {"worst": max(scores)},
        )
    exam_date = date_field(data, "exam_date", None)
    return health(
        indicator_scores=scores,
        health_class=klass,
        myopia_diopters=number_field(
            data, "myopia_diopters", minimum=-40, maximum=40, default=None
        ),
        hyperopia_diopters=number_field(
            data, "hyperopia_diopters", minimum=-40, maximum=40, default=None
        ),
        bmi=number_field(data, "bmi", minimum=5, maximum=100, default=None),
        drug_addicted=bool_field(data, "drug_addicted", False),
        myopia_boundary_inclusive=bool(context.setting(MYOPIA_BOUNDARY_INCLUSIVE, on=exam_date)),
        on=exam_date or context.today,
    ).as_dict()


def evaluate_education(data: Input, context: RuleContext) -> dict[str, Any]:
    return education(
        completed_grade=int_field(data, "completed_grade", minimum=0, maximum=12),
        locality_exception_approved=bool_field(data, "locality_exception_approved", False),
    ).as_dict()


def evaluate_recruitment_timeline(data: Input, context: RuleContext) -> dict[str, Any]:
    year = int_field(data, "call_up_year", minimum=FIRST_CALL_UP_YEAR, maximum=LAST_YEAR)
    return recruitment_timeline(call_up_year=year).as_dict()


def evaluate_service_term(data: Input, context: RuleContext) -> dict[str, Any]:
    service_type = enum_field(
        data, "service_type", tuple(ServiceType), ServiceType.ACTIVE_DUTY_PEACETIME
    )
    return service_term(service_type=service_type).as_dict()


def evaluate_returnee_registration(data: Input, context: RuleContext) -> dict[str, Any]:
    anchor_date = date_field(data, "anchor_date")
    return returnee_registration(
        anchor_event=enum_field(
            data,
            "anchor_event",
            tuple(AnchorEvent),
            context.setting(RETURNEE_ANCHOR_EVENT, on=anchor_date),
        ),
        anchor_date=anchor_date,
        working_days=int_field(
            data,
            "working_days",
            minimum=1,
            maximum=366,
            default=context.setting(RETURNEE_WORKING_DAYS, on=anchor_date),
        ),
        calendar=context.calendar,
    ).as_dict()


def evaluate_residence_change(data: Input, context: RuleContext) -> dict[str, Any]:
    return residence_change(
        event=enum_field(data, "event", tuple(ResidenceEvent)),
        event_date=date_field(data, "event_date", None),
        planned_absence_months=number_field(
            data, "planned_absence_months", minimum=0, default=None
        ),
        calendar=context.calendar,
    ).as_dict()


EVALUATORS: dict[str, Evaluator] = {
    "call_up_age": evaluate_call_up_age,
    "first_registration": evaluate_first_registration,
    "deferral": evaluate_deferral_or_exemption,
    "exemption": evaluate_deferral_or_exemption,
    "health": evaluate_health,
    "education": evaluate_education,
    "recruitment_timeline": evaluate_recruitment_timeline,
    "service_term": evaluate_service_term,
    "returnee_registration": evaluate_returnee_registration,
    "residence_change": evaluate_residence_change,
}
