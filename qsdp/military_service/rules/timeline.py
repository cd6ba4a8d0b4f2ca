"""The yearly call-up calendar and the term of service.

- Luật NVQS 2015 Điều 33: the call-up is once a year, in February or March.
- Điều 40 khoản 4: the health examination runs from 1 November to 31 December,
  that is, in the year before the call-up.
- Điều 21: 24 months of active service in peacetime; the Minister of Defence may
  extend it by at most 6 months for combat readiness or for disaster, epidemic
  or rescue duty.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from django.utils.translation import gettext as _

from qsdp.military_service.rules.common import RuleResult, law, legal_point, vn_date

ALLOWED_CALL_UP_MONTHS = (2, 3)
HEALTH_EXAM_WINDOW = ((11, 1), (12, 31))  # (month, day) in the year before the call-up


@dataclass(frozen=True, kw_only=True)
class RecruitmentTimeline(RuleResult):
    health_exam_window_start: date
    health_exam_window_end: date
    allowed_call_up_months: tuple[int, ...]


def recruitment_timeline(*, call_up_year: int) -> RecruitmentTimeline:
    """When the health examination and the call-up of ``call_up_year`` take place."""
    (start_month, start_day), (end_month, end_day) = HEALTH_EXAM_WINDOW
    start = date(call_up_year - 1, start_month, start_day)
    end = date(call_up_year - 1, end_month, end_day)
    return RecruitmentTimeline(
        health_exam_window_start=start,
        health_exam_window_end=end,
        allowed_call_up_months=ALLOWED_CALL_UP_MONTHS,
        legal_basis=law(legal_point(33), legal_point(40, 4)),
        explanation=_(
            "For the %(year)s call-up the health examination runs from %(start)s to %(end)s "
            "and the call-up takes place in February or March %(year)s."
        )
        % {"year": call_up_year, "start": vn_date(start), "end": vn_date(end)},
    )


def call_up_year_on(day: date) -> int:
    """The call-up the work of ``day`` serves: from the first day of the health
    examination (1 November, Điều 40 khoản 4) the next year's, before it this year's."""
    (month, day_of_month), _end = HEALTH_EXAM_WINDOW
    return day.year + 1 if (day.month, day.day) >= (month, day_of_month) else day.year


class ServiceType(StrEnum):
    ACTIVE_DUTY_PEACETIME = "active_duty_peacetime"


class ExtensionGround(StrEnum):
    COMBAT_READINESS = "combat_readiness"
    DISASTER_EPIDEMIC_RESCUE = "disaster_epidemic_rescue"


@dataclass(frozen=True)
class Term:
    months: int
    max_extension_months: int
    extension_grounds: tuple[ExtensionGround, ...]


SERVICE_TERMS: dict[ServiceType, Term] = {
    ServiceType.ACTIVE_DUTY_PEACETIME: Term(
        24,
        6,
        (ExtensionGround.COMBAT_READINESS, ExtensionGround.DISASTER_EPIDEMIC_RESCUE),
    ),
}


@dataclass(frozen=True, kw_only=True)
class ServiceTerm(RuleResult):
    term_months: int
    max_extension_months: int
    extension_grounds: tuple[ExtensionGround, ...]


def service_term(
    *, service_type: ServiceType | str = ServiceType.ACTIVE_DUTY_PEACETIME
) -> ServiceTerm:
    """How long active service lasts and how long it may be extended."""
    term = SERVICE_TERMS[ServiceType(service_type)]
    return ServiceTerm(
        term_months=term.months,
        max_extension_months=term.max_extension_months,
        extension_grounds=term.extension_grounds,
        legal_basis=law(legal_point(21)),
        explanation=_(
            "Active service in peacetime lasts %(months)s months; the Minister of Defence may "
            "extend it by at most %(extension)s months for combat readiness or for disaster, "
            "epidemic or rescue duty."
        )
        % {"months": term.months, "extension": term.max_extension_months},
    )
