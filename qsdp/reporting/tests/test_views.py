"""Every reporting page for each persona: anonymous → login, another commune →
404, read-only (leader) → 403 on POST with nothing changed, allowed → the change."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from qsdp.core.models import AuditEvent, PeriodLock
from qsdp.reporting.models import Submission, SubmissionStatus, Target
from qsdp.reporting.services.targets import target_set
from qsdp.reporting.tests.factories import approved, submitted

pytestmark = pytest.mark.django_db


def _state():
    return (
        list(Target.objects.values_list("indicator", "value", "year")),
        list(Submission.objects.values_list("org_unit", "status", "due_on")),
        PeriodLock.objects.count(),
        AuditEvent.objects.count(),
    )


@pytest.fixture
def target(tree, command_staff):
    return target_set(
        actor=command_staff, org_unit=tree.duong_quang, year=2024,
        indicator="patrols.count", value=Decimal(12),
    )  # fmt: skip


@pytest.fixture
def dq_submitted(tree, commune_officer):
    return submitted(tree.duong_quang, commune_officer)


def _pages(tree, target, dq_submitted):
    """(name, method, url, data) of every page, about Dương Quang."""
    dq = tree.duong_quang.pk
    return {
        "home": ("get", f"{reverse('reporting:home')}?org_unit={dq}&year=2023", None),
        "target-list": ("get", reverse("reporting:target-list", args=[dq, 2024]), None),
        "target-set": (
            "post",
            reverse("reporting:target-list", args=[dq, 2024]),
            {"indicator": "militia.count", "value": "40", "basis": "Kế hoạch 2024"},
        ),
        "target-copy": ("post", reverse("reporting:target-copy", args=[dq, 2025]), {}),
        "target-delete": ("post", reverse("reporting:target-delete", args=[target.pk]), {}),
        "target-progress": ("get", reverse("reporting:target-progress", args=[dq, 2024]), None),
        "approval-list": ("get", reverse("reporting:approval-list", args=[dq, 2023]), None),
        "submission-due": (
            "post",
            reverse("reporting:submission-due", args=[dq, 2023]),
            {"due_on": "15/11/2023"},
        ),
        "submission-submit": (
            "post",
            reverse("reporting:submission-submit", args=[dq, 2024]),
            {"note": ""},
        ),
        "submission-approve": (
            "post",
            reverse("reporting:submission-approve", args=[dq_submitted.pk]),
            {},
        ),
        "submission-reopen": (
            "post",
            reverse("reporting:submission-reopen", args=[dq_submitted.pk]),
            {"reason": "Sửa số liệu"},
        ),
    }


PAGES = [
    "home", "target-list", "target-set", "target-copy", "target-delete", "target-progress",
    "approval-list", "submission-due", "submission-submit", "submission-approve",
    "submission-reopen",
]  # fmt: skip
POSTS = [
    "target-set", "target-copy", "target-delete", "submission-due", "submission-submit",
    "submission-approve", "submission-reopen",
]  # fmt: skip


def _call(client, page):
    method, url, data = page
    return client.post(url, data) if method == "post" else client.get(url)


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_is_sent_to_the_login(client, tree, target, dq_submitted, name):
    before = _state()
    response = _call(client, _pages(tree, target, dq_submitted)[name])
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert _state() == before


@pytest.mark.parametrize("name", PAGES)
def test_the_officer_of_another_commune_gets_404(
    client, tree, target, dq_submitted, outsider, name
):
    client.force_login(outsider)
    before = _state()
    assert _call(client, _pages(tree, target, dq_submitted)[name]).status_code == 404
    assert _state() == before


@pytest.mark.parametrize("name", POSTS)
def test_the_leader_gets_403_on_every_change_and_nothing_changes(
    client, tree, target, dq_submitted, leader, name
):
    client.force_login(leader)
    before = _state()
    assert _call(client, _pages(tree, target, dq_submitted)[name]).status_code == 403
    assert _state() == before


@pytest.mark.parametrize("name", ["home", "target-list", "target-progress", "approval-list"])
def test_the_leader_reads_every_page(client, tree, target, dq_submitted, leader, name):
    client.force_login(leader)
    assert _call(client, _pages(tree, target, dq_submitted)[name]).status_code == 200


@pytest.mark.parametrize(
    "name", ["target-set", "target-copy", "target-delete", "submission-due", "submission-approve"]
)
def test_the_commune_officer_may_not_do_the_commands_work(
    client, tree, target, dq_submitted, commune_officer, name
):
    client.force_login(commune_officer)
    before = _state()
    assert _call(client, _pages(tree, target, dq_submitted)[name]).status_code == 403
    assert _state() == before


def test_the_command_sets_a_target(client, tree, command_staff, target, dq_submitted):
    client.force_login(command_staff)
    response = _call(client, _pages(tree, target, dq_submitted)["target-set"])

    assert response.status_code == 302
    assert Target.objects.get(indicator="militia.count").value == Decimal(40)


def test_a_refused_target_is_shown_next_to_its_field(client, tree, command_staff):
    client.force_login(command_staff)
    url = reverse("reporting:target-list", args=[tree.duong_quang.pk, 2024])

    response = client.post(url, {"indicator": "call_up.fulfilment_pct", "value": "120"})

    assert response.status_code == 200
    assert "Chỉ tiêu tỷ lệ phải từ 0 đến 100." in response.content.decode()
    assert Target.objects.count() == 0


def test_the_command_deletes_a_target(client, tree, command_staff, target, dq_submitted):
    client.force_login(command_staff)
    _call(client, _pages(tree, target, dq_submitted)["target-delete"])
    assert Target.objects.count() == 0


def test_the_command_copies_last_years_targets(client, tree, command_staff, target, dq_submitted):
    client.force_login(command_staff)
    _call(client, _pages(tree, target, dq_submitted)["target-copy"])
    assert list(Target.objects.filter(year=2025).values_list("indicator", "value")) == [
        ("patrols.count", Decimal(12))
    ]


def test_the_commune_officer_submits(client, tree, commune_officer, target, dq_submitted):
    client.force_login(commune_officer)
    response = _call(client, _pages(tree, target, dq_submitted)["submission-submit"])

    assert response.status_code == 302
    assert Submission.objects.get(year=2024).status == SubmissionStatus.SUBMITTED


def test_the_command_sets_the_deadline(client, tree, command_staff, target, dq_submitted):
    client.force_login(command_staff)
    url = reverse("reporting:submission-due", args=[tree.city.pk, 2023])

    client.post(url, {"due_on": "15/11/2023"})

    assert sorted(Submission.objects.values_list("org_unit__name", "due_on")) == [
        ("Phường Sông Cầu", date(2023, 11, 15)),
        ("Xã Dương Quang", date(2023, 11, 15)),
    ]


def test_the_command_approves_and_reopens(client, tree, command_staff, target, dq_submitted):
    client.force_login(command_staff)
    pages = _pages(tree, target, dq_submitted)

    _call(client, pages["submission-approve"])
    assert (Submission.objects.get(pk=dq_submitted.pk).status, PeriodLock.objects.count()) == (
        SubmissionStatus.APPROVED,
        1,
    )
    _call(client, pages["submission-reopen"])
    dq_submitted.refresh_from_db()
    assert (dq_submitted.status, dq_submitted.reopen_reason) == ("open", "Sửa số liệu")
    assert PeriodLock.objects.count() == 0


def test_the_approval_page_shows_completeness_and_timeliness(
    client, tree, command_staff, commune_officer
):
    Submission.objects.create(org_unit=tree.song_cau, year=2023, due_on=date(2023, 11, 15))
    Submission.objects.create(org_unit=tree.duong_quang, year=2023, due_on=date(2023, 11, 15))
    approved(tree.duong_quang, commune_officer, command_staff)
    client.force_login(command_staff)

    response = client.get(reverse("reporting:approval-list", args=[tree.city.pk, 2023]))

    overview = response.context["overview"]
    assert (overview.total, overview.submitted, overview.approved, overview.on_time) == (2, 1, 1, 1)
    assert (overview.submitted_pct, overview.on_time_pct) == (Decimal("50.0"), Decimal("100.0"))
    assert [row.on_time for row in overview.rows] == [None, True]


def test_approving_the_city_before_its_communes_shows_the_refusal(
    client, tree, command_staff, admin_user
):
    city = submitted(tree.city, command_staff)
    client.force_login(admin_user)

    response = client.post(reverse("reporting:submission-approve", args=[city.pk]), follow=True)

    assert "chưa được phê duyệt: Phường Sông Cầu, Xã Dương Quang." in response.content.decode()
    assert PeriodLock.objects.count() == 0


def test_home_shows_the_indicator_table_of_the_unit_and_its_children(client, tree, command_staff):
    target_set(
        actor=command_staff, org_unit=tree.city, year=2023,
        indicator="patrols.count", value=Decimal(12),
    )  # fmt: skip
    client.force_login(command_staff)

    response = client.get(f"{reverse('reporting:home')}?org_unit={tree.city.pk}&year=2023")

    table = response.context["table"]
    assert [c.unit.name for c in [table.unit, *table.children]] == [
        "Thành phố Bắc Kạn",
        "Phường Sông Cầu",
        "Xã Dương Quang",
    ]
    assert table.unit.targets == {"patrols.count": Decimal(12)}
    assert "Báo cáo" in response.content.decode()
