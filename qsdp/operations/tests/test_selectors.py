"""The selectors, scoped to the user's units."""

from datetime import date

import pytest
from django.http import Http404

from qsdp.operations import selectors, services
from qsdp.operations.selectors import DirectiveFilters, DrillFilters, OrderFilters
from qsdp.operations.services import DirectiveData, IncidentData, PatrolData
from qsdp.operations.tests.factories import duty_post, held, plan

pytestmark = pytest.mark.django_db


def test_drill_plans_are_seen_in_scope(tree, commune_officer, outsider, command_staff):
    dq = plan(tree.duong_quang, year=2024)
    sc = plan(tree.song_cau, year=2024)

    def seen(user):
        return [
            p.org_unit.name for p in selectors.drill_plan_list(user=user, filters=DrillFilters())
        ]

    assert seen(commune_officer) == ["Xã Dương Quang"]
    assert seen(outsider) == ["Phường Sông Cầu"]
    assert seen(command_staff) == ["Phường Sông Cầu", "Xã Dương Quang"]
    assert selectors.drill_plan_get(user=outsider, pk=sc.pk) == sc
    with pytest.raises(Http404):
        selectors.drill_plan_get(user=outsider, pk=dq.pk)


def test_the_due_list_follows_the_cadence(tree, command_staff, django_assert_max_num_queries):
    held(plan(tree.duong_quang, year=2019))
    plan(tree.song_cau, year=2024)

    with django_assert_max_num_queries(5):
        rows = selectors.drill_due_list(user=command_staff, year=2024)

    assert [(r.unit.name, r.state, r.due.due_year) for r in rows] == [
        ("Thành phố Bắc Kạn", "due", 2024),
        ("Phường Sông Cầu", "planned", 2024),
        ("Xã Dương Quang", "due", 2024),
    ]


def test_order_lists_are_scoped(tree, outsider):
    for unit in (tree.duong_quang, tree.song_cau):
        services.patrol_record(
            actor=None, org_unit=unit, data=PatrolData(date(2023, 1, 5), unit.name, 2, 1)
        )
        services.incident_report(
            actor=None, org_unit=unit,
            data=IncidentData(date(2023, 1, 5), "other", unit.name, "…", is_hot_spot=True),
        )  # fmt: skip
    filters = OrderFilters(year=2023, hot_spots_only=True)

    assert [p.area for p in selectors.patrol_list(user=outsider, filters=filters)] == [
        "Phường Sông Cầu"
    ]
    assert [i.location for i in selectors.incident_list(user=outsider, filters=filters)] == [
        "Phường Sông Cầu"
    ]


def test_duty_coverage_per_post(tree, commune_officer):
    from qsdp.operations.tests.factories import person

    post = duty_post(tree.duong_quang)
    duty_post(tree.song_cau)
    an = person(tree.duong_quang)
    services.duty_log_record(actor=None, post=post, day=date(2023, 1, 2), on_duty=[an])

    rows = selectors.duty_coverage(
        user=commune_officer, start=date(2023, 1, 1), end=date(2023, 1, 10)
    )

    assert [(r.post.name, r.covered, r.days, r.pct) for r in rows] == [
        ("Trực ban Ban CHQS", 1, 10, 10)
    ]


@pytest.fixture
def directive(tree):
    directive = services.directive_create(
        actor=None, org_unit=tree.city,
        data=DirectiveData("directive", "12/CT-BCHQS", date(2023, 1, 10), "X", "Y"),
    )  # fmt: skip
    for unit, deadline in ((tree.duong_quang, date(2023, 2, 1)), (tree.song_cau, date(2023, 3, 1))):
        services.task_assign(
            actor=None, directive=directive, assigned_to=unit, title=unit.name, deadline=deadline
        )
    return directive


def test_tasks_are_seen_by_their_unit_and_up_the_tree(
    tree, directive, commune_officer, outsider, command_staff, leader
):
    on = date(2023, 2, 15)

    def overdue(user):
        return [t.title for t in selectors.task_list(user=user, on=on, overdue_only=True)]

    assert overdue(commune_officer) == ["Xã Dương Quang"]
    assert overdue(outsider) == []
    assert overdue(command_staff) == ["Xã Dương Quang"]
    assert overdue(leader) == ["Xã Dương Quang"]
    got = selectors.directive_get(user=outsider, pk=directive.pk)
    assert [t.title for t in got.tasks.all()] == ["Phường Sông Cầu"]
    assert [
        d.number for d in selectors.directive_list(user=outsider, filters=DirectiveFilters())
    ] == ["12/CT-BCHQS"]


def test_a_directive_is_hidden_from_units_without_a_task(tree, commune_officer):
    other = services.directive_create(
        actor=None, org_unit=tree.song_cau,
        data=DirectiveData("plan", "1/KH", date(2023, 1, 10), "X", "Y"),
    )  # fmt: skip

    with pytest.raises(Http404):
        selectors.directive_get(user=commune_officer, pk=other.pk)
