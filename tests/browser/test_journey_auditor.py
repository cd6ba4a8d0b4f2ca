"""Journey: the auditor finds who read a person's health result — the
Dương Quang officer opened the man's page, which shows his health class."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Page, expect

from qsdp.military_service.tests.factories import examined, registered

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def read_by_the_officer(tree, commune_officer, leader):  # type: ignore[no-untyped-def]
    person = registered(
        tree.duong_quang, family_name="Lý", middle_name="Văn", given_name="Thắng",
        born=date(2005, 5, 10),
    )  # fmt: skip
    examined(person, on=date(2023, 11, 20), year=2024, health_class=2)
    for reader in (commune_officer, leader):  # the leader sees it masked: no read
        client = Client()
        client.force_login(reader)
        assert client.get(reverse("people:person-detail", args=[person.pk])).status_code == 200
    return person


def test_the_auditor_finds_who_read_the_health_result(
    page: Page, live_server, auditor, commune_officer, read_by_the_officer, log_in, screenshot
):
    log_in(page, auditor)
    page.goto(f"{live_server.url}/")
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "link", name="Kiểm tra, giám sát"
    ).click()

    form = page.locator("main form").first
    form.locator("[name=kind]").select_option("access")
    form.locator("[name=person]").fill("Lý Văn Thắng")
    form.locator("[name=field]").select_option("health_class")
    form.locator("button[type=submit]").click()

    rows = page.locator("#audit-rows tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(commune_officer.username)
    expect(rows.first).to_contain_text("health_class")
    expect(rows.first).to_contain_text(f"#{read_by_the_officer.pk}")
    expect(page.locator("#people-found")).to_contain_text("Lý Văn Thắng")
    screenshot(page, "access-log")
