"""The Dương Quang officer logs in, searches a person without diacritics and
opens the person's timeline, in Debian's chromium."""

import pytest
from playwright.sync_api import Page, expect

from qsdp.accounts.tests.factories import PASSWORD
from qsdp.people.tests.factories import create_person

pytestmark = pytest.mark.django_db(transaction=True)


def test_officer_finds_a_person_without_diacritics_and_opens_the_timeline(
    page: Page, live_server, tree, commune_officer, screenshot
):
    create_person(tree.duong_quang, family_name="Nguyễn", middle_name="Văn", given_name="An")
    create_person(
        tree.duong_quang, family_name="Hoàng", middle_name="Thị", given_name="Lan", sex="female"
    )
    create_person(tree.song_cau, family_name="Nguyễn", middle_name="Văn", given_name="Cường")

    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", commune_officer.username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").last.click()
    expect(page.locator("h1")).to_have_text("Địa bàn của bạn")

    page.get_by_role("link", name="Công dân").first.click()
    page.get_by_label("Họ tên hoặc số CCCD").fill("nguyen van")
    rows = page.locator("#person-rows tbody tr")
    expect(rows).to_have_count(1)  # HTMX replaced the rows as the officer typed
    expect(rows.first).to_contain_text("Nguyễn Văn An")
    expect(page.locator("#person-rows")).not_to_contain_text("Cường")  # Sông Cầu's person
    screenshot(page, "search")

    rows.first.get_by_role("link", name="Nguyễn Văn An").click()
    expect(page.locator("h1")).to_have_text("Nguyễn Văn An")
    expect(page.locator("#timeline")).to_contain_text("Bắt đầu cư trú: Xã Dương Quang")
    expect(page.locator("#timeline")).to_contain_text("Ghi vào sổ đăng ký")
    screenshot(page, "timeline")
