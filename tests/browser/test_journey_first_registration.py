"""Journey: the Dương Quang officer registers a 17-year-old for the first time,
records his health examination, defers his call-up on its legal ground and
reads what happened on the person's timeline — all through the pages."""

from datetime import date

import pytest
from playwright.sync_api import Page, expect

from qsdp.military_service.models import ServiceEvent
from qsdp.people.models import Person
from qsdp.people.tests.factories import make_national_id

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_officer_registers_examines_and_defers_a_17_year_old(
    page: Page, live_server, tree, commune_officer, log_in, screenshot
):
    born = date(date.today().year - 17, 3, 15)
    log_in(page, commune_officer)

    page.goto(f"{live_server.url}/people/new/")
    page.fill("[name=family_name]", "Hoàng")
    page.fill("[name=middle_name]", "Văn")
    page.fill("[name=given_name]", "Được")
    page.fill("[name=birth_date]", born.strftime("%d/%m/%Y"))
    page.select_option("[name=sex]", "male")
    page.fill("[name=national_id]", make_national_id(born, "male", 4321))
    page.select_option("[name=org_unit]", label="Xã Dương Quang")
    page.fill("[name=address]", "Thôn Nà Pài")
    page.locator("main form button[type=submit]").last.click()
    expect(page.locator("h1")).to_contain_text("Hoàng Văn Được")
    person = Person.objects.get(given_name="Được")

    page.goto(f"{live_server.url}/military-service/people/{person.pk}/first-registration/")
    page.locator("main form button[type=submit]").last.click()
    expect(page.locator("#messages")).to_contain_text("đăng ký lần đầu")

    page.goto(f"{live_server.url}/military-service/people/{person.pk}/health-exam/")
    page.fill("[name=health_class]", "4")
    page.locator("main form button[type=submit]").last.click()
    expect(page.locator("#messages")).to_contain_text("4")

    page.goto(f"{live_server.url}/military-service/people/{person.pk}/deferral/")
    page.check("[name=outcome][value=deferral]")
    page.select_option("[name=reason_code]", "health_not_yet_fit")
    page.fill("[name=decision_number]", "12/QĐ-UBND")
    page.fill("[name=valid_until]", f"31/12/{born.year + 18}")
    page.locator("main form button[type=submit]").last.click()
    expect(page.locator("#messages")).to_contain_text("Điều 41")
    screenshot(page, "deferred")

    page.goto(f"{live_server.url}/people/{person.pk}/")
    timeline = page.locator("main")
    expect(timeline).to_contain_text("Đang tạm hoãn gọi nhập ngũ")
    expect(timeline).to_contain_text("— Đăng ký lần đầu")
    expect(timeline).to_contain_text("sức khỏe loại 4")
    expect(timeline).to_contain_text(
        "Số 12/QĐ-UBND; Chưa đủ sức khỏe phục vụ tại ngũ (Điều 41 khoản 1 điểm a)"
    )
    kinds = list(
        ServiceEvent.objects.filter(person=person).order_by("pk").values_list("kind", flat=True)
    )
    assert kinds == ["first_registration", "health_exam", "deferral"]
