"""The site-wide templates: error pages and the components other apps include."""

from types import SimpleNamespace

import pytest
from django import forms
from django.template.loader import render_to_string
from django.test import Client
from django.utils import translation

pytestmark = pytest.mark.urls("qsdp.core.tests.urls")


@pytest.fixture(autouse=True)
def _vietnamese():
    with translation.override("vi"):
        yield


def _main(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


@pytest.mark.django_db
def test_404_is_vietnamese_and_does_not_say_whether_the_record_exists(client, commune_officer):
    client.force_login(commune_officer)

    missing_record = client.get("/test/not-found/")
    missing_page = client.get("/no/such/page/")

    html = missing_record.content.decode()
    assert missing_record.status_code == 404
    assert missing_page.status_code == 404
    assert "<h1>Không tìm thấy</h1>" in html
    assert "Không có hồ sơ này trong địa bàn của bạn." not in html
    assert _main(html) == _main(missing_page.content.decode())


@pytest.mark.django_db
def test_403_is_vietnamese_with_the_reason(client, leader):
    client.force_login(leader)

    response = client.get("/test/denied/")

    html = response.content.decode()
    assert response.status_code == 403
    assert "<h1>Không có quyền truy cập</h1>" in html
    assert "Vai trò của bạn chỉ được xem, không được sửa các hồ sơ này." in html


@pytest.mark.django_db
def test_500_is_vietnamese_and_needs_no_request_context():
    client = Client(raise_request_exception=False)

    response = client.get("/test/broken/")

    html = response.content.decode()
    assert response.status_code == 500
    assert "<h1>Lỗi máy chủ</h1>" in html
    assert "boom" not in html


class PersonForm(forms.Form):
    full_name = forms.CharField(label="Họ và tên", help_text="Như trên căn cước.")
    active = forms.BooleanField(label="Còn hoạt động", required=False)


def test_form_field_ties_help_and_errors_to_the_input():
    form = PersonForm(data={"full_name": ""})

    html = render_to_string("components/form_field.html", {"field": form["full_name"]})

    assert '<label for="id_full_name">Họ và tên' in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_full_name_helptext id_full_name_error"' in html
    assert '<small id="id_full_name_helptext" class="help">Như trên căn cước.</small>' in html
    assert '<ul id="id_full_name_error" class="errorlist">' in html


def test_form_field_without_errors_is_not_marked_invalid():
    form = PersonForm(data={"full_name": "Nông Văn Dền"})
    form.is_valid()

    html = render_to_string("components/form_field.html", {"field": form["full_name"]})

    assert "aria-invalid" not in html
    assert "errorlist" not in html


def test_form_field_puts_a_checkbox_inside_its_label():
    html = render_to_string("components/form_field.html", {"field": PersonForm()["active"]})

    assert '<label for="id_active"><input type="checkbox" name="active"' in html


def test_form_errors_are_read_out_at_once():
    form = PersonForm(data={"full_name": "x"})
    form.is_valid()
    form.add_error(None, "Sai tên đăng nhập hoặc mật khẩu.")

    html = render_to_string("components/form_errors.html", {"form": form})

    assert 'role="alert"' in html
    assert "<li>Sai tên đăng nhập hoặc mật khẩu.</li>" in html


@pytest.mark.parametrize(
    ("has_previous", "has_next", "links"),
    [
        (True, True, ['href="?before=10" rel="prev"', 'href="?after=20" rel="next"']),
        (False, True, ['href="?after=20" rel="next"']),
        (True, False, ['href="?before=10" rel="prev"']),
    ],
)
def test_pagination_links_to_the_pages_that_exist(has_previous, has_next, links):
    page = SimpleNamespace(
        has_previous=has_previous,
        previous_url="?before=10",
        has_next=has_next,
        next_url="?after=20",
    )

    html = render_to_string("components/pagination.html", {"page": page})

    assert '<nav class="pager" aria-label="Phân trang">' in html
    assert [link for link in links if link in html] == links
    assert html.count("<a ") == len(links)


def test_pagination_shows_nothing_on_a_single_page():
    page = SimpleNamespace(has_previous=False, has_next=False)

    assert render_to_string("components/pagination.html", {"page": page}).strip() == ""


@pytest.mark.parametrize(
    ("template", "capped", "text"),
    [
        ("reserves/partials/count.html", True, "Hơn 10.000 dòng"),
        ("reserves/partials/count.html", False, "10.000 dòng"),
        ("military_service/partials/count.html", True, "Hơn 10.000 dòng"),
        ("reporting/partials/dashboard_rows.html", True, "Hơn 10.000 bản ghi"),
        ("audit/_log_rows.html", True, "Hơn 10.000 mục"),
        ("people/deleted_list.html", True, "Hơn 10.000 hồ sơ đã xoá"),
    ],
)
def test_a_count_past_the_cap_says_more_than(template, capped, text):
    page = SimpleNamespace(
        total=10_000, total_capped=capped, items=[], has_previous=False, has_next=False
    )

    html = render_to_string(template, {"page": page, "audit_kind": "events"})

    assert text in html
    assert ("Hơn" in html) is capped
