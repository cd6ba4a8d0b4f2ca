"""Changes made in the admin are audited like service writes."""

from datetime import date

import pytest

from qsdp.accounts.models import Role, RoleAssignment, User
from qsdp.accounts.tests.factories import RoleAssignmentFactory
from qsdp.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_creating_a_role_assignment_is_audited(client, admin_user, commune_officer, tree):
    client.force_login(admin_user)

    response = client.post(
        "/admin/accounts/roleassignment/add/",
        {
            "user": commune_officer.pk,
            "org_unit": tree.song_cau_command.pk,
            "role": Role.COMMUNE_OFFICER,
            "valid_from": "2024-01-01",
            "valid_to": "",
        },
    )

    assignment = RoleAssignment.objects.get(org_unit=tree.song_cau_command)
    event = AuditEvent.objects.get(actor=admin_user)
    assert response.status_code == 302
    assert (event.actor, event.verb, event.target_id) == (
        admin_user,
        "role_assignment.created",
        str(assignment.pk),
    )
    assert event.changes == {
        "id": [None, assignment.pk],
        "user_id": [None, commune_officer.pk],
        "org_unit_id": [None, tree.song_cau_command.pk],
        "role": [None, "commune_officer"],
        "valid_from": [None, "2024-01-01"],
    }


def test_changing_a_role_assignment_records_only_what_changed(client, admin_user, commune_officer):
    assignment = commune_officer.role_assignments.get()
    client.force_login(admin_user)

    client.post(
        f"/admin/accounts/roleassignment/{assignment.pk}/change/",
        {
            "user": commune_officer.pk,
            "org_unit": assignment.org_unit_id,
            "role": Role.COMMUNE_OFFICER,
            "valid_from": "2020-01-01",
            "valid_to": "2024-12-31",
        },
    )

    event = AuditEvent.objects.get(actor=admin_user)
    assert event.verb == "role_assignment.changed"
    assert event.changes == {"valid_to": [None, "2024-12-31"]}


def test_deleting_a_role_assignment_is_audited(client, admin_user, commune_officer):
    assignment = commune_officer.role_assignments.get()
    client.force_login(admin_user)

    client.post(f"/admin/accounts/roleassignment/{assignment.pk}/delete/", {"post": "yes"})

    event = AuditEvent.objects.get(actor=admin_user)
    assert not RoleAssignment.objects.filter(pk=assignment.pk).exists()
    assert (event.verb, event.target_id) == ("role_assignment.deleted", str(assignment.pk))


def test_creating_a_user_with_a_role_is_audited_without_the_password(client, admin_user, tree):
    client.force_login(admin_user)

    response = client.post(
        "/admin/accounts/user/add/",
        {
            "username": "song_cau",
            "full_name": "Hoàng Văn Thụ",
            "position": "Chỉ huy trưởng",
            "password1": "Ngày mai trời lại sáng 2024",
            "password2": "Ngày mai trời lại sáng 2024",
            "role_assignments-TOTAL_FORMS": "1",
            "role_assignments-INITIAL_FORMS": "0",
            "role_assignments-0-role": Role.COMMUNE_OFFICER,
            "role_assignments-0-org_unit": tree.song_cau_command.pk,
            "role_assignments-0-valid_from": "2024-01-01",
            "role_assignments-0-valid_to": "",
        },
    )

    user = User.objects.get(username="song_cau")
    events = AuditEvent.objects.filter(actor=admin_user).order_by("id")
    assert response.status_code == 302
    assert user.check_password("Ngày mai trời lại sáng 2024")
    assert [e.verb for e in events] == ["user.created", "role_assignment.created"]
    assert events[0].changes["full_name"] == [None, "Hoàng Văn Thụ"]
    assert "password" not in events[0].changes
    assert events[1].changes["org_unit_id"] == [None, tree.song_cau_command.pk]


def test_role_assignments_edited_inline_on_the_user_are_audited(
    client, admin_user, commune_officer, tree
):
    existing = commune_officer.role_assignments.get()
    ended = RoleAssignmentFactory(
        user=commune_officer, org_unit=tree.song_cau_command, valid_from=date(2019, 1, 1)
    )
    client.force_login(admin_user)
    prefix = "role_assignments"

    response = client.post(
        f"/admin/accounts/user/{commune_officer.pk}/change/",
        {
            "username": "officer_dq",
            "full_name": "Nông Văn Dền",
            "position": "",
            "email": "",
            "is_active": "on",
            f"{prefix}-TOTAL_FORMS": "3",
            f"{prefix}-INITIAL_FORMS": "2",
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
            f"{prefix}-0-id": existing.pk,
            f"{prefix}-0-user": commune_officer.pk,
            f"{prefix}-0-role": Role.COMMUNE_OFFICER,
            f"{prefix}-0-org_unit": existing.org_unit_id,
            f"{prefix}-0-valid_from": "2020-01-01",
            f"{prefix}-0-valid_to": "2025-06-30",
            f"{prefix}-1-id": ended.pk,
            f"{prefix}-1-user": commune_officer.pk,
            f"{prefix}-1-role": Role.COMMUNE_OFFICER,
            f"{prefix}-1-org_unit": tree.song_cau_command.pk,
            f"{prefix}-1-valid_from": "2019-01-01",
            f"{prefix}-1-valid_to": "",
            f"{prefix}-1-DELETE": "on",
            f"{prefix}-2-user": commune_officer.pk,
            f"{prefix}-2-role": Role.LEADER,
            f"{prefix}-2-org_unit": tree.duong_quang.pk,
            f"{prefix}-2-valid_from": "2025-07-01",
            f"{prefix}-2-valid_to": "",
        },
    )

    verbs = sorted(AuditEvent.objects.filter(actor=admin_user).values_list("verb", "target_id"))
    new = RoleAssignment.objects.get(role=Role.LEADER)
    assert response.status_code == 302
    assert verbs == sorted(
        [
            ("user.changed", str(commune_officer.pk)),
            ("role_assignment.changed", str(existing.pk)),
            ("role_assignment.deleted", str(ended.pk)),
            ("role_assignment.created", str(new.pk)),
        ]
    )
    assert AuditEvent.objects.get(verb="role_assignment.changed").changes == {
        "valid_to": [None, "2025-06-30"]
    }
