"""The indicator registry of DESIGN.md: what each indicator code means.

The values come from each register app's ``indicators.py`` (gathered by
``qsdp.reporting.gather``); this table says how to read them — its label, the
section of the year-end review it belongs to, whether it is a count or a
percentage (``numerator / denominator × factor``), where its figures come from
and which way is better. A test keeps the two tables to exactly the same codes.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class IndicatorKind(StrEnum):
    COUNT = "count"
    PERCENT = "percent"


class Area(StrEnum):
    """The sections of the year-end review, in the order it reports them."""

    LEADERSHIP = "leadership"
    DEFENCE_EDUCATION = "defence_education"
    FORCES = "forces"
    CALL_UP = "call_up"
    DRILLS = "drills"
    READINESS = "readiness"
    AWARDS = "awards"
    TRAINING = "training"


AREA_LABELS: dict[Area, Promise] = {
    Area.LEADERSHIP: _("Leadership and direction"),
    Area.DEFENCE_EDUCATION: _("Defence and security education"),
    Area.FORCES: _("Militia and reserve forces"),
    Area.CALL_UP: _("Military service and call-up"),
    Area.DRILLS: _("Drills"),
    Area.READINESS: _("Combat readiness, patrols and order"),
    Area.AWARDS: _("Emulation and awards"),
    Area.TRAINING: _("Military training"),
}


@dataclass(frozen=True)
class IndicatorDef:
    code: str
    label: Promise
    kind: IndicatorKind
    area: Area
    numerator: Promise
    denominator: Promise | None  # None for a count
    factor: int  # 1 for a count, 100 for a percentage
    basis: str  # the register (app.model) the figures are counted from
    higher_is_better: bool

    @property
    def is_percent(self) -> bool:
        return self.kind is IndicatorKind.PERCENT


def _count(
    code: str, label: Promise, area: Area, basis: str, *, higher_is_better: bool = True
) -> IndicatorDef:
    return IndicatorDef(
        code, label, IndicatorKind.COUNT, area, label, None, 1, basis, higher_is_better
    )


def _percent(
    code: str, label: Promise, area: Area, numerator: Promise, denominator: Promise, basis: str
) -> IndicatorDef:
    return IndicatorDef(
        code, label, IndicatorKind.PERCENT, area, numerator, denominator, 100, basis, True
    )


_DEFS = [
    _count("call_up.quota", _("Call-up quota"), Area.CALL_UP, "military_service.Quota"),
    _count(
        "call_up.enlisted",
        _("People handed over to the army"),
        Area.CALL_UP,
        "military_service.ServiceEvent",
    ),
    _percent(
        "call_up.fulfilment_pct",
        _("Call-up quota met"),
        Area.CALL_UP,
        _("people handed over"),
        _("call-up quota"),
        "military_service.Quota",
    ),
    _count(
        "first_registration.due",
        _("Men due for first registration"),
        Area.CALL_UP,
        "people.Person",
    ),
    _percent(
        "first_registration.registered_pct",
        _("First registration done"),
        Area.CALL_UP,
        _("men registered"),
        _("men due for first registration"),
        "military_service.ServiceEvent",
    ),
    _count(
        "health_exam.examined",
        _("Citizens given a health examination"),
        Area.CALL_UP,
        "military_service.HealthExam",
    ),
    _percent(
        "health_exam.fit_pct",
        _("Examined citizens fit for service (class 1–3)"),
        Area.CALL_UP,
        _("citizens of class 1–3"),
        _("citizens examined"),
        "military_service.HealthExam",
    ),
    _count(
        "returnees.count",
        _("Soldiers returned home"),
        Area.CALL_UP,
        "military_service.ServiceEvent",
    ),
    _percent(
        "returnees.registered_on_time_pct",
        _("Returnees registered into the reserve on time"),
        Area.CALL_UP,
        _("returnees registered within the deadline"),
        _("soldiers returned home"),
        "military_service.ServiceEvent",
    ),
    _count("reserves.count", _("Reservists in the register"), Area.FORCES, "reserves.Reservist"),
    _percent(
        "reserves.arranged_pct",
        _("Reservists arranged into units"),
        Area.FORCES,
        _("reservists arranged into a post"),
        _("reservists in the register"),
        "reserves.Arrangement",
    ),
    _count(
        "reserves.appointments",
        _("Reserve commanders appointed"),
        Area.FORCES,
        "reserves.CommanderDecision",
    ),
    _count(
        "reserves.dismissals",
        _("Reserve commanders dismissed"),
        Area.FORCES,
        "reserves.CommanderDecision",
        higher_is_better=False,
    ),
    _percent(
        "reserves.reviewed_pct",
        _("Reservists reviewed this year"),
        Area.FORCES,
        _("reservists reviewed"),
        _("reservists in the register"),
        "reserves.ReserveReview",
    ),
    _count("militia.count", _("Militia members"), Area.FORCES, "militia.Member"),
    _percent(
        "militia.population_pct",
        _("Militia as a share of the population"),
        Area.FORCES,
        _("militia members"),
        _("registered population"),
        "militia.Member",
    ),
    _count(
        "training.participants",
        _("Participants in military training"),
        Area.TRAINING,
        "training.Attendance",
    ),
    _percent(
        "training.pass_pct",
        _("Trainees who passed"),
        Area.TRAINING,
        _("trainees passed"),
        _("trainees graded"),
        "training.Attendance",
    ),
    _count(
        "defence_education.participants",
        _("Participants in defence and security education"),
        Area.DEFENCE_EDUCATION,
        "training.CourseParticipant",
    ),
    _percent(
        "defence_education.completion_pct",
        _("Defence and security education completed"),
        Area.DEFENCE_EDUCATION,
        _("trainees who completed the course"),
        _("planned trainees"),
        "training.CourseParticipant",
    ),
    _count("drills.held", _("Drills held"), Area.DRILLS, "operations.Drill"),
    _count(
        "drills.by_kind.defence_zone_combat",
        _("Combat drills in the defence zone"),
        Area.DRILLS,
        "operations.Drill",
    ),
    _count(
        "drills.by_kind.disaster_response",
        _("Disaster response and rescue drills"),
        Area.DRILLS,
        "operations.Drill",
    ),
    _count(
        "drills.by_kind.civil_defence",
        _("Civil defence drills"),
        Area.DRILLS,
        "operations.Drill",
    ),
    _percent(
        "drills.rated_good_or_better_pct",
        _("Drills rated good or better"),
        Area.DRILLS,
        _("drills rated good or better"),
        _("drills rated"),
        "operations.Drill",
    ),
    _percent(
        "readiness_duty.days_covered_pct",
        _("Readiness duty days covered"),
        Area.READINESS,
        _("days with a duty log"),
        _("days the duty posts were in use"),
        "operations.DutyLog",
    ),
    _count("patrols.count", _("Coordinated patrols"), Area.READINESS, "operations.Patrol"),
    _count(
        "incidents.hot_spots",
        _("Hot spots of security and order"),
        Area.READINESS,
        "operations.Incident",
        higher_is_better=False,
    ),
    _count("awards.collective_count", _("Collectives awarded"), Area.AWARDS, "awards.Recipient"),
    _count("awards.individual_count", _("Individuals awarded"), Area.AWARDS, "awards.Recipient"),
]

INDICATOR_DEFS: dict[str, IndicatorDef] = {d.code: d for d in _DEFS}


def defs_by_area() -> list[tuple[Area, Promise, list[IndicatorDef]]]:
    """The indicators grouped by section, sections in review order."""
    return [
        (area, AREA_LABELS[area], [d for d in _DEFS if d.area is area])
        for area in Area
        if any(d.area is area for d in _DEFS)
    ]
