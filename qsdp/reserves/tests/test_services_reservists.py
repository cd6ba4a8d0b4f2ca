from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent
from qsdp.people.tests.factories import create_person
from qsdp.reserves import rules
from qsdp.reserves.models import Arrangement, Source
from qsdp.reserves.services import (
    ClassFacts,
    ReservistData,
    reservist_arrange,
    reservist_create,
    reservist_remove,
    reservist_update,
)
from qsdp.reserves.tests.factories import post, reserve_unit, reservist, rows

pytestmark = pytest.mark.django_db


def test_the_source_choices_are_those_of_the_rules():
    assert set(Source.values) == {s.value for s in rules.ReserveSource}


@pytest.mark.parametrize(("months", "klass"), [(24, 1), (6, 1), (5, 2)])
def test_the_class_comes_from_the_rules(tree, commune_officer, months, klass):
    person = create_person(tree.duong_quang, birth_date=date(1999, 2, 3), sex="male")

    created = reservist_create(
        actor=commune_officer,
        person=person,
        facts=ClassFacts(source=Source.DISCHARGED_NCO_SOLDIER, active_service_months=months),
        data=ReservistData(rank="sergeant", specialty_code=" 111 ", specialty_name="Bộ binh"),
        registered_on=date(2023, 3, 10),
    )

    assert (created.reserve_class, created.managed_by, created.specialty_code) == (
        klass,
        tree.duong_quang,
        "111",
    )
    event = AuditEvent.objects.get(verb="reservist.created")
    assert event.changes == {
        "reserve_class": [None, klass],
        "rank_group": [None, "nco_or_soldier"],
        "rank": [None, "sergeant"],
        "specialty_code": [None, "111"],
        "specialty_name": [None, "Bộ binh"],
        "registered_on": [None, "2023-03-10"],
        "source": [None, "discharged_nco_soldier"],
        "managed_by": [None, tree.duong_quang.pk],
    }


def _refused(**kwargs):  # type: ignore[no-untyped-def]
    before = rows()
    with pytest.raises(DomainError) as refused:
        reservist_create(actor=None, **kwargs)
    assert rows() == before
    return refused.value


def test_the_months_the_class_needs_are_asked_for(tree):
    person = create_person(tree.duong_quang, birth_date=date(1999, 2, 3), sex="male")

    error = _refused(
        person=person,
        facts=ClassFacts(source=Source.LEFT_PEOPLE_POLICE),
        data=ReservistData(),
        registered_on=date(2023, 3, 10),
    )

    assert (error.code, error.field) == ("rs_class_facts_missing", "police_service_months")
    assert error.message == (
        "Cần ghi số tháng phục vụ trong Công an nhân dân: hạng dự bị của nguồn này phụ thuộc "
        "vào đó."
    )


def test_a_man_past_45_cannot_be_registered(tree):
    person = create_person(
        tree.duong_quang, given_name="An", birth_date=date(1977, 1, 1), sex="male"
    )

    error = _refused(
        person=person,
        facts=ClassFacts(source=Source.MALE_OVER_CALL_UP_AGE_NEVER_SERVED),
        data=ReservistData(),
        registered_on=date(2023, 1, 1),
    )

    assert (error.code, error.field) == ("rs_outside_reserve_age", "registered_on")
    assert error.message == (
        "Không thể đăng ký Nguyễn Văn An vào ngạch dự bị: quân nhân dự bị nam sinh ngày "
        "01/01/1977 đã quá độ tuổi phục vụ trong ngạch dự bị vào ngày 01/01/2023 (đến hết 45 "
        "tuổi, tức hết ngày 31/12/2022) và được giải ngạch dự bị (Luật NVQS 2015 Điều 25)."
    )


def test_a_source_for_women_does_not_apply_to_a_man(tree):
    person = create_person(tree.duong_quang, given_name="An", sex="male")

    error = _refused(
        person=person,
        facts=ClassFacts(source=Source.FEMALE_REGISTERED_FOR_MILITARY_SERVICE),
        data=ReservistData(),
        registered_on=date(2025, 1, 1),
    )

    assert error.message == "Nguồn dự bị này không áp dụng cho Nguyễn Văn An."


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (ReservistData(health_class=7), "health_class", "Loại sức khỏe từ 1 đến 6."),
        (
            ReservistData(rank_group="officer", rank="sergeant"),
            "rank",
            "Cần chọn cấp bậc sĩ quan của sĩ quan dự bị: hạn tuổi phụ thuộc cấp bậc.",
        ),
        (
            ReservistData(rank="captain"),
            "rank",
            "Cấp bậc sĩ quan chỉ thuộc nhóm sĩ quan.",
        ),
    ],
)
def test_the_typed_fields_are_checked(tree, data, field, message):
    person = create_person(tree.duong_quang, birth_date=date(1999, 2, 3), sex="male")

    error = _refused(
        person=person,
        facts=ClassFacts(source=Source.DISCHARGED_NCO_SOLDIER, active_service_months=24),
        data=data,
        registered_on=date(2023, 3, 10),
    )

    assert (error.field, error.message) == (field, message)


def test_a_person_is_in_the_register_once(tree):
    soldier = reservist(tree.duong_quang, given_name="An")

    error = _refused(
        person=soldier.person,
        facts=ClassFacts(source=Source.DISCHARGED_NCO_SOLDIER, active_service_months=24),
        data=ReservistData(),
        registered_on=date(2023, 3, 10),
    )

    assert error.message == (
        "Nguyễn Văn An đã có trong sổ đăng ký quân nhân dự bị (từ ngày 01/03/2020)."
    )


def test_a_leader_may_not_register(tree, leader):
    person = create_person(tree.duong_quang)
    before = rows()

    with pytest.raises(PermissionDenied):
        reservist_create(
            actor=leader,
            person=person,
            facts=ClassFacts(source=Source.DISCHARGED_NCO_SOLDIER, active_service_months=24),
            data=ReservistData(),
            registered_on=date(2023, 3, 10),
        )

    assert rows() == before


def test_a_change_is_audited_with_before_and_after(tree, commune_officer):
    soldier = reservist(tree.duong_quang, health_class=1)

    reservist_update(
        actor=commune_officer,
        reservist=soldier,
        data=ReservistData(
            rank="staff_sergeant", specialty_code="111", specialty_name="Bộ binh", health_class=2
        ),
        reserve_class=1,
    )

    soldier.refresh_from_db()
    assert (soldier.rank, soldier.health_class) == ("staff_sergeant", 2)
    event = AuditEvent.objects.get(verb="reservist.updated")
    assert event.changes == {"rank": ["sergeant", "staff_sergeant"], "health_class": [1, 2]}


def test_removal_is_dated_with_its_reason_and_ends_the_arrangement(tree, commune_officer):
    soldier = reservist(tree.duong_quang)
    held = reservist_arrange(
        actor=None,
        reservist=soldier,
        post=post(reserve_unit(tree.duong_quang_command)),
        arranged_on=date(2023, 3, 1),
    )

    reservist_remove(actor=commune_officer, reservist=soldier, on=date(2024, 5, 2), reason="health")

    soldier.refresh_from_db()
    held.refresh_from_db()
    assert (soldier.removed_on, soldier.removal_reason) == (date(2024, 5, 2), "health")
    assert (held.ended_on, held.end_reason) == (date(2024, 5, 2), "Không còn đủ sức khỏe phục vụ")
    assert AuditEvent.objects.get(verb="reservist.removed").changes == {
        "removed_on": [None, "2024-05-02"],
        "removal_reason": ["", "health"],
        "arrangement_ended": [held.pk, "2024-05-02"],
    }
    assert Arrangement.objects.count() == 1


@pytest.mark.parametrize(
    ("reason", "note", "field"), [("", "", "removal_reason"), ("other", " ", "removal_note")]
)
def test_removal_needs_a_reason(tree, reason, note, field):
    soldier = reservist(tree.duong_quang)
    before = rows()

    with pytest.raises(DomainError) as refused:
        reservist_remove(
            actor=None, reservist=soldier, on=date(2024, 5, 2), reason=reason, note=note
        )

    assert (refused.value.field, refused.value.message) == (
        field,
        "Cần ghi lý do giải ngạch quân nhân dự bị.",
    )
    assert rows() == before


def test_a_removed_reservist_is_not_changed_or_removed_again(tree):
    soldier = reservist(tree.duong_quang, given_name="An")
    reservist_remove(actor=None, reservist=soldier, on=date(2024, 5, 2), reason="deceased")
    before = rows()

    with pytest.raises(DomainError) as again:
        reservist_remove(
            actor=None, reservist=soldier, on=date(2024, 6, 2), reason="other", note="x"
        )
    with pytest.raises(DomainError) as changed:
        reservist_update(actor=None, reservist=soldier, data=ReservistData(), reserve_class=2)

    assert (
        again.value.message
        == changed.value.message
        == ("Nguyễn Văn An đã giải ngạch dự bị ngày 02/05/2024.")
    )
    assert rows() == before
