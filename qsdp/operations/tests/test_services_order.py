"""Patrols, incidents and their follow-up."""

from datetime import date

import pytest

from qsdp.core.errors import DomainError
from qsdp.operations import services
from qsdp.operations.services import IncidentData, PatrolData
from qsdp.operations.tests.factories import rows

pytestmark = pytest.mark.django_db


def test_a_patrol_is_recorded(tree, commune_officer):
    patrol = services.patrol_record(
        actor=commune_officer,
        org_unit=tree.duong_quang,
        data=PatrolData(date(2023, 2, 1), "Thôn Nà Pài", militia_count=4, police_count=2),
    )

    assert (patrol.total_forces, patrol.recorded_by) == (6, commune_officer)


def test_a_patrol_without_police_is_refused(tree):
    before = rows()

    with pytest.raises(DomainError) as refused:
        services.patrol_record(
            actor=None, org_unit=tree.duong_quang, data=PatrolData(date(2023, 2, 1), "X", 4, 0)
        )

    assert (refused.value.field, refused.value.message) == (
        "police_count",
        "Tuần tra phối hợp phải có ít nhất một dân quân và một công an.",
    )
    assert rows() == before


@pytest.fixture
def incident(tree):
    return services.incident_report(
        actor=None,
        org_unit=tree.duong_quang,
        data=IncidentData(date(2023, 5, 1), "public_order", "Chợ Dương Quang", "Gây rối", True),
    )


def test_an_incident_is_followed_up_until_resolved(incident):
    services.incident_follow_up(
        actor=None, incident=incident, on=date(2023, 5, 2), note="Theo dõi", status="monitoring"
    )
    services.incident_follow_up(
        actor=None, incident=incident, on=date(2023, 5, 20), note="Ổn định", status="resolved",
        is_hot_spot=False,
    )  # fmt: skip

    incident.refresh_from_db()
    assert (incident.status, incident.resolved_on, incident.is_hot_spot) == (
        "resolved", date(2023, 5, 20), False,
    )  # fmt: skip
    assert list(incident.follow_ups.values_list("status_before", "status_after")) == [
        ("open", "monitoring"), ("monitoring", "resolved"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("on", "status", "code", "message"),
    [
        (date(2023, 4, 30), "monitoring", "incident_follow_up_date",
         "Lần theo dõi (30/04/2023) không thể trước ngày báo cáo (01/05/2023)."),
        (date(2023, 5, 3), "open", None, None),
    ],
)  # fmt: skip
def test_a_follow_up_is_checked(incident, on, status, code, message):
    services.incident_follow_up(
        actor=None, incident=incident, on=date(2023, 5, 2), note="Xong", status="resolved"
    )
    before = rows()

    with pytest.raises(DomainError) as refused:
        services.incident_follow_up(actor=None, incident=incident, on=on, note="…", status=status)

    expected = message or "Vụ việc đang ở trạng thái “Đã giải quyết” không thể chuyển sang “Mới”."
    assert (refused.value.code, refused.value.message) == (
        code or "incident_transition", expected,
    )  # fmt: skip
    assert rows() == before
