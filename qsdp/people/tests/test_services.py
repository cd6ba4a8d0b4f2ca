from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent
from qsdp.people.errors import PersonErrorCode
from qsdp.people.models import Person, Residence
from qsdp.people.services import (
    person_create,
    person_transfer_in,
    person_transfer_out,
    person_update,
)
from qsdp.people.tests.factories import PersonDataFactory, create_person

pytestmark = pytest.mark.django_db


def test_creating_a_person_records_the_residence_and_one_audit_event(tree, commune_officer):
    data = PersonDataFactory(
        family_name="Nguyễn", middle_name="Văn", given_name="An", national_id="006206001234",
        birth_date=date(2006, 9, 30), address="Thôn Nà Pài",
    )  # fmt: skip

    person = person_create(
        actor=commune_officer,
        org_unit=tree.duong_quang,
        data=data,
        residence_started_on=date(2006, 10, 1),
    )

    assert person.org_unit == tree.duong_quang
    assert (person.search_name, person.sort_name) == ("nguyen van an", "an nguyen van")
    residence = Residence.objects.get(person=person)
    assert (residence.org_unit, residence.started_on, residence.ended_on) == (
        tree.duong_quang, date(2006, 10, 1), None,
    )  # fmt: skip
    event = AuditEvent.objects.get(person_id=person.pk)
    assert (event.verb, event.actor, event.changes["national_id"]) == (
        "person.created", commune_officer, [None, "006206001234"],
    )  # fmt: skip


def test_names_are_stored_in_nfc_and_single_spaced(tree):
    decomposed = "Nguye\u0302\u0303n"  # "Nguyễn" typed as NFD
    person = create_person(tree.duong_quang, family_name=f" {decomposed}  ", middle_name="Văn")

    assert person.family_name == "Nguyễn"


@pytest.mark.parametrize(
    ("fields", "field", "code"),
    [
        ({"national_id": "0062060012"}, "national_id", PersonErrorCode.NATIONAL_ID_FORMAT),
        ({"national_id": "006205001234"}, "national_id", PersonErrorCode.NATIONAL_ID_YEAR),
        ({"national_id": "006306001234"}, "national_id", PersonErrorCode.NATIONAL_ID_SEX),
        (
            {"birth_date": date(2099, 1, 1), "national_id": ""},
            "birth_date",
            PersonErrorCode.BIRTH_DATE_FUTURE,
        ),
    ],
)
def test_refused_person_leaves_nothing_behind(tree, commune_officer, fields, field, code):
    data = PersonDataFactory(**{"birth_date": date(2006, 9, 30), **fields})

    with pytest.raises(DomainError) as refused:
        person_create(
            actor=commune_officer,
            org_unit=tree.duong_quang,
            data=data,
            residence_started_on=date(2020, 1, 1),
        )

    assert (refused.value.field, refused.value.code) == (field, code.value)
    assert (
        Person.objects.count(),
        Residence.objects.count(),
        AuditEvent.objects.filter(verb="person.created").count(),
    ) == (0, 0, 0)


def test_duplicate_cccd_is_refused_even_across_communes(tree, outsider):
    create_person(tree.duong_quang, national_id="006206001234", birth_date=date(2006, 9, 30))
    data = PersonDataFactory(
        national_id="006206001234", birth_date=date(2006, 9, 30), given_name="Khác"
    )

    with pytest.raises(DomainError) as refused:
        person_create(
            actor=outsider, org_unit=tree.song_cau, data=data, residence_started_on=date(2020, 1, 1)
        )

    assert (refused.value.field, refused.value.code) == ("national_id", "national_id_duplicate")
    assert Person.objects.count() == 1


def test_same_name_and_birth_date_needs_confirmation(tree, commune_officer):
    create_person(tree.duong_quang, given_name="An", birth_date=date(2006, 9, 30), national_id="")
    twin = PersonDataFactory(given_name="An", birth_date=date(2006, 9, 30), national_id="")

    with pytest.raises(DomainError) as refused:
        person_create(
            actor=commune_officer,
            org_unit=tree.duong_quang,
            data=twin,
            residence_started_on=date(2020, 1, 1),
        )
    person_create(
        actor=commune_officer,
        org_unit=tree.duong_quang,
        data=twin,
        residence_started_on=date(2020, 1, 1),
        allow_namesake=True,
    )

    assert refused.value.code == "namesake_duplicate"
    assert Person.objects.filter(given_name="An").count() == 2


def test_a_village_is_not_a_place_of_registration(tree, commune_officer):
    with pytest.raises(DomainError) as refused:
        person_create(
            actor=commune_officer,
            org_unit=tree.duong_quang_village,
            data=PersonDataFactory(),
            residence_started_on=date(2020, 1, 1),
        )

    assert refused.value.code == "unit_not_commune_level"


def test_leader_may_not_create_and_nothing_is_saved(tree, leader):
    with pytest.raises(PermissionDenied):
        person_create(
            actor=leader,
            org_unit=tree.duong_quang,
            data=PersonDataFactory(),
            residence_started_on=date(2020, 1, 1),
        )

    assert Person.objects.count() == 0


def test_update_records_before_and_after(tree, commune_officer):
    person = create_person(tree.duong_quang, occupation="Làm nông")
    data = PersonDataFactory(
        family_name=person.family_name,
        middle_name=person.middle_name,
        given_name=person.given_name,
        birth_date=person.birth_date,
        national_id=person.national_id,
        occupation="Công nhân",
    )

    person_update(actor=commune_officer, person=person, data=data)

    event = AuditEvent.objects.get(verb="person.updated")
    assert event.changes == {"occupation": ["Làm nông", "Công nhân"]}
    assert Person.objects.get(pk=person.pk).occupation == "Công nhân"


def test_transfer_out_then_in_keeps_both_residences(tree, commune_officer, outsider):
    person = create_person(tree.duong_quang, started_on=date(2010, 5, 1))

    person_transfer_out(
        actor=commune_officer,
        person=person,
        on=date(2024, 3, 1),
        moved_to="",
        moved_to_unit=tree.song_cau,
    )
    person.refresh_from_db()
    assert (person.org_unit, person.pending_transfer_to) == (tree.duong_quang, tree.song_cau)

    person_transfer_in(
        actor=outsider, person=person, org_unit=tree.song_cau, on=date(2024, 3, 8), address="Tổ 5"
    )
    person.refresh_from_db()

    assert (person.org_unit, person.pending_transfer_to, person.address) == (
        tree.song_cau,
        None,
        "Tổ 5",
    )
    assert list(
        person.residences.order_by("started_on").values_list(
            "org_unit__name", "started_on", "ended_on", "moved_to"
        )
    ) == [
        ("Xã Dương Quang", date(2010, 5, 1), date(2024, 3, 1), "Phường Sông Cầu"),
        ("Phường Sông Cầu", date(2024, 3, 8), None, ""),
    ]


def test_transfer_in_to_a_unit_not_named_is_refused(tree, commune_officer, command_staff):
    person = create_person(tree.duong_quang)

    with pytest.raises(DomainError) as refused:
        person_transfer_in(
            actor=command_staff, person=person, org_unit=tree.song_cau, on=date(2024, 3, 8)
        )

    assert refused.value.code == "no_pending_transfer"
    assert person.residences.count() == 1


def test_transfer_out_before_residence_began_is_refused(tree, commune_officer):
    person = create_person(tree.duong_quang, started_on=date(2020, 1, 1))

    with pytest.raises(DomainError) as refused:
        person_transfer_out(
            actor=commune_officer, person=person, on=date(2019, 1, 1), moved_to="Hà Nội"
        )

    assert refused.value.field == "on"
    assert person.residences.get().ended_on is None
