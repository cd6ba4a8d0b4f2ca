"""The persona matrix on every militia page: anonymous, out of scope, read-only,
allowed. Denied requests change nothing."""

import pytest
from django.urls import reverse

from qsdp.military_service.tests.documents import xlsx_text
from qsdp.militia.tests.factories import rows

pytestmark = pytest.mark.django_db

# A post that would change something if it were allowed: every field any form needs.
EVERYTHING = {
    "militia_type": "mobile", "unit": "", "position": "member", "term_start": "01/04/2024",
    "term_end": "", "left_on": "01/05/2025", "reason": "moved_away", "note": "",
    "extended_on": "01/05/2025", "new_term_end": "01/04/2028", "decision_number": "1/QĐ",
    "decided_by": "Chủ tịch UBND xã", "recognised_on": "01/05/2025", "year": "2023",
    "days_done": "12", "registered_on": "01/04/2024", "status": "student",
    "decided_on": "01/05/2025", "valid_until": "01/05/2026", "signer": "Hoàng Văn Sơn",
    "ended_on": "01/06/2025", "name": "Tiểu đội 2", "kind": "squad", "parent": "",
    "commander": "",
}  # fmt: skip


def object_reads(world):
    return [
        reverse("militia:member-detail", args=[world["an"].pk]),
        reverse("militia:unit-detail", args=[world["platoon"].pk]),
    ]


def change_urls(world):
    an, lan = world["an"].pk, world["lan"].pk
    return [
        reverse("militia:member-edit", args=[an]),
        reverse("militia:member-leave", args=[an]),
        reverse("militia:member-extend", args=[an]),
        reverse("militia:member-completion", args=[world["son"].pk]),
        reverse("militia:training-record", args=[an]),
        reverse("militia:member-add", args=[lan]),
        reverse("militia:registration-add", args=[lan]),
        reverse("militia:decision-record", args=[lan]),
        reverse("militia:decision-end", args=[world["decision"].pk]),
        reverse("militia:unit-edit", args=[world["platoon"].pk]),
    ]


LIST_URLS = [
    "militia:member-list",
    "militia:unit-list",
    "militia:registration-list",
    "militia:decision-list",
    "militia:training-list",
    "militia:strength",
    "militia:roster-xlsx",
    "militia:roster-pdf",
]


def test_anonymous_is_sent_to_login(client, world):
    before = rows()
    urls = [
        *(reverse(name) for name in LIST_URLS),
        *object_reads(world),
        *change_urls(world),
        reverse("militia:unit-create"),
        reverse("militia:registration-generate"),
    ]

    for url in urls:
        for response in (client.get(url), client.post(url, EVERYTHING)):
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("accounts:login")), url

    assert rows() == before


def test_an_officer_of_another_commune_gets_404_on_every_record(client, world, outsider, tree):
    client.force_login(outsider)
    before = rows()

    for url in object_reads(world):
        assert client.get(url).status_code == 404, url
    for url in change_urls(world):
        assert client.get(url).status_code == 404, url
        assert client.post(url, EVERYTHING).status_code == 404, url
    created = client.post(
        reverse("militia:unit-create"), {**EVERYTHING, "org_unit": tree.duong_quang.pk}
    )
    generated = client.post(
        reverse("militia:registration-generate"), {"org_unit": tree.duong_quang.pk, "year": 2023}
    )

    assert created.status_code == 200  # the form: Dương Quang is not a choice
    assert generated.status_code == 302
    assert rows() == before


def test_the_outsider_finds_nothing_of_duong_quang_in_lists(client, world, outsider):
    client.force_login(outsider)

    pages = {name: client.get(reverse(name) + "?year=2023") for name in LIST_URLS}

    assert {name: page.status_code for name, page in pages.items()} == dict.fromkeys(LIST_URLS, 200)
    assert [m.person.given_name for m in pages["militia:member-list"].context["page"].items] == [
        "Khánh"
    ]
    assert pages["militia:unit-list"].context["page"].items == []
    assert pages["militia:registration-list"].context["page"].items == []
    assert pages["militia:decision-list"].context["page"].items == []
    assert [
        r.member.person.given_name for r in pages["militia:training-list"].context["page"].items
    ] == ["Khánh"]
    assert [r.name for r in pages["militia:strength"].context["strength"].rows] == [
        "Phường Sông Cầu"
    ]
    sheet = xlsx_text(pages["militia:roster-xlsx"].content)
    assert ("Lục Văn Khánh" in sheet, "Hoàng Văn An" in sheet) == (True, False)
    for name in ("militia:member-list", "militia:decision-list", "militia:registration-list"):
        assert "Dương Quang" not in pages[name].content.decode(), name


def test_the_leader_reads_but_every_change_is_403(client, world, leader):
    client.force_login(leader)
    before = rows()

    for url in [*(reverse(name) for name in LIST_URLS), *object_reads(world)]:
        assert client.get(url).status_code == 200, url
    for url in [*change_urls(world), reverse("militia:unit-create")]:
        assert client.get(url).status_code == 403, url
        assert client.post(url, EVERYTHING).status_code == 403, url
    assert client.post(reverse("militia:registration-generate"), EVERYTHING).status_code == 403

    assert rows() == before


@pytest.mark.parametrize("persona", ["commune_officer", "command_staff"])
def test_writers_open_every_page(client, world, request, persona):
    client.force_login(request.getfixturevalue(persona))

    for url in [
        *(reverse(name) for name in LIST_URLS),
        *object_reads(world),
        *change_urls(world),
        reverse("militia:unit-create"),
    ]:
        assert client.get(url).status_code == 200, url


def test_a_list_answers_htmx_with_its_rows_only(client, world, commune_officer):
    client.force_login(commune_officer)

    response = client.get(reverse("militia:member-list"), HTTP_HX_REQUEST="true")

    assert response.templates[0].name == "militia/partials/member_rows.html"
    assert "<html" not in response.content.decode()


def test_the_member_list_filters_by_unit_and_term_end(client, world, commune_officer):
    client.force_login(commune_officer)

    def shown(**query):  # type: ignore[no-untyped-def]
        page = client.get(reverse("militia:member-list"), query).context["page"]
        return [m.person.given_name for m in page.items]

    assert shown() == ["An", "Sơn"]
    assert shown(unit=world["platoon"].pk) == ["An"]
    assert shown(term_ending_in=2024) == ["Sơn"]
    assert shown(militia_type="standing") == ["Sơn"]
    assert shown(unit=world["platoon"].pk, militia_type="standing") == []
