"""The military-service panel on the person page (through qsdp.core.panels)."""

from datetime import date

import pytest
from django.urls import reverse

from qsdp.military_service.tests.factories import examined, man, registered
from qsdp.people.tests.factories import create_person

pytestmark = pytest.mark.django_db


def panel(response):
    (found,) = [p for p in response.context["panels"] if p.key == "military_service"]
    return found.html


def test_the_panel_shows_status_age_timeline_and_the_next_events(client, tree, commune_officer):
    an = registered(tree.duong_quang, given_name="An", born=date(2004, 5, 10))
    examined(an, on=date(2025, 11, 20), health_class=2)
    client.force_login(commune_officer)

    response = client.get(reverse("people:person-detail", args=[an.pk]))

    html = panel(response)
    assert "<strong>Đã đăng ký</strong>" in html
    assert "trong độ tuổi gọi nhập ngũ đến 09/05/2030 — Luật NVQS 2015 Điều 30" in html
    assert "<strong>20/11/2025</strong> — Khám sức khỏe" in html
    assert "sức khỏe loại 2" in html
    exam = reverse("military_service:health-exam-record", args=[an.pk])
    defer = reverse("military_service:deferral-decide", args=[an.pk]) + "?outcome=deferral"
    assert f'href="{exam}"' in html
    assert f'href="{defer}"' in html
    assert reverse("military_service:first-registration-record", args=[an.pk]) not in html


def test_a_man_not_registered_is_offered_the_first_registration(client, tree, commune_officer):
    binh = man(tree.duong_quang, given_name="Bình", born=date(2008, 3, 1))
    client.force_login(commune_officer)

    html = panel(client.get(reverse("people:person-detail", args=[binh.pk])))

    assert "<strong>Chưa đăng ký</strong>" in html
    assert "Chưa có gì được ghi nhận." in html
    assert html.count('role="button"') == 1
    assert reverse("military_service:first-registration-record", args=[binh.pk]) in html


def test_the_leader_sees_the_panel_without_buttons(client, tree, leader):
    an = registered(tree.duong_quang, given_name="An")
    client.force_login(leader)

    html = panel(client.get(reverse("people:person-detail", args=[an.pk])))

    assert "<strong>Đã đăng ký</strong>" in html
    assert 'role="button"' not in html


def test_a_woman_with_no_record_has_no_panel(client, tree, commune_officer):
    hoa = create_person(
        tree.duong_quang, given_name="Hoa", sex="female", birth_date=date(2006, 1, 5)
    )
    client.force_login(commune_officer)

    response = client.get(reverse("people:person-detail", args=[hoa.pk]))

    assert "military_service" not in [p.key for p in response.context["panels"]]
