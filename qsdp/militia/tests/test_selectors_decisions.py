from datetime import date

import pytest
from django.http import Http404

from qsdp.militia.selectors import (
    DecisionFilters,
    duty_decision_get,
    duty_decision_in_force,
    duty_decision_list,
)
from qsdp.militia.services import duty_decision_end, duty_decision_record
from qsdp.militia.tests.factories import citizen

pytestmark = pytest.mark.django_db


def test_a_decision_holds_from_its_day_to_its_end(tree):
    person = citizen(tree.duong_quang)
    decision = duty_decision_record(
        actor=None, person=person, status="student", decided_on=date(2023, 9, 5),
        valid_until=date(2024, 9, 4),
    )  # fmt: skip
    duty_decision_end(actor=None, decision=decision, ended_on=date(2024, 6, 1), reason="x")

    def holds(on):  # type: ignore[no-untyped-def]
        return duty_decision_in_force(person_id=person.pk, on=on) == decision

    assert [holds(d) for d in (date(2023, 9, 4), date(2023, 9, 5), date(2024, 5, 31))] == [
        False,
        True,
        True,
    ]
    assert holds(date(2024, 6, 1)) is False


def test_the_list_is_scoped_and_filtered(tree, commune_officer, outsider):
    an = citizen(tree.duong_quang, given_name="An")
    binh = citizen(tree.duong_quang, given_name="Bình")
    cuong = citizen(tree.song_cau, given_name="Cường")
    duty_decision_record(actor=None, person=an, status="cipher_worker", decided_on=date(2023, 1, 1))
    deferral = duty_decision_record(
        actor=None, person=binh, status="student", decided_on=date(2023, 1, 1),
        valid_until=date(2023, 12, 31),
    )  # fmt: skip
    duty_decision_record(
        actor=None, person=cuong, status="cipher_worker", decided_on=date(2023, 1, 1)
    )

    def shown(user, **filters):  # type: ignore[no-untyped-def]
        return [
            d.person.given_name
            for d in duty_decision_list(user=user, filters=DecisionFilters(**filters))
        ]

    assert shown(commune_officer) == ["An", "Bình"]
    assert shown(commune_officer, outcome="deferral_of_militia_duty") == ["Bình"]
    assert shown(commune_officer, in_force_on=date(2024, 1, 1)) == ["An"]
    assert shown(outsider) == ["Cường"]
    with pytest.raises(Http404):
        duty_decision_get(user=outsider, pk=deferral.pk)
