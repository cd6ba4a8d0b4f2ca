"""The persona matrix on every operations page: anonymous, out of scope,
read-only, allowed. Denied requests change nothing."""

import pytest
from django.urls import reverse

from qsdp.operations.tests.factories import rows

pytestmark = pytest.mark.django_db

# A post that would change something if it were allowed: every field any form needs.
EVERYTHING = {
    "year": "2025", "kind": "civil_defence", "title": "X", "planned_on": "", "directed_by": "",
    "held_from": "01/10/2024", "held_to": "02/10/2024", "participants": "10", "rating": "good",
    "phase_1": "1", "phase_1_on": "01/10/2024", "name": "Chốt mới", "opened_on": "01/01/2024",
    "replacement": "", "reason": "", "decision": "approve", "note": "X", "day": "01/01/2024",
    "events": "", "handed_over_to": "", "on": "01/01/2024", "area": "X", "militia_count": "2",
    "police_count": "1", "other_count": "0", "status": "resolved", "reported_on": "01/01/2024",
    "location": "X", "description": "X", "number": "1/KH", "issued_on": "01/01/2024",
    "signer": "X", "summary": "X", "assigned_to": "", "deadline": "01/03/2024",
    "completed": "on", "action": "save",
}  # fmt: skip

LIST_URLS = [
    "operations:drill-plan-list",
    "operations:drill-due",
    "operations:drill-list",
    "operations:duty-post-list",
    "operations:swap-list",
    "operations:duty-log-list",
    "operations:patrol-list",
    "operations:incident-list",
    "operations:directive-list",
    "operations:task-list",
    "operations:calendar",
    "operations:roster-pdf",
    "operations:roster-xlsx",
    "operations:calendar-pdf",
]
DOCUMENT_URLS = ["operations:roster-pdf", "operations:roster-xlsx", "operations:calendar-pdf"]
CREATE_URLS = [
    "operations:drill-plan-create",
    "operations:duty-post-create",
    "operations:patrol-record",
    "operations:incident-report",
    "operations:directive-create",
]


def object_reads(world):
    return [
        reverse("operations:drill-plan-detail", args=[world["plan_2024"].pk]),
        reverse("operations:drill-detail", args=[world["drill"].pk]),
        reverse("operations:drill-report-pdf", args=[world["drill"].pk]),
        reverse("operations:incident-detail", args=[world["incident"].pk]),
        reverse("operations:directive-detail", args=[world["directive"].pk]),
        reverse("operations:directive-file", args=[world["directive"].pk]),
    ]


def change_urls(world):
    """The pages that change Dương Quang's records (the commune officer's own)."""
    return [
        reverse("operations:drill-plan-edit", args=[world["plan_2024"].pk]),
        reverse("operations:drill-record", args=[world["plan_2024"].pk]),
        reverse("operations:drill-rate", args=[world["drill"].pk]),
        reverse("operations:roster", args=[world["post"].pk]),
        reverse("operations:duty-log-record", args=[world["post"].pk]),
        reverse("operations:swap-request", args=[world["shift"].pk]),
        reverse("operations:swap-decide", args=[world["swap"].pk]),
        reverse("operations:incident-follow-up", args=[world["incident"].pk]),
        reverse("operations:task-report", args=[world["task"].pk]),
    ]


def task_assign_url(world):
    return reverse("operations:task-assign", args=[world["directive"].pk])


def test_anonymous_is_sent_to_login(client, world):
    before = rows()
    urls = [
        *(reverse(name) for name in LIST_URLS + CREATE_URLS),
        *object_reads(world),
        *change_urls(world),
        task_assign_url(world),
    ]

    for url in urls:
        for response in (client.get(url), client.post(url, EVERYTHING)):
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("accounts:login")), url

    assert rows() == before


def test_an_officer_of_another_commune_gets_404_on_every_record(client, world, outsider, tree):
    client.force_login(outsider)
    before = rows()

    for url in object_reads(world):
        assert client.get(url).status_code == 404, url
    for url in [*change_urls(world), task_assign_url(world)]:
        assert client.get(url).status_code == 404, url
        assert client.post(url, EVERYTHING).status_code == 404, url
    for name in CREATE_URLS:
        posted = client.post(reverse(name), {**EVERYTHING, "org_unit": tree.duong_quang.pk})
        assert posted.status_code == 200, name  # the form again: Dương Quang is not a choice

    assert rows() == before


def test_the_outsider_finds_nothing_of_duong_quang_in_lists(client, world, outsider):
    client.force_login(outsider)

    pages = {name: client.get(reverse(name) + "?year=2023&month=10") for name in LIST_URLS}

    assert {n: p.status_code for n, p in pages.items()} == dict.fromkeys(LIST_URLS, 200)
    for name in [n for n in LIST_URLS if n not in DOCUMENT_URLS]:
        assert "Dương Quang" not in pages[name].content.decode(), name
    assert [p.area for p in pages["operations:patrol-list"].context["page"].items] == [
        "Địa bàn Phường Sông Cầu"
    ]
    assert [r.post.name for r in pages["operations:duty-post-list"].context["coverage"]] == [
        "Trực ban Ban CHQS phường"
    ]
    assert pages["operations:directive-list"].context["page"].items == []
    assert pages["operations:task-list"].context["page"].items == []
    assert pages["operations:swap-list"].context["page"].items == []
    assert pages["operations:calendar"].context["calendar"].items == []  # Dương Quang's drill


def test_the_leader_reads_but_every_change_is_403(client, world, leader):
    client.force_login(leader)
    before = rows()

    for url in [*(reverse(name) for name in LIST_URLS), *object_reads(world)]:
        assert client.get(url).status_code == 200, url
    for url in [
        *change_urls(world),
        task_assign_url(world),
        *(reverse(name) for name in CREATE_URLS),
    ]:
        assert client.get(url).status_code == 403, url
        assert client.post(url, EVERYTHING).status_code == 403, url

    assert rows() == before


@pytest.mark.parametrize("persona", ["commune_officer", "command_staff"])
def test_writers_open_every_page(client, world, request, persona):
    client.force_login(request.getfixturevalue(persona))

    for url in [
        *(reverse(name) for name in LIST_URLS + CREATE_URLS),
        *object_reads(world),
        *change_urls(world),
    ]:
        assert client.get(url).status_code == 200, url
    # The city's directive: its staff assign tasks, the commune does not.
    expected = 200 if persona == "command_staff" else 403
    assert client.get(task_assign_url(world)).status_code == expected


def test_a_list_answers_htmx_with_its_rows_only(client, world, commune_officer):
    client.force_login(commune_officer)

    response = client.get(reverse("operations:drill-plan-list"), HTTP_HX_REQUEST="true")

    assert response.templates[0].name == "operations/partials/plan_rows.html"
    assert "<html" not in response.content.decode()
