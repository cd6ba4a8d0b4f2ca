"""Deadlines in working days after a move or a discharge.

- Luật NVQS 2015 Điều 18 (procedure in Decree 13/2016/NĐ-CP): a discharged NCO or
  soldier registers for the reserve within 15 working days. Whether the period
  runs from the return to the place of residence or from the discharge decision
  is not settled (DOMAIN.md §12): the anchor event is a parameter, the return by
  default.
- Điều 17 khoản 2: after moving, register at the new place within 10 working days
  of arriving.
- Điều 17 khoản 3: an absence of 3 months or more needs temporary-absence
  registration; on return, re-register within 10 working days.

Working days start the day after the event (Civil Code 2015 Điều 147) and skip
weekends and public holidays, but count announced make-up Saturdays.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import ClassVar

from django.utils.translation import gettext as _

from qsdp.core.calendar import WorkCalendar
from qsdp.core.rule_inputs import missing_field
from qsdp.military_service.rules.common import RuleResult, law, legal_point, vn_date

DEFAULT_RETURNEE_WORKING_DAYS = 15
RESIDENCE_WORKING_DAYS = 10
TEMPORARY_ABSENCE_MONTHS = 3


class AnchorEvent(StrEnum):
    RETURNED_TO_PLACE_OF_RESIDENCE = "returned_to_place_of_residence"
    DISCHARGE_DECISION = "discharge_decision"


class ResidenceEvent(StrEnum):
    ARRIVED_AT_NEW_RESIDENCE = "arrived_at_new_residence"
    RETURNED_FROM_TEMPORARY_ABSENCE = "returned_from_temporary_absence"
    PLANNED_ABSENCE = "planned_absence"


@dataclass(frozen=True, kw_only=True)
class ReturneeRegistration(RuleResult):
    register_by: date


def returnee_registration(
    *,
    anchor_event: AnchorEvent | str,
    anchor_date: date,
    calendar: WorkCalendar,
    working_days: int = DEFAULT_RETURNEE_WORKING_DAYS,
) -> ReturneeRegistration:
    """The last day a discharged soldier may register for the reserve."""
    event = AnchorEvent(anchor_event)
    deadline = calendar.add_working_days(anchor_date, working_days)
    values = {"days": working_days, "anchor": vn_date(anchor_date), "by": vn_date(deadline)}
    if event == AnchorEvent.DISCHARGE_DECISION:
        explanation = _(
            "A discharged soldier registers for the reserve within %(days)s working days of "
            "the discharge decision of %(anchor)s, that is by %(by)s."
        )
    else:
        explanation = _(
            "A discharged soldier registers for the reserve within %(days)s working days of "
            "returning to his place of residence on %(anchor)s, that is by %(by)s."
        )
    return ReturneeRegistration(
        register_by=deadline,
        legal_basis=f"{law(legal_point(18))}; Nghị định 13/2016/NĐ-CP",
        explanation=explanation % values,
    )


@dataclass(frozen=True, kw_only=True)
class ResidenceChange(RuleResult):
    register_transfer_in_by: date | None = None
    re_register_by: date | None = None
    temporary_absence_registration_required: bool | None = None

    _omit_when_none: ClassVar[tuple[str, ...]] = (
        "register_transfer_in_by",
        "re_register_by",
        "temporary_absence_registration_required",
    )


def residence_change(
    *,
    event: ResidenceEvent | str,
    event_date: date | None = None,
    planned_absence_months: float | None = None,
    calendar: WorkCalendar,
) -> ResidenceChange:
    """What a registered citizen must do after (or before) a change of residence.

    ``event_date`` is needed for an arrival or a return, ``planned_absence_months``
    for a planned absence (``RuleInputError`` when missing).
    """
    kind = ResidenceEvent(event)
    if kind == ResidenceEvent.PLANNED_ABSENCE:
        if planned_absence_months is None:
            raise missing_field("planned_absence_months")
        required = planned_absence_months >= TEMPORARY_ABSENCE_MONTHS
        months = {"months": f"{planned_absence_months:g}"}
        if required:
            explanation = _(
                "An absence of %(months)s months (3 months or more) requires temporary-absence "
                "registration before leaving."
            )
        else:
            explanation = _(
                "An absence of %(months)s months (under 3 months) needs no temporary-absence "
                "registration."
            )
        return ResidenceChange(
            temporary_absence_registration_required=required,
            legal_basis=law(legal_point(17, 3)),
            explanation=explanation % months,
        )
    if event_date is None:
        raise missing_field("event_date")
    deadline = calendar.add_working_days(event_date, RESIDENCE_WORKING_DAYS)
    values: dict[str, object] = {
        "days": RESIDENCE_WORKING_DAYS,
        "on": vn_date(event_date),
        "by": vn_date(deadline),
    }
    if kind == ResidenceEvent.ARRIVED_AT_NEW_RESIDENCE:
        return ResidenceChange(
            register_transfer_in_by=deadline,
            legal_basis=law(legal_point(17, 2)),
            explanation=_(
                "Having arrived at the new place of residence on %(on)s, the citizen registers "
                "the transfer within %(days)s working days, that is by %(by)s."
            )
            % values,
        )
    return ResidenceChange(
        re_register_by=deadline,
        legal_basis=law(legal_point(17, 3)),
        explanation=_(
            "Having returned from a temporary absence on %(on)s, the citizen re-registers "
            "within %(days)s working days, that is by %(by)s."
        )
        % values,
    )
