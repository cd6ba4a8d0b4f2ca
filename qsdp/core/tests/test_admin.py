import pytest

from qsdp.core.audit import record_access, record_event
from qsdp.core.models import AccessLog, AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(admin_user, tree):
    return record_event(actor=admin_user, verb="org_unit.renamed", target=tree.duong_quang)


@pytest.fixture
def access(admin_user, tree):
    return record_access(
        actor=admin_user, target=tree.duong_quang, fields=["religion"], purpose="kiểm tra"
    )


def test_administrator_reads_the_audit_trail(client, admin_user, event):
    client.force_login(admin_user)

    list_page = client.get("/admin/core/auditevent/")
    detail = client.get(f"/admin/core/auditevent/{event.pk}/change/")

    assert list_page.status_code == 200
    assert "org_unit.renamed" in list_page.content.decode()
    assert detail.status_code == 200
    assert 'name="verb"' not in detail.content.decode()


def test_administrator_reads_the_access_log(client, admin_user, access):
    client.force_login(admin_user)

    response = client.get("/admin/core/accesslog/")

    assert response.status_code == 200
    assert "kiểm tra" in response.content.decode()


@pytest.mark.parametrize("action", ["add/", "{pk}/delete/"])
def test_audit_events_cannot_be_added_or_deleted(client, admin_user, event, action):
    client.force_login(admin_user)

    response = client.post(f"/admin/core/auditevent/{action.format(pk=event.pk)}", {"post": "yes"})

    assert response.status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_audit_events_cannot_be_changed(client, admin_user, event):
    client.force_login(admin_user)

    client.post(f"/admin/core/auditevent/{event.pk}/change/", {"verb": "forged"})

    event.refresh_from_db()
    assert event.verb == "org_unit.renamed"


def test_access_log_cannot_be_deleted(client, admin_user, access):
    client.force_login(admin_user)

    response = client.post(f"/admin/core/accesslog/{access.pk}/delete/", {"post": "yes"})

    assert response.status_code == 403
    assert AccessLog.objects.filter(pk=access.pk).exists()


def test_administrator_edits_the_calendar_and_it_is_audited(client, admin_user):
    from qsdp.core.models import CalendarDay

    client.force_login(admin_user)

    response = client.post(
        "/admin/core/calendarday/add/",
        {"day": "2026-11-24", "kind": "holiday", "name": "Ngày Văn hóa Việt Nam", "basis": ""},
    )

    assert response.status_code == 302
    day = CalendarDay.objects.get(name="Ngày Văn hóa Việt Nam")
    assert (
        AuditEvent.objects.filter(verb="calendar_day.created", target_id=str(day.pk)).count() == 1
    )


def test_administrator_reads_the_rule_settings(client, admin_user):
    client.force_login(admin_user)

    response = client.get("/admin/core/rulesetting/")

    assert response.status_code == 200
    assert "military_service.registration_order_lead_days" in response.content.decode()
