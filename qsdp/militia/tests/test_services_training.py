from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent
from qsdp.militia.models import TrainingRecord
from qsdp.militia.services import training_days_record
from qsdp.militia.tests.factories import member, rows

pytestmark = pytest.mark.django_db


def test_the_days_of_a_year_are_recorded_then_corrected(tree, commune_officer):
    joined = member(tree.duong_quang, start=date(2023, 4, 1))

    training_days_record(actor=commune_officer, member=joined, year=2023, days_done=12)
    training_days_record(actor=commune_officer, member=joined, year=2023, days_done=15)
    training_days_record(actor=commune_officer, member=joined, year=2023, days_done=15)

    assert list(TrainingRecord.objects.values_list("year", "days_done")) == [(2023, 15)]
    assert [
        e.changes["days_done"]
        for e in AuditEvent.objects.filter(verb="militia.training_recorded").order_by("id")
    ] == [[None, 12], [12, 15]]


@pytest.mark.parametrize("days", [-1, 367])
def test_impossible_days_are_refused(tree, days):
    joined = member(tree.duong_quang)
    before = rows()

    with pytest.raises(DomainError) as error:
        training_days_record(actor=None, member=joined, year=2023, days_done=days)

    assert (error.value.code, error.value.message) == (
        "militia_training_days_invalid",
        "Số ngày huấn luyện phải từ 0 đến 366.",
    )
    assert rows() == before


@pytest.mark.parametrize("year", [2022, 2028])
def test_a_year_outside_the_term_is_refused(tree, year):
    joined = member(tree.duong_quang, start=date(2023, 4, 1))
    before = rows()

    with pytest.raises(DomainError) as error:
        training_days_record(actor=None, member=joined, year=year, days_done=7)

    assert (error.value.code, error.value.message) == (
        "militia_training_year_outside_term",
        f"Năm {year} nằm ngoài thời hạn thực hiện nghĩa vụ của dân quân (2023–2027).",
    )
    assert rows() == before


@pytest.mark.parametrize("persona", ["outsider", "leader"])
def test_only_the_communes_writers_may_record_training(tree, request, persona):
    joined = member(tree.duong_quang)
    before = rows()

    with pytest.raises(PermissionDenied):
        training_days_record(
            actor=request.getfixturevalue(persona), member=joined, year=2023, days_done=7
        )

    assert rows() == before
