"""The auditor's pages: the audit trail and the access log searched by person,
user, date and field; the data-subject report. Persona matrix on each."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from qsdp.accounts.models import Role
from qsdp.accounts.tests.factories import RoleAssignmentFactory, UserFactory
from qsdp.core.audit import record_access, record_event
from qsdp.core.models import AccessLog, AuditEvent
from qsdp.people.tests.factories import create_person

pytestmark = pytest.mark.django_db


def _at(row, year, month, day):
    type(row).objects.filter(pk=row.pk).update(at=datetime(year, month, day, 3, 0, tzinfo=UTC))


@pytest.fixture
def people(tree):
    an = create_person(tree.duong_quang, family_name="Nguyễn", middle_name="Văn", given_name="An")
    binh = create_person(tree.duong_quang, family_name="Lê", middle_name="Văn", given_name="Bình")
    cuong = create_person(tree.song_cau, family_name="Trần", middle_name="", given_name="Cường")
    return an, binh, cuong


@pytest.fixture
def reads(people, commune_officer, command_staff, leader):
    """Reads of An's health result in 2023 (two) and 2024, of his religion in
    2023, and of Bình's health result in 2023."""
    an, binh, _cuong = people

    def read(actor, person, fields, when):
        row = record_access(
            actor=actor, target=person, fields=fields, purpose="test", person_id=person.pk
        )
        _at(row, *when)
        return row

    return [
        read(commune_officer, an, ["health_class"], (2023, 3, 1)),
        read(command_staff, an, ["health_class"], (2023, 11, 20)),
        read(command_staff, an, ["health_class"], (2024, 1, 5)),
        read(commune_officer, an, ["ethnicity", "religion"], (2023, 6, 1)),
        read(commune_officer, binh, ["health_class"], (2023, 6, 1)),
    ]


@pytest.fixture
def other_auditor(tree):
    user = UserFactory(username="auditor_sc")
    RoleAssignmentFactory(user=user, role=Role.AUDITOR, org_unit=tree.song_cau)
    return user


def _rows(response):
    return [
        (row["entry"].actor.username, row["entry"].at.date().isoformat())
        for row in response.context["rows"]
    ]


def test_who_read_the_health_result_of_this_person_in_2023(client, auditor, people, reads):
    an = people[0]
    client.force_login(auditor)

    response = client.get(
        reverse("audit:log"),
        {
            "kind": "access",
            "person": an.national_id,
            "field": "health_class",
            "start": "2023-01-01",
            "end": "2023-12-31",
        },
    )

    assert response.status_code == 200
    assert _rows(response) == [("staff_city", "2023-11-20"), ("officer_dq", "2023-03-01")]
    assert response.context["page"].total == 2


def test_the_person_is_found_by_name_without_diacritics(client, auditor, people, reads):
    client.force_login(auditor)

    response = client.get(
        reverse("audit:log"), {"kind": "access", "person": "nguyen van an", "field": "religion"}
    )

    assert _rows(response) == [("officer_dq", "2023-06-01")]
    assert [p.pk for p in response.context["people"]] == [people[0].pk]
    assert reverse("audit:subject-report", args=[people[0].pk]) in response.content.decode()


def test_the_access_log_is_searched_by_user(client, auditor, people, reads):
    client.force_login(auditor)

    response = client.get(reverse("audit:log"), {"kind": "access", "user": "staff_city"})

    assert _rows(response) == [("staff_city", "2024-01-05"), ("staff_city", "2023-11-20")]


def test_changes_show_before_and_after_with_sensitive_values_masked(
    client, auditor, people, commune_officer
):
    an = people[0]
    event = record_event(
        actor=commune_officer,
        verb="person.updated",
        target=an,
        person_id=an.pk,
        changes={"occupation": ["Làm nông", "Công nhân"], "religion": ["none", "buddhism"]},
    )
    _at(event, 2023, 5, 2)
    client.force_login(auditor)

    response = client.get(
        reverse("audit:log"), {"person": an.national_id, "start": "2023-05-01", "end": "2023-05-31"}
    )

    rows = response.context["rows"]
    assert [row["entry"].verb for row in rows] == ["person.updated"]
    assert [(c.field, c.before, c.after) for c in rows[0]["changes"]] == [
        ("occupation", "Làm nông", "Công nhân"),
        ("religion", "•••", "•••"),
    ]
    html = response.content.decode()
    assert "<del>Làm nông</del> → <ins>Công nhân</ins>" in html
    assert "buddhism" not in html


def test_the_log_is_paginated(client, auditor, people, commune_officer, settings):
    settings.QSDP_PAGE_SIZE = 2
    an = people[0]
    for _ in range(3):
        record_access(actor=commune_officer, target=an, fields=["x"], purpose="t", person_id=an.pk)
    client.force_login(auditor)

    first = client.get(reverse("audit:log"), {"kind": "access"})
    second = client.get(reverse("audit:log"), {"kind": "access", "page": 2})

    assert len(first.context["rows"]) == 2
    assert first.context["page"].has_next
    assert len(second.context["rows"]) == 1


def test_an_htmx_request_gets_only_the_rows(client, auditor, people, reads):
    client.force_login(auditor)

    response = client.get(reverse("audit:log"), {"kind": "access"}, HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert '<table id="audit-rows">' in html
    assert "<html" not in html


def test_an_auditor_of_another_commune_sees_none_of_its_rows(client, other_auditor, people, reads):
    client.force_login(other_auditor)

    response = client.get(reverse("audit:log"), {"kind": "access"})

    assert response.context["page"].total == 0


# Persona matrix.


@pytest.mark.parametrize("name", ["audit:log", "audit:subject-report", "audit:subject-report-pdf"])
def test_anonymous_is_sent_to_the_login(client, people, name):
    url = reverse(name) if name == "audit:log" else reverse(name, args=[people[0].pk])

    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("persona", ["commune_officer", "command_staff", "leader"])
def test_who_is_not_an_auditor_gets_403(client, request, people, persona):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(reverse("audit:log")).status_code == 403
    assert client.get(reverse("audit:subject-report", args=[people[0].pk])).status_code == 403


def test_the_report_of_a_person_outside_the_auditors_area_is_404(client, other_auditor, people):
    client.force_login(other_auditor)

    assert client.get(reverse("audit:subject-report", args=[people[0].pk])).status_code == 404
    assert client.get(reverse("audit:subject-report", args=[people[2].pk])).status_code == 200


def test_the_pages_are_read_only(client, auditor, people):
    client.force_login(auditor)
    before = (AuditEvent.objects.count(), AccessLog.objects.count())

    assert client.post(reverse("audit:log")).status_code == 405
    assert client.post(reverse("audit:subject-report", args=[people[0].pk])).status_code == 405
    assert (AuditEvent.objects.count(), AccessLog.objects.count()) == before


def test_the_admin_is_an_auditor_everywhere(client, admin_user, people, reads):
    client.force_login(admin_user)

    response = client.get(reverse("audit:log"), {"kind": "access"})

    assert response.context["page"].total == 5


# The data-subject report.


def test_the_report_lists_what_is_held_where_it_came_from_and_who_read_it(
    client, auditor, people, reads
):
    an = people[0]
    client.force_login(auditor)

    response = client.get(reverse("audit:subject-report", args=[an.pk]))

    report = response.context["report"]
    person_fields = {f.name: (f.value, f.data_class) for f in report.records[0].fields}
    assert report.records[0].label == "people.person"
    assert person_fields["family_name"] == ("Nguyễn", "basic")
    assert person_fields["national_id"] == (an.national_id, "basic")
    assert person_fields["religion"][1] == "sensitive"
    assert "search_name" not in person_fields  # technical fields describe no one
    assert [r.label for r in report.records[1:]] == ["people.residence"]
    assert [e.verb for e in report.events] == ["person.created"]
    assert [(r.actor.username, r.fields) for r in report.reads] == [
        ("officer_dq", ["health_class"]),
        ("officer_dq", ["ethnicity", "religion"]),
        ("staff_city", ["health_class"]),
        ("staff_city", ["health_class"]),
    ]
    html = response.content.decode()
    assert "Nguyễn Văn An" in html


def test_producing_the_report_is_logged(client, auditor, people):
    an = people[0]
    client.force_login(auditor)

    client.get(reverse("audit:subject-report", args=[an.pk]))

    log = AccessLog.objects.get(actor=auditor)
    assert (log.person_id, log.purpose, log.fields) == (
        an.pk,
        "audit.data_subject_report",
        ["ethnicity", "religion"],
    )


def test_the_report_as_pdf(client, auditor, people):
    client.force_login(auditor)

    response = client.get(reverse("audit:subject-report-pdf", args=[people[0].pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
