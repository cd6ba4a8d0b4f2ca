"""The defences of docs/security.md that live in the settings: the Content
Security Policy on every page (and no page that would need more), the headers
and cookies of production, and ``check --deploy``."""

import io
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from qsdp.accounts.models import User

ROOT = Path(__file__).resolve().parent.parent
CSP = {
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
}


def policy(response) -> set[str]:
    return {part.strip() for part in response["Content-Security-Policy"].split(";")}


class InlineCode(HTMLParser):
    """Collects what the policy would block: inline scripts, event-handler
    attributes, style attributes and <style> blocks."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _value in attrs}
        if tag == "script" and "src" not in names:
            self.problems.append("<script> without src")
        if tag == "style":
            self.problems.append("<style> block")
        if "style" in names:
            self.problems.append(f"style= on <{tag}>")
        self.problems += [
            f"{name}= on <{tag}>" for name in names if name.startswith(("on", "hx-on"))
        ]
        if any((value or "").strip().lower().startswith("javascript:") for _n, value in attrs):
            self.problems.append(f"javascript: URL on <{tag}>")


def inline_code(html: str) -> list[str]:
    parser = InlineCode()
    parser.feed(html)
    return parser.problems


@pytest.mark.django_db
def test_every_response_carries_the_strict_policy_and_the_headers(client):
    response = client.get("/accounts/login/")

    assert policy(response) == CSP
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_the_inline_code_finder_finds_what_the_policy_blocks():
    html = (
        '<script>alert(1)</script><script src="/static/x.js"></script>'
        '<a onclick="x()" style="color:red" href="javascript:void(0)">a</a>'
        '<div hx-on:click="x">b</div>'
    )
    assert inline_code(html) == [
        "<script> without src",
        "style= on <a>",
        "onclick= on <a>",
        "javascript: URL on <a>",
        "hx-on:click= on <div>",
    ]


def test_no_template_of_the_repository_holds_inline_code():
    # Document templates (qsdp/*/templates/*/..._document.html) are printed by
    # WeasyPrint to PDF, never served to a browser: the policy does not apply.
    found = []
    for path in ROOT.glob("**/templates/**/*.html"):
        if ".venv" in path.parts or "node_modules" in path.parts or "documents" in path.parts:
            continue
        found += [f"{path.relative_to(ROOT)}: {p}" for p in inline_code(path.read_text())]
    assert found == []


def test_htmx_is_told_not_to_inject_styles_or_evaluate_code():
    base = (ROOT / "templates/base.html").read_text()
    assert (
        '<meta name="htmx-config" content=\'{"includeIndicatorStyles": false, '
        '"allowEval": false, "allowScriptTags": false}\'>'
    ) in base
    assert ".htmx-request .htmx-indicator" in (ROOT / "static/css/app.css").read_text()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo of 150 people, rolled back when the module is done."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", people=150, stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


LINK = re.compile(r'href="(/[^"#]*)"')
SKIP = ("/static/", "/admin/", "/api/", "/i18n/", "/media/")


def _crawl(client: Client, start: str, limit: int) -> dict[str, list[str]]:
    """Every page reachable from ``start`` within our site (up to ``limit``),
    with what the policy would block on it."""
    seen: dict[str, list[str]] = {}
    queue = [start]
    while queue and len(seen) < limit:
        url = queue.pop(0)
        if url in seen:
            continue
        response = client.get(url)
        assert response.status_code < 500, url
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            seen[url] = []
            continue
        assert policy(response) == CSP, url
        html = response.content.decode()
        seen[url] = inline_code(html)
        for link in LINK.findall(html):
            link = link.replace("&amp;", "&")
            if not link.startswith(SKIP) and "pdf" not in link and "xlsx" not in link:
                queue.append(link.split("?")[0])
    return seen


@pytest.mark.parametrize(("username", "limit"), [("quantri", 60), ("kiemtra", 15)])
def test_a_crawl_of_the_main_pages_finds_no_inline_code(demo, db, username, limit):
    client = Client()
    client.force_login(User.objects.get(username=username))

    pages = _crawl(client, "/", limit=limit)

    assert len(pages) == limit
    assert {url: found for url, found in pages.items() if found} == {}


PRODUCTION_ENV = {
    "QSDP_ENV": "production",
    "DJANGO_SECRET_KEY": "p" * 20 + "-production-secret-for-the-check-only-0123456789",
    "DJANGO_ALLOWED_HOSTS": "qsdp.example.vn",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://qsdp.example.vn",
    "DATABASE_URL": "sqlite:////tmp/qsdp-deploy-check.sqlite3",
}


def _in_production(code: str, **extra: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QSDP_", "DJANGO_"))}
    env.update(PRODUCTION_ENV, **extra)
    result = subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_check_deploy_is_clean_with_production_settings():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QSDP_", "DJANGO_"))}
    env.update(PRODUCTION_ENV)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_marks_cookies_secure_and_sends_hsts():
    out = _in_production(
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'config.settings');"
        "django.setup(); from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT,"
        " s.SECURE_HSTS_SECONDS, s.SECURE_PROXY_SSL_HEADER, s.DEBUG)"
    )
    assert out.split() == [
        "True", "True", "True", "31536000", "('HTTP_X_FORWARDED_PROTO',", "'https')", "False"
    ]  # fmt: skip


def test_without_a_tls_proxy_the_forwarded_header_is_not_trusted():
    out = _in_production(
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'config.settings');"
        "django.setup(); from django.conf import settings as s;"
        "print(s.SECURE_PROXY_SSL_HEADER, s.SECURE_SSL_REDIRECT)",
        QSDP_BEHIND_TLS_PROXY="0",
        DJANGO_SECURE_SSL_REDIRECT="0",
    )
    assert out.split() == ["None", "False"]
