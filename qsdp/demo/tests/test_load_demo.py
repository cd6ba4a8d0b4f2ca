import io
import re
from datetime import date

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command

from qsdp.accounts.models import RoleAssignment, User
from qsdp.demo.builder import table_counts
from qsdp.orgunits.models import OrgUnit, OrgUnitKind, OrgUnitLineage
from qsdp.orgunits.national import load_admin_units
from qsdp.orgunits.selectors import org_unit_tree
from qsdp.orgunits.services import org_unit_create
from qsdp.people.models import Person, Residence, ResidenceStart
from qsdp.people.rules import national_id_problems
from qsdp.people.selectors import PersonFilters, PersonStatus, person_list

pytestmark = pytest.mark.django_db

CITY_UNITS = [
    "Phường Huyền Tụng",
    "Phường Nguyễn Thị Minh Khai",
    "Phường Phùng Chí Kiên",
    "Phường Sông Cầu",
    "Phường Xuất Hóa",
    "Phường Đức Xuân",
    "Xã Dương Quang",
    "Xã Nông Thượng",
]
COUNTS_150 = {
    "org_units": 824,  # province 19: 392 units, 392 commands; 40 villages and groups
    "lineage": 285,
    "people": 150,
    "residences": 165,  # 150 + 15 moves within the city
    "users": 6,
    "role_assignments": 6,
    # 70 first registrations; in 2021–2024: 17 examinations, 13 education and 9
    # political checks, 12 deferrals, 9 orders (one cancelled by the substitution),
    # 8 enlistments; 4 soldiers home, 3 of them registered into the reserve
    "service_events": 149,
    "health_exams": 17,
    "quotas": 16,  # each year: the province, the city and two wards
    "call_up_candidates": 12,
    "call_up_orders": 9,
    # 2 soldiers back in 2023, 9 men who served before, 2 who left the area in 2023
    # (removed at the review, with 1 man found unfit)
    "reservists": 13,
    "reserve_units": 12,  # 2 companies, 7 platoons, signals, transport, engineers
    "reserve_posts": 41,
    "arrangements": 13,  # 12 and 1 re-arranged on his appointment
    "reserve_reviews": 13,
    "commander_decisions": 6,  # 4 appointments in 2021; in 2023, 1 and 1 dismissal
    "readiness_checks": 2,  # of the units with someone arranged
    "reserve_equipment": 4,  # at least 4 at any size
    "militia_units": 32,  # 4 in each of the 8 wards and communes
    "militia_members": 6,  # the platoon leaders of 6 of them
    "term_extensions": 3,
    "duty_decisions": 3,
    "militia_registrations": 8,  # from the military-service registrations of April 2023
    "training_records": 6,
    "service_completions": 0,
    # 5 documents of the city; tasks to the 8 units (the call-up only to the 2 with a quota)
    "directives": 5,
    "directive_tasks": 28,
    "task_reports": 28,
    "drill_plans": 3,  # Sông Cầu and Đức Xuân in 2023, Dương Quang in 2024
    "drills": 2,
    "drill_phases": 6,
    # the city and the 6 wards with five people for the rotation: a shift and a log a day
    "duty_posts": 7,
    "duty_shifts": 2555,
    "duty_swaps": 0,
    "duty_logs": 2555,
    "patrols": 240,  # 30 a year in each of the 8 units
    "incidents": 8,
    "incident_follow_ups": 9,
    "training_plans": 7,  # the militia of the 6 units with members, the reservists
    "training_sessions": 44,
    "attendances": 62,
    "education_courses": 2,  # KTQP&AN categories 3 and 4
    "course_participants": 24,
    "propagandists": 15,
    "propagandist_trainings": 15,
    # the city's 2023 awards: 4 collectives and 9 people proposed by 5 wards and
    # communes, with 24 pieces of evidence, in one decision of the chairman
    "award_proposals": 5,
    "award_recipients": 13,
    "award_evidence": 24,
    "award_decisions": 1,
    # the 2024 targets (6 of the city, 2 of Dương Quang); the 2023 submissions of
    # the 8 wards and communes and of the city, each approved and locked
    "targets": 8,
    "submissions": 9,
    "period_locks": 9,
    # 1 load + 40 villages + 150 people + 25 transfers out + 15 transfers in
    # + 149 military-service events + 16 quotas + 8 lists proposed and 8 approved
    # + 1 substitution; the reserve register: 12 units + 41 posts + 13 reservists
    # + 2 returnees' papers + 13 arrangements + 1 ended + 6 decisions + 2 checks
    # + 4 pieces of equipment + 13 reviews; the militia: 32 units + 6 commanders
    # + 6 members + 1 registration run + 3 decisions + 3 extensions + 6 trainings
    # (577); operations: 5 directives + 28 tasks + 28 reports + 3 plans + 2 drills
    # + 2 ratings + 7 posts + 84 rosters + 2555 logs + 240 patrols + 8 incidents
    # + 9 follow-ups (2971); training: 7 plans + 7 approvals + 44 sessions + 42
    # attendance sheets + 2 courses + 24 participants + 2 result sheets + 15
    # propagandists + 15 trainings (158); awards: 5 proposals + 13 recipients + 5
    # submitted + 5 recommended + 1 decision (29); reporting: 8 targets + 1 deadline
    # + 9 submissions + 9 approvals (27)
    "audit_events": 3762,
}


def load_demo(people=150):
    out = io.StringIO()
    call_command("load_demo", people=people, stdout=out)
    return out.getvalue()


def password_in(output):
    return re.search(r"Mật khẩu của mọi tài khoản: (\S+)", output).group(1)


def unit(name, on=date(2023, 11, 22)):
    return OrgUnit.objects.get(name=name, opened_on__lte=on, closed_on__gt=on)


def test_running_twice_gives_the_same_counts():
    load_demo()
    first = table_counts()

    load_demo()

    assert first == COUNTS_150
    assert table_counts() == COUNTS_150


def test_a_second_run_with_more_people_only_adds_them():
    load_demo(150)

    output = load_demo(200)

    assert "Công dân: 200 (50 mới thêm, 150 đã có)" in output
    assert Person.objects.count() == 200
    # The people of the first run moved then, and only then.
    assert max(p.residences.count() for p in Person.objects.all()) == 2


def test_the_tree_on_the_day_of_the_2023_review_shows_the_city_and_its_eight_units():
    load_demo()
    admin = User.objects.get(username="quantri")

    tree = list(org_unit_tree(user=admin, on=date(2023, 11, 22)))

    city = next(u for u in tree if u.name == "Thành phố Bắc Kạn")
    assert city.parent.name == "Tỉnh Bắc Kạn"
    assert sorted(u.name for u in tree if u.parent_id == city.pk) == CITY_UNITS
    duong_quang = next(u for u in tree if u.name == "Xã Dương Quang")
    assert [u.name for u in tree if u.parent_id == duong_quang.pk] == [
        "Thôn Nà Pài",
        "Thôn Nà Chuông",
        "Thôn Khuổi Cuồng",
        "Thôn Phặc Tràng",
    ]
    assert {u.name for u in tree if u.serves_id == duong_quang.pk} == {"Ban CHQS xã Dương Quang"}
    assert "Tỉnh Thái Nguyên" in {u.name for u in tree if u.parent_id is None}
    assert "Phường Bắc Kạn" not in {u.name for u in tree}


def test_the_tree_in_2026_shows_thai_nguyen_province_and_not_the_city():
    load_demo()
    admin = User.objects.get(username="quantri")

    names = {u.name for u in org_unit_tree(user=admin, on=date(2026, 1, 1))}

    assert {"Tỉnh Thái Nguyên", "Phường Đức Xuân", "Phường Bắc Kạn", "Xã Phong Quang"} <= names
    assert not {"Thành phố Bắc Kạn", "Tỉnh Bắc Kạn", "Xã Dương Quang", "Thôn Nà Pài"} & names


def test_the_citys_units_are_linked_to_what_they_became_in_2025():
    load_demo()

    links = OrgUnitLineage.objects.filter(predecessor__parent__name="Thành phố Bắc Kạn")

    assert sorted((link.predecessor.name, link.successor.name) for link in links) == [
        ("Phường Huyền Tụng", "Phường Đức Xuân"),
        ("Phường Nguyễn Thị Minh Khai", "Phường Đức Xuân"),
        ("Phường Phùng Chí Kiên", "Phường Bắc Kạn"),
        ("Phường Sông Cầu", "Phường Bắc Kạn"),
        ("Phường Xuất Hóa", "Phường Bắc Kạn"),
        ("Phường Đức Xuân", "Phường Đức Xuân"),
        ("Xã Dương Quang", "Xã Phong Quang"),
        ("Xã Nông Thượng", "Phường Bắc Kạn"),
    ]
    assert {link.effective_on for link in links} == {date(2025, 7, 1)}


def test_refused_in_production_and_nothing_is_written(settings):
    settings.PRODUCTION = True

    with pytest.raises(CommandError, match="refuses to run in production"):
        load_demo()

    assert OrgUnit.objects.count() == 0
    assert User.objects.count() == 0


def test_a_tree_other_than_expected_is_reported_and_the_run_leaves_nothing():
    load_admin_units(provinces=["19"], with_commands=True)
    city = OrgUnit.objects.get(code="058", kind=OrgUnitKind.DISTRICT)
    org_unit_create(
        actor=None,
        name="Phường Mới",
        kind=OrgUnitKind.WARD,
        parent=city,
        opened_on=city.opened_on,
        closed_on=city.closed_on,
    )
    before = table_counts()

    with pytest.raises(CommandError, match=r"Thành phố Bắc Kạn has other units: \['Phường Mới'\]"):
        load_demo()

    assert table_counts() == before


def test_one_account_per_persona_with_its_role_and_unit():
    load_demo()

    assignments = RoleAssignment.objects.select_related("user", "org_unit").order_by("user__id")

    assert [
        (a.user.username, a.role, a.org_unit.name, a.valid_from, a.valid_to, a.user.is_staff)
        for a in assignments
    ] == [
        ("chqs.thanhpho", "command_staff", "Ban CHQS thành phố Bắc Kạn", date(2023, 1, 1), None,
         False),
        ("chqs.duongquang", "commune_officer", "Ban CHQS xã Dương Quang", date(2023, 1, 1), None,
         False),
        ("chqs.songcau", "commune_officer", "Ban CHQS phường Sông Cầu", date(2023, 1, 1), None,
         False),
        ("lanhdao.thanhpho", "leader", "Thành phố Bắc Kạn", date(2023, 1, 1), None, False),
        ("kiemtra", "auditor", "Thành phố Bắc Kạn", date(2023, 1, 1), None, False),
        ("quantri", "admin", "Tỉnh Bắc Kạn", date(2023, 1, 1), None, True),
    ]  # fmt: skip
    assert User.objects.filter(is_superuser=True).count() == 0
    assert User.objects.get(username="chqs.thanhpho").position == (
        "Trợ lý tác chiến, Ban CHQS thành phố Bắc Kạn"
    )


def test_the_printed_password_works_and_changes_with_each_run(rf, monkeypatch):
    monkeypatch.delenv("QSDP_DEMO_PASSWORD", raising=False)
    monkeypatch.setenv("PORT", "8080")
    first = password_in(load_demo())

    output = load_demo()

    password = password_in(output)
    assert password != first
    assert "Mở http://127.0.0.1:8080 và đăng nhập:" in output
    for username in ("chqs.thanhpho", "chqs.duongquang", "quantri"):
        assert authenticate(rf.post("/"), username=username, password=password) is not None
        assert authenticate(rf.post("/"), username=username, password=first) is None


def test_the_password_comes_from_the_environment_when_set(rf, monkeypatch):
    monkeypatch.setenv("QSDP_DEMO_PASSWORD", "Sông Cầu mùa thu 2023")

    output = load_demo()

    assert "Mật khẩu của mọi tài khoản: Sông Cầu mùa thu 2023" in output
    user = authenticate(rf.post("/"), username="kiemtra", password="Sông Cầu mùa thu 2023")
    assert user.username == "kiemtra"


def test_the_song_cau_officer_sees_no_duong_quang_people_and_the_city_staff_does():
    load_demo()
    officer = User.objects.get(username="chqs.songcau")
    staff = User.objects.get(username="chqs.thanhpho")
    song_cau, duong_quang = unit("Phường Sông Cầu"), unit("Xã Dương Quang")

    seen_by_officer = person_list(user=officer, filters=PersonFilters())
    seen_by_staff = person_list(user=staff, filters=PersonFilters())

    assert {p.org_unit for p in seen_by_officer} == {song_cau}
    assert seen_by_officer.count() == 22
    assert seen_by_staff.count() == 150
    assert seen_by_staff.filter(org_unit=duong_quang).count() == 12


def test_the_duong_quang_officer_has_three_people_to_receive():
    load_demo()
    officer = User.objects.get(username="chqs.duongquang")

    incoming = person_list(user=officer, filters=PersonFilters(status=PersonStatus.INCOMING))

    assert incoming.count() == 3
    assert {p.pending_transfer_to.name for p in incoming} == {"Xã Dương Quang"}
    assert {p.org_unit.name for p in incoming}.isdisjoint({"Xã Dương Quang"})


def test_every_person_has_a_consistent_cccd_or_none_and_lives_there_since_birth_or_2000():
    load_demo()
    people = list(Person.objects.all())

    assert [
        p.national_id
        for p in people
        if p.national_id and national_id_problems(p.national_id, birth_date=p.birth_date, sex=p.sex)
    ] == []
    assert sum(1 for p in people if not p.national_id) == 4
    for residence in Residence.objects.filter(start_reason=ResidenceStart.INITIAL):
        assert residence.started_on == max(residence.person.birth_date, date(2000, 1, 1))
