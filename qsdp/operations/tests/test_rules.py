"""The pure rules: drill level, cadence, the rest rule, fair rotation, incident moves."""

from datetime import date, timedelta

import pytest

from qsdp.operations import rules
from qsdp.operations.rules import DueState, RestRule, Slot, ViolationKind
from qsdp.operations.tests.factories import at

RULE = RestRule(min_rest_hours=24, max_shifts_per_week=2)


@pytest.mark.parametrize(
    ("kind", "level"),
    [("province", "province"), ("district", "district"), ("ward", "commune"),
     ("commune", "commune"), ("town", "commune"), ("village", None),
     ("commune_command", None)],
)  # fmt: skip
def test_the_level_of_a_drill_follows_the_unit(kind, level):
    found = rules.drill_level(kind)

    assert (found.value if found else None) == level


@pytest.mark.parametrize(
    ("last", "planned", "year", "state", "due_year"),
    [
        (2019, (), 2024, DueState.DUE, 2024),
        (2019, (), 2023, DueState.NOT_DUE, 2024),
        (2018, (), 2024, DueState.OVERDUE, 2023),
        (2019, (2024,), 2024, DueState.PLANNED, 2024),
        (2024, (), 2024, DueState.HELD, 2024),
        (None, (), 2024, DueState.DUE, 2024),
    ],
)
def test_a_drill_is_due_five_years_after_the_last(last, planned, year, state, due_year):
    due = rules.drill_due(year=year, cadence_years=5, last_held_year=last, planned_years=planned)

    assert (due.state, due.due_year) == (state, due_year)


def test_a_kind_without_cadence_is_never_due():
    due = rules.drill_due(year=2024, cadence_years=None, last_held_year=None)

    assert due.state == DueState.NO_CADENCE


def test_the_rating_is_looked_up_on_the_scale():
    scale = rules.rating_scale(
        [{"code": "good", "label": "Giỏi", "good_or_better": True}, {"code": "fail", "label": "X"}]
    )

    assert rules.find_rating(scale, "good") == rules.Rating("good", "Giỏi", True)
    assert rules.find_rating(scale, "fail") == rules.Rating("fail", "X", False)
    assert rules.find_rating(scale, "excellent") is None


def _slot(person, day, hours=24, new=True, name="An"):
    return Slot(person, name, at(day), at(day) + timedelta(hours=hours), new=new)


def test_a_roster_that_keeps_the_rest_rule_passes():
    # Monday 2/10/2023, Wednesday, then Monday of the next week: 24 h of rest each time.
    slots = [_slot(1, date(2023, 10, 2)), _slot(1, date(2023, 10, 4)), _slot(1, date(2023, 10, 9))]

    assert rules.check_rest_rule(slots, RULE) == []


def test_back_to_back_shifts_break_the_rest_rule():
    violations = rules.check_rest_rule(
        [_slot(1, date(2023, 10, 2)), _slot(1, date(2023, 10, 3))], RULE
    )

    assert [(v.kind, v.message) for v in violations] == [
        (
            ViolationKind.REST,
            "An sẽ nghỉ ít hơn 24 giờ giữa ca kết thúc lúc 07:00 03/10/2023 "
            "và ca bắt đầu lúc 07:00 03/10/2023.",
        )
    ]


def test_overlapping_shifts_and_a_third_shift_in_a_week_are_named():
    slots = [
        _slot(1, date(2023, 10, 2), hours=12),
        Slot(1, "An", at(date(2023, 10, 2), 12), at(date(2023, 10, 2), 20)),
        _slot(1, date(2023, 10, 5), hours=8),
    ]

    kinds = [v.kind for v in rules.check_rest_rule(slots, RULE)]

    assert kinds == [ViolationKind.OVERLAP, ViolationKind.WEEKLY]


def test_old_shifts_alone_are_not_the_rosters_fault():
    slots = [_slot(1, date(2023, 10, 2), new=False), _slot(1, date(2023, 10, 3), new=False)]

    assert rules.check_rest_rule(slots, RULE) == []


def test_fair_rotation_shares_the_shifts_and_keeps_the_rule():
    days = [date(2023, 10, 2) + timedelta(days=i) for i in range(7)]
    times = [(at(d), at(d) + timedelta(hours=24)) for d in days]
    people = [(1, "An"), (2, "Bình"), (3, "Cường"), (4, "Dũng")]

    proposal = rules.propose_rotation(people=people, times=times, existing=[], rule=RULE)

    assert [s.person_id if s else None for s in proposal] == [1, 2, 3, 4, 1, 2, 3]
    assert rules.check_rest_rule([s for s in proposal if s], RULE) == []


def test_rotation_leaves_a_shift_empty_when_nobody_may_take_it():
    times = [(at(date(2023, 10, d)), at(date(2023, 10, d), 19)) for d in (2, 3)]

    proposal = rules.propose_rotation(people=[(1, "An")], times=times, existing=[], rule=RULE)

    assert [s.person_id if s else None for s in proposal] == [1, None]


@pytest.mark.parametrize(
    ("current", "to", "allowed"),
    [("open", "monitoring", True), ("open", "resolved", True), ("monitoring", "open", True),
     ("resolved", "open", False), ("resolved", "monitoring", True), ("open", "open", True)],
)  # fmt: skip
def test_incident_moves(current, to, allowed):
    assert rules.incident_can_move(current, to) is allowed
