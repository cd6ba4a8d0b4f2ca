"""Login, lockout, logout, session expiry, password change, language switch.

The page text is checked in Vietnamese, the default language; the catalogues
must be compiled first (`make test` does it)."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from qsdp.accounts.middleware import TOUCHED_AT
from qsdp.accounts.tests.factories import PASSWORD
from qsdp.core.models import AuditEvent

pytestmark = pytest.mark.django_db

LOGIN_URL = "/accounts/login/"


def _login(client, username, password, **extra):
    return client.post(LOGIN_URL, {"username": username, "password": password, **extra})


def test_login_page_is_in_vietnamese_by_default(client):
    response = client.get(LOGIN_URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="vi"' in html
    assert "<h1>Đăng nhập</h1>" in html
    assert "Công tác Quốc phòng – Quân sự địa phương" in html
    assert '<label for="id_username">Tên đăng nhập' in html
    assert '<label for="id_password">Mật khẩu' in html
    assert 'name="language" value="en"' in html


def test_correct_password_logs_in_and_goes_home(client, commune_officer):
    response = _login(client, "officer_dq", PASSWORD)

    assert response.status_code == 302
    assert response.url == reverse("home")
    assert client.session["_auth_user_id"] == str(commune_officer.pk)


def test_login_goes_to_the_page_asked_for(client, commune_officer):
    response = _login(client, "officer_dq", PASSWORD, next="/accounts/password/")

    assert response.status_code == 302
    assert response.url == "/accounts/password/"


def test_login_ignores_a_next_address_on_another_site(client, commune_officer):
    response = _login(client, "officer_dq", PASSWORD, next="https://example.com/")

    assert response.url == reverse("home")


def test_wrong_password_shows_the_vietnamese_error_on_the_form(client, commune_officer):
    response = _login(client, "officer_dq", "wrong password")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<div class="form-errors" role="alert">' in html
    assert "Sai tên đăng nhập hoặc mật khẩu." in html
    assert "_auth_user_id" not in client.session


def test_inactive_user_cannot_log_in(client, commune_officer):
    commune_officer.is_active = False
    commune_officer.save()

    response = _login(client, "officer_dq", PASSWORD)

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_five_failures_lock_the_account_and_the_sixth_attempt_is_refused(client, commune_officer):
    statuses = [_login(client, "officer_dq", f"wrong {n}").status_code for n in range(5)]

    response = _login(client, "officer_dq", "wrong again")

    html = response.content.decode()
    assert statuses == [200, 200, 200, 200, 429]
    assert response.status_code == 429
    assert "<h1>Tạm khóa đăng nhập</h1>" in html
    assert "Tài khoản này đã bị tạm khóa sau 5 lần đăng nhập sai." in html
    assert "Vui lòng chờ 15 phút rồi thử lại." in html


def test_correct_password_is_refused_while_locked(client, commune_officer):
    for n in range(5):
        _login(client, "officer_dq", f"wrong {n}")

    response = _login(client, "officer_dq", PASSWORD)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_of_one_account_leaves_others_alone(client, commune_officer, outsider):
    for n in range(5):
        _login(client, "officer_dq", f"wrong {n}")

    response = _login(client, "officer_sc", PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(outsider.pk)


def test_successful_login_resets_the_failure_count(client, commune_officer):
    for n in range(4):
        _login(client, "officer_dq", f"wrong {n}")
    _login(client, "officer_dq", PASSWORD)
    client.post("/accounts/logout/")

    statuses = [_login(client, "officer_dq", f"wrong {n}").status_code for n in range(4)]

    assert statuses == [200, 200, 200, 200]


def test_logout_by_post_ends_the_session(client, commune_officer):
    client.force_login(commune_officer)

    response = client.post("/accounts/logout/")

    assert response.status_code == 302
    assert response.url == LOGIN_URL
    assert "_auth_user_id" not in client.session


def test_logout_by_get_is_refused_and_keeps_the_session(client, commune_officer):
    client.force_login(commune_officer)

    response = client.get("/accounts/logout/")

    assert response.status_code == 405
    assert client.session["_auth_user_id"] == str(commune_officer.pk)


def test_session_lasts_the_idle_timeout_and_the_cookie_ends_with_the_browser(
    client, commune_officer, settings
):
    client.force_login(commune_officer)

    response = client.get("/accounts/password/")

    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert client.session.get_expiry_age() == 30 * 60
    assert response.cookies["sessionid"]["max-age"] == ""


def test_each_request_pushes_the_session_expiry_back(client, commune_officer):
    client.force_login(commune_officer)
    key = client.session.session_key
    Session.objects.filter(pk=key).update(expire_date=timezone.now() + timedelta(minutes=1))

    client.get("/accounts/password/")

    expires_in = Session.objects.get(pk=key).expire_date - timezone.now()
    assert timedelta(minutes=29) < expires_in <= timedelta(minutes=30)


def test_the_expiry_is_pushed_back_at_most_once_a_minute(client, commune_officer):
    client.force_login(commune_officer)
    client.get("/accounts/password/")
    key = client.session.session_key
    soon = timezone.now() + timedelta(minutes=1)
    Session.objects.filter(pk=key).update(expire_date=soon)

    client.get("/accounts/password/")

    assert Session.objects.get(pk=key).expire_date == soon  # touched less than a minute ago
    session = client.session
    session[TOUCHED_AT] -= 61
    session.save()
    Session.objects.filter(pk=key).update(expire_date=soon)

    client.get("/accounts/password/")

    expires_in = Session.objects.get(pk=key).expire_date - timezone.now()
    assert timedelta(minutes=29) < expires_in <= timedelta(minutes=30)


def test_idle_session_has_expired_and_asks_to_log_in_again(client, commune_officer):
    client.force_login(commune_officer)
    key = client.session.session_key
    Session.objects.filter(pk=key).update(expire_date=timezone.now() - timedelta(seconds=1))

    response = client.get("/accounts/password/")

    assert response.status_code == 302
    assert response.url == f"{LOGIN_URL}?next=/accounts/password/"


def test_password_change_page_needs_login(client):
    response = client.get("/accounts/password/")

    assert response.status_code == 302
    assert response.url == f"{LOGIN_URL}?next=/accounts/password/"


def test_password_change_page_is_linked_from_the_user_menu(client, commune_officer):
    client.force_login(commune_officer)

    response = client.get("/accounts/password/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<a href="/accounts/password/">Đổi mật khẩu</a>' in html
    assert '<label for="id_old_password">Mật khẩu cũ' in html


def test_password_change_is_audited_and_keeps_the_user_logged_in(client, commune_officer):
    client.force_login(commune_officer)

    response = client.post(
        "/accounts/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "Ngày mai trời lại sáng 2024",
            "new_password2": "Ngày mai trời lại sáng 2024",
        },
    )

    commune_officer.refresh_from_db()
    event = AuditEvent.objects.get(verb="user.password_changed")
    assert response.status_code == 302
    assert response.url == "/accounts/password/done/"
    assert commune_officer.check_password("Ngày mai trời lại sáng 2024")
    assert (event.actor, event.target_id, event.changes) == (
        commune_officer,
        str(commune_officer.pk),
        {},
    )
    assert client.get("/accounts/password/done/").status_code == 200


def test_password_change_refuses_a_short_password_next_to_the_field(client, commune_officer):
    client.force_login(commune_officer)

    response = client.post(
        "/accounts/password/",
        {"old_password": PASSWORD, "new_password1": "x7k", "new_password2": "x7k"},
    )

    html = response.content.decode()
    commune_officer.refresh_from_db()
    assert response.status_code == 200
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_new_password2_helptext id_new_password2_error"' in html
    assert '<ul id="id_new_password2_error" class="errorlist">' in html
    assert "<li>Mật khẩu quá ngắn. Mật khẩu phải có ít nhất 10 ký tự.</li>" in html
    assert commune_officer.check_password(PASSWORD)
    assert not AuditEvent.objects.filter(verb="user.password_changed").exists()


def test_english_can_be_chosen_and_is_remembered(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": LOGIN_URL})

    page = client.get(LOGIN_URL).content.decode()
    assert response.status_code == 302
    assert response.url == LOGIN_URL
    assert '<html lang="en"' in page
    assert "<h1>Log in</h1>" in page
    assert 'name="language" value="vi"' in page
