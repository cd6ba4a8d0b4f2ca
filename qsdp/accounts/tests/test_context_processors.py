import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation

from qsdp.accounts.context_processors import navigation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _vietnamese():
    with translation.override("vi"):
        yield


def _labels(rf, user, path="/"):
    request = rf.get(path)
    request.user = user
    return [str(item["label"]) for item in navigation(request)["nav_items"]]


REGISTERS = [
    "Trang chủ", "Công dân", "Nghĩa vụ quân sự", "Dự bị động viên", "Dân quân tự vệ",
    "Huấn luyện", "Diễn tập, trực SSCĐ", "Báo cáo", "Thi đua, khen thưởng",
]  # fmt: skip


@pytest.mark.parametrize("persona", ["commune_officer", "command_staff"])
def test_register_roles_see_home_and_the_registers(rf, persona, request):
    user = request.getfixturevalue(persona)

    labels = _labels(rf, user)

    assert labels == [*REGISTERS, "Nhập dữ liệu", "Đơn vị"]


def test_the_leader_sees_the_registers_but_not_the_import(rf, leader):
    assert _labels(rf, leader) == [*REGISTERS, "Đơn vị"]


def test_auditor_sees_no_register_and_the_audit(rf, auditor):
    assert _labels(rf, auditor) == ["Trang chủ", "Kiểm tra, giám sát"]


def test_administrator_also_sees_the_audit_and_the_administration(rf, admin_user):
    assert _labels(rf, admin_user) == [
        *REGISTERS,
        "Nhập dữ liệu",
        "Đơn vị",
        "Kiểm tra, giám sát",
        "Quản trị",
    ]


def test_anonymous_gets_no_menu(rf):
    request = rf.get("/accounts/login/")
    request.user = AnonymousUser()

    assert navigation(request) == {}


def test_the_current_area_is_marked(rf, admin_user):
    request = rf.get("/admin/accounts/user/")
    request.user = admin_user

    active = [item["url"] for item in navigation(request)["nav_items"] if item["active"]]

    assert active == ["/admin/"]


def test_user_roles_are_named_for_the_user_menu(rf, commune_officer):
    request = rf.get("/")
    request.user = commune_officer

    assert navigation(request)["user_roles"] == ["Cán bộ Ban CHQS xã"]


def test_the_header_shows_the_menu_and_the_user_menu(client, auditor):
    client.force_login(auditor)

    html = client.get("/accounts/password/").content.decode()

    assert '<nav class="container" aria-label="Điều hướng chính">' in html
    assert "Công dân" not in html
    assert "Kiểm tra viên" in html
    assert '<button type="submit" class="secondary">Đăng xuất</button>' in html
