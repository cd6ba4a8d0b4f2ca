"""Every main page, on the demo of 150 people, in Debian's chromium:

- axe-core finds no serious or critical violation;
- no text the user reads is an English message of our catalogues (a string
  left untranslated in a template or a view), no date is written the ISO way;
- with ``QSDP_SCREENSHOTS=<dir>`` (``make screenshots``), each page is saved
  as <page>-desktop.png (1366×768) and <page>-phone.png (390×844).

One test, so the demo is loaded once (the live server needs it committed, and
a transactional test empties the database after itself)."""

import io
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import Browser, Page

from qsdp.accounts.models import User
from qsdp.military_service.models import ServiceEvent
from qsdp.orgunits.models import OrgUnit, OrgUnitKind
from qsdp.review import services as review_services
from tests.browser.conftest import ROOT, axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
STAFF, AUDITOR, NOBODY = "chqs.thanhpho", "kiemtra", ""


@dataclass(frozen=True)
class MainPage:
    name: str
    url: Callable[[dict[str, int]], str]
    user: str = STAFF


def _to(name: str, query: str = "", **kwargs: str) -> Callable[[dict[str, int]], str]:
    def url(ids: dict[str, int]) -> str:
        args = [ids[key] for key in kwargs.values()]
        return reverse(name, args=args) + query

    return url


MAIN_PAGES = (
    MainPage("login", _to("accounts:login"), NOBODY),
    MainPage("home", _to("home")),
    MainPage("people", _to("people:person-list")),
    MainPage("person", _to("people:person-detail", pk="person")),
    MainPage("person-new", _to("people:person-create")),
    MainPage("military-service", _to("military_service:overview")),
    MainPage("registration", _to("military_service:registration-list")),
    MainPage("deferrals", _to("military_service:deferral-list")),
    MainPage("quotas", _to("military_service:quota-tree", "?year=2024")),
    MainPage("call-up-list", _to("military_service:candidate-list", "?year=2024")),
    MainPage("orders", _to("military_service:order-list", "?year=2024")),
    MainPage("reserves", _to("reserves:reservist-list")),
    MainPage("militia", _to("militia:member-list")),
    MainPage("training", _to("training:plan-list")),
    MainPage("drills", _to("operations:drill-plan-list")),
    MainPage("calendar", _to("operations:calendar")),
    MainPage("reports", _to("reporting:home")),
    MainPage("dashboard", _to("reporting:dashboard", "?year=2023")),
    MainPage("drilldown", _to("reporting:drilldown", "?year=2023", code="enlisted_code")),
    MainPage("reviews", _to("review:review-list")),
    MainPage("review", _to("review:review-detail", pk="review")),
    MainPage("awards", _to("awards:award-list")),
    MainPage("imports", _to("imports:job-list")),
    MainPage("import-new", _to("imports:job-create")),
    MainPage("units", _to("orgunits:tree")),
    MainPage("account", _to("accounts:account")),
    MainPage("api-tokens", _to("api:token-list")),
    MainPage("audit", _to("audit:log", "?kind=access"), AUDITOR),
)

# Msgids that read the same in both languages, or are too short to tell.
SAME_IN_BOTH = re.compile(r"^(?:[\W\d_]*|[A-Z0-9]{1,6}|.{1,3})$")
ISO_DATE = re.compile(r"\b(?:19|20)\d\d-[01]\d-[0-3]\d\b")


@cache
def english_msgids() -> frozenset[str]:
    """The English messages of every catalogue whose Vietnamese differs."""
    found: set[str] = set()
    for path in ROOT.glob("qsdp/*/locale/vi/LC_MESSAGES/django.po"):
        found.update(_english(path))
    found.update(_english(ROOT / "locale/vi/LC_MESSAGES/django.po"))
    return frozenset(found)


def _english(path: Path) -> set[str]:
    return {
        " ".join(entry.msgid.split())
        for entry in polib.pofile(str(path))
        if entry.msgstr
        and entry.msgstr != entry.msgid
        and "%" not in entry.msgid
        and "{" not in entry.msgid
        and not SAME_IN_BOTH.match(entry.msgid)
    }


# The text nodes a user reads (not code, not what is marked as another language).
VISIBLE_TEXTS = """() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const texts = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest("script, style, code, pre, [lang]:not([lang=vi])")) continue;
    const text = node.textContent.replace(/\\s+/g, " ").trim();
    if (text) texts.push(text);
  }
  for (const el of document.querySelectorAll("[placeholder], [aria-label], [title]")) {
    for (const name of ["placeholder", "aria-label", "title"]) {
      const value = el.getAttribute(name);
      if (value) texts.push(value.replace(/\\s+/g, " ").trim());
    }
  }
  return texts;
}"""


def _findings(page: Page) -> list[str]:
    texts = page.evaluate(VISIBLE_TEXTS)
    english = english_msgids()
    found = [f"English: {text!r}" for text in texts if text in english]
    found += [f"ISO date: {text!r}" for text in texts if ISO_DATE.search(text)]
    return found + axe_violations(page)


@pytest.fixture
def demo(settings):  # type: ignore[no-untyped-def]
    settings.QSDP_2FA_REQUIRED_ROLES = ()  # the journeys sign in with the code
    call_command("load_demo", people=150, stdout=io.StringIO())
    city = OrgUnit.objects.get(code="058", kind=OrgUnitKind.DISTRICT)
    staff = User.objects.get(username=STAFF)
    review = review_services.review_create(actor=staff, org_unit=city, year=2023)
    examined = (
        ServiceEvent.objects.filter(kind="health_exam")
        .order_by("person_id")
        .values_list("person_id", flat=True)
        .first()
    )
    return {"person": examined, "review": review.pk, "enlisted_code": "call_up.enlisted"}


def _context_for(browser: Browser, username: str, log_in, viewport):  # type: ignore[no-untyped-def]
    context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", viewport=viewport)
    context.set_default_timeout(20_000)
    page = context.new_page()
    if username:
        log_in(page, User.objects.get(username=username))
    return page


def test_every_main_page_passes_axe_reads_vietnamese_and_fits_a_phone(
    browser: Browser, live_server, demo, log_in
):
    shots = os.environ.get("QSDP_SCREENSHOTS")
    problems: dict[str, list[str]] = {}
    pages: dict[tuple[str, str], Page] = {}
    for main_page in MAIN_PAGES:
        for width, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
            key = (main_page.user, width)
            if key not in pages:
                pages[key] = _context_for(browser, main_page.user, log_in, viewport)
            page = pages[key]
            response = page.goto(live_server.url + main_page.url(demo))
            assert response is not None
            found = [] if response.ok else [f"HTTP {response.status}"]
            if width == "desktop":
                found += _findings(page)
            else:  # nothing wider than the phone: no sideways scrolling of the page
                overflow = page.evaluate("() => document.documentElement.scrollWidth")
                if overflow > viewport["width"] + 1:
                    found.append(f"page is {overflow}px wide on a {viewport['width']}px phone")
            if shots:
                Path(shots).mkdir(parents=True, exist_ok=True)
                page.screenshot(path=f"{shots}/{main_page.name}-{width}.png", full_page=True)
            if found:
                problems[f"{main_page.name} ({width})"] = found
    for page in pages.values():
        page.context.close()
    assert problems == {}
