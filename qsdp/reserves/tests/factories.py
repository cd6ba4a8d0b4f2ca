"""Builders of reserve records through the real services (actor None: a loader)."""

from datetime import date

from qsdp.people.models import Person
from qsdp.people.tests.factories import create_person
from qsdp.reserves.models import ReservePost, ReserveUnit, Reservist, Source, UnitKind
from qsdp.reserves.services import (
    ClassFacts,
    PostData,
    ReservistData,
    UnitData,
    reserve_post_create,
    reserve_unit_create,
    reservist_create,
)


def reservist(  # type: ignore[no-untyped-def]
    unit,
    *,
    born=date(1995, 5, 10),
    sex="male",
    on=date(2020, 3, 1),
    months=24,
    specialty=("111", "Bộ binh"),
    health_class=1,
    rank_group="nco_or_soldier",
    rank="sergeant",
    **fields,
) -> Reservist:
    """A discharged soldier of ``unit`` recorded in the reserve register on ``on``."""
    person: Person = create_person(unit, birth_date=born, sex=sex, **fields)
    return reservist_create(
        actor=None,
        person=person,
        facts=ClassFacts(source=Source.DISCHARGED_NCO_SOLDIER, active_service_months=months),
        data=ReservistData(
            rank_group=rank_group,
            rank=rank,
            specialty_code=specialty[0],
            specialty_name=specialty[1],
            health_class=health_class,
        ),
        registered_on=on,
    )


def reserve_unit(holder, *, name="Đại đội 1", kind=UnitKind.COMPANY, parent=None) -> ReserveUnit:  # type: ignore[no-untyped-def]
    return reserve_unit_create(
        actor=None, data=UnitData(name=name, kind=kind, org_unit=holder, parent=parent)
    )


def post(  # type: ignore[no-untyped-def]
    unit, *, title="Chiến sĩ bộ binh", specialty=("111", "Bộ binh"), establishment=10
) -> ReservePost:
    return reserve_post_create(
        actor=None,
        unit=unit,
        data=PostData(
            title=title,
            specialty_code=specialty[0],
            specialty_name=specialty[1],
            establishment_count=establishment,
        ),
    )


def rows() -> dict[str, object]:
    """What a refused or denied request must leave unchanged."""
    from qsdp.core.models import AuditEvent
    from qsdp.reserves import models

    return {
        "reservists": list(
            models.Reservist.objects.order_by("pk").values_list(
                "pk", "reserve_class", "rank", "specialty_code", "health_class", "removed_on"
            )
        ),
        "arrangements": list(
            models.Arrangement.objects.order_by("pk").values_list("pk", "post_id", "ended_on")
        ),
        "units": models.ReserveUnit.objects.count(),
        "posts": list(
            models.ReservePost.objects.order_by("pk").values_list("pk", "establishment_count")
        ),
        "reviews": models.ReserveReview.objects.count(),
        "decisions": models.CommanderDecision.objects.count(),
        "checks": models.ReadinessCheck.objects.count(),
        "equipment": list(
            models.ReserveEquipment.objects.order_by("pk").values_list(
                "pk", "earmarked_unit_id", "released_on"
            )
        ),
        "audit": AuditEvent.objects.count(),
    }
