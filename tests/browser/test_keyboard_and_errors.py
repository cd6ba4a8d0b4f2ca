"""Everything by keyboard: the main menu is reached with Tab in order, each
focused link shows a visible focus ring; a form is filled and sent without a
mouse, and its errors are tied to their fields (aria-describedby) and the
first of them takes the focus, so a screen reader reads it out."""

import pytest
from playwright.sync_api import Page, expect

from qsdp.people.models import Person

pytestmark = pytest.mark.django_db(transaction=True)

FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {menu: Boolean(el.closest(".nav-links")), tag: el.tagName,
          href: el.getAttribute("href"), name: el.getAttribute("name"), cls: el.className,
          outline: style.outlineStyle, width: parseFloat(style.outlineWidth)};
}"""


def _tab(page: Page) -> dict:  # type: ignore[type-arg]
    page.keyboard.press("Tab")
    return page.evaluate(FOCUSED)


def test_the_main_menu_is_reached_by_tab_in_order_with_a_visible_focus(
    page: Page, live_server, commune_officer, log_in
):
    log_in(page, commune_officer)
    page.goto(f"{live_server.url}/")
    menu = page.locator("nav .nav-links a")
    expected = [menu.nth(i).get_attribute("href") for i in range(menu.count())]
    assert len(expected) >= 10

    first = _tab(page)
    assert first["cls"] == "skip-link"
    reached = []
    for _ in range(len(expected) + 5):
        focused = _tab(page)
        if focused["menu"]:
            reached.append(focused["href"])
            assert (focused["outline"], focused["width"]) == ("solid", 3), focused
    assert reached == expected

    page.goto(f"{live_server.url}/")
    _tab(page)
    page.keyboard.press("Enter")  # the skip link
    assert page.evaluate("() => document.activeElement.id") == "main"


def test_a_form_is_sent_by_keyboard_and_its_errors_are_announced(
    page: Page, live_server, commune_officer, log_in
):
    log_in(page, commune_officer)
    page.goto(f"{live_server.url}/people/new/")
    for _ in range(40):
        if _tab(page)["name"] == "family_name":
            break
    page.keyboard.type("Hoàng")
    assert _tab(page)["name"] == "middle_name"
    page.keyboard.type("Văn")
    page.keyboard.press("Enter")  # the given name and the rest are missing

    given = page.locator("[name=given_name]")
    expect(given).to_have_attribute("aria-invalid", "true")
    expect(given).to_be_focused()  # the first field in error takes the focus
    described = (given.get_attribute("aria-describedby") or "").split()
    error_id = next(i for i in described if i.endswith("_error"))
    error = page.locator(f"#{error_id}")
    expect(error).to_be_visible()
    expect(error).to_have_text("Trường này là bắt buộc.")
    expect(page.locator("[name=family_name]")).to_have_value("Hoàng")
    assert Person.objects.count() == 0
