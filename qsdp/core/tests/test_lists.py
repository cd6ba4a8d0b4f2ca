"""Pages of a list: counted up to a cap, offsets by page number."""

import pytest
from django.contrib.auth.models import Group
from django.test import RequestFactory

from qsdp.core.lists import capped_count, paginate

pytestmark = pytest.mark.django_db


@pytest.fixture
def five(settings):
    settings.QSDP_PAGE_SIZE = 2
    for name in "abcde":
        Group.objects.create(name=name)
    return Group.objects.order_by("name")


def test_a_count_stops_at_the_cap_and_says_so(five, settings):
    settings.QSDP_COUNT_CAP = 3
    assert capped_count(five) == (3, True)
    assert capped_count(five.filter(name__in="abc")) == (3, False)
    assert capped_count(list(five)) == (3, True)
    assert capped_count(["a"]) == (1, False)


def test_pages_go_on_past_the_cap(five, settings):
    settings.QSDP_COUNT_CAP = 3

    second = paginate(RequestFactory().get("/", {"page": "2", "q": "x"}), five)
    third = paginate(RequestFactory().get("/", {"page": "3", "q": "x"}), five)

    assert [g.name for g in second.items] == ["c", "d"]
    assert (second.total, second.total_capped, second.start) == (3, True, 3)
    assert (second.previous_url, second.next_url) == ("?page=1&q=x", "?page=3&q=x")
    assert [g.name for g in third.items] == ["e"]
    assert (third.has_next, third.next_url, third.has_previous) == (False, "", True)


@pytest.mark.parametrize(("asked", "shown"), [("9", 3), ("0", 1), ("x", 1), ("", 1)])
def test_a_page_number_out_of_range_shows_the_nearest_page(five, asked, shown):
    page = paginate(RequestFactory().get("/", {"page": asked}), five)

    assert (page.total, page.total_capped) == (5, False)
    assert page.start == (shown - 1) * 2 + 1
    assert page.has_previous is (shown > 1)
