"""Language and feedback in the browser: English is one click away in the user
menu; dates read dd/mm/yyyy and numbers 1.234,5; a clicked button turns busy
and disabled while its request runs (static/js/feedback.js), and a search
shows its htmx indicator until the answer comes."""

from datetime import date
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation
from playwright.sync_api import Page, Route, expect

from qsdp.people.tests.factories import create_person

pytestmark = pytest.mark.django_db(transaction=True)

WATCH_THE_BUTTON = """selector => {
  const button = document.querySelector(selector);
  new MutationObserver(() => sessionStorage.setItem("button", JSON.stringify(
    {disabled: button.disabled, busy: button.getAttribute("aria-busy")}
  ))).observe(button, {attributes: true});
}"""


def test_numbers_and_dates_are_written_the_vietnamese_way():
    template = Template('{{ n|floatformat:"1g" }} · {{ d|date:"SHORT_DATE_FORMAT" }}')
    with translation.override("vi"):
        text = template.render(Context({"n": Decimal("1234.5"), "d": date(2009, 3, 5)}))
    assert text == "1.234,5 · 05/03/2009"


def test_english_is_chosen_from_the_user_menu_and_the_button_shows_it_is_working(
    page: Page, live_server, tree, commune_officer, log_in
):
    person = create_person(
        tree.duong_quang, family_name="Hoàng", middle_name="Văn", given_name="Được",
        birth_date=date(2009, 3, 5), sex="male",
    )  # fmt: skip
    log_in(page, commune_officer)
    page.goto(f"{live_server.url}/people/{person.pk}/")
    expect(page.locator("main")).to_contain_text("05/03/2009")
    # What the button shows between the click and the next page, kept where
    # the next page can still read it.
    page.evaluate(WATCH_THE_BUTTON, ".language-form button[value=en]")

    page.locator("details.dropdown > summary").click()
    with page.expect_request("**/i18n/setlang/") as sent:
        page.locator(".language-form button[value=en]").click()
    assert "language=en" in (sent.value.post_data or "")  # disabled only after it was sent
    seen = page.evaluate("() => JSON.parse(sessionStorage.getItem('button') || 'null')")
    assert seen == {"disabled": True, "busy": "true"}
    nav = page.get_by_role("navigation", name="Main navigation")
    expect(nav.get_by_role("link", name="People", exact=True)).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("main")).to_contain_text("05/03/2009")


def test_the_search_shows_its_indicator_while_it_runs(
    page: Page, live_server, tree, commune_officer, log_in
):
    log_in(page, commune_officer)
    page.goto(f"{live_server.url}/people/")
    held: list[Route] = []
    page.route("**/people/?*", lambda route: held.append(route))

    page.get_by_label("Họ tên hoặc số CCCD").fill("hoang")
    indicator = page.locator("#search-indicator")
    expect(indicator).to_be_visible()
    expect(indicator).to_have_text("Đang tìm…")
    held[0].continue_()
    expect(indicator).to_be_hidden()
