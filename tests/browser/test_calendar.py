"""The Dương Quang officer reads October 2023 in the calendar: a grid of weeks
on a desk, the next month by HTMX, and the list of busy days on a phone.
(One test: a transactional test empties the seeded trainee categories.)"""

import pytest
from playwright.sync_api import Page, expect

from qsdp.accounts.tests.factories import PASSWORD
from qsdp.operations.tests.factories import calendar_month

pytestmark = pytest.mark.django_db(transaction=True)


def _log_in(page: Page, live_server, user) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").last.click()
    expect(page.locator("h1")).to_have_text("Địa bàn của bạn")


def test_the_officer_reads_the_month_and_turns_to_the_next(
    page: Page, live_server, tree, commune_officer, screenshot
):
    calendar_month(tree)
    _log_in(page, live_server, commune_officer)

    page.goto(f"{live_server.url}/operations/calendar/?year=2023&month=10")
    expect(page.locator("#calendar-title")).to_contain_text("Tháng 10/2023")
    expect(page.locator("table.calendar thead th")).to_have_count(7)
    expect(page.locator("table.calendar tbody tr")).to_have_count(6)
    expect(page.locator("table.calendar")).to_contain_text("Trực SSCĐ: 2 người")
    expect(page.locator("table.calendar")).not_to_contain_text("Sông Cầu")
    screenshot(page, "desk")

    page.get_by_role("link", name="Tháng sau ›").click()
    expect(page.locator("#calendar-title")).to_contain_text("Tháng 11/2023")
    expect(page).to_have_url(f"{live_server.url}/operations/calendar/?year=2023&month=11")
    expect(page.locator("#calendar-status")).to_have_text("Tháng 11/2023: 0 mục")
    expect(page.locator("input[name=month]")).to_have_value("11")

    # On a phone: the days that hold something, one under another.
    page.set_viewport_size({"width": 375, "height": 800})
    page.get_by_role("link", name="‹ Tháng trước").click()
    expect(page.locator("#calendar-title")).to_contain_text("Tháng 10/2023")
    days = page.locator("table.calendar td:visible")
    expect(days).to_have_count(11)
    expect(days.first).to_contain_text("Thứ 2, 02/10/2023")
    expect(page.locator("table.calendar thead")).to_be_hidden()
    screenshot(page, "phone")
