from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from qsdp.api import tokens
from qsdp.api.models import ApiToken
from qsdp.api.services import api_token_create, api_token_revoke, api_token_touch
from qsdp.core.errors import AccessDenied, DomainError
from qsdp.core.models import AuditEvent

PEOPLE = "/api/v1/people/"


def _client(secret: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client


def test_a_secret_has_the_scheme_and_256_random_bits():
    secret = tokens.new_secret()

    assert secret.startswith("qsdp_")
    assert len(secret) == len("qsdp_") + 43
    assert tokens.secret_prefix(secret) == secret[5:13]


def test_the_hash_is_the_sha256_of_the_secret():
    assert tokens.secret_hash("abc") == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )
    assert tokens.hash_matches("qsdp_abc", tokens.secret_hash("qsdp_abc"))
    assert not tokens.hash_matches("qsdp_abd", tokens.secret_hash("qsdp_abc"))


def test_creating_a_token_stores_only_the_digest_and_writes_one_event(commune_officer):
    token, secret = api_token_create(actor=commune_officer, name=" Xuất Excel ")

    stored = ApiToken.objects.values().get(pk=token.pk)
    assert secret not in str(stored)
    assert stored["secret_hash"] == tokens.secret_hash(secret)
    assert stored["prefix"] == secret[5:13]
    assert stored["name"] == "Xuất Excel"
    event = AuditEvent.objects.get(verb="api_token.created")
    assert event.target_id == str(token.pk)
    assert secret not in str(event.changes)


@pytest.mark.parametrize(
    ("name", "days", "code"),
    [
        ("  ", None, "api_token_name_required"),
        ("x", 0, "api_token_expiry_past"),
        ("x", 367, "api_token_expiry_too_far"),
    ],
)
def test_a_token_needs_a_name_and_an_expiry_within_a_year(commune_officer, name, days, code):
    expires = None if days is None else timezone.localdate() + timedelta(days=days)

    with pytest.raises(DomainError) as refused:
        api_token_create(actor=commune_officer, name=name, expires_on=expires)

    assert refused.value.code == code
    assert not ApiToken.objects.exists()


def test_the_owner_revokes_his_token(commune_officer):
    token, _ = api_token_create(actor=commune_officer, name="x")

    api_token_revoke(actor=commune_officer, token=token)

    token.refresh_from_db()
    assert token.revoked_by == commune_officer
    assert token.revoked_at is not None
    assert AuditEvent.objects.filter(verb="api_token.revoked", target_id=str(token.pk)).count() == 1


def test_an_administrator_revokes_any_token_and_another_user_none(
    commune_officer, outsider, admin_user
):
    token, _ = api_token_create(actor=commune_officer, name="x")

    with pytest.raises(AccessDenied):
        api_token_revoke(actor=outsider, token=token)
    token.refresh_from_db()
    assert token.revoked_at is None

    api_token_revoke(actor=admin_user, token=token)
    token.refresh_from_db()
    assert token.revoked_by == admin_user


def test_a_token_is_revoked_once(commune_officer):
    token, _ = api_token_create(actor=commune_officer, name="x")
    api_token_revoke(actor=commune_officer, token=token)

    with pytest.raises(DomainError) as refused:
        api_token_revoke(actor=commune_officer, token=token)

    assert refused.value.code == "api_token_already_revoked"


def test_a_valid_token_authenticates_its_user(commune_officer):
    _, secret = api_token_create(actor=commune_officer, name="x")

    response = _client(secret).get(PEOPLE)

    assert response.status_code == 200
    assert ApiToken.objects.get().last_used_at is not None


@pytest.mark.parametrize(
    "header",
    ["Bearer qsdp_nothing-like-a-real-secret", "Bearer", "Bearer a b", "Bearer tokenwithoutscheme"],
)
def test_an_unknown_or_malformed_token_is_a_401(db, header):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header)

    response = client.get(PEOPLE)

    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'


def test_a_revoked_token_is_a_401(commune_officer):
    token, secret = api_token_create(actor=commune_officer, name="x")
    api_token_revoke(actor=commune_officer, token=token)

    response = _client(secret).get(PEOPLE)

    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"


def test_an_expired_token_is_a_401(commune_officer):
    token, secret = api_token_create(
        actor=commune_officer, name="x", expires_on=timezone.localdate() + timedelta(days=1)
    )
    ApiToken.objects.filter(pk=token.pk).update(
        created_at=timezone.now() - timedelta(days=2),
        expires_at=timezone.now() - timedelta(seconds=1),
    )

    response = _client(secret).get(PEOPLE)

    assert response.status_code == 401
    assert response.json()["message"] == "Mã truy cập đã hết hạn."


def test_the_token_of_a_deactivated_user_is_a_401(commune_officer):
    _, secret = api_token_create(actor=commune_officer, name="x")
    commune_officer.is_active = False
    commune_officer.save()

    assert _client(secret).get(PEOPLE).status_code == 401


def test_an_expiry_date_lasts_to_the_end_of_that_day(commune_officer):
    day = timezone.localdate() + timedelta(days=30)

    token, _ = api_token_create(actor=commune_officer, name="x", expires_on=day)

    assert timezone.localtime(token.expires_at).date() == day
    assert timezone.localtime(token.expires_at).hour == 23


def test_last_use_is_written_at_most_once_a_minute(commune_officer):
    token, _ = api_token_create(actor=commune_officer, name="x")
    first = timezone.now()

    api_token_touch(token=token, now=first)
    api_token_touch(token=token, now=first + timedelta(seconds=59))
    token.refresh_from_db()
    assert token.last_used_at == first

    api_token_touch(token=token, now=first + timedelta(seconds=61))
    token.refresh_from_db()
    assert token.last_used_at == first + timedelta(seconds=61)


def test_anonymous_requests_are_a_401_with_the_bearer_challenge(db):
    response = APIClient().get(PEOPLE)

    assert response.status_code == 401
    assert response.json() == {
        "code": "not_authenticated",
        "message": "Thông tin xác thực không được cung cấp.",
        "extra": {},
    }


def test_the_session_works_and_needs_its_csrf_token_to_change(commune_officer, tree):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(commune_officer)

    assert client.get(PEOPLE).status_code == 200
    response = client.post(PEOPLE, {}, format="json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["message"]
