import pytest

from qsdp.accounts.backends import AdminRoleBackend
from qsdp.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_administrator_has_every_django_permission(admin_user):
    assert admin_user.has_perm("accounts.change_user") is True
    assert admin_user.has_module_perms("core") is True


@pytest.mark.parametrize("persona", ["commune_officer", "command_staff", "leader", "auditor"])
def test_other_roles_have_no_django_permission(persona, request):
    user = request.getfixturevalue(persona)

    assert user.has_perm("accounts.change_user") is False
    assert user.has_module_perms("accounts") is False


def test_inactive_administrator_has_no_permission(admin_user):
    admin_user.is_active = False

    assert AdminRoleBackend().has_perm(admin_user, "accounts.change_user") is False


def test_the_backend_authenticates_no_one(rf, admin_user):
    user = AdminRoleBackend().authenticate(rf.get("/"), username="admin", password=PASSWORD)

    assert user is None
