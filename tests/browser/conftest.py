"""Playwright, driving Debian's chromium (never a downloaded browser).

Every test in this folder is marked ``browser`` and gets a fresh ``page`` in a
Vietnamese browser context; the app runs in pytest-django's ``live_server``.
``screenshot(page, "label")`` keeps a picture under test-results/screenshots/;
``log_in(page, user)`` signs a user in without the login page (the journeys
that test the login page itself go through it); ``axe_violations(page)`` runs
axe-core, installed from the npm registry, inside the page.
"""

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Browser, Page, sync_playwright

# Playwright's sync API runs an event loop in the test thread; Django would
# otherwise refuse ORM calls made by the test itself (fixtures, assertions).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HERE = Path(__file__).parent
ROOT = HERE.parent.parent
SCREENSHOTS = ROOT / "test-results" / "screenshots"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# What a user cannot work around; "moderate" and "minor" findings are reviewed by hand.
AXE_BLOCKING = ("serious", "critical")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", viewport={"width": 1280, "height": 800}
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    # Leave the app first: a delayed htmx trigger of the last page must not reach
    # the server while the test's database is being emptied.
    page.goto("about:blank")
    context.close()


def save_screenshot(page: Page, name: str) -> Path:
    """A full-page PNG at test-results/screenshots/<name>.png; returns its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{re.sub(r'[^A-Za-z0-9_.-]+', '-', name)}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.fixture
def screenshot(request: pytest.FixtureRequest) -> Callable[[Page, str], Path]:
    """``screenshot(page, "after-login")`` → test-results/screenshots/<test>-after-login.png."""

    def take(page: Page, label: str) -> Path:
        return save_screenshot(page, f"{request.node.name}-{label}")

    return take


@pytest.fixture
def log_in(live_server):  # type: ignore[no-untyped-def]
    """``log_in(page, user)``: the session of a signed-in user, put into the
    browser as its cookie (the two-step sign-in is the login page's business)."""

    def sign_in(page: Page, user) -> None:  # type: ignore[no-untyped-def]
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies(
            [{"name": cookie.key, "value": cookie.value, "url": live_server.url}]
        )

    return sign_in


def axe_violations(page: Page, impacts: tuple[str, ...] = AXE_BLOCKING) -> list[str]:
    """axe-core's violations of the given impacts on the page as it is now, one
    line each. The script is evaluated through the DevTools protocol, which the
    page's Content-Security-Policy does not govern (no inline <script> needed)."""
    if not page.evaluate("() => Boolean(window.axe)"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    results = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"
    )
    return [
        f"{v['impact']} {v['id']}: {v['help']} — {', '.join(v['targets'])}"
        for v in results
        if v["impact"] in impacts
    ]
