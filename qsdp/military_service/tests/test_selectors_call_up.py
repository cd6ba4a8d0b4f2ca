from datetime import date

import pytest
from django.http import Http404

from qsdp.military_service.selectors import (
    candidate_get,
    candidate_list,
    order_get,
    order_list,
    order_sheets,
    quota_tree,
    service_event_get,
)
from qsdp.military_service.services import enlistment_record
from qsdp.military_service.tests.factories import (
    approved_list,
    examined,
    order,
    quotas,
    registered,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_2026(tree):
    """Quota 10 for the city, 6 + 3 handed down; Dương Quang's two men, one enlisted."""
    quotas(tree, duong_quang=2, song_cau=3)
    for name in ("An", "Bình", "Cường"):
        examined(registered(tree.duong_quang, given_name=name))
    primary = [c for c in approved_list(tree.duong_quang) if c.list_kind == "primary"]
    for candidate in primary:
        order(candidate)
    enlistment_record(
        actor=None, person=primary[0].person, call_up_year=2026, handover_on=date(2026, 3, 4)
    )


def test_the_quota_tree_shows_what_each_unit_has_left(year_2026, command_staff):
    rows = quota_tree(user=command_staff, call_up_year=2026)

    assert [
        (r.depth, r.quota.org_unit.name, r.quota.number, r.handed_down, r.remainder, r.enlisted)
        for r in rows
    ] == [
        (0, "Thành phố Bắc Kạn", 10, 5, 5, 1),
        (1, "Xã Dương Quang", 2, 0, 2, 1),
        (1, "Phường Sông Cầu", 3, 0, 3, 0),
    ]


def test_a_commune_sees_its_own_quota_only(year_2026, commune_officer):
    rows = quota_tree(user=commune_officer, call_up_year=2026)

    assert [(r.depth, r.quota.org_unit.name) for r in rows] == [(0, "Xã Dương Quang")]


def test_the_candidate_list_in_rank_order(year_2026, commune_officer, outsider):
    candidates = candidate_list(user=commune_officer, call_up_year=2026)

    assert [(c.list_kind, c.rank, c.person.given_name) for c in candidates] == [
        ("primary", 1, "An"), ("primary", 2, "Bình"), ("reserve", 1, "Cường"),
    ]  # fmt: skip
    assert list(candidate_list(user=outsider, call_up_year=2026)) == []


def test_the_orders_of_the_year(year_2026, commune_officer, outsider, django_assert_num_queries):
    with django_assert_num_queries(2):  # the user's scope, then the orders with their people
        orders = [
            (o.number, o.event.person.given_name, o.org_unit.name)
            for o in order_list(user=commune_officer, call_up_year=2026)
        ]

    assert orders == [
        ("1/LGNN", "An", "Xã Dương Quang"), ("2/LGNN", "Bình", "Xã Dương Quang"),
    ]  # fmt: skip
    assert list(order_list(user=outsider, call_up_year=2026)) == []


def test_one_candidate_or_order_outside_the_scope_is_404(year_2026, commune_officer, outsider):
    candidate = candidate_list(user=commune_officer, call_up_year=2026)[0]
    order_row = order_list(user=commune_officer, call_up_year=2026)[0]

    assert candidate_get(user=commune_officer, pk=candidate.pk) == candidate
    assert order_get(user=commune_officer, pk=order_row.pk).number == "1/LGNN"
    with pytest.raises(Http404):
        candidate_get(user=outsider, pk=candidate.pk)
    with pytest.raises(Http404):
        order_get(user=outsider, pk=order_row.pk)
    with pytest.raises(Http404):
        service_event_get(user=outsider, pk=order_row.event_id)
    assert service_event_get(user=commune_officer, pk=order_row.event_id).kind == "call_up_order"


def test_each_candidate_carries_his_order_and_handover(year_2026, command_staff):
    candidates = candidate_list(user=command_staff, call_up_year=2026)

    assert [(c.person.given_name, c.order_number, c.enlisted_on) for c in candidates] == [
        ("An", "1/LGNN", date(2026, 3, 4)),
        ("Bình", "2/LGNN", None),
        ("Cường", None, None),
    ]


def test_the_order_sheets_say_what_the_printed_orders_say(
    year_2026, tree, commune_officer, outsider, django_assert_num_queries
):
    with django_assert_num_queries(3):  # scope, orders, residences
        sheets = order_sheets(user=commune_officer, call_up_year=2026)

    assert [
        (s.number, s.full_name, s.birth_date, s.residence, s.report_on, s.report_place, s.unit_name)
        for s in sheets
    ] == [
        ("1/LGNN", "Nguyễn Văn An", date(2004, 5, 10), "Xã Dương Quang", date(2026, 3, 4),
         "Sân vận động xã Dương Quang", "Xã Dương Quang"),
        ("2/LGNN", "Nguyễn Văn Bình", date(2004, 5, 10), "Xã Dương Quang", date(2026, 3, 4),
         "Sân vận động xã Dương Quang", "Xã Dương Quang"),
    ]  # fmt: skip
    one = order_sheets(user=commune_officer, call_up_year=2026, pk=sheets[1].order_id)
    assert [s.number for s in one] == ["2/LGNN"]
    assert order_sheets(user=outsider, call_up_year=2026) == []
