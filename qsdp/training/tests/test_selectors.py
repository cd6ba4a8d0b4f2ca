from datetime import date
from decimal import Decimal

import pytest
from django.http import Http404

from qsdp.training.selectors import (
    CourseFilters,
    PlanFilters,
    PropagandistFilters,
    RosterStatus,
    category_shares,
    course_get,
    course_list,
    plan_get,
    plan_list,
    plan_sessions,
    plan_summaries,
    plan_summary,
    propagandist_get,
    propagandist_list,
    session_attendance,
    session_get,
    year_summary,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("persona", "titles"),
    [
        ("commune_officer", ["Kế hoạch huấn luyện dân quân năm 2023"]),
        ("outsider", ["Kế hoạch huấn luyện dân quân phường Sông Cầu"]),
        ("leader", ["Kế hoạch huấn luyện dân quân năm 2023",
                    "Kế hoạch huấn luyện dân quân phường Sông Cầu"]),
        ("auditor", []),
    ],
)  # fmt: skip
def test_plans_are_scoped_to_the_users_area(world, request, persona, titles):
    user = request.getfixturevalue(persona)

    found = plan_list(user=user, filters=PlanFilters(year=2023))

    assert sorted(p.title for p in found) == sorted(titles)


def test_the_plan_list_counts_sessions_and_days(world, commune_officer, tree):
    found = plan_list(user=commune_officer, filters=PlanFilters(org_unit=tree.duong_quang))

    assert [(p.session_count, p.days_held) for p in found] == [(2, Decimal("1.5"))]
    assert list(plan_list(user=commune_officer, filters=PlanFilters(audience="reservists"))) == []


def test_a_plan_or_session_outside_the_area_is_404(world, outsider):
    with pytest.raises(Http404):
        plan_get(user=outsider, pk=world["dq_plan"].pk)
    with pytest.raises(Http404):
        session_get(user=outsider, pk=world["drill"].pk)


def test_sessions_count_those_present(world):
    assert [(s.topic, s.present_count) for s in plan_sessions(plan=world["dq_plan"])] == [
        ("Điều lệnh đội ngũ", 2),
        ("Giáo dục chính trị", 2),
    ]


def test_a_sessions_attendance_lists_the_militia_of_the_area(world):
    rows = session_attendance(session=world["drill"])

    assert [(r.person.given_name, r.expected, r.present, r.result_code) for r in rows] == [
        ("An", True, True, "good"), ("Bảo", True, False, ""), ("Sơn", True, True, "excellent"),
    ]  # fmt: skip


def test_the_plan_summary_counts_days_against_the_law(world):
    summary = plan_summary(plan=world["dq_plan"])

    # An: mobile, first year → 15 days; Bảo: local, fourth year → 7; Sơn: standing → 60.
    assert [
        (r.person.given_name, r.sessions, r.days_done, r.days_required,
         r.result.name if r.result else None)
        for r in summary.rows
    ] == [
        ("An", 2, Decimal("1.5"), Decimal(15), "Khá"),
        ("Bảo", 0, Decimal(0), Decimal(7), None),
        ("Sơn", 2, Decimal("1.5"), Decimal(60), "Không đạt"),
    ]  # fmt: skip
    assert (summary.people, summary.trained, summary.trained_pct, summary.days_done,
            summary.days_required, summary.sessions, summary.political_sessions,
            summary.days_held) == (
        3, 2, Decimal("66.7"), Decimal("3.0"), Decimal(82), 2, 1, Decimal("1.5")
    )  # fmt: skip
    assert (summary.graded, summary.passed, summary.pass_pct) == (2, 1, Decimal("50.0"))
    assert [(g.grade.name, g.count, g.pct) for g in summary.grades] == [
        ("Giỏi", 0, Decimal("0.0")), ("Khá", 1, Decimal("50.0")), ("Đạt", 0, Decimal("0.0")),
        ("Không đạt", 1, Decimal("50.0")),
    ]  # fmt: skip


def test_summaries_take_as_many_queries_for_one_plan_as_for_two(world, django_assert_num_queries):
    from qsdp.training.models import TrainingPlan

    plans = list(TrainingPlan.objects.select_related("org_unit__serves").order_by("id"))
    with django_assert_num_queries(6):
        plan_summaries(plans[:1])
    with django_assert_num_queries(6):
        both = plan_summaries(plans)

    assert [(s.plan.title, s.people, s.trained) for s in both] == [
        ("Kế hoạch huấn luyện dân quân năm 2023", 3, 2),
        ("Kế hoạch huấn luyện dân quân phường Sông Cầu", 1, 1),
    ]


def test_the_year_summary_is_scoped(world, commune_officer, command_staff):
    assert [s.plan.pk for s in year_summary(user=commune_officer, year=2023).plans] == [
        world["dq_plan"].pk
    ]
    assert len(year_summary(user=command_staff, year=2023).plans) == 2
    assert year_summary(user=command_staff, year=2024).plans == []


@pytest.mark.parametrize(
    ("persona", "titles"),
    [
        ("commune_officer", ["Bồi dưỡng KTQP&AN già làng, trưởng thôn"]),
        ("outsider", ["Bồi dưỡng chủ doanh nghiệp"]),
        ("command_staff", ["Bồi dưỡng KTQP&AN già làng, trưởng thôn", "Bồi dưỡng chủ doanh nghiệp",
                           "Bồi dưỡng KTQP&AN đối tượng 4"]),
    ],
)  # fmt: skip
def test_courses_are_scoped_to_the_users_area(world, request, persona, titles):
    found = course_list(user=request.getfixturevalue(persona), filters=CourseFilters(year=2023))

    assert sorted(c.title for c in found) == sorted(titles)


def test_the_course_list_counts_participants_and_filters_by_category(
    world, command_staff, outsider
):
    found = course_list(user=command_staff, filters=CourseFilters(category="dt4"))

    assert [(c.title, c.participant_count, c.completed_count) for c in found] == [
        ("Bồi dưỡng KTQP&AN đối tượng 4", 2, 2)
    ]
    with pytest.raises(Http404):
        course_get(user=outsider, pk=world["dt4"].pk)


def test_the_share_trained_per_category(world, command_staff, outsider, tree):
    shares = category_shares(user=command_staff, year=2023)

    assert [
        (s.category.code, s.courses, s.planned, s.participants, s.completed, s.pct) for s in shares
    ] == [
        ("dt4", 1, 5, 2, 2, Decimal("40.0")),
        ("village_elder", 1, 3, 2, 1, Decimal("33.3")),
        ("enterprise_owner", 1, 4, 1, 1, Decimal("25.0")),
    ]
    assert [s.category.code for s in category_shares(user=outsider, year=2023)] == [
        "enterprise_owner"
    ]
    assert category_shares(user=command_staff, year=2023, org_unit=tree.duong_quang)[0].planned == 3


def test_the_propagandist_roster_is_scoped(world, commune_officer, outsider):
    mine = propagandist_list(user=commune_officer, filters=PropagandistFilters())

    assert [(p.full_name, p.training_count, p.last_trained) for p in mine] == [
        ("Ma Thị Lan", 1, date(2023, 8, 1))
    ]
    assert [
        p.full_name for p in propagandist_list(user=outsider, filters=PropagandistFilters())
    ] == ["Đinh Thị Mai"]
    assert (
        list(
            propagandist_list(
                user=commune_officer, filters=PropagandistFilters(status=RosterStatus.LEFT)
            )
        )
        == []
    )
    with pytest.raises(Http404):
        propagandist_get(user=outsider, pk=world["propagandist"].pk)
