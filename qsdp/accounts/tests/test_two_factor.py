"""Two-step sign-in: the password, then a code from the authenticator app;
required (with enrolment at first sign-in) for command staff and
administrators, optional for the others; counted by django-axes."""

import re
import time

import pyotp
import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from qsdp.accounts import twofactor
from qsdp.accounts.middleware import LOGIN_AT
from qsdp.accounts.models import RecoveryCode, TwoFactorDevice
from qsdp.accounts.services import two_factor_enrol
from qsdp.accounts.tests.factories import PASSWORD
from qsdp.core.models import AuditEvent

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
CODE = "/accounts/login/code/"
ENROL = "/accounts/login/enrol/"


def _password(client, user, **extra):
    return client.post(LOGIN, {"username": user.username, "password": PASSWORD, **extra})


def _enrolled(user):
    """``user`` with a confirmed authenticator; returns its TOTP and recovery codes."""
    secret = twofactor.new_secret()
    totp = pyotp.TOTP(secret)
    codes = two_factor_enrol(actor=user, user=user, secret=secret, code=totp.at(time.time() - 30))
    return totp, codes


def _logged_in(client):
    return "_auth_user_id" in client.session


def test_command_staff_password_alone_does_not_sign_in_and_the_code_does(client, command_staff):
    totp, _codes = _enrolled(command_staff)

    response = _password(client, command_staff, next="/people/")

    assert response.status_code == 302
    assert response.url == reverse("accounts:login-code")
    assert not _logged_in(client)
    assert client.get("/people/").status_code == 302  # still anonymous

    response = client.post(CODE, {"code": totp.now()})

    assert response.status_code == 302
    assert response.url == "/people/"
    assert client.session["_auth_user_id"] == str(command_staff.pk)
    assert isinstance(client.session[LOGIN_AT], float)


def test_a_wrong_code_is_refused_next_to_the_field(client, command_staff):
    totp, _codes = _enrolled(command_staff)
    _password(client, command_staff)
    wrong = f"{(int(totp.now()) + 1) % 1_000_000:06d}"

    response = client.post(CODE, {"code": wrong})

    assert response.status_code == 200
    assert "Mã không khớp." in response.content.decode()
    assert not _logged_in(client)
    assert AccessAttempt.objects.get(username=command_staff.username).failures_since_start == 1


def test_a_code_cannot_be_used_twice(client, command_staff):
    totp, _codes = _enrolled(command_staff)
    code = totp.now()
    _password(client, command_staff)
    client.post(CODE, {"code": code})
    client.post(reverse("accounts:logout"))

    _password(client, command_staff)
    response = client.post(CODE, {"code": code})

    assert response.status_code == 200
    assert not _logged_in(client)


def test_a_recovery_code_signs_in_once(client, command_staff):
    _totp, codes = _enrolled(command_staff)
    _password(client, command_staff)

    assert client.post(CODE, {"code": codes[0].lower()}).status_code == 302
    assert _logged_in(client)
    assert RecoveryCode.objects.filter(user=command_staff, used_at__isnull=False).count() == 1
    client.post(reverse("accounts:logout"))
    _password(client, command_staff)
    assert client.post(CODE, {"code": codes[0]}).status_code == 200
    assert not _logged_in(client)


def test_recovery_codes_are_stored_only_as_hashes(command_staff):
    _totp, codes = _enrolled(command_staff)

    stored = set(RecoveryCode.objects.values_list("code_hash", flat=True))
    assert len(codes) == 10
    assert stored == {twofactor.recovery_hash(code) for code in codes}
    assert not stored & set(codes)


def test_five_wrong_codes_lock_the_account_like_five_wrong_passwords(client, command_staff):
    totp, _codes = _enrolled(command_staff)
    wrong = f"{(int(totp.now()) + 500_000) % 1_000_000:06d}"
    _password(client, command_staff)

    statuses = [client.post(CODE, {"code": wrong}).status_code for _ in range(5)]

    assert statuses == [200, 200, 200, 200, 429]
    assert not _logged_in(client)
    response = _password(client, command_staff)  # the right password, now locked
    assert response.status_code == 429
    assert not _logged_in(client)


def test_the_code_step_is_rate_limited_per_password(client, command_staff, settings):
    settings.QSDP_2FA_MAX_TRIES = 3
    totp, _codes = _enrolled(command_staff)
    wrong = f"{(int(totp.now()) + 500_000) % 1_000_000:06d}"
    _password(client, command_staff)

    statuses = [client.post(CODE, {"code": wrong}).status_code for _ in range(3)]

    assert statuses == [200, 200, 302]
    # The password must be given again: even the right code no longer counts.
    response = client.post(CODE, {"code": totp.now()})
    assert response.status_code == 302
    assert response.url == reverse("accounts:login")
    assert not _logged_in(client)


def test_the_code_step_expires(client, command_staff, settings):
    totp, _codes = _enrolled(command_staff)
    _password(client, command_staff)
    settings.QSDP_2FA_PENDING_SECONDS = -1

    response = client.post(CODE, {"code": totp.now()})

    assert response.url == reverse("accounts:login")
    assert not _logged_in(client)


def test_the_code_step_without_a_password_goes_back_to_the_login(client, command_staff):
    _enrolled(command_staff)

    response = client.get(CODE)

    assert response.status_code == 302
    assert response.url == reverse("accounts:login")


def test_command_staff_without_an_authenticator_enrols_before_the_session(client, command_staff):
    response = _password(client, command_staff)

    assert response.url == reverse("accounts:login-enrol")
    assert not _logged_in(client)
    page = client.get(ENROL).content.decode()
    assert "<svg" in page
    secret = re.search(r'<code class="totp-secret">([A-Z2-7]+)</code>', page).group(1)

    response = client.post(ENROL, {"code": pyotp.TOTP(secret).now()})

    assert response.status_code == 200
    assert client.session["_auth_user_id"] == str(command_staff.pk)
    assert (
        len(re.findall(r"<li><code>[A-Z2-9]{5}-[A-Z2-9]{5}</code></li>", response.content.decode()))
        == 10
    )
    device = TwoFactorDevice.objects.get(user=command_staff)
    assert device.secret == secret
    assert device.confirmed_at is not None
    assert (
        AuditEvent.objects.filter(
            verb="user.two_factor_enabled", target_id=str(command_staff.pk)
        ).count()
        == 1
    )


def test_enrolment_with_a_wrong_code_establishes_no_session(client, admin_user):
    _password(client, admin_user)
    page = client.get(ENROL).content.decode()
    secret = re.search(r'<code class="totp-secret">([A-Z2-7]+)</code>', page).group(1)
    wrong = f"{(int(pyotp.TOTP(secret).now()) + 500_000) % 1_000_000:06d}"

    response = client.post(ENROL, {"code": wrong})

    assert response.status_code == 200
    assert not _logged_in(client)
    assert not TwoFactorDevice.objects.filter(user=admin_user).exists()


def test_a_commune_officer_without_an_authenticator_signs_in_with_the_password(
    client, commune_officer
):
    response = _password(client, commune_officer)

    assert response.url == reverse("home")
    assert client.session["_auth_user_id"] == str(commune_officer.pk)


def test_a_commune_officer_who_turned_it_on_is_asked_for_the_code(client, commune_officer):
    totp, _codes = _enrolled(commune_officer)

    response = _password(client, commune_officer)

    assert response.url == reverse("accounts:login-code")
    assert not _logged_in(client)
    client.post(CODE, {"code": totp.now()})
    assert _logged_in(client)


def test_the_session_ends_at_its_maximum_age_however_active(client, commune_officer, settings):
    _password(client, commune_officer)
    assert client.get("/people/").status_code == 200
    session = client.session
    session[LOGIN_AT] = time.time() - settings.QSDP_SESSION_MAX_AGE_HOURS * 3600 - 1
    session.save()

    response = client.get("/people/")

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    assert not _logged_in(client)


def test_the_maximum_age_has_a_sane_default(settings):
    assert settings.QSDP_SESSION_MAX_AGE_HOURS == 10
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.QSDP_2FA_REQUIRED_ROLES == ("command_staff", "admin")


# The account page: each user manages their own sign-in.


def test_account_page_needs_login(client):
    response = client.get(reverse("accounts:account"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_an_officer_turns_two_step_sign_in_on_and_off(client, commune_officer):
    client.force_login(commune_officer)
    page = client.get(reverse("accounts:account")).content.decode()
    secret = re.search(r'<code class="totp-secret">([A-Z2-7]+)</code>', page).group(1)
    totp = pyotp.TOTP(secret)

    response = client.post(reverse("accounts:account"), {"code": totp.at(time.time() - 30)})

    assert response.status_code == 200
    assert TwoFactorDevice.objects.get(user=commune_officer).confirmed_at is not None
    assert RecoveryCode.objects.filter(user=commune_officer).count() == 10

    response = client.post(reverse("accounts:account"), {"action": "disable", "code": totp.now()})

    assert response.status_code == 302
    assert not TwoFactorDevice.objects.filter(user=commune_officer).exists()
    assert not RecoveryCode.objects.filter(user=commune_officer).exists()
    assert list(
        AuditEvent.objects.filter(
            target_type="accounts.user", target_id=str(commune_officer.pk)
        ).values_list("verb", flat=True)
    ) == ["user.two_factor_disabled", "user.two_factor_enabled"]


def test_command_staff_cannot_turn_it_off(client, command_staff):
    totp, _codes = _enrolled(command_staff)
    client.force_login(command_staff)

    response = client.post(reverse("accounts:account"), {"action": "disable", "code": totp.now()})

    assert response.status_code == 200
    assert "không thể tắt" in response.content.decode()
    assert TwoFactorDevice.objects.filter(user=command_staff).exists()


def test_new_recovery_codes_replace_the_old_ones(client, commune_officer):
    _totp, codes = _enrolled(commune_officer)
    client.force_login(commune_officer)

    response = client.post(reverse("accounts:account"), {"action": "recovery_codes"})

    new = re.findall(r"<li><code>([A-Z2-9]{5}-[A-Z2-9]{5})</code></li>", response.content.decode())
    assert len(new) == 10
    assert not set(new) & set(codes)
    assert set(RecoveryCode.objects.values_list("code_hash", flat=True)) == {
        twofactor.recovery_hash(code) for code in new
    }
