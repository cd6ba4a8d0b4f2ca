"""The persona matrix on every reserve page and document: anonymous, out of
scope, read-only, allowed. Denied requests change nothing."""

import pytest
from django.urls import reverse

from qsdp.reserves.tests.factories import rows

pytestmark = pytest.mark.django_db

# A post that would change something if it were allowed: every field any form needs.
EVERYTHING = {
    "registered_on": "10/04/2026", "source": "discharged_nco_soldier",
    "active_service_months": "24", "rank_group": "nco_or_soldier", "rank": "sergeant",
    "specialty_code": "111", "specialty_name": "Bộ binh", "health_class": "1",
    "reserve_class": "2", "removed_on": "10/04/2026", "removal_reason": "moved_away",
    "arranged_on": "10/04/2026", "near_match_reason": "Gần nhất", "ended_on": "10/04/2026",
    "reason": "Chuyển đơn vị", "year": "2026", "reviewed_on": "10/04/2026",
    "residence_confirmed": "on", "health_confirmed": "on", "specialty_confirmed": "on",
    "outcome": "keep", "kind": "appointment", "position": "Tiểu đội trưởng",
    "decision_number": "9/QĐ", "decided_on": "10/04/2026", "signer": "Hoàng Văn Nam",
    "name": "Trung đội 9", "code": "", "title": "Chiến sĩ", "establishment_count": "5",
    "checked_on": "10/04/2026", "present_count": "1", "result": "pass",
    "owner_name": "Lý Văn Tú", "plate_or_serial": "97C-999.99", "condition": "good",
    "released_on": "10/04/2026",
}  # fmt: skip


def list_urls():
    return [
        reverse("reserves:reservist-list"),
        reverse("reserves:reservist-list") + "?arranged=yes&reserve_class=1",
        reverse("reserves:returnee-list"),
        reverse("reserves:unit-list"),
        reverse("reserves:review-list") + "?year=2024",
        reverse("reserves:decision-list") + "?year=2024",
        reverse("reserves:check-list") + "?year=2024",
        reverse("reserves:equipment-list"),
    ]


def document_urls(world):
    return [
        reverse("reserves:register-pdf"),
        reverse("reserves:register-xlsx") + "?status=all",
        reverse("reserves:reservist-card", args=[world["an"].pk]),
    ]


def read_urls(world):
    return [
        reverse("reserves:reservist-detail", args=[world["an"].pk]),
        reverse("reserves:unit-detail", args=[world["unit"].pk]),
    ]


def change_urls(world):
    an, unit = world["an"].pk, world["unit"].pk
    return [
        reverse("reserves:reservist-create", args=[world["chi"].pk]),
        reverse("reserves:reservist-edit", args=[an]),
        reverse("reserves:reservist-remove", args=[an]),
        reverse("reserves:reservist-arrange", args=[world["binh"].pk]),
        reverse("reserves:review-record", args=[an]),
        reverse("reserves:decision-record", args=[an]),
        reverse("reserves:arrangement-end", args=[world["arrangement"].pk]),
        reverse("reserves:unit-edit", args=[unit]),
        reverse("reserves:post-create", args=[unit]),
        reverse("reserves:post-edit", args=[world["post"].pk]),
        reverse("reserves:check-record", args=[unit]),
        reverse("reserves:equipment-earmark", args=[world["truck"].pk]),
        reverse("reserves:equipment-release", args=[world["truck"].pk]),
    ]


def returnee_url(world):
    return reverse("reserves:returnee-register", args=[world["em"].pk])


def area_urls():
    """Pages that change nothing of one record but need a unit to write in."""
    return [reverse("reserves:unit-create"), reverse("reserves:equipment-register")]


def test_anonymous_is_sent_to_login_everywhere(client, world):
    urls = [
        *list_urls(), *document_urls(world), *read_urls(world), *change_urls(world),
        *area_urls(), returnee_url(world),
    ]  # fmt: skip
    for url in urls:
        for response in (client.get(url), client.post(url, EVERYTHING)):
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("accounts:login")), url


def test_an_officer_of_another_commune_finds_nothing_of_duong_quang(client, world, outsider):
    client.force_login(outsider)
    before = rows()

    for url in [*read_urls(world), document_urls(world)[2]]:
        assert client.get(url).status_code == 404, url
    for url in change_urls(world):
        assert client.get(url).status_code == 404, url
        assert client.post(url, EVERYTHING).status_code == 404, url
    assert client.post(returnee_url(world)).status_code == 404
    for url in [*list_urls(), *document_urls(world)[:2]]:
        response = client.get(url)
        assert response.status_code == 200, url
    for url in list_urls():
        html = client.get(url).content.decode()
        found = [
            n for n in ("Văn An", "Văn Bình", "Văn Em", "Đại đội 1", "97C-012.34") if n in html
        ]
        assert found == [], url
    assert rows() == before


def test_the_leader_reads_every_page_and_document_but_changes_nothing(client, world, leader):
    client.force_login(leader)
    before = rows()

    for url in [*list_urls(), *document_urls(world), *read_urls(world)]:
        assert client.get(url).status_code == 200, url
    for url in [*change_urls(world), *area_urls()]:
        assert client.get(url).status_code == 403, url
        assert client.post(url, EVERYTHING).status_code == 403, url
    assert client.post(returnee_url(world)).status_code == 403
    assert rows() == before


@pytest.mark.parametrize("persona", ["commune_officer", "command_staff"])
def test_the_officers_of_the_area_open_every_page(client, world, persona, request):
    client.force_login(request.getfixturevalue(persona))

    for url in [
        *list_urls(), *document_urls(world), *read_urls(world), *change_urls(world), *area_urls()
    ]:  # fmt: skip
        assert client.get(url).status_code == 200, url


def test_the_lists_show_the_area_to_its_officer(client, world, commune_officer):
    client.force_login(commune_officer)

    register = client.get(reverse("reserves:reservist-list")).content.decode()
    returnees = client.get(reverse("reserves:returnee-list")).content.decode()

    assert ("Nguyễn Văn An" in register, "Nguyễn Văn Bình" in register) == (True, True)
    assert "Nguyễn Văn Dũng" not in register
    assert "Nguyễn Văn Em" in returnees


def test_an_htmx_filter_returns_only_the_rows(client, world, commune_officer):
    client.force_login(commune_officer)

    response = client.get(
        reverse("reserves:reservist-list") + "?arranged=no", headers={"HX-Request": "true"}
    )

    html = response.content.decode()
    assert ("<h1>" in html, "Nguyễn Văn Bình" in html, "Nguyễn Văn An" in html) == (
        False,
        True,
        False,
    )


def test_the_person_page_shows_the_reserve_panel(client, world, commune_officer, leader):
    client.force_login(commune_officer)
    an = client.get(reverse("people:person-detail", args=[world["an"].person_id])).content
    em = client.get(reverse("people:person-detail", args=[world["em"].pk])).content.decode()
    client.force_login(leader)
    em_for_leader = client.get(reverse("people:person-detail", args=[world["em"].pk])).content

    assert "Chiến sĩ bộ binh, Đại đội 1" in an.decode()
    assert ("Vào sổ (quân nhân xuất ngũ)" in em, "Đăng ký vào ngạch dự bị" in em) == (True, True)
    assert "Vào sổ (quân nhân xuất ngũ)" not in em_for_leader.decode()


def test_the_persons_history_names_the_reserve_changes(client, world, commune_officer):
    client.force_login(commune_officer)

    response = client.get(reverse("people:person-detail", args=[world["an"].person_id]))

    titles = [entry.title for entry in response.context["timeline"]]
    assert sorted(t for t in titles if "dự bị" in t) == [
        "Bổ nhiệm chức vụ chỉ huy đơn vị dự bị động viên",
        "Sắp xếp vào đơn vị dự bị động viên",
        "Đăng ký vào ngạch dự bị",
    ]
