"""Journey: the chairman (leader, read-only) opens the dashboard, follows a
number to the people behind it, and downloads the city's year-end review as
DOCX and as PDF."""

import zipfile

import pytest
from playwright.sync_api import Page, expect

from qsdp.military_service.tests.factories import enlisted, quotas
from qsdp.review import services

pytestmark = pytest.mark.django_db(transaction=True)
YEAR = 2023


@pytest.fixture
def city_year(tree):  # type: ignore[no-untyped-def]
    quotas(tree, year=YEAR, duong_quang=2)
    people = enlisted(tree, ["An", "Bình"], year=YEAR)
    review = services.review_create(actor=None, org_unit=tree.city, year=YEAR)
    return people, review


def _download(page: Page, link_text: str):  # type: ignore[no-untyped-def]
    # A document takes its time on a busy machine: wait for the file, not the click.
    with page.expect_download(timeout=60_000) as download:
        page.locator("main a[role=button]", has_text=link_text).click(no_wait_after=True)
    return download.value


def test_the_leader_drills_down_from_the_dashboard_and_downloads_the_review(
    page: Page, live_server, leader, city_year, log_in, screenshot
):
    people, review = city_year
    log_in(page, leader)

    page.goto(f"{live_server.url}/reports/dashboard/?year={YEAR}")
    expect(page.locator("#dashboard-title")).to_contain_text("Thành phố Bắc Kạn")
    enlisted_row = page.locator("tr[data-code='call_up.enlisted']")
    expect(enlisted_row.locator("a.indicator-value")).to_have_text("2")
    screenshot(page, "dashboard")
    enlisted_row.locator("a.indicator-value").click()
    expect(page.locator("#drilldown-title")).to_have_text("Số công dân giao quân")
    rows = page.locator("table.drilldown-rows tbody tr")
    expect(rows).to_have_count(2)
    for person in people:
        expect(page.locator("table.drilldown-rows")).to_contain_text(person.full_name)

    page.goto(f"{live_server.url}/review/")
    page.locator(f"main a[href='/review/{review.pk}/']").first.click()
    expect(page).to_have_url(f"{live_server.url}/review/{review.pk}/")
    docx = _download(page, "DOCX")
    assert docx.suggested_filename.endswith(".docx")
    with zipfile.ZipFile(docx.path()) as archive:
        text = archive.read("word/document.xml").decode()
    assert "Bắc Kạn" in text
    pdf = _download(page, "PDF")
    assert pdf.suggested_filename.endswith(".pdf")
    with open(pdf.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
