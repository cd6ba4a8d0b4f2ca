from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent
from qsdp.militia.models import TermExtension
from qsdp.militia.services import (
    MemberData,
    UnitData,
    duty_decision_record,
    member_add,
    member_leave,
    member_update,
    term_extend,
    unit_update,
)
from qsdp.militia.tests.factories import citizen, member, militia_unit, rows
from qsdp.reserves.services import reservist_arrange
from qsdp.reserves.tests.factories import post, reserve_unit, reservist

pytestmark = pytest.mark.django_db


def refused(call):  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as error:
        call()
    return error.value


# Joining


def test_a_citizen_joins_for_the_term_the_law_sets(tree, commune_officer):
    person = citizen(tree.duong_quang, given_name="An")

    joined = member_add(
        actor=commune_officer,
        person=person,
        data=MemberData(militia_type="local", term_start=date(2023, 4, 1)),
    )

    assert (joined.org_unit, joined.term_start, joined.term_end) == (
        tree.duong_quang,
        date(2023, 4, 1),
        date(2027, 4, 1),
    )
    assert joined.created_by == commune_officer
    event = AuditEvent.objects.filter(verb__startswith="militia.").get()
    assert (event.verb, event.person_id, event.changes["term_end"]) == (
        "militia.member_added",
        person.pk,
        [None, "2027-04-01"],
    )


@pytest.mark.parametrize(
    ("militia_type", "term_end"),
    [("standing", date(2025, 4, 1)), ("mobile", date(2027, 4, 1)), ("maritime", date(2027, 4, 1))],
)
def test_the_term_depends_on_the_type(tree, militia_type, term_end):
    joined = member(tree.duong_quang, militia_type=militia_type, start=date(2023, 4, 1))

    assert joined.term_end == term_end


def test_a_29_february_start_ends_on_1_march(tree):
    joined = member(tree.duong_quang, militia_type="standing", start=date(2024, 2, 29))

    assert joined.term_end == date(2026, 3, 1)


def test_a_shorter_term_may_be_given(tree):
    joined = member(tree.duong_quang, start=date(2023, 4, 1), term_end=date(2025, 4, 1))

    assert joined.term_end == date(2025, 4, 1)


@pytest.mark.parametrize(
    ("born", "sex", "volunteer", "message"),
    [
        (
            date(2006, 1, 1), "male", False,
            "Không thể đưa công dân vào Dân quân tự vệ: công dân nam sinh ngày 01/01/2006 chưa "
            "đủ 18 tuổi vào ngày 01/04/2023; nghĩa vụ tham gia Dân quân tự vệ bắt đầu từ ngày "
            "01/01/2024 (Luật DQTV 2019 Điều 8 khoản 1).",
        ),
        (
            date(1977, 3, 31), "male", False,
            "Không thể đưa công dân vào Dân quân tự vệ: công dân nam sinh ngày 31/03/1977 đã quá "
            "độ tuổi thực hiện nghĩa vụ tham gia Dân quân tự vệ vào ngày 01/04/2023 (đến hết 45 "
            "tuổi, tức hết ngày 30/03/2023) (Luật DQTV 2019 Điều 8 khoản 1).",
        ),
        (
            date(1982, 3, 31), "female", False,
            "Không thể đưa công dân vào Dân quân tự vệ: công dân nữ sinh ngày 31/03/1982 đã quá "
            "độ tuổi thực hiện nghĩa vụ tham gia Dân quân tự vệ vào ngày 01/04/2023 (đến hết 40 "
            "tuổi, tức hết ngày 30/03/2023) (Luật DQTV 2019 Điều 8 khoản 1).",
        ),
        (
            date(1972, 3, 31), "male", True,
            "Không thể đưa công dân vào Dân quân tự vệ: công dân nam sinh ngày 31/03/1972 đã quá "
            "độ tuổi thực hiện nghĩa vụ tham gia Dân quân tự vệ vào ngày 01/04/2023 (đến hết 45 "
            "tuổi, tức hết ngày 30/03/2018), và cũng đã quá độ tuổi tình nguyện (đến hết 50 "
            "tuổi, tức hết ngày 30/03/2023) (Luật DQTV 2019 Điều 8 khoản 1).",
        ),
    ],
)  # fmt: skip
def test_a_citizen_outside_the_militia_age_is_refused(tree, born, sex, volunteer, message):
    person = citizen(tree.duong_quang, born=born, sex=sex)
    before = rows()

    error = refused(
        lambda: member(person, start=date(2023, 4, 1), volunteer=volunteer),
    )

    assert (error.code, error.field, error.message) == (
        "militia_outside_age",
        "term_start",
        message,
    )
    assert rows() == before


@pytest.mark.parametrize(
    ("born", "sex"), [(date(1977, 4, 1), "male"), (date(1982, 4, 1), "female")]
)
def test_the_last_day_of_the_militia_age_is_inside_it(tree, born, sex):
    joined = member(tree.duong_quang, born=born, sex=sex, start=date(2023, 3, 31))

    assert joined.volunteer is False


@pytest.mark.parametrize(
    ("born", "sex"), [(date(1973, 4, 1), "male"), (date(1978, 4, 1), "female")]
)
def test_a_volunteer_may_serve_to_the_volunteer_age(tree, born, sex):
    joined = member(tree.duong_quang, born=born, sex=sex, start=date(2023, 3, 31), volunteer=True)

    assert joined.volunteer is True


def _arranged_reservist(tree, *, on=date(2023, 3, 1)):  # type: ignore[no-untyped-def]
    soldier = reservist(tree.duong_quang, family_name="Lục", middle_name="Văn", given_name="Tâm")
    reservist_arrange(
        actor=None, reservist=soldier, post=post(reserve_unit(tree.city_command)), arranged_on=on
    )
    return soldier.person


def test_a_reservist_arranged_into_a_reserve_unit_cannot_join(tree, commune_officer):
    person = _arranged_reservist(tree)
    before = rows()

    error = refused(
        lambda: member_add(
            actor=commune_officer,
            person=person,
            data=MemberData(militia_type="mobile", term_start=date(2024, 4, 1)),
        )
    )

    assert (error.code, error.message) == (
        "militia_arranged_reservist",
        "Công dân Lục Văn Tâm đã được sắp xếp vào đơn vị dự bị động viên nên được miễn tham gia "
        "dân quân tự vệ (Luật DQTV Điều 11 khoản 2).",
    )
    assert rows() == before


def test_a_reservist_not_yet_arranged_on_the_day_may_join(tree):
    person = _arranged_reservist(tree, on=date(2024, 5, 1))

    joined = member(person, militia_type="mobile", start=date(2024, 4, 1))

    assert joined.person == person


def test_a_reservist_not_arranged_may_join(tree):
    soldier = reservist(tree.duong_quang)

    joined = member(soldier.person, militia_type="mobile", start=date(2024, 4, 1))

    assert joined.person == soldier.person


def test_a_citizen_whose_duty_is_deferred_is_refused(tree):
    person = citizen(tree.duong_quang, family_name="Hà", middle_name="Văn", given_name="Minh")
    duty_decision_record(
        actor=None, person=person, status="student", decided_on=date(2023, 9, 5),
        valid_until=date(2024, 9, 4), decision_number="12/QĐ-UBND",
    )  # fmt: skip
    before = rows()

    error = refused(lambda: member(person, start=date(2024, 4, 1)))

    assert (error.code, error.message) == (
        "militia_current_deferral",
        "Hà Văn Minh được tạm hoãn thực hiện nghĩa vụ tham gia Dân quân tự vệ đến ngày "
        "04/09/2024 (Người đang học tập tại nhà trường, Luật DQTV 2019 Điều 11 khoản 1 điểm h; "
        "quyết định ngày 05/09/2023).",
    )
    assert rows() == before


def test_once_the_deferral_has_run_out_the_citizen_may_join(tree):
    person = citizen(tree.duong_quang)
    duty_decision_record(
        actor=None, person=person, status="student", decided_on=date(2023, 9, 5),
        valid_until=date(2024, 9, 4),
    )  # fmt: skip

    joined = member(person, start=date(2024, 9, 5))

    assert joined.term_start == date(2024, 9, 5)


def test_an_exempt_citizen_is_refused(tree):
    person = citizen(tree.duong_quang, family_name="Mã", middle_name="Văn", given_name="Kha")
    duty_decision_record(
        actor=None, person=person, status="cipher_worker", decided_on=date(2022, 1, 10)
    )
    before = rows()

    error = refused(lambda: member(person, start=date(2024, 4, 1), volunteer=True))

    assert (error.code, error.field, error.message) == (
        "militia_current_exemption",
        "volunteer",
        "Mã Văn Kha được miễn thực hiện nghĩa vụ tham gia Dân quân tự vệ (Người làm công tác "
        "cơ yếu, Luật DQTV 2019 Điều 11 khoản 2 điểm đ; quyết định ngày 10/01/2022).",
    )
    assert rows() == before


def test_a_family_exemption_allows_joining_only_as_a_volunteer(tree):
    person = citizen(tree.duong_quang, family_name="Mã", middle_name="Văn", given_name="Kha")
    duty_decision_record(
        actor=None, person=person, status="child_of_fallen_soldier", decided_on=date(2022, 1, 10)
    )

    error = refused(lambda: member(person, start=date(2024, 4, 1)))
    joined = member(person, start=date(2024, 4, 1), volunteer=True)

    assert error.message == (
        "Mã Văn Kha được miễn thực hiện nghĩa vụ tham gia Dân quân tự vệ (Vợ hoặc chồng, con "
        "của liệt sĩ, Luật DQTV 2019 Điều 11 khoản 2 điểm a; quyết định ngày 10/01/2022), chỉ "
        "có thể tham gia nếu tình nguyện."
    )
    assert joined.volunteer is True


def test_a_current_member_cannot_join_twice(tree):
    first = member(tree.duong_quang, family_name="Lý", middle_name="Văn", given_name="Bằng")
    before = rows()

    error = refused(lambda: member(first.person, militia_type="mobile", start=date(2024, 1, 1)))

    assert (error.code, error.message) == (
        "militia_already_member",
        "Lý Văn Bằng đang là dân quân (dân quân tại chỗ, từ ngày 01/04/2023).",
    )
    assert rows() == before


def test_the_unit_must_be_of_the_commune_and_of_the_type(tree):
    song_cau_unit = militia_unit(tree.song_cau, name="Trung đội cơ động Sông Cầu")
    local_unit = militia_unit(tree.duong_quang, name="Tổ Nà Pài", militia_type="local")
    person = citizen(tree.duong_quang)
    before = rows()

    elsewhere = refused(lambda: member(person, militia_type="mobile", unit=song_cau_unit))
    other_type = refused(lambda: member(person, militia_type="mobile", unit=local_unit))

    assert (elsewhere.code, elsewhere.field, elsewhere.message) == (
        "militia_unit_elsewhere",
        "unit",
        "Đơn vị dân quân Trung đội cơ động Sông Cầu thuộc xã/phường khác.",
    )
    assert (other_type.code, other_type.message) == (
        "militia_unit_type_mismatch",
        "Đơn vị Tổ Nà Pài là đơn vị dân quân tại chỗ.",
    )
    assert rows() == before


@pytest.mark.parametrize("term_end", [date(2023, 4, 1), date(2023, 3, 31)])
def test_a_term_ending_before_it_starts_is_refused(tree, term_end):
    person = citizen(tree.duong_quang)
    before = rows()

    error = refused(lambda: member(person, start=date(2023, 4, 1), term_end=term_end))

    assert (error.code, error.field, error.message) == (
        "militia_term_end_before_start",
        "term_end",
        "Ngày hết thời hạn phải sau ngày bắt đầu thực hiện nghĩa vụ (01/04/2023).",
    )
    assert rows() == before


def test_a_term_longer_than_the_law_is_refused(tree):
    person = citizen(tree.duong_quang)
    before = rows()

    error = refused(
        lambda: member(
            person, militia_type="standing", start=date(2023, 4, 1), term_end=date(2025, 4, 2)
        )
    )

    assert (error.code, error.message) == (
        "militia_term_longer_than_law",
        "Thời hạn không thể kết thúc sau ngày 01/04/2025: thời hạn thực hiện nghĩa vụ của dân "
        "quân thường trực là 2 năm; thời hạn được kéo dài nhưng không quá 2 năm (Luật DQTV "
        "2019 Điều 8 khoản 2). Muốn dài hơn phải có quyết định kéo dài thời hạn của Chủ tịch UBND "
        "cấp xã.",
    )
    assert rows() == before


@pytest.mark.parametrize("persona", ["outsider", "leader"])
def test_only_the_communes_writers_may_add_members(tree, request, persona):
    person = citizen(tree.duong_quang)
    before = rows()

    with pytest.raises(PermissionDenied):
        member_add(
            actor=request.getfixturevalue(persona),
            person=person,
            data=MemberData(militia_type="local", term_start=date(2023, 4, 1)),
        )

    assert rows() == before


# Corrections


def test_a_member_is_moved_to_a_unit(tree, commune_officer):
    platoon = militia_unit(tree.duong_quang)
    joined = member(tree.duong_quang, militia_type="mobile")

    member_update(
        actor=commune_officer,
        member=joined,
        data=MemberData(
            militia_type="mobile",
            term_start=date(2023, 4, 1),
            unit=platoon,
            position="squad_leader",
        ),
    )

    joined.refresh_from_db()
    assert (joined.unit, joined.position, joined.term_end) == (
        platoon,
        "squad_leader",
        date(2027, 4, 1),
    )
    assert AuditEvent.objects.filter(verb="militia.member_updated").get().changes == {
        "unit": [None, platoon.pk],
        "position": ["member", "squad_leader"],
    }


def test_a_correction_keeps_the_end_of_an_extended_term(tree):
    joined = member(tree.duong_quang, start=date(2020, 8, 1))
    term_extend(
        actor=None, member=joined, extended_on=date(2024, 6, 1), new_term_end=date(2025, 8, 1)
    )

    member_update(
        actor=None,
        member=joined,
        data=MemberData(militia_type="local", term_start=date(2020, 7, 1)),
    )

    joined.refresh_from_db()
    assert (joined.term_start, joined.term_end) == (date(2020, 7, 1), date(2025, 8, 1))


def test_a_correction_with_a_term_end_before_the_start_is_refused(tree):
    joined = member(tree.duong_quang)
    before = rows()

    error = refused(
        lambda: member_update(
            actor=None,
            member=joined,
            data=MemberData(
                militia_type="local", term_start=date(2023, 4, 1), term_end=date(2022, 4, 1)
            ),
        )
    )

    assert error.code == "militia_term_end_before_start"
    assert rows() == before


# Leaving


def test_a_member_leaves_and_his_unit_loses_its_commander(tree, commune_officer):
    platoon = militia_unit(tree.duong_quang)
    leader = member(
        tree.duong_quang, militia_type="mobile", unit=platoon, position="platoon_leader"
    )
    unit_update(
        actor=None,
        unit=platoon,
        data=UnitData(platoon.name, "mobile", platoon.kind, commander=leader),
    )

    member_leave(
        actor=commune_officer, member=leader, left_on=date(2025, 1, 15), reason="moved_away"
    )

    leader.refresh_from_db()
    platoon.refresh_from_db()
    assert (leader.left_on, leader.leave_reason, platoon.commander) == (
        date(2025, 1, 15),
        "moved_away",
        None,
    )
    assert AuditEvent.objects.filter(verb="militia.member_left").count() == 1


def test_leaving_before_the_term_started_is_refused(tree):
    joined = member(tree.duong_quang)
    before = rows()

    error = refused(
        lambda: member_leave(actor=None, member=joined, left_on=date(2023, 3, 31), reason="other")
    )

    assert (error.code, error.field, error.message) == (
        "militia_left_before_start",
        "left_on",
        "Ngày ra khỏi Dân quân tự vệ không thể trước ngày bắt đầu thực hiện nghĩa vụ (01/04/2023).",
    )
    assert rows() == before


def test_a_member_who_left_cannot_leave_again(tree):
    joined = member(tree.duong_quang, family_name="Lý", middle_name="Văn", given_name="Bằng")
    member_leave(actor=None, member=joined, left_on=date(2024, 1, 1), reason="other")
    before = rows()

    error = refused(
        lambda: member_leave(actor=None, member=joined, left_on=date(2024, 2, 1), reason="other")
    )

    assert (error.code, error.message) == (
        "militia_already_left",
        "Lý Văn Bằng đã ra khỏi Dân quân tự vệ ngày 01/01/2024.",
    )
    assert rows() == before


# Extensions


def test_a_term_is_extended_by_two_years_at_most(tree, commune_officer):
    joined = member(tree.duong_quang, start=date(2020, 8, 1))

    extension = term_extend(
        actor=commune_officer,
        member=joined,
        extended_on=date(2024, 6, 1),
        new_term_end=date(2026, 8, 1),
        decided_by="Chủ tịch UBND xã",
        decision_number="45/QĐ-UBND",
    )

    joined.refresh_from_db()
    assert (extension.previous_term_end, extension.new_term_end, joined.term_end) == (
        date(2024, 8, 1),
        date(2026, 8, 1),
        date(2026, 8, 1),
    )
    assert AuditEvent.objects.filter(verb="militia.term_extended").get().changes == {
        "term_end": ["2024-08-01", "2026-08-01"],
        "decision_number": [None, "45/QĐ-UBND"],
    }


def test_an_extension_beyond_two_years_is_refused(tree):
    joined = member(tree.duong_quang, start=date(2020, 8, 1))
    before = rows()

    error = refused(
        lambda: term_extend(
            actor=None, member=joined, extended_on=date(2024, 6, 1), new_term_end=date(2026, 8, 2)
        )
    )

    assert (error.code, error.field, error.message) == (
        "militia_extension_beyond_limit",
        "new_term_end",
        "Không thể kéo dài thời hạn đến ngày 02/08/2026: thời hạn ban đầu hết ngày 01/08/2024 và "
        "chỉ được kéo dài nhiều nhất đến ngày 01/08/2026: thời hạn thực hiện nghĩa vụ của Dân "
        "quân tự vệ tại chỗ là 4 năm; thời hạn được kéo dài nhưng không quá 2 năm (Luật DQTV "
        "2019 Điều 8 khoản 2).",
    )
    assert rows() == before


def test_two_extensions_together_may_not_pass_two_years(tree):
    joined = member(tree.duong_quang, start=date(2020, 8, 1))
    term_extend(
        actor=None, member=joined, extended_on=date(2024, 6, 1), new_term_end=date(2025, 8, 1)
    )
    before = rows()

    error = refused(
        lambda: term_extend(
            actor=None, member=joined, extended_on=date(2025, 6, 1), new_term_end=date(2026, 9, 1)
        )
    )

    assert error.code == "militia_extension_beyond_limit"
    assert rows() == before
    assert TermExtension.objects.count() == 1


@pytest.mark.parametrize(
    ("militia_type", "position"), [("maritime", "member"), ("local", "village_militia_leader")]
)
def test_maritime_militia_and_commanders_may_go_past_two_years(tree, militia_type, position):
    joined = member(
        tree.duong_quang, militia_type=militia_type, position=position, start=date(2019, 8, 1),
        born=date(1990, 1, 1),
    )  # fmt: skip

    extension = term_extend(
        actor=None, member=joined, extended_on=date(2023, 6, 1), new_term_end=date(2027, 8, 1)
    )

    assert extension.new_term_end == date(2027, 8, 1)


def test_no_extension_goes_past_the_militia_age(tree):
    joined = member(
        tree.duong_quang, militia_type="maritime", start=date(2019, 8, 1), born=date(1980, 1, 1)
    )
    before = rows()

    error = refused(
        lambda: term_extend(
            actor=None, member=joined, extended_on=date(2023, 6, 1), new_term_end=date(2026, 1, 1)
        )
    )

    assert (error.code, error.message) == (
        "militia_extension_past_age",
        "Không thể kéo dài thời hạn đến ngày 01/01/2026: công dân nam sinh ngày 01/01/1980 đã quá "
        "độ tuổi thực hiện nghĩa vụ tham gia Dân quân tự vệ vào ngày 01/01/2026 (đến hết 45 "
        "tuổi, tức hết ngày 31/12/2025) (Luật DQTV 2019 Điều 8 khoản 1).",
    )
    assert rows() == before


def test_an_extension_must_move_the_end_later(tree):
    joined = member(tree.duong_quang, start=date(2020, 8, 1))
    before = rows()

    error = refused(
        lambda: term_extend(
            actor=None, member=joined, extended_on=date(2024, 6, 1), new_term_end=date(2024, 8, 1)
        )
    )

    assert (error.code, error.message) == (
        "militia_extension_not_later",
        "Hạn mới phải sau hạn hiện tại (01/08/2024).",
    )
    assert rows() == before
