"""The API tokens page and the documentation page."""

import re

import pytest
from django.contrib.admin.sites import site
from django.test import Client
from django.urls import reverse

from qsdp.api import tokens
from qsdp.api.models import ApiToken
from qsdp.api.services import api_token_create
from qsdp.core.models import AuditEvent

TOKENS = "/api/v1/tokens/"


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("url", [TOKENS, "/api/v1/docs/"])
def test_anonymous_is_sent_to_sign_in(db, url):
    response = Client().get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_anonymous_cannot_revoke(commune_officer):
    token, _ = api_token_create(actor=commune_officer, name="x")

    response = Client().post(f"/api/v1/tokens/{token.pk}/revoke/")

    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is None


def test_the_secret_is_shown_once_and_the_database_holds_only_its_digest(leader):
    client = _client(leader)

    response = client.post(TOKENS, {"name": "Báo cáo tháng", "expires_on": ""})

    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    secret = re.search(r'id="new-token-secret">(qsdp_[\w-]+)<', response.content.decode())[1]
    token = ApiToken.objects.get()
    assert (token.user, token.name, token.secret_hash) == (
        leader,
        "Báo cáo tháng",
        tokens.secret_hash(secret),
    )
    assert secret not in str(ApiToken.objects.values().get())
    assert AuditEvent.objects.filter(verb="api_token.created").count() == 1
    again = client.get(TOKENS).content.decode()
    assert secret not in again
    assert f"qsdp_{token.prefix}…" in again


def test_a_refused_token_shows_the_message_next_to_the_field(commune_officer):
    response = _client(commune_officer).post(TOKENS, {"name": "x", "expires_on": "2000-01-01"})

    assert "Ngày hết hạn phải sau hôm nay." in response.content.decode()
    assert not ApiToken.objects.exists()


def test_a_user_sees_and_revokes_only_his_own_tokens(commune_officer, outsider):
    mine, _ = api_token_create(actor=commune_officer, name="của tôi")
    theirs, _ = api_token_create(actor=outsider, name="của người khác")
    client = _client(commune_officer)

    page = client.get(TOKENS).content.decode()
    assert "của tôi" in page
    assert "của người khác" not in page
    assert client.post(f"/api/v1/tokens/{theirs.pk}/revoke/").status_code == 404
    assert client.post(f"/api/v1/tokens/{mine.pk}/revoke/").status_code == 302

    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.revoked_by == commune_officer
    assert theirs.revoked_at is None


def test_an_administrator_revokes_any_token_in_the_admin(commune_officer, admin_user):
    token, _ = api_token_create(actor=commune_officer, name="x")
    client = _client(admin_user)

    response = client.post(
        reverse("admin:api_apitoken_changelist"),
        {"action": "revoke", "_selected_action": [token.pk]},
    )

    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_by == admin_user
    page = client.get(reverse("admin:api_apitoken_change", args=[token.pk])).content.decode()
    assert token.secret_hash not in page
    assert site.is_registered(ApiToken)


def test_the_docs_page_has_no_inline_script_or_style_and_loads_local_assets(commune_officer):
    html = _client(commune_officer).get("/api/v1/docs/").content.decode()

    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    executable = [attrs for attrs, body in scripts if 'type="application/json"' not in attrs]
    assert all('src="/static/' in attrs for attrs in executable)
    assert all(not body.strip() for attrs, body in scripts if attrs in executable)
    assert "swagger-ui-bundle.js" in html
    assert "<style" not in html
    assert "style=" not in html
    assert "http" not in re.sub(r'"schemaUrl"|https?://www\.w3\.org', "", html)


def test_the_schema_is_served_to_a_signed_in_user(commune_officer):
    response = _client(commune_officer).get("/api/v1/schema/", {"format": "json"})

    assert response.status_code == 200
    assert response.json()["info"]["title"] == "qsdp API"
    assert "/api/v1/people/{id}/" in response.json()["paths"]


def test_the_user_menu_links_to_the_api_tokens(leader):
    html = _client(leader).get(TOKENS).content.decode()

    assert '<a href="/api/v1/tokens/">Mã truy cập API</a>' in html
