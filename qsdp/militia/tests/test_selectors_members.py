from datetime import date

import pytest
from django.http import Http404

from qsdp.militia.selectors import (
    MemberFilters,
    MemberStatus,
    member_get,
    member_list,
    person_militia,
    standing_months,
)
from qsdp.militia.services import duty_decision_record, member_leave, registration_record
from qsdp.militia.tests.factories import citizen, member, militia_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def members(tree):
    platoon = militia_unit(tree.duong_quang)
    return {
        "an": member(tree.duong_quang, given_name="An", militia_type="mobile", unit=platoon),
        "binh": member(tree.duong_quang, given_name="Bình", start=date(2022, 5, 1)),
        "cuong": member(tree.song_cau, given_name="Cường", militia_type="standing"),
        "dung": member(
            tree.duong_quang, given_name="Dũng", militia_type="standing", start=date(2021, 1, 1)
        ),
        "platoon": platoon,
    }


def names(members_qs):  # type: ignore[no-untyped-def]
    return [m.person.given_name for m in members_qs]


def test_each_user_sees_the_members_of_his_area(members, commune_officer, outsider, command_staff):
    everyone = MemberFilters()

    assert names(member_list(user=commune_officer, filters=everyone)) == ["An", "Bình", "Dũng"]
    assert names(member_list(user=outsider, filters=everyone)) == ["Cường"]
    assert names(member_list(user=command_staff, filters=everyone)) == [
        "Cường",  # Phường Sông Cầu
        "An",
        "Bình",
        "Dũng",
    ]


def test_a_member_whose_person_moved_is_seen_in_both_communes(members, commune_officer, outsider):
    everyone = MemberFilters()
    an = members["an"].person

    assert names(member_list(user=outsider, filters=everyone)) == ["Cường"]
    type(an).all_objects.filter(pk=an.pk).update(org_unit=members["cuong"].org_unit)

    # Sông Cầu manages An now; Dương Quang keeps the membership it recorded.
    assert names(member_list(user=outsider, filters=everyone)) == ["Cường", "An"]  # by commune
    assert names(member_list(user=commune_officer, filters=everyone)) == ["An", "Bình", "Dũng"]


def test_the_filters(members, command_staff, tree):
    def shown(**filters):  # type: ignore[no-untyped-def]
        return names(member_list(user=command_staff, filters=MemberFilters(**filters)))

    assert shown(militia_type="standing") == ["Cường", "Dũng"]
    assert shown(unit=members["platoon"]) == ["An"]
    assert shown(org_unit=tree.song_cau) == ["Cường"]
    assert shown(term_ending_in=2026) == ["Bình"]
    assert shown(term_ending_in=2023) == ["Dũng"]
    assert shown(q="binh") == ["Bình"]


def test_members_who_left_are_listed_apart(members, commune_officer):
    member_leave(actor=None, member=members["dung"], left_on=date(2023, 1, 1), reason="other")

    def shown(status):  # type: ignore[no-untyped-def]
        return names(member_list(user=commune_officer, filters=MemberFilters(status=status)))

    assert shown(MemberStatus.CURRENT) == ["An", "Bình"]
    assert shown(MemberStatus.LEFT) == ["Dũng"]
    assert shown(MemberStatus.ALL) == ["An", "Bình", "Dũng"]


def test_the_list_costs_one_query_however_long(
    members, command_staff, django_assert_num_queries, tree
):
    for name in ("Hà", "Hải", "Hiếu"):
        member(tree.duong_quang, given_name=name, militia_type="mobile", unit=members["platoon"])
    list(member_list(user=command_staff, filters=MemberFilters()))  # the scope is cached

    with django_assert_num_queries(1):
        rows = list(member_list(user=command_staff, filters=MemberFilters()))
        [(m.person.full_name, m.org_unit.name, m.unit and m.unit.name) for m in rows]


def test_a_member_outside_the_area_does_not_exist(members, outsider, commune_officer):
    assert member_get(user=commune_officer, pk=members["an"].pk) == members["an"]
    with pytest.raises(Http404):
        member_get(user=outsider, pk=members["an"].pk)


def test_standing_months_count_every_standing_term(tree):
    first = member(tree.duong_quang, militia_type="standing", start=date(2020, 1, 1))
    member_leave(actor=None, member=first, left_on=date(2020, 7, 15), reason="other")
    member(first.person, militia_type="standing", start=date(2022, 1, 1))

    assert standing_months(person_id=first.person_id, on=date(2023, 1, 1)) == 6 + 12


def test_a_persons_militia_record(tree):
    person = citizen(tree.duong_quang)
    registration_record(actor=None, person=person, registered_on=date(2019, 4, 2))
    term = member(person, start=date(2019, 5, 1))
    duty_decision_record(
        actor=None, person=person, status="student", decided_on=date(2020, 9, 1),
        valid_until=date(2021, 9, 1),
    )  # fmt: skip

    record = person_militia(person=person)

    assert [t.pk for t in record.terms] == [term.pk]
    assert record.current is None
    assert [d.status for d in record.decisions] == ["student"]
    assert [r.year for r in record.registrations] == [2019]
    assert (record.completion, record.is_empty) == (None, False)
    assert person_militia(person=citizen(tree.duong_quang)).is_empty is True
