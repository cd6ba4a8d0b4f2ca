"""First military-service registration: Luật NVQS 2015 Điều 12–16.

- Điều 12: men from "đủ 17 tuổi"; women from "đủ 18 tuổi" whose profession is on
  the Government's list. Điều 16 (as amended by Law 98/2025): in January the list
  of the men who turn 17 during the year is reported, in April they are called,
  so the first-registration year is the birth year + 17.
- Điều 13: not allowed to register while prosecuted, serving a sentence, under an
  administrative education measure, or stripped of the right to serve.
- Điều 14: exempt from registration: the diseases of Circular 105/2023/TT-BQP
  Appendix I section III, by ICD-10 code.
"""

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import ClassVar

from django.utils.translation import gettext as _

from qsdp.military_service.rules.common import (
    RuleResult,
    Sex,
    age_on,
    anniversary,
    law,
    legal_point,
    vn_date,
)

CIRCULAR_105 = "Thông tư 105/2023/TT-BQP Phụ lục I mục III"

MEN_FROM_AGE = 17
WOMEN_FROM_AGE = 18
LIST_REPORT_MONTH = 1
REGISTRATION_CALL_MONTH = 4


class RegistrationStatus(StrEnum):
    MUST_REGISTER = "must_register"
    EXEMPT_FROM_REGISTRATION = "exempt_from_registration"
    NOT_ALLOWED_TO_REGISTER_WHILE_CONDITION_LASTS = "not_allowed_to_register_while_condition_lasts"
    NOT_SUBJECT = "not_subject"


class LegalStatus(StrEnum):
    """The statuses of Điều 13 (and ``none``)."""

    NONE = "none"
    CRIMINALLY_PROSECUTED = "criminally_prosecuted"
    SERVING_PRISON_SENTENCE = "serving_prison_sentence"
    NON_CUSTODIAL_REFORM_OR_PROBATION = "non_custodial_reform_or_probation"
    ADMINISTRATIVE_EDUCATION_MEASURE = "administrative_education_measure"
    STRIPPED_OF_RIGHT_TO_SERVE = "stripped_of_right_to_serve"


# Circular 105/2023/TT-BQP Appendix I section III: (first, last) ICD-10 categories.
EXEMPT_DISEASE_RANGES: tuple[tuple[str, str], ...] = (
    ("F20", "F29"),  # mental disorders
    ("G40", "G40"),  # epilepsy
    ("G20", "G20"),  # Parkinson's disease
    ("H54.4", "H54.4"),  # blindness of one eye
    ("H90", "H90"),  # deafness (conductive and sensorineural hearing loss)
    ("B90.2", "B90.2"),  # sequelae of tuberculosis of bones and joints
    ("B92", "B92"),  # sequelae of leprosy
    ("C00", "C97"),  # malignant neoplasms
    ("D00", "D09"),  # in situ neoplasms
    ("D45", "D47"),  # neoplasms of uncertain behaviour (haematological)
    ("B20", "B24"),  # HIV disease
    ("Z21", "Z21"),  # asymptomatic HIV infection status
)

_ICD10 = re.compile(r"([A-Z])(\d{2})(?:\.(\d{1,2}))?")


def normalize_icd10(code: str) -> str | None:
    """``f20.1`` → ``F20.1``; ``None`` when the text is not an ICD-10 code."""
    text = code.strip().upper()
    return text if _ICD10.fullmatch(text) else None


def _key(code: str) -> tuple[str, int, int | None]:
    match = _ICD10.fullmatch(code)
    if match is None:
        raise ValueError(f"not an ICD-10 code: {code}")
    letter, number, sub = match.groups()
    return letter, int(number), None if sub is None else int(sub[0])


def _within(code: str, first: str, last: str) -> bool:
    letter, number, sub = _key(code)
    f_letter, f_number, f_sub = _key(first)
    l_letter, l_number, l_sub = _key(last)
    if (letter, number) < (f_letter, f_number) or (letter, number) > (l_letter, l_number):
        return False
    # A range given down to a subcategory (H54.4) takes only that subcategory.
    if f_sub is not None and (letter, number) == (f_letter, f_number) and sub != f_sub:
        return False
    return not (l_sub is not None and (letter, number) == (l_letter, l_number) and sub != l_sub)


def is_exempt_disease(code: str) -> bool:
    """Whether an ICD-10 code (``F20.1``, ``C50``) is on the exemption list."""
    normalized = normalize_icd10(code)
    if normalized is None:
        return False
    return any(_within(normalized, first, last) for first, last in EXEMPT_DISEASE_RANGES)


@dataclass(frozen=True, kw_only=True)
class FirstRegistration(RuleResult):
    registration_status: RegistrationStatus
    subject_to_registration: bool
    first_registration_year: int | None = None
    list_report_month: int | None = None
    registration_call_month: int | None = None
    age_on_reference_date: int | None = None
    in_first_registration_cohort: bool | None = None
    reason: str | None = None

    _omit_when_none: ClassVar[tuple[str, ...]] = (
        "first_registration_year",
        "list_report_month",
        "registration_call_month",
        "age_on_reference_date",
        "in_first_registration_cohort",
        "reason",
    )


def first_registration(
    *,
    sex: Sex | str,
    birth_date: date,
    reference_date: date | None = None,
    profession_on_government_list: bool = False,
    diagnosis_icd10: str | None = None,
    status: LegalStatus | str = LegalStatus.NONE,
) -> FirstRegistration:
    """Whether and when a citizen registers for military service the first time."""
    sex = Sex(sex)
    status = LegalStatus(status)
    citizen = {"birth": vn_date(birth_date)}
    men = sex == Sex.MALE
    first_year = birth_date.year + MEN_FROM_AGE if men else None
    age = age_on(birth_date, reference_date) if reference_date else None
    points = [legal_point(12)]
    reason: str | None = None

    if not men and not profession_on_government_list:
        registration = RegistrationStatus.NOT_SUBJECT
        reason = "profession_not_on_list"
        explanation = (
            _(
                "A female citizen born on %(birth)s registers only if her profession is on the "
                "Government's list of professions suited to the army."
            )
            % citizen
        )
        points.append(legal_point(7, 2))
    elif (
        reference_date is not None
        and not men
        and reference_date < anniversary(birth_date, WOMEN_FROM_AGE)
    ):
        registration = RegistrationStatus.NOT_SUBJECT
        reason = "under_18"
        explanation = _(
            "A female citizen born on %(birth)s registers from her 18th birthday, %(from)s."
        ) % {**citizen, "from": vn_date(anniversary(birth_date, WOMEN_FROM_AGE))}
    elif reference_date is not None and men and first_year and reference_date.year < first_year:
        registration = RegistrationStatus.NOT_SUBJECT
        reason = "under_17"
        explanation = _(
            "A male citizen born on %(birth)s registers in %(year)s, the year he turns 17."
        ) % {**citizen, "year": first_year}
    elif status != LegalStatus.NONE:
        registration = RegistrationStatus.NOT_ALLOWED_TO_REGISTER_WHILE_CONDITION_LASTS
        reason = status.value
        points.append(legal_point(13))
        explanation = (
            _(
                "The citizen born on %(birth)s is not allowed to register while the condition "
                "lasts, and must register when it ends."
            )
            % citizen
        )
    elif diagnosis_icd10 and is_exempt_disease(diagnosis_icd10):
        registration = RegistrationStatus.EXEMPT_FROM_REGISTRATION
        reason = "disease_on_exemption_list"
        points.append(legal_point(14))
        explanation = _(
            "The citizen born on %(birth)s is exempt from registration: the disease "
            "%(code)s is on the list of Circular 105/2023/TT-BQP."
        ) % {**citizen, "code": normalize_icd10(diagnosis_icd10)}
    else:
        registration = RegistrationStatus.MUST_REGISTER
        points.append(legal_point(16))
        if men:
            explanation = _(
                "The male citizen born on %(birth)s must register for the first time in "
                "%(year)s: listed in January, called in April."
            ) % {**citizen, "year": first_year}
        else:
            explanation = (
                _(
                    "The female citizen born on %(birth)s, whose profession is on the "
                    "Government's list, must register for military service."
                )
                % citizen
            )
    basis = law(*points)
    if registration == RegistrationStatus.EXEMPT_FROM_REGISTRATION:
        basis = f"{basis}; {CIRCULAR_105}"
    return FirstRegistration(
        registration_status=registration,
        subject_to_registration=registration == RegistrationStatus.MUST_REGISTER,
        first_registration_year=first_year,
        list_report_month=LIST_REPORT_MONTH if men else None,
        registration_call_month=REGISTRATION_CALL_MONTH if men else None,
        age_on_reference_date=age,
        in_first_registration_cohort=(
            reference_date.year == first_year if reference_date and men else None
        ),
        reason=reason,
        legal_basis=basis,
        explanation=explanation,
    )
