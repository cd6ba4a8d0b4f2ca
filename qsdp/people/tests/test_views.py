"""The persona matrix on every person page: anonymous, out of scope, read-only, allowed."""

from datetime import date

import pytest
from django.urls import reverse

from qsdp.core import panels
from qsdp.core.models import AccessLog
from qsdp.people.models import Person, Residence
from qsdp.people.tests.factories import create_person

pytestmark = pytest.mark.django_db

VALID_FORM = {
    "family_name": "Hoàng",
    "middle_name": "Văn",
    "given_name": "Nam",
    "birth_date": "15/04/2009",
    "sex": "male",
    "national_id": "006209004321",
    "ethnicity": "02",
    "religion": "none",
    "education_grade": "11",
    "education_level": "",
    "occupation": "Học sinh",
    "workplace": "",
    "phone": "",
    "address": "Thôn Nà Pài",
}


@pytest.fixture
def person(tree):
    return create_person(tree.duong_quang, family_name="Nguyễn", middle_name="Văn", given_name="An")


def person_urls(pk):
    return [
        reverse("people:person-detail", args=[pk]),
        reverse("people:person-edit", args=[pk]),
        reverse("people:person-sensitive", args=[pk]),
        reverse("people:person-transfer-out", args=[pk]),
        reverse("people:person-transfer-in", args=[pk]),
    ]


def snapshot():
    return (
        list(
            Person.objects.values_list("id", "given_name", "org_unit_id", "pending_transfer_to_id")
        ),
        list(Residence.objects.values_list("id", "ended_on")),
    )


def test_anonymous_is_sent_to_login(client, person):
    for url in [
        reverse("home"),
        reverse("people:person-list"),
        reverse("people:person-create"),
        *person_urls(person.pk),
    ]:
        response = client.get(url)

        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_officer_of_another_commune_gets_404_everywhere(client, person, outsider):
    client.force_login(outsider)
    before = snapshot()

    for url in person_urls(person.pk):
        assert client.get(url).status_code == 404, url
    for name in ["person-edit", "person-transfer-out", "person-transfer-in"]:
        url = reverse(f"people:{name}", args=[person.pk])
        assert (
            client.post(url, {**VALID_FORM, "on": "01/02/2024", "moved_to": "Hà Nội"}).status_code
            == 404
        ), url

    assert snapshot() == before
    assert AccessLog.objects.count() == 0


def test_outsider_does_not_find_the_person_in_lists(client, person, outsider):
    client.force_login(outsider)

    response = client.get(reverse("people:person-list"), {"q": "nguyen van"})

    assert response.status_code == 200
    assert response.context["page"].items == []
    assert "Nguyễn Văn An" not in response.content.decode()


def test_leader_reads_but_every_change_is_403(client, person, leader):
    client.force_login(leader)
    before = snapshot()

    assert client.get(reverse("people:person-detail", args=[person.pk])).status_code == 200
    for url in [
        reverse("people:person-edit", args=[person.pk]),
        reverse("people:person-transfer-out", args=[person.pk]),
        reverse("people:person-create"),
    ]:
        assert client.get(url).status_code == 403, url
        assert (
            client.post(url, {**VALID_FORM, "on": "01/02/2024", "moved_to": "Hà Nội"}).status_code
            == 403
        ), url

    assert snapshot() == before


def test_city_command_staff_sees_people_of_both_communes(client, tree, person, command_staff):
    other = create_person(tree.song_cau, given_name="Cường")
    client.force_login(command_staff)

    assert client.get(reverse("people:person-detail", args=[person.pk])).status_code == 200
    assert client.get(reverse("people:person-detail", args=[other.pk])).status_code == 200


def test_list_search_without_diacritics(client, tree, person, commune_officer):
    create_person(tree.song_cau, family_name="Nguyễn", middle_name="Văn", given_name="Cường")
    client.force_login(commune_officer)

    response = client.get(reverse("people:person-list"), {"q": "nguyen van"})

    assert [p.full_name for p in response.context["page"].items] == ["Nguyễn Văn An"]
    assert "Tìm thấy 1 công dân" in response.content.decode()


def test_a_list_past_the_count_cap_says_more_than(client, tree, person, commune_officer, settings):
    settings.QSDP_COUNT_CAP = 1
    create_person(tree.duong_quang, family_name="Lê", middle_name="Văn", given_name="Bình")
    client.force_login(commune_officer)

    response = client.get(reverse("people:person-list"))

    assert [p.full_name for p in response.context["page"].items] == [
        "Nguyễn Văn An",
        "Lê Văn Bình",
    ]
    assert "Tìm thấy hơn 1 công dân" in response.content.decode()


def test_htmx_search_returns_only_the_rows(client, person, commune_officer):
    client.force_login(commune_officer)

    response = client.get(reverse("people:person-list"), {"q": "an"}, HTTP_HX_REQUEST="true")

    # The export links sit in the fragment so that they follow the search.
    assert [t.name for t in response.templates] == [
        "people/partials/person_rows.html",
        "imports/partials/export_links.html",
    ]


def test_officer_adds_a_person(client, tree, commune_officer):
    client.force_login(commune_officer)

    response = client.post(
        reverse("people:person-create"),
        {**VALID_FORM, "org_unit": tree.duong_quang.pk, "residence_started_on": "15/04/2009"},
    )

    person = Person.objects.get(national_id="006209004321")
    assert response.status_code == 302
    assert response["Location"] == reverse("people:person-detail", args=[person.pk])
    assert (person.full_name, person.birth_date, person.org_unit) == (
        "Hoàng Văn Nam",
        date(2009, 4, 15),
        tree.duong_quang,
    )


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (
            {"national_id": "00620900432"},
            "national_id",
            "Số CCCD phải gồm đúng 12 chữ số; “00620900432” không đúng.",
        ),
        (
            {"national_id": "006208004321"},
            "national_id",
            "Chữ số thứ năm và thứ sáu của số CCCD (08) phải là hai số cuối của năm sinh (09).",
        ),
        (
            {"national_id": "006309004321"},
            "national_id",
            "Chữ số thứ tư của số CCCD (3) là mã của nữ, nhưng giới tính khai là nam.",
        ),
        (
            {"birth_date": "01/01/2099", "national_id": ""},
            "birth_date",
            "Ngày sinh không được sau ngày hôm nay.",
        ),
    ],
)
def test_bad_input_is_shown_on_its_field_and_nothing_is_saved(
    client, tree, commune_officer, change, field, message
):
    client.force_login(commune_officer)

    response = client.post(
        reverse("people:person-create"),
        {
            **VALID_FORM,
            **change,
            "org_unit": tree.duong_quang.pk,
            "residence_started_on": "15/04/2009",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert Person.objects.count() == 0


def test_duplicate_cccd_is_shown_on_its_field(client, tree, commune_officer):
    create_person(tree.song_cau, national_id="006209004321", birth_date=date(2009, 4, 15))
    client.force_login(commune_officer)

    response = client.post(
        reverse("people:person-create"),
        {**VALID_FORM, "org_unit": tree.duong_quang.pk, "residence_started_on": "15/04/2009"},
    )

    assert response.context["form"].errors["national_id"] == [
        "Số CCCD này đã được ghi cho một công dân khác trong sổ đăng ký."
    ]
    assert Person.objects.count() == 1


def test_officer_edits_a_person(client, person, commune_officer):
    client.force_login(commune_officer)
    form = {
        **VALID_FORM,
        "family_name": "Nguyễn",
        "middle_name": "Văn",
        "given_name": "An",
        "birth_date": person.birth_date.strftime("%d/%m/%Y"),
        "national_id": person.national_id,
        "occupation": "Thợ mộc",
    }

    response = client.post(reverse("people:person-edit", args=[person.pk]), form)

    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.occupation, person.ethnicity) == ("Thợ mộc", "02")


def test_detail_shows_the_timeline_and_hides_sensitive_fields_until_asked(
    client, person, commune_officer
):
    client.force_login(commune_officer)

    page = client.get(reverse("people:person-detail", args=[person.pk])).content.decode()

    assert "Bắt đầu cư trú: Xã Dương Quang" in page
    assert "Ghi vào sổ đăng ký" in page
    assert AccessLog.objects.count() == 0


def test_showing_sensitive_fields_is_logged(client, person, commune_officer):
    client.force_login(commune_officer)

    response = client.get(
        reverse("people:person-sensitive", args=[person.pk]), HTTP_HX_REQUEST="true"
    )

    assert response.content.decode().strip() == "Kinh · Không"
    assert AccessLog.objects.get().actor == commune_officer


def test_transfer_from_one_commune_to_another(client, tree, person, commune_officer, outsider):
    client.force_login(commune_officer)
    client.post(
        reverse("people:person-transfer-out", args=[person.pk]),
        {"on": "01/02/2024", "moved_to_unit": tree.song_cau.pk, "moved_to": ""},
    )
    client.force_login(outsider)

    incoming = client.get(reverse("people:person-list"), {"status": "incoming"})
    response = client.post(
        reverse("people:person-transfer-in", args=[person.pk]),
        {"on": "05/02/2024", "address": "Tổ 3"},
    )

    assert [p.pk for p in incoming.context["page"].items] == [person.pk]
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.org_unit, person.pending_transfer_to) == (tree.song_cau, None)


def test_home_counts_people_per_unit_in_scope(client, tree, person, command_staff):
    create_person(tree.song_cau, given_name="Cường")
    client.force_login(command_staff)

    response = client.get(reverse("home"))

    assert [(row.unit_name, row.people) for row in response.context["counts"]] == [
        ("Xã Dương Quang", 1),
        ("Phường Sông Cầu", 1),
    ]
    assert response.context["total"] == 2


def test_the_person_page_shows_the_panels_later_apps_register(
    client, person, commune_officer, monkeypatch, settings
):
    engine = {**settings.TEMPLATES[0], "APP_DIRS": False}
    engine["OPTIONS"] = {
        **engine["OPTIONS"],
        "loaders": [
            ("django.template.loaders.locmem.Loader", {"test/panel.html": "<p>{{ text }}</p>"}),
            "django.template.loaders.filesystem.Loader",
            "django.template.loaders.app_directories.Loader",
        ],
    }
    settings.TEMPLATES = [engine]
    monkeypatch.setattr(panels, "_PANELS", {})
    panels.register_person_panel(
        key="test",
        template="test/panel.html",
        context=lambda request, p: {"text": f"Bảng của {p.full_name} cho {request.user.username}"},
        order=1,
    )
    client.force_login(commune_officer)

    response = client.get(reverse("people:person-detail", args=[person.pk]))

    assert [p.key for p in response.context["panels"]] == ["test"]
    assert "<p>Bảng của Nguyễn Văn An cho officer_dq</p>" in response.content.decode()
