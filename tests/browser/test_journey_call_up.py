"""Journey: the city command's staff signs in through the real login page with
the authenticator code, hands the 2024 quotas down to the communes, approves
Dương Quang's call-up list and prints the call-up orders as one PDF."""

import time
from datetime import date

import pyotp
import pytest
from playwright.sync_api import Page, expect

from qsdp.accounts import twofactor
from qsdp.accounts.services import two_factor_enrol
from qsdp.accounts.tests.factories import PASSWORD
from qsdp.military_service.models import CallUpCandidate, CallUpOrder, Quota
from qsdp.military_service.services import quota_assign
from qsdp.military_service.tests.factories import examined, registered

pytestmark = pytest.mark.django_db(transaction=True)
YEAR = 2024


@pytest.fixture
def city_quota(tree):  # type: ignore[no-untyped-def]
    """The province's decision: 2024 quotas for itself and the city."""
    for unit, number in ((tree.province, 20), (tree.city, 3)):
        quota_assign(
            actor=None, org_unit=unit, call_up_year=YEAR, number=number,
            decided_on=date(2023, 12, 1),
        )  # fmt: skip
    for name in ("An", "Bình", "Cường"):
        person = registered(tree.duong_quang, given_name=name, born=date(2003, 5, 10))
        examined(person, on=date(2023, 11, 20), year=YEAR)


def _submit(page: Page) -> None:
    page.locator("main form button[type=submit]").last.click()


def test_command_staff_assigns_quotas_approves_the_list_and_prints_the_orders(
    page: Page, live_server, tree, command_staff, city_quota, screenshot
):
    secret = twofactor.new_secret()
    totp = pyotp.TOTP(secret)
    two_factor_enrol(
        actor=command_staff, user=command_staff, secret=secret, code=totp.at(time.time() - 30)
    )
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", command_staff.username)
    page.fill("input[name=password]", PASSWORD)
    _submit(page)
    expect(page.locator("h1")).to_have_text("Đăng nhập hai bước")
    page.fill("input[name=code]", totp.now())
    _submit(page)
    expect(page.locator("h1")).to_have_text("Địa bàn của bạn")

    for unit, number in ((tree.duong_quang, "2"), (tree.song_cau, "1")):
        page.goto(f"{live_server.url}/military-service/quotas/assign/?year={YEAR}")
        page.select_option("[name=org_unit]", str(unit.pk))
        page.fill("[name=number]", number)
        page.fill("[name=decided_on]", "15/12/2023")
        page.fill("[name=decision_number]", f"{number}/QĐ-UBND")
        _submit(page)
        expect(page.locator("#messages")).to_contain_text(f"{unit.name}")
    expect(page.locator("main")).to_contain_text("Xã Dương Quang")
    screenshot(page, "quotas")
    assert dict(
        Quota.objects.filter(call_up_year=YEAR, org_unit__parent=tree.city).values_list(
            "org_unit__name", "number"
        )
    ) == {"Xã Dương Quang": 2, "Phường Sông Cầu": 1}

    base = f"{live_server.url}/military-service/candidates/{tree.duong_quang.pk}"
    page.goto(f"{base}/build/?year={YEAR}")
    page.fill("[name=handover_on]", "26/02/2024")
    _submit(page)
    expect(page.locator("#messages")).to_contain_text("Xã Dương Quang")
    page.goto(f"{base}/approve/?year={YEAR}")
    page.fill("[name=approved_on]", "10/01/2024")
    _submit(page)
    expect(page.locator("#messages")).to_contain_text("2024")
    assert CallUpCandidate.objects.filter(call_up_year=YEAR, status="approved").count() == 3

    page.goto(
        f"{live_server.url}/military-service/orders/{tree.duong_quang.pk}/issue-all/?year={YEAR}"
    )
    page.fill("[name=issued_on]", "20/01/2024")
    page.fill("[name=report_on]", "26/02/2024")
    page.fill("[name=report_place]", "Sân vận động xã Dương Quang")
    _submit(page)
    expect(page.locator("#messages")).to_be_visible()
    assert CallUpOrder.objects.filter(call_up_year=YEAR).count() == 2
    screenshot(page, "orders")

    page.goto(f"{live_server.url}/military-service/orders/?year={YEAR}")
    expect(page.locator("main table tbody tr")).to_have_count(2)
    # The PDF is the answer to the print form (shown or saved, as the browser likes).
    # Rendering takes its time on a busy machine: wait for the answer, not the click.
    with page.expect_response(lambda r: "/orders/print/" in r.url, timeout=60_000) as answer:
        page.locator("form.print-form button[type=submit]").click(no_wait_after=True)
    assert answer.value.headers["content-type"] == "application/pdf"
    # The browser took the body away to show or save it; ask again for the bytes.
    assert page.request.get(answer.value.url).body().startswith(b"%PDF-")
