"""The persona matrix on every military-service page: anonymous, out of scope,
read-only, allowed. Denied requests change nothing."""

from datetime import date

import pytest
from django.urls import reverse

from qsdp.military_service.services import deferral_decide
from qsdp.military_service.tests.documents import pdf_text, xlsx_text
from qsdp.military_service.tests.factories import (
    approved_list,
    counts,
    examined,
    order,
    quotas,
    registered,
)
from qsdp.military_service.views import STAGE_LISTS

pytestmark = pytest.mark.django_db

PERSON_PAGES = [
    "first-registration-record",
    "supplementary-registration-record",
    "temporary-absence-record",
    "absence-return-record",
    "pre-screening-record",
    "health-exam-record",
    "education-check-record",
    "political-check-record",
    "deferral-decide",
    "deferral-end",
    "enlistment-record",
    "discharge-record",
    "return-home-record",
    "reserve-registration-record",
]
CANDIDATE_PAGES = ["candidate-substitute", "order-issue"]
UNIT_PAGES = ["candidate-list-build", "candidate-list-approve", "order-issue-all"]
# A post that would change something if it were allowed: every field any form needs.
EVERYTHING = {
    "registered_on": "10/04/2026", "channel": "in_person", "on": "10/04/2026",
    "occupation": "Thợ mộc", "left_on": "10/04/2026", "planned_months": "6",
    "returned_on": "10/04/2026", "screened_on": "10/04/2026", "call_up_year": "2026",
    "passed": "True", "examined_on": "10/04/2026", "health_class": "1",
    "checked_on": "10/04/2026", "completed_grade": "12", "checked_by": "Lò Văn Tú",
    "outcome": "deferral", "reason_code": "sibling_on_active_duty", "decided_on": "10/04/2026",
    "valid_until": "10/04/2027", "ended_on": "10/04/2026", "reason": "Hết lý do",
    "handover_on": "04/03/2026", "decision_number": "5/QĐ", "approved_on": "10/01/2026",
    "issued_on": "20/01/2026", "report_on": "04/03/2026", "report_place": "Sân vận động",
    "org_unit": "", "number": "1",
}  # fmt: skip


@pytest.fixture
def world(tree):
    """Dương Quang 2026: quota 2; An and Bình on the approved primary list, Cường
    on the reserve list; An has order 1/LGNN; Dũng is deferred."""
    quotas(tree, duong_quang=2, song_cau=3)
    for name in ("An", "Bình", "Cường"):
        examined(registered(tree.duong_quang, given_name=name))
    candidates = approved_list(tree.duong_quang)
    first = order(candidates[0])
    dung = registered(tree.duong_quang, given_name="Dũng")
    deferral_decide(
        actor=None, person=dung, reason_code="sibling_on_active_duty",
        decided_on=date(2025, 9, 1), valid_until=date(2026, 9, 1), call_up_year=2026,
    )  # fmt: skip
    return {
        "person": candidates[0].person,
        "candidate": candidates[0],
        "order": first,
        "unit": tree.duong_quang,
    }


def list_urls(world):
    unit = world["unit"].pk
    query = f"?year=2026&org_unit={unit}"
    return [
        reverse("military_service:overview") + "?year=2026",
        reverse("military_service:january-list") + "?year=2025",
        reverse("military_service:registration-list") + "?year=2021",
        reverse("military_service:overdue-transfer-list"),
        reverse("military_service:deferral-list") + "?year=2026",
        reverse("military_service:recheck-list") + "?year=2026",
        reverse("military_service:public-deferral-list") + query,
        reverse("military_service:quota-tree") + "?year=2026",
        reverse("military_service:candidate-list") + "?year=2026",
        reverse("military_service:order-list") + "?year=2026",
        reverse("military_service:ready-register") + "?on=05/01/2026",
        reverse("military_service:returnee-list") + "?year=2026",
    ]


def document_urls(world):
    query = f"?year=2026&org_unit={world['unit'].pk}"
    return [
        reverse("military_service:public-deferral-document", args=["pdf"]) + query,
        reverse("military_service:public-deferral-document", args=["xlsx"]) + query,
        reverse("military_service:order-print") + "?year=2026",
        reverse("military_service:order-print-one", args=[world["order"].pk]),
        reverse("military_service:ready-register-document", args=["xlsx"]) + "?on=05/01/2026",
        reverse("military_service:ready-register-document", args=["pdf"]) + "?on=05/01/2026",
        *(
            reverse("military_service:stage-list-document", args=[name, kind]) + query
            for name in STAGE_LISTS
            for kind in ("pdf", "xlsx")
        ),
    ]


def change_urls(world):
    return [
        *(reverse(f"military_service:{n}", args=[world["person"].pk]) for n in PERSON_PAGES),
        *(reverse(f"military_service:{n}", args=[world["candidate"].pk]) for n in CANDIDATE_PAGES),
        *(reverse(f"military_service:{n}", args=[world["unit"].pk]) for n in UNIT_PAGES),
    ]


def test_anonymous_is_sent_to_login_everywhere(client, world):
    quota = reverse("military_service:quota-assign")
    for url in [*list_urls(world), *document_urls(world), *change_urls(world), quota]:
        for response in (client.get(url), client.post(url, EVERYTHING)):
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("accounts:login")), url


def test_an_officer_of_another_commune_finds_nothing_of_duong_quang(client, world, outsider):
    client.force_login(outsider)
    before = counts()

    for url in change_urls(world):
        assert client.get(url).status_code == 404, url
        assert client.post(url, EVERYTHING).status_code == 404, url
    for url in list_urls(world):
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert ("Nguyễn Văn An" in html, "Nguyễn Văn Dũng" in html) == (False, False), url
    assert client.get(document_urls(world)[3]).status_code == 404  # An's order
    assert client.get(document_urls(world)[2]).status_code == 404  # no order of his to print
    for url in document_urls(world)[6:]:  # the stage lists: his own commune's, empty
        response = client.get(url)
        text = xlsx_text(response.content) if ".xlsx" in url else pdf_text(response.content)
        assert response.status_code == 200, url
        assert ("Nguyễn Văn An" in text, "Nguyễn Văn Dũng" in text) == (False, False), url
    assert counts() == before


def test_the_leader_reads_every_list_and_document_but_changes_nothing(client, world, leader):
    client.force_login(leader)
    before = counts()

    for url in [*list_urls(world), *document_urls(world)]:
        assert client.get(url).status_code == 200, url
    for url in [*change_urls(world), reverse("military_service:quota-assign")]:
        assert client.get(url).status_code == 403, url
        post = {**EVERYTHING, "org_unit": world["unit"].pk}
        assert client.post(url, post).status_code == 403, url
    assert counts() == before


@pytest.mark.parametrize("persona", ["commune_officer", "command_staff"])
def test_the_officers_of_the_area_open_every_page(client, world, persona, request):
    client.force_login(request.getfixturevalue(persona))

    for url in [*list_urls(world), *document_urls(world)]:
        assert client.get(url).status_code == 200, url
    for name in PERSON_PAGES:
        url = reverse(f"military_service:{name}", args=[world["person"].pk])
        assert client.get(url).status_code == 200, url
    for name in CANDIDATE_PAGES:
        url = reverse(f"military_service:{name}", args=[world["candidate"].pk])
        assert client.get(url).status_code == 200, url
