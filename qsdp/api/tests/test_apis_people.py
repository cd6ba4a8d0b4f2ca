"""The person register through the API: the persona matrix, and the same
services (rules, audit) as the UI."""

from datetime import date

import pytest
from rest_framework.test import APIClient

from qsdp.api.tests.factories import token_client
from qsdp.core.models import AccessLog, AuditEvent
from qsdp.people.models import Person
from qsdp.people.tests.factories import create_person

LIST = "/api/v1/people/"


def detail(person: Person) -> str:
    return f"/api/v1/people/{person.pk}/"


@pytest.fixture
def dq_person(tree):
    return create_person(
        tree.duong_quang, family_name="Hoàng", middle_name="Văn", given_name="Thái", ethnicity="02"
    )


@pytest.fixture
def sc_person(tree):
    return create_person(tree.song_cau, family_name="Lý", middle_name="Thị", given_name="Mai")


NEW = {
    "family_name": "Nông",
    "middle_name": "Văn",
    "given_name": "Dũng",
    "birth_date": "2006-05-10",
    "sex": "male",
    "residence_started_on": "2024-01-02",
}


def _ids(response) -> list[int]:  # type: ignore[no-untyped-def]
    return [row["id"] for row in response.json()["results"]]


def test_anonymous_reads_and_writes_nothing(dq_person):
    client = APIClient()

    assert client.get(LIST).status_code == 401
    assert client.get(detail(dq_person)).status_code == 401
    assert client.post(LIST, NEW, format="json").status_code == 401
    assert client.patch(detail(dq_person), {"given_name": "X"}, format="json").status_code == 401
    assert Person.objects.count() == 1


def test_a_song_cau_token_reads_nothing_of_duong_quang(outsider, dq_person, sc_person, tree):
    client = token_client(outsider)

    assert _ids(client.get(LIST)) == [sc_person.pk]
    assert _ids(client.get(LIST, {"q": "thai"})) == []
    assert client.get(detail(dq_person)).status_code == 404
    assert client.get(detail(dq_person), {"sensitive": "true"}).status_code == 404
    assert client.get(LIST, {"org_unit": tree.duong_quang.pk}).status_code == 404
    response = client.patch(detail(dq_person), {"given_name": "X"}, format="json")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    dq_person.refresh_from_db()
    assert dq_person.given_name == "Thái"
    assert not AccessLog.objects.exists()


def test_the_list_pages_and_filters(commune_officer, dq_person, tree):
    other = create_person(tree.duong_quang, family_name="Đinh", given_name="An")
    client = token_client(commune_officer)

    page = client.get(LIST, {"page_size": 1}).json()

    assert page["count"] == 2
    assert [row["id"] for row in page["results"]] == [other.pk]
    assert page["next"].endswith("page=2&page_size=1")
    assert _ids(client.get(LIST, {"q": "hoàng văn thái"})) == [dq_person.pk]
    assert _ids(client.get(LIST, {"org_unit": tree.duong_quang.pk, "status": "resident"})) == [
        other.pk,
        dq_person.pk,
    ]
    assert client.get(LIST, {"status": "nope"}).json()["code"] == "invalid"


def test_the_list_masks_the_sensitive_fields_and_logs_nothing(commune_officer, dq_person):
    row = token_client(commune_officer).get(LIST).json()["results"][0]

    assert row["full_name"] == "Hoàng Văn Thái"
    assert row["org_unit"]["name"] == "Xã Dương Quang"
    assert (row["ethnicity"], row["religion"]) == (None, None)
    assert not AccessLog.objects.exists()


def test_the_officer_discloses_the_sensitive_fields_and_the_read_is_logged(
    commune_officer, dq_person
):
    response = token_client(commune_officer).get(detail(dq_person), {"sensitive": "true"})

    assert (response.json()["ethnicity"], response.json()["religion"]) == ("02", "none")
    log = AccessLog.objects.get()
    assert (log.actor, log.person_id, log.fields, log.purpose) == (
        commune_officer,
        dq_person.pk,
        ["ethnicity", "religion"],
        "api.person_detail",
    )


def test_a_leader_reads_but_the_sensitive_fields_stay_masked(leader, dq_person):
    response = token_client(leader).get(detail(dq_person), {"sensitive": "true"})

    assert response.status_code == 200
    assert response.json()["ethnicity"] is None
    assert not AccessLog.objects.exists()


def test_a_leader_changes_nothing(leader, dq_person, tree):
    client = token_client(leader)
    events = AuditEvent.objects.count()

    created = client.post(LIST, {**NEW, "org_unit": tree.duong_quang.pk}, format="json")
    changed = client.patch(detail(dq_person), {"given_name": "Tuấn"}, format="json")

    assert (created.status_code, changed.status_code) == (403, 403)
    assert created.json()["code"] == "permission_denied"
    assert Person.objects.count() == 1
    dq_person.refresh_from_db()
    assert dq_person.given_name == "Thái"
    assert AuditEvent.objects.count() == events


def test_the_officer_records_a_person_through_the_service(commune_officer, tree):
    response = token_client(commune_officer).post(
        LIST, {**NEW, "org_unit": tree.duong_quang.pk}, format="json"
    )

    assert response.status_code == 201
    person = Person.objects.get(pk=response.json()["id"])
    assert (person.full_name, person.birth_date, person.org_unit) == (
        "Nông Văn Dũng",
        date(2006, 5, 10),
        tree.duong_quang,
    )
    assert person.residences.get().started_on == date(2024, 1, 2)
    event = AuditEvent.objects.get(verb__startswith="person.")
    assert (event.verb, event.actor, event.person_id) == (
        "person.created",
        commune_officer,
        person.pk,
    )


def test_the_officer_cannot_record_in_another_commune(commune_officer, tree):
    response = token_client(commune_officer).post(
        LIST, {**NEW, "org_unit": tree.song_cau.pk}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["code"] == "org_unit_not_in_area"
    assert not Person.objects.exists()


def test_a_refusal_of_the_rules_is_a_400_with_code_message_and_extra(commune_officer, tree):
    response = token_client(commune_officer).post(
        LIST, {**NEW, "org_unit": tree.duong_quang.pk, "national_id": "123"}, format="json"
    )

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "national_id_format"
    assert body["extra"]["field"] == "national_id"
    assert body["extra"]["problems"][0]["code"] == "national_id_format"
    assert not Person.objects.exists()


def test_an_invalid_body_is_a_400_naming_the_fields(commune_officer, tree):
    response = token_client(commune_officer).post(LIST, {"sex": "x"}, format="json")

    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert set(response.json()["extra"]["fields"]) >= {"family_name", "sex", "org_unit"}


def test_the_officer_changes_a_field_and_one_event_is_written(commune_officer, dq_person):
    response = token_client(commune_officer).patch(
        detail(dq_person), {"occupation": "Công nhân", "version": dq_person.version}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["occupation"] == "Công nhân"
    dq_person.refresh_from_db()
    assert (dq_person.occupation, dq_person.given_name) == ("Công nhân", "Thái")
    event = AuditEvent.objects.get(verb="person.updated")
    assert event.changes == {"occupation": ["", "Công nhân"]}


def test_a_change_over_a_newer_version_is_refused(commune_officer, dq_person):
    client = token_client(commune_officer)
    client.patch(detail(dq_person), {"occupation": "Công nhân"}, format="json")

    response = client.patch(
        detail(dq_person), {"occupation": "Nông dân", "version": 1}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["code"] == "edit_conflict"
    dq_person.refresh_from_db()
    assert dq_person.occupation == "Công nhân"


def test_an_administrator_reads_the_sensitive_fields_masked_and_nothing_is_logged(
    admin_user, dq_person
):
    response = token_client(admin_user).get(detail(dq_person), {"sensitive": "true"})

    assert response.status_code == 200
    assert (response.json()["ethnicity"], response.json()["religion"]) == (None, None)
    assert not AccessLog.objects.exists()
