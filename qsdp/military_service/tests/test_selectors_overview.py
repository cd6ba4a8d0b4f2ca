from decimal import Decimal

import pytest
from django.http import Http404

from qsdp.military_service.selectors import area_units, indicator_overview
from qsdp.military_service.tests.factories import enlisted, quotas

pytestmark = pytest.mark.django_db


def values(area):
    return {v.code: (v.value, v.numerator, v.denominator) for v in area.values}


def test_the_area_of_each_persona(tree, commune_officer, command_staff, outsider, admin_user):
    assert area_units(user=commune_officer) == [tree.duong_quang]
    assert area_units(user=outsider) == [tree.song_cau]
    assert area_units(user=command_staff) == [tree.city]
    assert area_units(user=admin_user) == [tree.province]


def test_the_indicators_of_the_users_area(tree, command_staff, commune_officer):
    quotas(tree, duong_quang=2, song_cau=3)
    enlisted(tree, ["An", "Bình", "Cường"])

    (city,) = indicator_overview(user=command_staff, year=2026)
    (commune,) = indicator_overview(user=commune_officer, year=2026)

    assert city.unit == tree.city
    assert values(city)["call_up.quota"] == (10, 10, 1)
    assert values(city)["call_up.fulfilment_pct"] == (Decimal("20.0"), 2, 10)
    assert values(commune)["call_up.fulfilment_pct"] == (Decimal("100.0"), 2, 2)
    assert values(commune)["returnees.registered_on_time_pct"] == (None, 0, 0)
    assert [v.code for v in city.values] == [
        "call_up.quota", "call_up.enlisted", "call_up.fulfilment_pct",
        "first_registration.due", "first_registration.registered_pct",
        "health_exam.examined", "health_exam.fit_pct",
        "returnees.count", "returnees.registered_on_time_pct",
    ]  # fmt: skip


def test_a_unit_outside_the_scope_is_404(tree, outsider):
    with pytest.raises(Http404):
        indicator_overview(user=outsider, year=2026, org_unit=tree.duong_quang)
    assert [a.unit for a in indicator_overview(user=outsider, year=2026)] == [tree.song_cau]
