"""No N+1 on the main list pages: each page costs the same number of queries
with 3 rows as with 12 (rows made through each app's factories)."""

from collections.abc import Callable
from datetime import date
from itertools import count
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from qsdp.accounts.models import Role
from qsdp.accounts.tests.factories import RoleAssignmentFactory, UserFactory
from qsdp.awards.tests import factories as awards
from qsdp.military_service.tests import factories as military_service
from qsdp.militia.tests import factories as militia
from qsdp.operations.tests import factories as operations
from qsdp.orgunits.models import OrgUnitKind
from qsdp.orgunits.tests.factories import OrgUnitFactory
from qsdp.people.tests.factories import create_person
from qsdp.reporting.tests import factories as reporting
from qsdp.reserves.tests import factories as reserves
from qsdp.training.tests import factories as training

_serial = count(1)


def _commune(tree: Any) -> Any:
    """A new commune of the city (for rows unique per unit and year)."""
    n = next(_serial)
    return OrgUnitFactory(
        name=f"Xã Thử Nghiệm {n}", kind=OrgUnitKind.COMMUNE, code=f"9{n:04d}",
        parent=tree.city, opened_on=date(2000, 1, 1),
    )  # fmt: skip


def _people(tree: Any, user: Any) -> None:
    create_person(tree.duong_quang)


def _registrations(tree: Any, user: Any) -> None:
    military_service.registered(tree.duong_quang)


def _reservists(tree: Any, user: Any) -> None:
    reserves.reservist(tree.duong_quang)


def _militia(tree: Any, user: Any) -> None:
    militia.member(tree.duong_quang)


def _training(tree: Any, user: Any) -> None:
    training.plan(_commune(tree))


def _courses(tree: Any, user: Any) -> None:
    training.course(tree.duong_quang)


def _drills(tree: Any, user: Any) -> None:
    operations.held(operations.plan(_commune(tree)))


def _awards(tree: Any, user: Any) -> None:
    awards.proposal(tree.duong_quang, awards.collective(tree.duong_quang))


def _submissions(tree: Any, user: Any) -> None:
    commune = _commune(tree)
    command = OrgUnitFactory(
        name=f"Ban CHQS {commune.name}", kind=OrgUnitKind.COMMUNE_COMMAND, code="",
        parent=tree.city_command, serves=commune, opened_on=date(2000, 1, 1),
    )  # fmt: skip
    officer = UserFactory(username=f"officer-{commune.code}")
    RoleAssignmentFactory(user=officer, role=Role.COMMUNE_OFFICER, org_unit=command)
    reporting.submitted(commune, officer)


# page → (what adds one row, its URL)
PAGES: dict[str, tuple[Callable[[Any, Any], None], Callable[[Any], str]]] = {
    "people": (_people, lambda tree: reverse("people:person-list")),
    "people-search": (_people, lambda tree: reverse("people:person-list") + "?q=a"),
    "military-service": (
        _registrations,
        lambda tree: reverse("military_service:registration-list") + "?year=2021",
    ),
    "reservists": (_reservists, lambda tree: reverse("reserves:reservist-list")),
    "militia": (_militia, lambda tree: reverse("militia:member-list")),
    "training": (_training, lambda tree: reverse("training:plan-list") + "?year=2023"),
    "training-courses": (_courses, lambda tree: reverse("training:course-list") + "?year=2023"),
    "operations": (_drills, lambda tree: reverse("operations:drill-list")),
    "awards": (_awards, lambda tree: reverse("awards:award-list") + "?year=2023"),
    "reporting": (
        _submissions,
        lambda tree: reverse("reporting:approval-list", args=[tree.city.pk, 2023]),
    ),
}


def _render(client: Any, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("page", PAGES)
def test_a_list_page_reads_the_same_with_3_and_12_rows(page, tree, command_staff, client):
    add, url_of = PAGES[page]
    for _ in range(3):
        add(tree, command_staff)
    client.force_login(command_staff)
    url = url_of(tree)
    client.get(url)  # caches (scope, settings) warm
    three, three_html = _render(client, url)
    for _ in range(9):
        add(tree, command_staff)
    twelve, twelve_html = _render(client, url)

    assert twelve_html.count("<tr") - three_html.count("<tr") == 9  # the rows are shown
    assert twelve == three
