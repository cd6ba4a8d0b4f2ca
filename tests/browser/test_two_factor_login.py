"""Command staff sign in with the password and then the authenticator code, in
Debian's chromium, which enforces the Content-Security-Policy: no page on the
way reports a violation."""

import time

import pyotp
import pytest
from playwright.sync_api import Page, expect

from qsdp.accounts import twofactor
from qsdp.accounts.services import two_factor_enrol
from qsdp.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_command_staff_signs_in_with_the_code_and_no_page_breaks_the_policy(
    page: Page, live_server, command_staff, screenshot
):
    secret = twofactor.new_secret()
    totp = pyotp.TOTP(secret)
    two_factor_enrol(
        actor=command_staff, user=command_staff, secret=secret, code=totp.at(time.time() - 30)
    )
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )

    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", command_staff.username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").last.click()

    expect(page.locator("h1")).to_have_text("Đăng nhập hai bước")
    page.fill("input[name=code]", totp.now())
    screenshot(page, "code")
    page.locator("form button[type=submit]").last.click()

    expect(page.locator("h1")).to_have_text("Địa bàn của bạn")
    page.get_by_role("link", name="Công dân").first.click()
    # The search goes out 400 ms after typing: wait for its answer, so that no
    # request is still being served when the test's database is emptied.
    with page.expect_response(lambda response: "q=nguyen" in response.url) as searched:
        page.get_by_label("Họ tên hoặc số CCCD").fill("nguyen")
    assert searched.value.status == 200
    assert violations == []
