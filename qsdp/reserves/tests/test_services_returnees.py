from datetime import date

import pytest

from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent
from qsdp.military_service.services import (
    discharge_record,
    reserve_registration_record,
    return_home_record,
)
from qsdp.military_service.tests.factories import enlisted, quotas
from qsdp.people.tests.factories import create_person
from qsdp.reserves.selectors import returnees_awaiting
from qsdp.reserves.services import reservist_register_from_returnee
from qsdp.reserves.services.returnees import full_months
from qsdp.reserves.tests.factories import rows

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (date(2024, 2, 26), date(2026, 2, 26), 24),
        (date(2024, 2, 26), date(2026, 2, 25), 23),
        (date(2024, 1, 31), date(2024, 2, 29), 1),
        (date(2024, 1, 31), date(2024, 2, 28), 0),
        (date(2024, 3, 1), date(2024, 8, 31), 5),
    ],
)
def test_full_months_of_service(start, end, months):
    assert full_months(start, end) == months


def _returnee(tree, name, *, discharged_on, registered_on):  # type: ignore[no-untyped-def]
    """A man of Dương Quang handed over on 26/02/2024, discharged, home, registered."""
    (person,) = enlisted(tree, [name], year=2024)
    discharge_record(
        actor=None, person=person, decided_on=discharged_on, decision_number="12/QĐ-e3"
    )
    return_home_record(actor=None, person=person, returned_on=discharged_on)
    reserve_registration_record(actor=None, person=person, registered_on=registered_on)
    return person


@pytest.fixture
def returnee(tree):
    quotas(tree, year=2024, duong_quang=1, song_cau=None)
    return _returnee(tree, "An", discharged_on=date(2026, 2, 26), registered_on=date(2026, 3, 5))


def test_a_returnee_is_recorded_as_a_class_1_discharged_soldier(tree, returnee, commune_officer):
    assert list(returnees_awaiting(user=commune_officer)) == [returnee]

    reservist = reservist_register_from_returnee(
        actor=commune_officer, person=returnee, on=date(2026, 3, 5)
    )

    assert (
        reservist.reserve_class,
        reservist.source,
        reservist.registered_on,
        reservist.managed_by,
    ) == (1, "discharged_nco_soldier", date(2026, 3, 5), tree.duong_quang)
    assert AuditEvent.objects.filter(verb="reservist.registered_from_returnee").count() == 1
    assert list(returnees_awaiting(user=commune_officer)) == []


def test_a_returnee_of_under_6_months_is_class_2(tree):
    quotas(tree, year=2024, duong_quang=1, song_cau=None)
    person = _returnee(
        tree, "Bình", discharged_on=date(2024, 8, 20), registered_on=date(2024, 8, 26)
    )

    reservist = reservist_register_from_returnee(actor=None, person=person, on=date(2024, 8, 26))

    assert reservist.reserve_class == 2


def test_a_person_without_a_reserve_registration_is_refused(tree):
    person = create_person(tree.duong_quang, given_name="Cường")
    before = rows()

    with pytest.raises(DomainError) as refused:
        reservist_register_from_returnee(actor=None, person=person, on=date(2026, 3, 5))

    assert refused.value.message == (
        "Nguyễn Văn Cường chưa có đăng ký phục vụ trong ngạch dự bị ở sổ nghĩa vụ quân sự: cần "
        "ghi ở đó trước."
    )
    assert rows() == before


def test_the_date_cannot_precede_the_reserve_registration(tree, returnee):
    before = rows()

    with pytest.raises(DomainError) as refused:
        reservist_register_from_returnee(actor=None, person=returnee, on=date(2026, 3, 4))

    assert refused.value.message == "Ngày này trước ngày đăng ký ngạch dự bị (05/03/2026)."
    assert rows() == before


def test_the_outsider_sees_no_returnee_of_duong_quang(tree, returnee, outsider, command_staff):
    assert list(returnees_awaiting(user=outsider)) == []
    assert list(returnees_awaiting(user=command_staff)) == [returnee]
