"""Builders of military-service records through the real services (actor None:
a loader, so no role is needed)."""

from datetime import date

from qsdp.military_service.models import CallUpCandidate, CallUpOrder, HealthExam
from qsdp.military_service.services import (
    call_up_list_approve,
    call_up_list_build,
    call_up_order_issue,
    first_registration_record,
    health_exam_record,
    quota_assign,
)
from qsdp.people.models import Person
from qsdp.people.tests.factories import create_person


def man(unit, *, born=date(2004, 5, 10), grade=12, **fields) -> Person:  # type: ignore[no-untyped-def]
    """A man living in ``unit`` (grade 12 by default)."""
    return create_person(unit, birth_date=born, sex="male", education_grade=grade, **fields)


def registered(unit, *, born=date(2004, 5, 10), on=None, **fields) -> Person:  # type: ignore[no-untyped-def]
    """A man who made his first registration in April of the year he turned 17."""
    person = man(unit, born=born, **fields)
    first_registration_record(
        actor=None, person=person, registered_on=on or date(born.year + 17, 4, 15)
    )
    return person


def examined(person, *, on=date(2025, 11, 20), year=2026, health_class=1, **fields) -> HealthExam:  # type: ignore[no-untyped-def]
    return health_exam_record(
        actor=None,
        person=person,
        examined_on=on,
        call_up_year=year,
        health_class=health_class,
        **fields,
    )


def quotas(tree, *, year=2026, province=20, city=10, duong_quang=6, song_cau=4) -> None:  # type: ignore[no-untyped-def]
    """Quotas down the fixture tree (decided in December before the call-up)."""
    decided = date(year - 1, 12, 15)
    for unit, number in (
        (tree.province, province),
        (tree.city, city),
        (tree.duong_quang, duong_quang),
        (tree.song_cau, song_cau),
    ):
        if number is not None:
            quota_assign(
                actor=None, org_unit=unit, call_up_year=year, number=number, decided_on=decided
            )


def approved_list(unit, *, year=2026, handover=date(2026, 3, 4)) -> list[CallUpCandidate]:  # type: ignore[no-untyped-def]
    call_up_list_build(actor=None, org_unit=unit, call_up_year=year, handover_on=handover)
    return call_up_list_approve(
        actor=None, org_unit=unit, call_up_year=year, approved_on=date(year, 1, 10)
    )


def order(candidate, *, issued=date(2026, 1, 20), report=date(2026, 3, 4)) -> CallUpOrder:  # type: ignore[no-untyped-def]
    return call_up_order_issue(
        actor=None,
        candidate=candidate,
        issued_on=issued,
        report_on=report,
        report_place="Sân vận động xã Dương Quang",
    )


def rows() -> tuple[int, ...]:
    """How many rows the register and the audit trail hold (for "nothing saved")."""
    from qsdp.core.models import AuditEvent
    from qsdp.military_service.models import Quota, ServiceEvent

    return (
        ServiceEvent.objects.count(),
        ServiceEvent.objects.filter(cancelled_on__isnull=False).count(),
        HealthExam.objects.count(),
        CallUpOrder.objects.count(),
        CallUpCandidate.objects.exclude(status="proposed").count(),
        Quota.objects.count(),
        AuditEvent.objects.count(),
    )


def enlisted(tree, names, *, unit=None, year=2026, handover=None, quota_of=None):  # type: ignore[no-untyped-def]
    """Men of ``unit`` (Dương Quang) called up and handed over in ``year``; the
    quotas of the year must exist (``quotas``)."""
    from qsdp.military_service.services import enlistment_record

    unit = unit or tree.duong_quang
    handover = handover or date(year, 2, 26)
    people = []
    for name in names:
        person = registered(unit, given_name=name, born=date(year - 21, 5, 10))
        examined(person, on=date(year - 1, 11, 20), year=year)
        people.append(person)
    for candidate in approved_list(unit, year=year, handover=handover):
        if candidate.list_kind == "primary":
            order(candidate, issued=date(year, 1, 20), report=handover)
            enlistment_record(
                actor=None, person=candidate.person, call_up_year=year, handover_on=handover
            )
    return people


def counts() -> dict[str, object]:
    """What a refused or denied request must leave unchanged: the rows of the
    register, the quotas and the lists with their states."""
    from qsdp.military_service.models import Quota, ServiceEvent

    return {
        "events": ServiceEvent.objects.count(),
        "cancelled": ServiceEvent.objects.filter(cancelled_on__isnull=False).count(),
        "exams": HealthExam.objects.count(),
        "quotas": list(Quota.objects.order_by("pk").values_list("pk", "number")),
        "candidates": list(
            CallUpCandidate.objects.order_by("pk").values_list("pk", "status", "list_kind", "rank")
        ),
        "orders": CallUpOrder.objects.count(),
    }
