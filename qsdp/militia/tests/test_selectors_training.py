from datetime import date

import pytest

from qsdp.militia.selectors import training_summary
from qsdp.militia.services import member_leave, training_days_record
from qsdp.militia.tests.factories import member, militia_unit

pytestmark = pytest.mark.django_db


def test_days_required_against_days_done(
    tree, commune_officer, outsider, django_assert_max_num_queries
):
    platoon = militia_unit(tree.duong_quang)
    first_year = member(tree.duong_quang, given_name="An", militia_type="mobile", unit=platoon,
                        start=date(2024, 3, 1))  # fmt: skip
    second_year = member(tree.duong_quang, given_name="Bình", militia_type="mobile", unit=platoon,
                         start=date(2023, 3, 1))  # fmt: skip
    local = member(tree.duong_quang, given_name="Cường", start=date(2022, 3, 1))
    standing = member(tree.duong_quang, given_name="Dũng", militia_type="standing",
                      start=date(2023, 6, 1))  # fmt: skip
    gone = member(tree.duong_quang, given_name="Hà", start=date(2020, 3, 1))
    member_leave(actor=None, member=gone, left_on=date(2023, 12, 31), reason="term_completed")
    for person, days in ((first_year, 15), (second_year, 10), (standing, 60), (local, 9)):
        training_days_record(actor=None, member=person, year=2024, days_done=days)

    with django_assert_max_num_queries(2):
        summary = training_summary(user=commune_officer, year=2024)

    assert [
        (r.member.person.given_name, r.service_year, r.required, r.done, r.missing, r.met)
        for r in summary.rows
    ] == [
        ("An", 1, 15, 15, 0, True),
        ("Bình", 2, 12, 10, 2, False),
        ("Cường", 3, 7, 9, 0, True),
        ("Dũng", 2, 60, 60, 0, True),
    ]
    assert [(u.unit_name, u.members, u.required, u.done, u.met) for u in summary.units] == [
        ("Trung đội cơ động", 2, 27, 25, 1),
        ("", 2, 67, 69, 2),
    ]
    assert training_summary(user=outsider, year=2024).rows == []


def test_a_year_without_records_shows_nothing_done(tree, commune_officer):
    member(tree.duong_quang, start=date(2023, 3, 1))

    row = training_summary(user=commune_officer, year=2023).rows[0]

    assert (row.required, row.done, row.missing) == (15, None, 15)
