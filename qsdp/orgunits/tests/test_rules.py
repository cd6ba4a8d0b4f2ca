from datetime import date

import pytest

from qsdp.orgunits import rules
from qsdp.orgunits.errors import OrgUnitErrorCode
from qsdp.orgunits.models import LineageKind

REFORM = date(2025, 7, 1)
LEGACY = rules.Period(date(2000, 1, 1), REFORM)
NEW = rules.Period(REFORM)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (LEGACY, NEW, False),  # one closes the day the other opens
        (NEW, LEGACY, False),
        (LEGACY, rules.Period(date(2025, 6, 30)), True),
        (NEW, rules.Period(date(2030, 1, 1)), True),  # two open-ended periods
        (rules.Period(date(2001, 1, 1), date(2002, 1, 1)), LEGACY, True),  # inside
        (rules.Period(date(1990, 1, 1), date(2000, 1, 1)), LEGACY, False),
    ],
)
def test_periods_overlap(a, b, expected):
    assert rules.periods_overlap(a, b) is expected


def test_period_contains_its_opening_day_but_not_its_closing_day():
    assert LEGACY.contains(date(2000, 1, 1)) is True
    assert LEGACY.contains(date(2025, 6, 30)) is True
    assert LEGACY.contains(REFORM) is False


def test_a_code_may_name_a_new_unit_from_the_day_the_old_one_closed():
    problem = rules.code_overlap_problem(
        code="01840",
        kind_label="Phường",
        period=NEW,
        others=[rules.Named("Phường Đức Xuân", LEGACY)],
    )

    assert problem is None


def test_a_code_naming_two_units_at_once_is_refused():
    problem = rules.code_overlap_problem(
        code="01840",
        kind_label="Ward",
        period=rules.Period(date(2020, 1, 1)),
        others=[rules.Named("Phường Đức Xuân", LEGACY)],
    )

    assert problem is not None
    assert problem.code == OrgUnitErrorCode.CODE_OVERLAP
    assert problem.field == "code"


def test_a_unit_without_code_never_overlaps():
    problem = rules.code_overlap_problem(
        code="", kind_label="", period=NEW, others=[rules.Named("Ban CHQS", NEW)]
    )

    assert problem is None


@pytest.mark.parametrize(
    ("period", "code"),
    [
        (rules.Period(date(1999, 12, 31), REFORM), OrgUnitErrorCode.OPENED_BEFORE_PARENT),
        (rules.Period(date(2000, 1, 1)), OrgUnitErrorCode.OUTLIVES_PARENT),
        (rules.Period(date(2010, 1, 1), date(2025, 7, 2)), OrgUnitErrorCode.OUTLIVES_PARENT),
    ],
)
def test_a_child_lives_inside_its_parent(period, code):
    problem = rules.parent_problem(period=period, parent=rules.Named("Tỉnh Bắc Kạn", LEGACY))

    assert problem is not None
    assert problem.code == code


def test_a_child_with_its_parent_s_exact_life_is_accepted():
    assert rules.parent_problem(period=LEGACY, parent=rules.Named("Tỉnh Bắc Kạn", LEGACY)) is None


@pytest.mark.parametrize(
    ("period", "closed_on", "children", "code"),
    [
        (LEGACY, date(2026, 1, 1), [], OrgUnitErrorCode.ALREADY_CLOSED),
        (NEW, REFORM, [], OrgUnitErrorCode.CLOSES_BEFORE_OPENING),
        (NEW, date(2026, 1, 1), [rules.Named("Xã A", NEW)], OrgUnitErrorCode.CHILDREN_OUTLIVE),
        (
            NEW,
            date(2026, 1, 1),
            [rules.Named("Xã A", rules.Period(REFORM, date(2026, 1, 1)))],
            None,
        ),
    ],
)
def test_close_problem(period, closed_on, children, code):
    problem = rules.close_problem(
        name="Tỉnh X", period=period, closed_on=closed_on, children=children
    )

    assert (problem.code if problem else None) == code


@pytest.mark.parametrize(
    ("predecessor", "successor", "same_unit", "code"),
    [
        (LEGACY, NEW, False, None),
        (LEGACY, NEW, True, OrgUnitErrorCode.LINEAGE_SELF),
        (rules.Period(date(2000, 1, 1), date(2020, 1, 1)), NEW, False,
         OrgUnitErrorCode.LINEAGE_PREDECESSOR_DATES),
        (LEGACY, rules.Period(date(2025, 7, 2)), False, OrgUnitErrorCode.LINEAGE_SUCCESSOR_DATES),
    ],
)  # fmt: skip
def test_lineage_problem(predecessor, successor, same_unit, code):
    problem = rules.lineage_problem(
        predecessor=rules.Named("Xã Dương Quang", predecessor),
        successor=rules.Named("Xã Phong Quang", successor),
        effective_on=REFORM,
        same_unit=same_unit,
    )

    assert (problem.code if problem else None) == code


@pytest.mark.parametrize(
    ("after", "before", "same_name", "kind"),
    [
        (2, 1, False, LineageKind.SPLIT),
        (2, 3, False, LineageKind.SPLIT),
        (1, 3, False, LineageKind.MERGE),
        (1, 1, False, LineageKind.RENAME),
        (1, 1, True, LineageKind.CONTINUATION),
    ],
)
def test_lineage_kind(after, before, same_name, kind):
    assert (
        rules.lineage_kind(
            successors_of_predecessor=after, predecessors_of_successor=before, same_name=same_name
        )
        == kind
    )
