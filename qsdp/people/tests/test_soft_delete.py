"""Soft delete with restore: a deleted person leaves every list, search and
choice (of every app) but keeps the row and its history."""

from datetime import date

import pytest
from django.urls import reverse

from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent
from qsdp.people.models import Person, Residence
from qsdp.people.selectors import (
    PersonFilters,
    deleted_person_list,
    incoming_transfer_count,
    person_counts_by_unit,
    person_list,
    person_page,
    person_timeline,
)
from qsdp.people.services import person_create, person_delete, person_restore
from qsdp.people.tests.factories import PersonDataFactory, create_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(tree):
    return create_person(
        tree.duong_quang, family_name="Nguyễn", middle_name="Văn", given_name="An",
        birth_date=date(2006, 3, 4), national_id="006206000111",
    )  # fmt: skip


@pytest.fixture
def other(tree):
    return create_person(tree.duong_quang, given_name="Bình", birth_date=date(2006, 5, 6))


def test_delete_hides_the_person_from_every_selector(person, other, commune_officer):
    person_delete(actor=commune_officer, person=person, reason="Nhập trùng")

    assert list(person_list(user=commune_officer, filters=PersonFilters())) == [other]
    assert list(person_list(user=commune_officer, filters=PersonFilters(q="nguyen van an"))) == []
    assert list(person_list(user=commune_officer, filters=PersonFilters(q="006206000111"))) == []
    assert person_page(user=commune_officer, filters=PersonFilters()).total == 1
    assert [c.people for c in person_counts_by_unit(user=commune_officer)] == [1]
    assert list(Person.objects.all()) == [other]


def test_a_deleted_incoming_transfer_is_not_counted(tree, person, commune_officer, outsider):
    from qsdp.people.services import person_transfer_out

    person_transfer_out(
        actor=commune_officer, person=person, on=date(2024, 1, 2), moved_to="",
        moved_to_unit=tree.song_cau,
    )  # fmt: skip
    assert incoming_transfer_count(user=outsider) == 1

    person_delete(actor=commune_officer, person=person, reason="Nhập nhầm")

    assert incoming_transfer_count(user=outsider) == 0


def test_delete_keeps_the_row_and_its_history(person, commune_officer):
    person_delete(actor=commune_officer, person=person, reason="  Nhập trùng  ")

    row = Person.all_objects.get(pk=person.pk)
    assert (row.delete_reason, row.deleted_by, row.version) == ("Nhập trùng", commune_officer, 2)
    assert row.deleted_at is not None
    assert Residence.objects.filter(person_id=person.pk).count() == 1
    event = AuditEvent.objects.get(verb="person.deleted")
    assert (event.actor, event.person_id) == (commune_officer, person.pk)
    assert event.changes == {"delete_reason": [None, "Nhập trùng"]}
    # Records of other apps pointing at the person still resolve.
    assert Residence.objects.get(person_id=person.pk).person.pk == person.pk
    assert "Đã xoá khỏi sổ đăng ký" in [e.title for e in person_timeline(person=row)]


def test_delete_needs_a_reason(person, commune_officer):
    with pytest.raises(DomainError) as refused:
        person_delete(actor=commune_officer, person=person, reason="   ")

    assert (refused.value.code, refused.value.field) == ("delete_reason_missing", "reason")
    assert refused.value.message == "Hãy ghi lý do xoá hồ sơ."
    assert Person.objects.filter(pk=person.pk).exists()


def test_restore_brings_the_person_back(person, commune_officer, command_staff):
    person_delete(actor=commune_officer, person=person, reason="Nhập trùng")

    person_restore(actor=command_staff, person=person)

    row = Person.objects.get(pk=person.pk)
    assert (row.deleted_at, row.deleted_by, row.delete_reason, row.version) == (None, None, "", 3)
    event = AuditEvent.objects.get(verb="person.restored")
    assert (event.actor, event.changes) == (command_staff, {"delete_reason": ["Nhập trùng", None]})
    with pytest.raises(DomainError) as refused:
        person_restore(actor=command_staff, person=person)
    assert refused.value.code == "not_deleted"


def test_the_cccd_of_a_deleted_record_is_not_taken_again(tree, person, commune_officer):
    person_delete(actor=commune_officer, person=person, reason="Nhập trùng")

    with pytest.raises(DomainError) as refused:
        person_create(
            actor=commune_officer, org_unit=tree.duong_quang, residence_started_on=date(2024, 1, 1),
            data=PersonDataFactory(national_id="006206000111", birth_date=date(2006, 3, 4)),
        )  # fmt: skip

    assert (refused.value.code, refused.value.field) == ("national_id_deleted", "national_id")


def test_deleted_list_is_scoped(tree, person, commune_officer, command_staff, outsider):
    person_delete(actor=commune_officer, person=person, reason="Nhập trùng")

    assert list(deleted_person_list(user=command_staff)) == [person]
    assert list(deleted_person_list(user=outsider)) == []


# Views: the persona matrix.


def test_views_send_anonymous_to_login(client, person):
    for url in [
        reverse("people:person-delete", args=[person.pk]),
        reverse("people:deleted-list"),
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    response = client.post(reverse("people:person-restore", args=[person.pk]))
    assert response["Location"].startswith(reverse("accounts:login"))


def test_an_officer_of_another_commune_gets_404(client, person, outsider):
    client.force_login(outsider)
    url = reverse("people:person-delete", args=[person.pk])

    assert client.get(url).status_code == 404
    assert client.post(url, {"reason": "x"}).status_code == 404
    assert Person.objects.filter(pk=person.pk).exists()


def test_the_leader_cannot_delete(client, person, leader):
    client.force_login(leader)

    response = client.post(reverse("people:person-delete", args=[person.pk]), {"reason": "x"})

    assert response.status_code == 403
    assert Person.objects.get(pk=person.pk).deleted_at is None


def test_an_officer_deletes_with_a_reason(client, person, commune_officer):
    client.force_login(commune_officer)
    url = reverse("people:person-delete", args=[person.pk])

    assert client.post(url, {"reason": ""}).status_code == 200
    response = client.post(url, {"reason": "Nhập trùng"})

    assert response.status_code == 302
    assert response["Location"] == reverse("people:person-list")
    assert Person.all_objects.get(pk=person.pk).delete_reason == "Nhập trùng"
    assert client.get(reverse("people:person-detail", args=[person.pk])).status_code == 404
    assert "Nguyễn Văn An" not in client.get(reverse("people:person-list")).content.decode()


def test_only_command_staff_see_and_restore_deleted_records(
    client, person, commune_officer, command_staff, leader, outsider
):
    person_delete(actor=commune_officer, person=person, reason="Nhập trùng")
    restore = reverse("people:person-restore", args=[person.pk])
    for user in (commune_officer, leader):
        client.force_login(user)
        assert client.get(reverse("people:deleted-list")).status_code == 403
        assert client.post(restore).status_code == 403
    assert Person.objects.filter(pk=person.pk).exists() is False

    client.force_login(command_staff)
    page = client.get(reverse("people:deleted-list")).content.decode()
    assert "Nguyễn Văn An" in page and "Nhập trùng" in page
    response = client.post(restore)

    assert response.status_code == 302
    assert response["Location"] == reverse("people:person-detail", args=[person.pk])
    assert Person.objects.get(pk=person.pk).deleted_at is None
    assert client.post(restore).status_code == 404
