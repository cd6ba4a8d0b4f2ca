"""Every read of a sensitive field on the pages that show one is logged, and
the roles that do not need it see it masked (and nothing is logged)."""

from datetime import date

import pytest
from django.urls import reverse

from qsdp.core.models import AccessLog
from qsdp.military_service.tests.factories import examined, registered

pytestmark = pytest.mark.django_db


@pytest.fixture
def man(tree):
    person = registered(tree.duong_quang, born=date(2004, 5, 10))
    examined(person, on=date(2023, 11, 20), year=2024, health_class=2)
    return person


def test_the_officer_sees_the_health_class_on_the_person_page_and_the_read_is_logged(
    client, commune_officer, man
):
    client.force_login(commune_officer)

    response = client.get(reverse("people:person-detail", args=[man.pk]))

    assert "sức khỏe loại 2" in response.content.decode()
    assert list(
        AccessLog.objects.values_list("actor__username", "person_id", "fields", "purpose")
    ) == [("officer_dq", man.pk, ["health_class"], "military_service.timeline")]


def test_the_leader_sees_the_health_class_masked_and_nothing_is_logged(client, leader, man):
    client.force_login(leader)

    response = client.get(reverse("people:person-detail", args=[man.pk]))

    html = response.content.decode()
    assert "sức khỏe loại •••" in html
    assert "sức khỏe loại 2" not in html
    assert AccessLog.objects.count() == 0


def test_the_leader_sees_ethnicity_and_religion_masked(client, leader, man):
    client.force_login(leader)

    response = client.get(reverse("people:person-sensitive", args=[man.pk]), HTTP_HX_REQUEST="true")

    assert response.content.decode().strip() == "••• · •••"
    assert AccessLog.objects.count() == 0


def test_the_officer_reads_ethnicity_and_religion_and_it_is_logged(client, commune_officer, man):
    client.force_login(commune_officer)

    client.get(reverse("people:person-sensitive", args=[man.pk]), HTTP_HX_REQUEST="true")

    assert list(AccessLog.objects.values_list("fields", flat=True)) == [["ethnicity", "religion"]]
