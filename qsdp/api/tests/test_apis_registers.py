"""The register lists through the API: anonymous 401, nothing of Dương Quang
for a Sông Cầu token, the officer and the leader read their area."""

from datetime import date

import pytest
from rest_framework.test import APIClient

from qsdp.api.tests.factories import token_client
from qsdp.core.models import AccessLog
from qsdp.militia.services.members import member_leave
from qsdp.reserves.services.reservists import reservist_remove


def _lists(dq, sc, tree):  # type: ignore[no-untyped-def]
    """(url, params, the id the officer sees of Dương Quang, of Sông Cầu)."""
    return [
        ("/api/v1/military-service/registrations/", {"year": 2023}, dq.registration.pk,
         sc.registration.pk),
        ("/api/v1/military-service/candidates/", {"call_up_year": 2026}, dq.candidate.pk,
         sc.candidate.pk),
        ("/api/v1/reserves/reservists/", {}, dq.reservist.pk, sc.reservist.pk),
        ("/api/v1/militia/members/", {}, dq.member.pk, sc.member.pk),
        ("/api/v1/reports/submissions/", {"year": 2023}, dq.submission.pk, sc.submission.pk),
        (f"/api/v1/people/{dq.person.pk}/service-events/", {"page_size": 1}, dq.registration.pk,
         None),
    ]  # fmt: skip


def _details(dq):  # type: ignore[no-untyped-def]
    return [
        f"/api/v1/reserves/reservists/{dq.reservist.pk}/",
        f"/api/v1/militia/members/{dq.member.pk}/",
        f"/api/v1/people/{dq.person.pk}/service-events/",
    ]


def _ids(response) -> list[int]:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


ENDPOINTS = [
    "/api/v1/military-service/registrations/?year=2023",
    "/api/v1/military-service/quotas/?call_up_year=2026",
    "/api/v1/military-service/candidates/?call_up_year=2026",
    "/api/v1/reserves/reservists/",
    "/api/v1/reserves/reservists/1/",
    "/api/v1/militia/members/",
    "/api/v1/militia/members/1/",
    "/api/v1/people/1/service-events/",
    "/api/v1/org-units/",
    "/api/v1/indicators/?org_unit=1&year=2023",
    "/api/v1/reports/submissions/?year=2023",
    "/api/v1/reports/annual/?org_unit=1&year=2023",
    "/api/v1/schema/",
]


@pytest.mark.parametrize("url", ENDPOINTS)
def test_anonymous_gets_a_401(db, url):
    response = APIClient().get(url, HTTP_ACCEPT="application/json")

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_the_officer_reads_his_commune_only(records, commune_officer, tree):
    dq, sc = records
    client = token_client(commune_officer)

    for url, params, dq_id, _sc_id in _lists(dq, sc, tree):
        assert _ids(client.get(url, params)) == [dq_id], url


def test_a_song_cau_token_reads_nothing_of_duong_quang(records, outsider, tree):
    dq, sc = records
    client = token_client(outsider)

    for url, params, _dq_id, sc_id in _lists(dq, sc, tree):
        if sc_id is None:
            continue
        assert _ids(client.get(url, params)) == [sc_id], url
        filtered = client.get(url, {**params, "org_unit": tree.duong_quang.pk})
        assert filtered.status_code == 404, url
    for url in _details(dq):
        assert client.get(url).status_code == 404, url
    quota_units = [
        row["org_unit"]["name"]
        for row in client.get("/api/v1/military-service/quotas/", {"call_up_year": 2026}).json()[
            "results"
        ]
    ]
    assert quota_units == ["Phường Sông Cầu"]
    tree_names = {row["name"] for row in client.get("/api/v1/org-units/").json()["results"]}
    assert tree_names == {"Phường Sông Cầu"}
    for url in ("/api/v1/indicators/", "/api/v1/reports/annual/"):
        response = client.get(url, {"org_unit": tree.duong_quang.pk, "year": 2023})
        assert response.status_code == 404, url
    assert not AccessLog.objects.filter(person_id=dq.person.pk).exists()


def test_the_leader_reads_the_whole_city(records, leader, tree):
    dq, sc = records
    client = token_client(leader)

    for url, params, dq_id, sc_id in _lists(dq, sc, tree):
        expected = {dq_id} | ({sc_id} if sc_id else set())
        assert set(_ids(client.get(url, params))) == expected, url


def test_the_quota_tree_with_what_is_handed_down(records, command_staff, tree):
    rows = (
        token_client(command_staff)
        .get("/api/v1/military-service/quotas/", {"call_up_year": 2026})
        .json()["results"]
    )

    assert [(r["org_unit"]["name"], r["number"], r["depth"], r["remainder"]) for r in rows] == [
        ("Thành phố Bắc Kạn", 2, 0, 0),
        ("Xã Dương Quang", 1, 1, 1),
        ("Phường Sông Cầu", 1, 1, 1),
    ]


def test_service_events_mask_the_health_class_unless_disclosed(records, commune_officer):
    dq, _ = records
    client = token_client(commune_officer)
    url = f"/api/v1/people/{dq.person.pk}/service-events/"

    masked = client.get(url).json()["results"]
    assert [(e["kind"], e["health_class"]) for e in masked] == [
        ("first_registration", None),
        ("health_exam", None),
    ]
    assert not AccessLog.objects.exists()

    disclosed = client.get(url, {"sensitive": "true"}).json()["results"]
    assert [e["health_class"] for e in disclosed] == [None, 2]
    log = AccessLog.objects.get()
    assert (log.person_id, log.purpose) == (dq.person.pk, "api.service_events")
    assert "health_class" in log.fields


def test_the_reservist_health_class_is_disclosed_to_the_officer_only(
    records, commune_officer, leader
):
    dq, _ = records
    url = f"/api/v1/reserves/reservists/{dq.reservist.pk}/"

    assert token_client(leader).get(url, {"sensitive": "1"}).json()["health_class"] is None
    assert token_client(commune_officer).get(url).json()["health_class"] is None
    assert not AccessLog.objects.exists()
    assert token_client(commune_officer).get(url, {"sensitive": "1"}).json()["health_class"] == 1
    assert AccessLog.objects.get().purpose == "api.reservist_detail"


def test_the_reservist_removal_reason_is_masked_unless_the_officer_discloses_it(
    records, commune_officer, leader
):
    dq, _ = records
    reservist_remove(actor=None, reservist=dq.reservist, on=date(2025, 1, 10), reason="moved_away")
    url = f"/api/v1/reserves/reservists/{dq.reservist.pk}/"

    listed = token_client(leader).get("/api/v1/reserves/reservists/", {"status": "removed"})
    assert [r["removal_reason"] for r in listed.json()["results"]] == [None]
    assert token_client(leader).get(url, {"sensitive": "1"}).json()["removal_reason"] is None
    assert not AccessLog.objects.exists()
    shown = token_client(commune_officer).get(url, {"sensitive": "1"}).json()
    assert shown["removal_reason"] == "moved_away"
    assert "removal_reason" in AccessLog.objects.get().fields


def test_the_militia_leave_reason_is_masked_unless_the_officer_discloses_it(
    records, commune_officer, leader
):
    dq, _ = records
    member_leave(actor=None, member=dq.member, left_on=date(2025, 1, 10), reason="moved_away")
    url = f"/api/v1/militia/members/{dq.member.pk}/"

    listed = token_client(commune_officer).get("/api/v1/militia/members/", {"status": "left"})
    assert [m["leave_reason"] for m in listed.json()["results"]] == [None]
    assert token_client(leader).get(url, {"sensitive": "1"}).json()["leave_reason"] is None
    assert not AccessLog.objects.exists()
    shown = token_client(commune_officer).get(url, {"sensitive": "1"}).json()
    assert shown["leave_reason"] == "moved_away"
    log = AccessLog.objects.get()
    assert (log.purpose, log.person_id, log.fields) == (
        "api.militia_member_detail", dq.member.person_id, ["leave_reason"],
    )  # fmt: skip


def test_the_org_unit_tree_as_of_a_date(commune_officer, tree):
    client = token_client(commune_officer)

    names = [r["name"] for r in client.get("/api/v1/org-units/").json()["results"]]
    before = client.get("/api/v1/org-units/", {"on": "1999-12-31"}).json()["results"]

    assert names == ["Xã Dương Quang", "Thôn Nà Pài"]
    assert before == []


def test_the_indicators_of_a_unit_and_year(records, commune_officer, tree):
    response = token_client(commune_officer).get(
        "/api/v1/indicators/", {"org_unit": tree.duong_quang.pk, "year": 2026}
    )

    body = response.json()
    assert body["org_unit"]["name"] == "Xã Dương Quang"
    by_code = {row["code"]: row for row in body["indicators"]}
    assert by_code["call_up.quota"]["value"] == 1
    assert by_code["call_up.quota"]["label"] != "call_up.quota"
    assert by_code["militia.count"]["numerator"] == 1


@pytest.mark.parametrize(
    "params", [{}, {"year": "x"}, {"year": 1800}, {"year": 2023, "org_unit": 0}]
)
def test_bad_parameters_are_a_400(commune_officer, params):
    response = token_client(commune_officer).get("/api/v1/reports/submissions/", params)

    assert response.status_code == 400
    assert response.json()["code"] == "invalid"


def test_the_refusals_of_drf_itself_are_in_vietnamese(commune_officer, tree):
    client = token_client(commune_officer)

    bad_year = client.get("/api/v1/reports/submissions/", {"year": "x"}).json()
    far_page = client.get("/api/v1/org-units/", {"page": 99}).json()

    assert bad_year["message"] == "Cần một số nguyên hợp lệ."
    assert (far_page["code"], far_page["message"]) == ("not_found", "Trang không hợp lệ.")
