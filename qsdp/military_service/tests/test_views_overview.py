"""The overview of a year: the indicators of the user's area, with what they are made of."""

import pytest
from django.urls import reverse
from django.utils import timezone

from qsdp.military_service import rules
from qsdp.military_service.tests.factories import enlisted, quotas

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_2026(tree):
    quotas(tree, duong_quang=2, song_cau=3)
    enlisted(tree, ["An", "Bình", "Cường"])


def cards(response):
    return {
        unit.name: {str(card.label): (card.figure, card.sentence) for card in unit_cards}
        for unit, unit_cards in response.context["areas"]
    }


def test_the_city_sees_its_quota_fulfilment_in_figures(client, year_2026, command_staff):
    client.force_login(command_staff)

    response = client.get(reverse("military_service:overview"), {"year": 2026})

    city = cards(response)["Thành phố Bắc Kạn"]
    assert city["Chỉ tiêu gọi nhập ngũ"] == ("10", "")
    assert city["Đã giao quân"] == ("2", "")
    assert city["Hoàn thành chỉ tiêu"] == ("20%", "Đạt 20% chỉ tiêu (2/10)")
    assert city["Đăng ký ngạch dự bị đúng hạn"] == ("—", "—% đăng ký đúng hạn (0/0)")
    html = response.content.decode()
    assert "Đạt 20% chỉ tiêu (2/10)" in html
    assert f'href="{reverse("military_service:quota-tree")}?year=2026"' in html


def test_one_unit_of_the_area(client, year_2026, tree, command_staff):
    client.force_login(command_staff)

    response = client.get(
        reverse("military_service:overview"), {"year": 2026, "org_unit": tree.duong_quang.pk}
    )

    assert cards(response)["Xã Dương Quang"]["Hoàn thành chỉ tiêu"] == (
        "100%", "Đạt 100% chỉ tiêu (2/2)",
    )  # fmt: skip


def test_the_year_defaults_to_the_current_call_up(client, commune_officer):
    client.force_login(commune_officer)

    response = client.get(reverse("military_service:overview"))

    assert response.context["year"] == rules.call_up_year_on(timezone.localdate())
    assert list(cards(response)) == ["Xã Dương Quang"]
