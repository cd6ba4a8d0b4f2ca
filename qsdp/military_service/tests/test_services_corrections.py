from datetime import date

import pytest

from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent
from qsdp.military_service.models import ServiceEvent
from qsdp.military_service.rules.cycle import EventKind, Status
from qsdp.military_service.services import service_event_cancel
from qsdp.military_service.services._common import status_on
from qsdp.military_service.tests.factories import examined, registered, rows

pytestmark = pytest.mark.django_db


def test_a_wrong_entry_is_cancelled_with_its_reason_and_kept(tree, commune_officer):
    person = registered(tree.duong_quang)
    exam = examined(person)

    service_event_cancel(
        actor=commune_officer,
        event=exam.event,
        cancelled_on=date(2025, 11, 25),
        reason="Ghi nhầm người",
    )

    event = ServiceEvent.objects.get(kind=EventKind.HEALTH_EXAM)
    assert (event.cancelled_on, event.cancel_reason, event.cancelled_by) == (
        date(2025, 11, 25), "Ghi nhầm người", commune_officer,
    )  # fmt: skip
    assert AuditEvent.objects.filter(verb="military_service.event_cancelled").count() == 1


def test_an_entry_later_ones_depend_on_cannot_be_cancelled(tree, commune_officer):
    person = registered(tree.duong_quang)
    examined(person)
    first = ServiceEvent.objects.get(kind=EventKind.FIRST_REGISTRATION)
    before = rows()

    with pytest.raises(DomainError) as refused:
        service_event_cancel(
            actor=commune_officer, event=first, cancelled_on=date(2025, 12, 1), reason="Nhầm"
        )

    assert refused.value.message == (
        "Không thể hủy mục này: có mục ghi sau phụ thuộc vào nó. Không thể ghi “Khám sức khỏe”: "
        "công dân chưa đăng ký nghĩa vụ quân sự lần đầu (Luật NVQS 2015 Điều 16)."
    )
    assert rows() == before
    assert status_on(person, date(2025, 12, 1)) == Status.REGISTERED
