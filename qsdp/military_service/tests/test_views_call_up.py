"""The call-up pages: quotas, the ranked lists, substitution and the orders."""

from datetime import date

import pytest
from django.urls import reverse

from qsdp.military_service.models import CallUpCandidate, CallUpOrder, Quota
from qsdp.military_service.services import call_up_list_build
from qsdp.military_service.tests.factories import (
    approved_list,
    counts,
    examined,
    order,
    quotas,
    registered,
)

pytestmark = pytest.mark.django_db
ORDER = {"issued_on": "20/01/2026", "report_on": "04/03/2026", "report_place": "Sân vận động"}


@pytest.fixture
def men(tree):
    """An, Bình, Cường of Dương Quang, fit for 2026 (An the fittest)."""
    people = {}
    for name, health_class in (("An", 1), ("Bình", 2), ("Cường", 3)):
        people[name] = registered(tree.duong_quang, given_name=name)
        examined(people[name], health_class=health_class)
    return people


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def test_the_quota_tree_with_what_is_left(client, tree, command_staff):
    quotas(tree, duong_quang=6, song_cau=3)
    client.force_login(command_staff)

    response = client.get(reverse("military_service:quota-tree"), {"year": 2026})

    rows = response.context["rows"]
    assert [(r.depth, r.quota.org_unit.name, r.quota.number, r.remainder) for r in rows] == [
        (0, "Thành phố Bắc Kạn", 10, 1), (1, "Xã Dương Quang", 6, 6), (1, "Phường Sông Cầu", 3, 3),
    ]  # fmt: skip
    # The city sets its communes' quotas, not its own (the province does).
    assert response.context["assignable"] == {tree.duong_quang.pk, tree.song_cau.pk}
    assert response.context["can_assign"] is True


def test_the_city_assigns_a_commune_its_quota(client, tree, command_staff):
    quotas(tree, duong_quang=None, song_cau=None)
    client.force_login(command_staff)

    response = client.post(
        reverse("military_service:quota-assign") + "?year=2026",
        {"org_unit": tree.duong_quang.pk, "call_up_year": "2026", "number": "7",
         "decided_on": "15/12/2025", "decision_number": "88/QĐ-UBND"},
        follow=True,
    )  # fmt: skip

    quota = Quota.objects.get(org_unit=tree.duong_quang)
    assert (quota.number, quota.decided_on, quota.decision_number, quota.parent.org_unit) == (
        7, date(2025, 12, 15), "88/QĐ-UBND", tree.city,
    )  # fmt: skip
    assert messages_of(response) == ["Xã Dương Quang được giao chỉ tiêu 7 công dân năm 2026."]
    assert response.redirect_chain[-1][0] == reverse("military_service:quota-tree") + "?year=2026"


def test_a_quota_over_what_is_left_is_refused_on_the_form(client, tree, command_staff):
    quotas(tree, duong_quang=6, song_cau=None)
    client.force_login(command_staff)
    before = counts()

    response = client.post(
        reverse("military_service:quota-assign"),
        {"org_unit": tree.song_cau.pk, "call_up_year": "2026", "number": "5",
         "decided_on": "15/12/2025"},
    )  # fmt: skip

    assert response.context["form"].errors["number"] == [
        "Thành phố Bắc Kạn còn 4 chỉ tiêu để giao, không thể giao 5 cho Phường Sông Cầu."
    ]
    assert counts() == before


def test_a_commune_has_nobody_to_assign_a_quota_to(client, tree, commune_officer):
    client.force_login(commune_officer)

    assert client.get(reverse("military_service:quota-assign")).status_code == 403


def test_the_commune_builds_its_list_and_the_city_approves_it(
    client, tree, men, commune_officer, command_staff
):
    quotas(tree, duong_quang=2)
    client.force_login(commune_officer)
    build = reverse("military_service:candidate-list-build", args=[tree.duong_quang.pk])
    approve = reverse("military_service:candidate-list-approve", args=[tree.duong_quang.pk])

    built = client.post(build, {"call_up_year": "2026", "handover_on": "04/03/2026"}, follow=True)
    denied = client.post(approve, {"call_up_year": "2026", "approved_on": "10/01/2026"})
    client.force_login(command_staff)
    approved = client.post(
        approve, {"call_up_year": "2026", "approved_on": "10/01/2026"}, follow=True
    )

    assert messages_of(built) == [
        "Đã lập danh sách của Xã Dương Quang: 2 công dân trong danh sách chính, 1 công dân "
        "dự phòng."
    ]
    assert denied.status_code == 403
    assert messages_of(approved) == ["Đã duyệt danh sách gọi nhập ngũ năm 2026 của Xã Dương Quang."]
    assert list(
        CallUpCandidate.objects.order_by("list_kind", "rank").values_list(
            "person__given_name", "list_kind", "rank", "status", "approved_on"
        )
    ) == [
        ("An", "primary", 1, "approved", date(2026, 1, 10)),
        ("Bình", "primary", 2, "approved", date(2026, 1, 10)),
        ("Cường", "reserve", 1, "approved", date(2026, 1, 10)),
    ]


def test_a_list_short_of_the_quota_is_not_approved(client, tree, men, command_staff):
    quotas(tree, duong_quang=5)
    call_up_list_build(
        actor=None, org_unit=tree.duong_quang, call_up_year=2026, handover_on=date(2026, 3, 4)
    )
    client.force_login(command_staff)
    before = counts()

    response = client.post(
        reverse("military_service:candidate-list-approve", args=[tree.duong_quang.pk]),
        {"call_up_year": "2026", "approved_on": "10/01/2026"},
    )

    assert response.context["form"].non_field_errors() == [
        "Danh sách chính của Xã Dương Quang có 3 công dân, trong khi chỉ tiêu năm 2026 là 5."
    ]
    assert counts() == before


def test_the_candidate_list_page_with_its_actions(
    client, tree, men, commune_officer, django_assert_max_num_queries
):
    quotas(tree, duong_quang=2)
    primary, _second, reserve = approved_list(tree.duong_quang)
    order(primary)
    client.force_login(commune_officer)

    # Session, user, scope, the units of the filter, the chosen unit, count, rows,
    # the state of the list (and the session saved): none per row.
    with django_assert_max_num_queries(11):
        response = client.get(
            reverse("military_service:candidate-list"),
            {"year": 2026, "org_unit": tree.duong_quang.pk},
        )

    assert [
        (c.person.given_name, c.list_kind, c.rank, c.order_number)
        for c in response.context["page"].items
    ] == [
        ("An", "primary", 1, "1/LGNN"),
        ("Bình", "primary", 2, None),
        ("Cường", "reserve", 1, None),
    ]
    # Approved: nothing to build or approve again; the orders can go out.
    assert [response.context[k] for k in ("can_build", "can_approve", "can_issue")] == [
        False, False, True,
    ]  # fmt: skip
    html = response.content.decode()
    assert html.count("Phát lệnh</a>") == 1  # Bình's; An has his, Cường is in reserve
    assert html.count("Giao quân</a>") == 1  # An's
    assert reverse("military_service:candidate-substitute", args=[reserve.pk]) not in html


def test_an_order_is_issued_to_one_candidate(client, tree, men, commune_officer):
    quotas(tree, duong_quang=2)
    an = approved_list(tree.duong_quang)[0]
    client.force_login(commune_officer)

    response = client.post(
        reverse("military_service:order-issue", args=[an.pk]), ORDER, follow=True
    )

    issued = CallUpOrder.objects.get()
    assert (issued.number, issued.event.person, issued.report_on, issued.report_place) == (
        "1/LGNN", an.person, date(2026, 3, 4), "Sân vận động",
    )  # fmt: skip
    assert messages_of(response) == ["Đã phát lệnh gọi nhập ngũ số 1/LGNN cho Nguyễn Văn An."]


def test_no_order_to_the_reserve_list(client, tree, men, commune_officer):
    quotas(tree, duong_quang=2)
    reserve = approved_list(tree.duong_quang)[2]
    client.force_login(commune_officer)
    before = counts()

    response = client.post(reverse("military_service:order-issue", args=[reserve.pk]), ORDER)

    assert response.context["form"].non_field_errors() == [
        "Công dân ở danh sách dự phòng: chỉ phát lệnh cho công dân trong danh sách chính."
    ]
    assert counts() == before


def test_all_the_orders_of_the_list_at_once(client, tree, men, commune_officer):
    quotas(tree, duong_quang=2)
    approved_list(tree.duong_quang)
    client.force_login(commune_officer)

    response = client.post(
        reverse("military_service:order-issue-all", args=[tree.duong_quang.pk]),
        {"call_up_year": "2026", **ORDER},
        follow=True,
    )

    assert list(CallUpOrder.objects.values_list("number", "event__person__given_name")) == [
        ("1/LGNN", "An"), ("2/LGNN", "Bình"),
    ]  # fmt: skip
    assert messages_of(response) == ["Đã phát 2 lệnh gọi nhập ngũ, từ số 1/LGNN đến số 2/LGNN."]
    assert response.redirect_chain[-1][0] == (
        f"{reverse('military_service:order-list')}?year=2026&org_unit={tree.duong_quang.pk}"
    )


def test_a_dropout_is_replaced_from_the_reserve_list(client, tree, men, commune_officer):
    quotas(tree, duong_quang=2)
    an = approved_list(tree.duong_quang)[0]
    order(an)
    client.force_login(commune_officer)

    response = client.post(
        reverse("military_service:candidate-substitute", args=[an.pk]),
        {"on": "01/02/2026", "reason": "Bị tai nạn giao thông"},
        follow=True,
    )

    an.refresh_from_db()
    substitute = CallUpCandidate.objects.get(replaces=an)
    assert (an.status, an.withdraw_reason) == ("withdrawn", "Bị tai nạn giao thông")
    assert (substitute.person.given_name, substitute.list_kind, substitute.rank) == (
        "Cường", "primary", 1,
    )  # fmt: skip
    assert CallUpOrder.objects.get().event.cancelled_on == date(2026, 2, 1)
    assert messages_of(response) == ["Nguyễn Văn Cường thay thế cho Nguyễn Văn An."]


def test_a_substitution_without_a_reason_is_refused(client, tree, men, commune_officer):
    quotas(tree, duong_quang=2)
    an = approved_list(tree.duong_quang)[0]
    client.force_login(commune_officer)
    before = counts()

    response = client.post(
        reverse("military_service:candidate-substitute", args=[an.pk]),
        {"on": "01/02/2026", "reason": "   "},
    )

    assert response.context["form"].errors["reason"] == ["Trường này là bắt buộc."]
    assert counts() == before


def test_a_proposed_list_is_for_the_city_to_approve(client, tree, men, command_staff):
    quotas(tree, duong_quang=2)
    call_up_list_build(
        actor=None, org_unit=tree.duong_quang, call_up_year=2026, handover_on=date(2026, 3, 4)
    )
    client.force_login(command_staff)

    response = client.get(
        reverse("military_service:candidate-list"), {"year": 2026, "org_unit": tree.duong_quang.pk}
    )

    assert [response.context[k] for k in ("can_build", "can_approve", "can_issue")] == [
        True, True, False,
    ]  # fmt: skip
