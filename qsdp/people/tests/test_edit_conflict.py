"""Optimistic locking of person edits: the second of two concurrent edits is
refused with a clear message, its data kept in the audit and shown to merge."""

from datetime import date

import pytest
from django.urls import reverse

from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent
from qsdp.people.models import Person
from qsdp.people.services import person_update
from qsdp.people.tests.factories import PersonDataFactory, create_person
from qsdp.people.tests.test_views import VALID_FORM

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(tree):
    return create_person(
        tree.duong_quang,
        family_name="Nguyễn",
        middle_name="Văn",
        given_name="An",
        birth_date=date(2006, 3, 4),
        national_id="",
    )


def _data(**changes):
    fields = {
        "family_name": "Nguyễn",
        "middle_name": "Văn",
        "given_name": "An",
        "birth_date": date(2006, 3, 4),
        "national_id": "",
        **changes,
    }
    return PersonDataFactory(**fields)


def test_an_edit_bumps_the_version(person, commune_officer):
    updated = person_update(
        actor=commune_officer, person=person, data=_data(occupation="Thợ mộc"), version=1
    )

    assert updated.version == 2
    assert Person.objects.get(pk=person.pk).version == 2


def test_an_edit_that_changes_nothing_keeps_the_version(person, commune_officer):
    assert person_update(actor=commune_officer, person=person, data=_data(), version=1).version == 1


def test_a_stale_edit_is_refused_and_kept_in_the_audit(person, commune_officer, command_staff):
    person_update(actor=command_staff, person=person, data=_data(occupation="Thợ mộc"), version=1)

    with pytest.raises(DomainError) as refused:
        person_update(
            actor=commune_officer,
            person=person,
            data=_data(occupation="Công nhân", phone="0912345678"),
            version=1,
        )

    assert refused.value.code == "edit_conflict"
    assert refused.value.message.startswith(f"Hồ sơ đã được {command_staff} sửa lúc ")
    assert "trong khi bạn đang sửa" in refused.value.message
    assert refused.value.extra["version"] == 2
    saved = Person.objects.get(pk=person.pk)
    assert (saved.occupation, saved.phone, saved.version) == ("Thợ mộc", "", 2)
    conflict = AuditEvent.objects.get(verb="person.edit_conflict")
    assert conflict.actor == commune_officer
    assert conflict.person_id == person.pk
    assert conflict.changes == {
        "based_on_version": [1, 2],
        "occupation": ["Thợ mộc", "Công nhân"],
        "phone": ["", "0912345678"],
    }


def _form(person, **changes):
    return {**VALID_FORM, "national_id": "", "family_name": "Nguyễn", "middle_name": "Văn",
            "given_name": "An", "birth_date": "04/03/2006", "ethnicity": "01",
            "education_grade": "", "occupation": "", "address": "", **changes}  # fmt: skip


def test_the_edit_form_carries_the_version(client, person, commune_officer):
    client.force_login(commune_officer)

    page = client.get(reverse("people:person-edit", args=[person.pk])).content.decode()

    assert 'type="hidden" name="version" value="1"' in page


def test_the_losing_edit_is_shown_to_merge(client, person, commune_officer, command_staff):
    url = reverse("people:person-edit", args=[person.pk])
    client.force_login(command_staff)
    assert client.post(url, _form(person, occupation="Thợ mộc", version="1")).status_code == 302
    client.force_login(commune_officer)

    response = client.post(url, _form(person, occupation="Công nhân", version="1"))

    assert response.status_code == 200
    page = response.content.decode()
    assert f"Hồ sơ đã được {command_staff} sửa lúc" in page
    assert "<td>Nghề nghiệp</td><td data-label" in page
    assert ">Thợ mộc</td>" in page and ">Công nhân</td>" in page
    # The form now holds the user's value on top of the saved version: saving
    # again is the merge.
    assert 'type="hidden" name="version" value="2"' in page
    assert 'name="occupation" value="Công nhân"' in page
    assert Person.objects.get(pk=person.pk).occupation == "Thợ mộc"
    assert client.post(url, _form(person, occupation="Công nhân", version="2")).status_code == 302
    saved = Person.objects.get(pk=person.pk)
    assert (saved.occupation, saved.version) == ("Công nhân", 3)
