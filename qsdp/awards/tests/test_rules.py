import pytest

from qsdp.awards.rules import TRANSITIONS, Status, can_move, cap_limit, check_cap


@pytest.mark.parametrize(
    ("current", "allowed"),
    [
        ("draft", {"submitted"}),
        ("submitted", {"recommended", "rejected"}),
        ("recommended", {"decided", "rejected"}),
        ("rejected", set()),
        ("decided", {"revoked"}),
        ("revoked", set()),
    ],
)
def test_the_transition_table(current, allowed):
    assert {s.value for s in Status if can_move(current, s)} == allowed


def test_every_status_has_a_row():
    assert set(TRANSITIONS) == set(Status)


@pytest.mark.parametrize(
    ("cap_kind", "cap_value", "base", "limit"),
    [
        ("none", None, 0, None),
        ("count", 5, 0, 5),
        ("percent", 15, 20, 3),  # 15 % of 20 Lao động tiên tiến
        ("percent", 15, 13, 1),  # 1.95 rounds down
        ("percent", 15, 6, 0),
    ],
)
def test_the_cap_of_a_form(cap_kind, cap_value, base, limit):
    assert cap_limit(cap_kind=cap_kind, cap_value=cap_value, base_count=base) == limit


def test_a_cap_is_exceeded_only_past_its_limit():
    assert not check_cap(cap_kind="count", cap_value=3, already=1, adding=2).exceeded
    assert check_cap(cap_kind="count", cap_value=3, already=2, adding=2).exceeded
    assert not check_cap(cap_kind="none", cap_value=None, already=99, adding=99).exceeded
