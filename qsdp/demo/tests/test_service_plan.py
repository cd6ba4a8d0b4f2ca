from datetime import date
from decimal import Decimal

from qsdp.demo import service_plan as plan
from qsdp.demo.population import generate_people, plan_transfers

REFORM_DAY = date(2025, 7, 1)


def history_for(count):
    people = generate_people(count)
    transfers = plan_transfers(people)
    registrations = plan.plan_registrations(people, transfers)
    return plan.start(people, transfers, registrations), registrations


def plan_2021_to_2023(count):
    """The plans of 2021–2023 (the minimal years enlist exactly the men examined)."""
    history, _ = history_for(count)
    plans = {}
    for cycle in plan.CYCLES[:3]:
        plans[cycle.year] = plan.plan_cycle(history, cycle)
        if cycle.minimal:
            plan.record_enlisted(history, [e.person for e in plans[cycle.year].exams], cycle.year)
    return history, plans


def test_the_same_people_give_the_same_plan():
    _, first = plan_2021_to_2023(600)
    _, second = plan_2021_to_2023(600)

    assert first == second


def test_at_3000_people_the_city_has_the_quotas_of_the_real_city_split_over_its_eight_units():
    _, plans = plan_2021_to_2023(3000)

    assert {year: p.city_quota for year, p in plans.items()} == {2021: 42, 2022: 44, 2023: 45}
    for cycle_plan in plans.values():
        assert len(cycle_plan.quotas) == 8
        assert sum(cycle_plan.quotas.values()) == cycle_plan.city_quota
    # Every unit has fit men beyond its quota: its reserve list.
    fit = plans[2023].fit
    assert all(fit[code] > number for code, number in plans[2023].quotas.items())


def test_a_smaller_demo_gets_smaller_quotas_that_its_men_can_fill():
    _, plans = plan_2021_to_2023(150)

    assert plans[2023].city_quota == 2  # 45 × 150 / 3000, rounded
    assert all(plans[2023].fit[code] > n for code, n in plans[2023].quotas.items())


def test_the_2023_cycle_has_deferrals_exemptions_checks_and_one_dropout():
    history, plans = plan_2021_to_2023(3000)
    cycle_plan = plans[2023]

    grounds = {d.reason_code for d in cycle_plan.deferrals + cycle_plan.health_deferrals}
    assert grounds == {
        "full_time_university_student",
        "full_time_college_student",
        "sole_laborer_supporting_dependents",
        "standing_militia_member",
        "health_not_yet_fit",
    }
    assert [e.facts for e in cycle_plan.exemptions if e.reason_code == "child_of_war_invalid"] == [
        {"invalid_grade": 1}
    ]
    assert all(d.number and d.decided_on == date(2022, 12, 28) for d in cycle_plan.deferrals)
    assert {e.person for e in cycle_plan.exams} >= {c.person for c in cycle_plan.political}
    assert sum(not c.passed for c in cycle_plan.political) == 1
    assert cycle_plan.dropout == plan.Dropout("01834")  # the largest quota, Nguyễn Thị Minh Khai
    # Nobody enlisted in 2021 or 2022 is examined again in 2023.
    assert not {e.person for e in cycle_plan.exams} & set(history.enlisted)


def test_an_examination_is_consistent_with_its_class():
    exams = [plan.draw_exam(i, "01837", date(2022, 11, 15), 2023) for i in range(400)]

    for exam in exams:
        assert exam.health_class == max(exam.scores.values())
        eyes = exam.scores["Mắt"]
        if exam.myopia is not None:
            assert (exam.myopia >= Decimal("1.5")) == (eyes >= 3)
        # Before 2025 myopia of 1.5 D or more excludes class 3 only (Circular 148/2018).
        assert exam.fit == (exam.health_class <= 2 or (exam.health_class == 3 and eyes < 3))
    classes = [e.health_class for e in exams]
    assert {1, 2, 3, 4, 5} <= set(classes)
    assert 0.5 < sum(c <= 3 for c in classes) / len(classes) < 0.95


def test_the_cycles_run_on_working_days_before_the_2025_reform():
    cal = plan.calendar()

    for cycle in plan.CYCLES:
        days = [
            cycle.province_decision[0],
            cycle.city_decision[0],
            cycle.communes_decision[0],
            cycle.decisions_on,
            cycle.political_on,
            cycle.list_built_on,
            cycle.list_approved_on,
            cycle.orders_on,
        ]
        assert all(cal.is_working_day(day) for day in days), cycle.year
        assert days == sorted(days)
        assert cycle.orders_on < cycle.handover < REFORM_DAY
        assert all(date(cycle.year - 1, 11, 1) <= d <= date(cycle.year - 1, 12, 31) for d in (
            plan.exam_day(cycle, code, cal) for code in plan.COMMUNE_CODES
        ))  # fmt: skip
    # The handover days of Quân khu 1 (Bắc Kạn): 27/02/2021, 16/02/2022, 13/02/2023, 25/02/2024.
    assert [c.handover for c in plan.CYCLES] == [
        date(2021, 2, 27),
        date(2022, 2, 16),
        date(2023, 2, 13),
        date(2024, 2, 25),
    ]


def test_first_registrations_are_in_april_of_the_year_the_man_turns_17():
    history, registrations = history_for(600)

    for registration in registrations:
        data = history.people[registration.person].data
        assert data.sex == "male"
        assert registration.on.year == data.birth_date.year + 17
        assert registration.on.month == 4
    born = [history.people[r.person].data.birth_date.year for r in registrations]
    assert (min(born), max(born)) == (1997, 2007)


def test_allocate_gives_one_each_first_then_by_the_highest_average_within_the_caps():
    weights = {"01834": 10, "01837": 5, "01840": 1}
    roomy = dict.fromkeys(weights, 9)

    assert plan.allocate(6, weights, roomy) == {"01834": 4, "01837": 1, "01840": 1}
    assert plan.allocate(6, weights, {"01834": 2, "01837": 9, "01840": 0}) == {
        "01834": 2,
        "01837": 4,
    }
    # Too few to go round: the largest first (a tie goes to the first unit).
    assert plan.allocate(2, weights, roomy) == {"01834": 2}
    assert plan.allocate(3, {"01834": 4, "01837": 3}, {"01834": 0, "01837": 0}) == {}


def test_the_2024_returnees_include_exactly_one_who_never_registers():
    history, _ = history_for(600)
    plan.record_enlisted(history, history.men[:5], 2021)
    plan.record_enlisted(history, history.men[5:9], 2022)

    back_2023 = plan.plan_returns(history, plan.RETURNS[0])
    back_2024 = plan.plan_returns(history, plan.RETURNS[1])

    assert len(back_2023) == 5
    assert all(b.registered_on is not None for b in back_2023)
    assert len(back_2024) == 4
    assert sum(b.registered_on is None for b in back_2024) == 1
    cal = plan.calendar()
    for back in back_2023 + back_2024:
        if back.registered_on is not None:
            assert cal.working_days_between(back.returned_on, back.registered_on) <= 12
