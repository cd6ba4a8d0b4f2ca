from datetime import date

import pytest

from qsdp.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_anonymous_is_sent_to_the_site_login_page(client):
    response = client.get("/admin/", follow=True)

    assert response.redirect_chain == [
        ("/admin/login/?next=/admin/", 302),
        ("/accounts/login/?next=%2Fadmin%2F", 302),
    ]
    assert response.status_code == 200


@pytest.mark.parametrize("persona", ["commune_officer", "command_staff", "leader", "auditor"])
def test_non_administrators_are_refused_even_with_the_staff_flag(client, persona, request):
    user = request.getfixturevalue(persona)
    user.is_staff = True
    user.save()
    client.force_login(user)

    response = client.get("/admin/", follow=True)

    assert response.redirect_chain == [("/admin/login/?next=/admin/", 302)]
    assert response.status_code == 403
    assert "Không có quyền truy cập" in response.content.decode()


def test_non_administrator_cannot_open_a_model_page_either(client, commune_officer):
    client.force_login(commune_officer)

    response = client.get("/admin/accounts/user/")

    assert response.status_code == 302
    assert response.url == "/admin/login/?next=/admin/accounts/user/"


def test_administrator_enters_without_the_staff_flag(client, admin_user):
    client.force_login(admin_user)

    response = client.get("/admin/")

    html = response.content.decode()
    assert admin_user.is_staff is False
    assert response.status_code == 200
    assert "/admin/accounts/user/" in html
    assert "/admin/accounts/roleassignment/" in html
    assert "/admin/core/auditevent/" in html
    assert "/admin/auth/group/" not in html


def test_superuser_without_a_role_enters(client, tree):
    client.force_login(UserFactory(is_superuser=True))

    assert client.get("/admin/").status_code == 200


def test_expired_administrator_role_no_longer_opens_the_admin(client, admin_user):
    admin_user.role_assignments.update(valid_to=date(2021, 12, 31))
    client.force_login(admin_user)

    assert client.get("/admin/", follow=True).status_code == 403


def test_signed_in_administrator_visiting_the_admin_login_goes_to_the_index(client, admin_user):
    client.force_login(admin_user)

    response = client.get("/admin/login/")

    assert response.status_code == 302
    assert response.url == "/admin/"
