from collections import Counter
from datetime import date

from qsdp.demo.names import CITY_UNITS
from qsdp.demo.population import generate_people, plan_transfers, transfer_counts
from qsdp.people.rules import national_id_problems
from qsdp.people.services import PersonData


def test_the_same_seed_gives_the_same_people():
    assert generate_people(200) == generate_people(200)


def test_a_larger_draw_begins_with_the_smaller_one():
    assert generate_people(300)[:120] == generate_people(120)


def test_no_two_people_share_a_cccd_or_a_name_and_birth_date():
    people = generate_people(3000)

    ids = [p.data.national_id for p in people if p.data.national_id]
    assert len(set(ids)) == len(ids)
    assert len({p.key for p in people}) == 3000


def test_every_cccd_agrees_with_the_birth_date_and_sex():
    people = generate_people(3000)

    assert [
        p.data.national_id
        for p in people
        if national_id_problems(p.data.national_id, birth_date=p.data.birth_date, sex=p.data.sex)
        and p.data.national_id
    ] == []
    assert sum(1 for p in people if not p.data.national_id) == 95


def test_the_population_looks_like_the_registers_of_bac_kan_city():
    people = generate_people(3000)

    ethnicities = Counter(p.data.ethnicity for p in people)
    assert ethnicities.most_common(5) == [
        ("02", 1660),  # Tày
        ("01", 609),  # Kinh
        ("07", 299),  # Nùng
        ("09", 280),  # Dao
        ("08", 128),  # Mông
    ]
    assert Counter(p.data.sex for p in people) == {"male": 2332, "female": 668}
    men = [p for p in people if p.data.sex == "male"]
    assert sum(1 for p in men if 1998 <= p.data.birth_date.year <= 2009) == 1399
    assert min(p.data.birth_date for p in people) >= date(1978, 1, 1)
    by_unit = Counter(p.unit.name for p in people)
    assert by_unit.most_common(1) == [("Phường Đức Xuân", 539)]
    assert set(by_unit) == {unit.name for unit in CITY_UNITS}


def test_a_person_is_drawn_whole_with_an_address_in_a_village_of_the_unit():
    first = generate_people(1)[0]

    assert first.unit.name == "Phường Xuất Hóa"
    assert first.data == PersonData(
        family_name="Nguyễn",
        middle_name="Văn",
        given_name="Thắng",
        birth_date=date(2008, 5, 5),
        sex="male",
        national_id="006208130292",
        ethnicity="01",
        religion="none",
        education_grade=10,
        education_level="",
        occupation="Học sinh",
        workplace="Trường PT Dân tộc nội trú tỉnh Bắc Kạn",
        phone="0864303286",
        address="Tổ Khau Cút, phường Xuất Hóa",
    )


def test_transfers_move_adults_once_each():
    people = generate_people(150)

    plans = plan_transfers(people)

    assert transfer_counts(150) == (15, 7, 3)
    assert transfer_counts(3000) == (20, 10, 3)
    assert len({plan.person for plan in plans}) == len(plans) == 25
    assert all(people[plan.person].data.birth_date.year <= 2005 for plan in plans)
    within = [plan for plan in plans if plan.to is not None and plan.in_on is not None]
    assert all(plan.to != people[plan.person].unit for plan in within)
    assert all(7 <= (plan.in_on - plan.out_on).days <= 14 for plan in within if plan.in_on)
    pending = [plan for plan in plans if plan.to is not None and plan.in_on is None]
    assert [plan.to.name for plan in pending] == ["Xã Dương Quang"] * 3
    assert all(people[plan.person].unit.code != "01849" for plan in pending)
    away = [plan for plan in plans if plan.to is None]
    assert len(away) == 7
    assert all(plan.moved_to for plan in away)
