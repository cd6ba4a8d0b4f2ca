from datetime import date

import pytest

from qsdp.military_service.tests.factories import registered
from qsdp.militia.selectors import registration_list
from qsdp.militia.services import registration_generate, registration_record
from qsdp.militia.tests.factories import citizen

pytestmark = pytest.mark.django_db


def test_registrations_of_a_year_in_the_users_area(tree, commune_officer, outsider, command_staff):
    registered(tree.duong_quang, given_name="An", born=date(2006, 3, 1), on=date(2023, 4, 10))
    registered(tree.song_cau, given_name="Bình", born=date(2006, 3, 1), on=date(2023, 4, 10))
    registration_generate(actor=None, org_unit=tree.city, year=2023)
    lan = citizen(tree.duong_quang, given_name="Lan", sex="female", born=date(2004, 1, 1))
    registration_record(actor=None, person=lan, registered_on=date(2023, 4, 20))
    registration_record(actor=None, person=lan, registered_on=date(2024, 4, 20))

    def shown(user, **kwargs):  # type: ignore[no-untyped-def]
        return [r.person.given_name for r in registration_list(user=user, **kwargs)]

    assert shown(commune_officer, year=2023) == ["An", "Lan"]
    assert shown(commune_officer, year=2023, source="in_person") == ["Lan"]
    assert shown(outsider, year=2023) == ["Bình"]
    assert shown(command_staff, year=2023, org_unit=tree.song_cau) == ["Bình"]
    assert shown(command_staff, year=2024) == ["Lan"]
