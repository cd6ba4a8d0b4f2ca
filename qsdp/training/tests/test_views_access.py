"""The persona matrix on every training page: anonymous, out of scope,
read-only, allowed. Denied requests change nothing."""

import pytest
from django.urls import reverse

from qsdp.training.tests.factories import rows

pytestmark = pytest.mark.django_db


def everything(world, tree):  # type: ignore[no-untyped-def]
    """A post that would change something if it were allowed: every field any form needs."""
    an, bao = world["an"].person.pk, world["bao"].person.pk
    return {
        "org_unit": tree.duong_quang.pk, "year": "2023", "audience": "reservists",
        "title": "Kế hoạch mới", "planned_days": "7", "approved_on": "01/02/2023",
        "approver_title": "Chỉ huy trưởng", "kind": "military", "held_on": "01/07/2023",
        "days": "1", "topic": "Bắn súng", "location": "Thao trường", "category": "",
        "organiser": "Ban CHQS", "starts_on": "01/07/2023", "ends_on": "02/07/2023",
        "planned_trainees": "5", "person": "", "official_name": "Lò Văn Páo",
        "position": "Già làng", "appointed_on": "01/02/2023", "full_name": "Lò Thị Mai",
        "left_on": "01/02/2024", "trained_on": "01/03/2023", "result": "good",
        f"present_{an}": "on", f"result_{an}": "excellent", f"present_{bao}": "on",
        f"completed_{world['enrolled'].pk}": "on", f"result_{world['enrolled'].pk}": "good",
        f"completed_{world['tu'].pk}": "on",
    }  # fmt: skip


def object_reads(world):  # type: ignore[no-untyped-def]
    plan = world["dq_plan"].pk
    return [
        reverse("training:plan-detail", args=[plan]),
        reverse("training:session-detail", args=[world["drill"].pk]),
        reverse("training:attendance-xlsx", args=[plan]),
        reverse("training:attendance-pdf", args=[plan]),
        reverse("training:course-detail", args=[world["elders"].pk]),
        reverse("training:propagandist-detail", args=[world["propagandist"].pk]),
    ]


def change_urls(world):  # type: ignore[no-untyped-def]
    """Pages that change one record (GET shows the form)."""
    propagandist = world["propagandist"].pk
    return [
        reverse("training:session-create", args=[world["dq_plan"].pk]),
        reverse("training:participant-add", args=[world["elders"].pk]),
        reverse("training:propagandist-leave", args=[propagandist]),
        reverse("training:propagandist-training", args=[propagandist]),
    ]


def post_only_urls(world):  # type: ignore[no-untyped-def]
    """Changes posted from a page that also reads (the whole attendance, the results)."""
    return [
        reverse("training:session-detail", args=[world["drill"].pk]),
        reverse("training:course-results", args=[world["elders"].pk]),
    ]


CREATE_URLS = ["training:plan-create", "training:course-create", "training:propagandist-create"]

LIST_URLS = [
    "training:plan-list",
    "training:summary",
    "training:summary-xlsx",
    "training:summary-pdf",
    "training:course-list",
    "training:category-list",
    "training:propagandist-list",
]


def test_anonymous_is_sent_to_login(client, world, tree):
    before = rows()
    urls = [
        *(reverse(name) for name in [*LIST_URLS, *CREATE_URLS]),
        *object_reads(world),
        *change_urls(world),
        *post_only_urls(world),
        reverse("training:plan-approve", args=[world["dq_plan"].pk]),
    ]

    for url in urls:
        for response in (client.get(url), client.post(url, everything(world, tree))):
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("accounts:login")), url

    assert rows() == before


def test_an_officer_of_another_commune_gets_404_on_every_record(client, world, tree, outsider):
    client.force_login(outsider)
    before = rows()
    data = everything(world, tree)

    for url in object_reads(world):
        assert client.get(url).status_code == 404, url
    for url in [*change_urls(world), reverse("training:plan-approve", args=[world["dq_plan"].pk])]:
        assert client.get(url).status_code == 404, url
        assert client.post(url, data).status_code == 404, url
    for url in post_only_urls(world):
        assert client.post(url, data).status_code == 404, url
    for name in CREATE_URLS:
        # The form: Dương Quang is not a choice.
        response = client.post(reverse(name), data)
        assert (response.status_code, list(response.context["form"].errors)[:1]) == (
            200, ["org_unit"]
        ), name  # fmt: skip

    assert rows() == before


def test_the_outsider_finds_nothing_of_duong_quang_in_lists(client, world, outsider):
    client.force_login(outsider)

    pages = {name: client.get(reverse(name) + "?year=2023") for name in LIST_URLS}

    assert {name: page.status_code for name, page in pages.items()} == dict.fromkeys(LIST_URLS, 200)
    assert [p.title for p in pages["training:plan-list"].context["page"].items] == [
        "Kế hoạch huấn luyện dân quân phường Sông Cầu"
    ]
    assert [s.plan.title for s in pages["training:summary"].context["summary"].plans] == [
        "Kế hoạch huấn luyện dân quân phường Sông Cầu"
    ]
    assert [c.title for c in pages["training:course-list"].context["page"].items] == [
        "Bồi dưỡng chủ doanh nghiệp"
    ]
    assert [p.full_name for p in pages["training:propagandist-list"].context["page"].items] == [
        "Đinh Thị Mai"
    ]
    for name in ("training:plan-list", "training:course-list", "training:propagandist-list"):
        assert "Dương Quang" not in pages[name].content.decode(), name


def test_the_leader_reads_but_every_change_is_403(client, world, tree, leader):
    client.force_login(leader)
    before = rows()
    data = everything(world, tree)

    for url in [*(reverse(name) for name in LIST_URLS), *object_reads(world)]:
        assert client.get(url).status_code == 200, url
    for url in [
        *change_urls(world),
        *(reverse(name) for name in CREATE_URLS),
        reverse("training:plan-approve", args=[world["dq_plan"].pk]),
    ]:
        assert client.get(url).status_code == 403, url
        assert client.post(url, data).status_code == 403, url
    for url in post_only_urls(world):
        assert client.post(url, data).status_code == 403, url

    assert rows() == before


@pytest.mark.parametrize("persona", ["commune_officer", "command_staff"])
def test_writers_open_every_page(client, world, request, persona):
    client.force_login(request.getfixturevalue(persona))

    for url in [
        *(reverse(name) for name in [*LIST_URLS, *CREATE_URLS]),
        *object_reads(world),
        *change_urls(world),
    ]:
        assert client.get(url).status_code == 200, url


def test_a_commune_officer_may_not_approve_his_own_plan(client, world, tree, commune_officer):
    from qsdp.training.tests.factories import plan

    draft = plan(tree.duong_quang, year=2024, approved_on=None)
    client.force_login(commune_officer)
    before = rows()
    url = reverse("training:plan-approve", args=[draft.pk])

    assert (client.get(url).status_code, client.post(url, everything(world, tree)).status_code) == (
        403, 403
    )  # fmt: skip
    assert (
        client.get(reverse("training:plan-detail", args=[draft.pk])).context["can_approve"] is False
    )
    assert rows() == before


@pytest.mark.parametrize(
    ("name", "partial"),
    [
        ("training:plan-list", "training/partials/plan_rows.html"),
        ("training:course-list", "training/partials/course_rows.html"),
        ("training:propagandist-list", "training/partials/propagandist_rows.html"),
    ],
)
def test_a_list_answers_htmx_with_its_rows_only(client, world, commune_officer, name, partial):
    client.force_login(commune_officer)

    response = client.get(reverse(name), HTTP_HX_REQUEST="true")

    assert response.templates[0].name == partial
    assert "<html" not in response.content.decode()
