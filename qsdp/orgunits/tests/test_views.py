from datetime import date

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertTemplateUsed

from qsdp.orgunits.models import OrgUnit
from qsdp.orgunits.services import org_unit_close

pytestmark = pytest.mark.django_db

TREE = reverse("orgunits:tree")


def _detail(unit):
    return reverse("orgunits:detail", args=[unit.pk])


@pytest.mark.parametrize("name", ["tree", "detail"])
def test_anonymous_is_sent_to_the_login_page(client, tree, name):
    url = TREE if name == "tree" else _detail(tree.duong_quang)

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={url}"


def test_an_outsider_gets_404_on_another_commune_s_unit(client, tree, outsider):
    client.force_login(outsider)

    response = client.get(_detail(tree.duong_quang))

    assert response.status_code == 404


def test_an_outsider_s_tree_hides_the_other_commune(client, tree, outsider):
    client.force_login(outsider)

    response = client.get(TREE, {"on": "22/11/2023"})

    assertContains(response, "Phường Sông Cầu")
    assertNotContains(response, "Dương Quang")


def test_the_commune_officer_sees_his_commune_as_of_a_date(client, tree, commune_officer):
    client.force_login(commune_officer)

    response = client.get(TREE, {"on": "22/11/2023"})

    assert response.status_code == 200
    assertTemplateUsed(response, "orgunits/orgunit_tree.html")
    assertContains(response, 'value="22/11/2023"')
    assertContains(response, "2 đơn vị tồn tại vào ngày 22/11/2023.")
    assertContains(
        response,
        f'<a href="{_detail(tree.duong_quang)}?on=22/11/2023">Xã Dương Quang</a>',
        html=True,
    )
    assertContains(
        response,
        '<small class="muted">Xã · 01849 · thành lập 01/01/2000</small>',
        html=True,
    )
    assertContains(
        response,
        f'<a href="{_detail(tree.duong_quang_village)}?on=22/11/2023">Thôn Nà Pài</a>',
        html=True,
    )
    assertNotContains(response, "Sông Cầu")


def test_htmx_gets_just_the_tree_fragment(client, tree, commune_officer):
    client.force_login(commune_officer)

    response = client.get(TREE, {"on": "31/12/1999"}, HTTP_HX_REQUEST="true")

    assertTemplateUsed(response, "orgunits/partials/tree.html")
    assertNotContains(response, "<html")
    assertContains(response, "0 đơn vị tồn tại vào ngày 31/12/1999.")
    assertContains(response, "Không có đơn vị nào trong địa bàn tồn tại vào ngày đó.")
    assert "HX-Request" in response["Vary"]


def test_a_wrong_date_shows_the_message_and_today_s_tree(client, tree, commune_officer):
    client.force_login(commune_officer)

    response = client.get(TREE, {"on": "31/02/2023"})

    assertContains(response, "Nhập ngày theo dạng dd/mm/yyyy, ví dụ 22/11/2023.")
    assertContains(response, "Xã Dương Quang")


def test_the_detail_shows_parent_children_commands_and_lineage(client, tree, commune_officer):
    client.force_login(commune_officer)

    response = client.get(_detail(tree.duong_quang), {"on": "22/11/2023"})

    assert response.status_code == 200
    assertContains(response, "<h1>Xã Dương Quang</h1>", html=True)
    assertContains(response, "<dd>Thành phố Bắc Kạn</dd>", html=True)  # not his: no link
    assertContains(response, "Các đơn vị trực thuộc vào ngày 22/11/2023")
    assertContains(
        response,
        f'<a href="{_detail(tree.duong_quang_village)}?on=22/11/2023">Thôn Nà Pài</a>',
        html=True,
    )
    assertContains(
        response,
        f'<a href="{_detail(tree.duong_quang_command)}?on=22/11/2023">Ban CHQS xã Dương Quang</a>',
        html=True,
    )
    assertContains(response, "Chưa ghi nhận đơn vị tiền thân.")


def test_the_detail_of_a_closed_unit_shows_its_last_day(client, tree, commune_officer):
    org_unit_close(actor=None, unit=tree.duong_quang_village, closed_on=date(2025, 7, 1))
    client.force_login(commune_officer)

    response = client.get(_detail(tree.duong_quang_village))

    assertContains(response, 'value="30/06/2025"')
    assertContains(response, "<dd>01/07/2025</dd>", html=True)


def test_the_pages_accept_no_post(client, tree, admin_user):
    client.force_login(admin_user)

    response = client.post(TREE)

    assert response.status_code == 405
    assert OrgUnit.objects.count() == 8


def test_htmx_history_restore_gets_the_whole_page(client, tree, commune_officer):
    client.force_login(commune_officer)

    response = client.get(
        TREE, {"on": "22/11/2023"}, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true"
    )

    assertTemplateUsed(response, "orgunits/orgunit_tree.html")
    assertContains(response, "<html")
