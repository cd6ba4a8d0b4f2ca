"""Builders of militia records through the real services (actor None: a loader)."""

from datetime import date

from qsdp.militia.models import MilitiaMember, MilitiaUnit, UnitKind
from qsdp.militia.services import MemberData, UnitData, member_add, unit_create
from qsdp.people.models import Person
from qsdp.people.tests.factories import create_person


def citizen(unit, *, born=date(2000, 5, 10), sex="male", **fields) -> Person:  # type: ignore[no-untyped-def]
    """A citizen living in ``unit`` (a man of 22 in 2022 by default)."""
    return create_person(unit, birth_date=born, sex=sex, **fields)


def member(  # type: ignore[no-untyped-def]
    person_or_unit,
    *,
    militia_type="local",
    start=date(2023, 4, 1),
    unit=None,
    position="member",
    volunteer=False,
    term_end=None,
    **person_fields,
) -> MilitiaMember:
    """A militia member from ``start`` (a new citizen of the unit, or the person given)."""
    person = (
        person_or_unit
        if isinstance(person_or_unit, Person)
        else citizen(person_or_unit, **person_fields)
    )
    return member_add(
        actor=None,
        person=person,
        data=MemberData(
            militia_type=militia_type,
            term_start=start,
            unit=unit,
            position=position,
            volunteer=volunteer,
            term_end=term_end,
        ),
    )


def militia_unit(  # type: ignore[no-untyped-def]
    commune, *, name="Trung đội cơ động", militia_type="mobile", kind=UnitKind.PLATOON, parent=None
) -> MilitiaUnit:
    return unit_create(
        actor=None,
        org_unit=commune,
        data=UnitData(name=name, militia_type=militia_type, kind=kind, parent=parent),
    )


def rows() -> dict[str, object]:
    """What a refused or denied request must leave unchanged."""
    from qsdp.core.models import AuditEvent
    from qsdp.militia import models

    return {
        "members": list(
            models.MilitiaMember.objects.order_by("pk").values_list(
                "pk", "militia_type", "unit_id", "position", "volunteer", "term_start",
                "term_end", "left_on", "leave_reason",
            )
        ),
        "units": list(
            models.MilitiaUnit.objects.order_by("pk").values_list(
                "pk", "name", "militia_type", "kind", "parent_id", "commander_id"
            )
        ),
        "extensions": models.TermExtension.objects.count(),
        "decisions": list(
            models.DutyDecision.objects.order_by("pk").values_list("pk", "ended_on")
        ),
        "registrations": models.MilitiaRegistration.objects.count(),
        "training": list(
            models.TrainingRecord.objects.order_by("pk").values_list("pk", "days_done")
        ),
        "completions": models.ServiceCompletion.objects.count(),
        "audit": AuditEvent.objects.count(),
    }  # fmt: skip
