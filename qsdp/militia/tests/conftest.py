"""The militia world of the page tests."""

from datetime import date

import pytest

from qsdp.military_service.tests.factories import registered
from qsdp.militia.services import duty_decision_record, registration_record, training_days_record
from qsdp.militia.tests.factories import citizen, member, militia_unit


@pytest.fixture
def world(tree):
    """Dương Quang: the mobile platoon with An; Sơn standing militia; Lan not in
    the militia; Bình deferred; Cường registered for military service in 2023.
    Sông Cầu: Khánh, in the militia."""
    platoon = militia_unit(tree.duong_quang, name="Trung đội cơ động")
    an = member(
        tree.duong_quang, family_name="Hoàng", middle_name="Văn", given_name="An",
        militia_type="mobile", unit=platoon, start=date(2023, 4, 1),
    )  # fmt: skip
    son = member(
        tree.duong_quang, given_name="Sơn", militia_type="standing", start=date(2022, 1, 10)
    )
    lan = citizen(
        tree.duong_quang, family_name="Ma", middle_name="Thị", given_name="Lan", sex="female",
        born=date(2000, 1, 1),
    )  # fmt: skip
    binh = citizen(tree.duong_quang, given_name="Bình")
    decision = duty_decision_record(
        actor=None, person=binh, status="student", decided_on=date(2024, 9, 1),
        valid_until=date(2026, 9, 1),
    )  # fmt: skip
    registration_record(actor=None, person=binh, registered_on=date(2023, 4, 3))
    training_days_record(actor=None, member=an, year=2024, days_done=10)
    registered(tree.duong_quang, given_name="Cường", born=date(2006, 3, 1), on=date(2023, 4, 10))
    khanh = member(
        tree.song_cau, family_name="Lục", middle_name="Văn", given_name="Khánh",
        militia_type="mobile",
    )  # fmt: skip
    return {
        "platoon": platoon, "an": an, "son": son, "lan": lan, "decision": decision,
        "khanh": khanh,
    }  # fmt: skip
