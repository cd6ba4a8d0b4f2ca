"""The dashboard in a browser: the Dương Quang officer sees his commune's
figures only, command staff the city with its units ranked; the charts are
drawn by the locally served Chart.js, and a number opens the records behind
it. (Transactional: the live server reads what the test builds.)"""

from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect

from qsdp.accounts.tests.factories import PASSWORD
from qsdp.military_service.tests.factories import enlisted, quotas
from qsdp.operations.tests.factories import held, plan
from qsdp.reporting.services.targets import target_set

pytestmark = pytest.mark.django_db(transaction=True)
YEAR = 2023


def _log_in(page: Page, live_server, user) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").last.click()
    expect(page.locator("h1")).to_have_text("Địa bàn của bạn")


def _expect_drawn(page: Page, *charts: str) -> None:
    for chart in charts:
        canvas = page.locator(f"canvas#chart-{chart}")
        expect(canvas).to_have_attribute("data-drawn", "true")
        assert canvas.bounding_box()["height"] > 100  # type: ignore[index]


@pytest.fixture
def call_up(tree, command_staff):  # type: ignore[no-untyped-def]
    quotas(tree, year=YEAR, duong_quang=2)
    people = enlisted(tree, ["An", "Bình"], year=YEAR)
    held(plan(tree.song_cau, year=YEAR))
    target_set(
        actor=command_staff,
        org_unit=tree.city,
        year=YEAR,
        indicator="call_up.fulfilment_pct",
        value=Decimal(100),
    )
    return people


def test_the_officer_sees_his_commune_and_opens_the_men_handed_over(
    page: Page, live_server, tree, call_up, commune_officer, screenshot
):
    _log_in(page, live_server, commune_officer)

    page.goto(f"{live_server.url}/reports/dashboard/?year={YEAR}")
    expect(page.locator("#dashboard-title")).to_contain_text("Xã Dương Quang")
    expect(page.locator("main")).not_to_contain_text("Sông Cầu")
    expect(page.locator("main")).not_to_contain_text("Thành phố Bắc Kạn")
    _expect_drawn(page, "targets", "years")
    expect(page.locator("canvas#chart-ranking")).to_have_count(0)
    fulfilment = page.locator("tr[data-code='call_up.fulfilment_pct']")
    expect(fulfilment.locator("td").first).to_have_text("100,0 %")
    screenshot(page, "officer")

    page.locator("tr[data-code='call_up.enlisted'] a.indicator-value").click()
    expect(page.locator("#drilldown-title")).to_have_text("Số công dân giao quân")
    expect(page.locator("table.drilldown-rows tbody tr")).to_have_count(2)
    for person in call_up:
        expect(page.locator("table.drilldown-rows")).to_contain_text(person.full_name)
    expect(page.locator("table.drilldown-rows")).to_contain_text("10/05/2002")


def test_command_staff_sees_the_city_ranked_and_drills_into_a_commune(
    page: Page, live_server, tree, call_up, command_staff, screenshot, settings
):
    settings.QSDP_2FA_REQUIRED_ROLES = ()  # the two-step sign-in has tests of its own
    _log_in(page, live_server, command_staff)

    page.goto(f"{live_server.url}/reports/dashboard/?year={YEAR}")
    expect(page.locator("#dashboard-title")).to_contain_text("Thành phố Bắc Kạn")
    _expect_drawn(page, "targets", "ranking", "years")
    ranking = page.locator("table.dashboard-ranking tbody tr")
    expect(ranking).to_have_count(2)
    expect(ranking.nth(0)).to_contain_text("Xã Dương Quang")
    expect(ranking.nth(0)).to_contain_text("100,0 %")
    expect(ranking.nth(1)).to_contain_text("Phường Sông Cầu")
    expect(page.locator("tr[data-code='call_up.fulfilment_pct']")).to_contain_text("Chưa đạt")
    screenshot(page, "city")

    ranking.nth(0).locator("a.indicator-value").click()
    expect(page).to_have_url(
        f"{live_server.url}/reports/dashboard/call_up.fulfilment_pct/"
        f"?year={YEAR}&unit={tree.duong_quang.pk}"
    )
    expect(page.locator("main")).to_contain_text("Xã Dương Quang")
    expect(page.locator("table.drilldown-rows tbody tr")).to_have_count(2)
    page.locator(".drilldown-parts a").nth(1).click()
    expect(page.locator("table.drilldown-rows tbody tr")).to_have_count(1)
    expect(page.locator("table.drilldown-rows")).to_contain_text("Chỉ tiêu 2")
