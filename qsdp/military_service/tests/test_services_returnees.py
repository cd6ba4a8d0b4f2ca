from datetime import date

import pytest

from qsdp.core.errors import DomainError
from qsdp.core.models import RuleSetting
from qsdp.core.settings_registry import RETURNEE_ANCHOR_EVENT
from qsdp.military_service.rules.cycle import EventKind, Status
from qsdp.military_service.services import (
    discharge_record,
    enlistment_record,
    reserve_registration_record,
    return_home_record,
)
from qsdp.military_service.services._common import status_on
from qsdp.military_service.tests.factories import (
    approved_list,
    examined,
    order,
    quotas,
    registered,
    rows,
)

pytestmark = pytest.mark.django_db


def discharged(tree, on):
    """A man of Dương Quang handed over in February 2022 and discharged ``on``."""
    person = registered(tree.duong_quang, born=date(2002, 5, 10))
    examined(person, on=date(2021, 11, 20), year=2022)
    quotas(tree, year=2022, duong_quang=1, song_cau=None)
    (candidate,) = approved_list(tree.duong_quang, year=2022, handover=date(2022, 2, 18))
    order(candidate, issued=date(2022, 1, 20), report=date(2022, 2, 18))
    enlistment_record(actor=None, person=person, call_up_year=2022, handover_on=date(2022, 2, 18))
    discharge_record(actor=None, person=person, decided_on=on, decision_number="318/QĐ-e3")
    return person


@pytest.fixture
def soldier(tree):
    return discharged(tree, date(2024, 5, 20))


def test_the_deadline_runs_15_working_days_from_the_return_across_weekends(
    tree, soldier, commune_officer
):
    # RULES.md ex-2: back on Monday 3 June 2024, register by Monday 24 June.
    event = return_home_record(actor=commune_officer, person=soldier, returned_on=date(2024, 6, 3))

    assert (event.kind, event.due_on) == (EventKind.RETURN_HOME, date(2024, 6, 24))
    assert status_on(soldier, date(2024, 6, 3)) == Status.RETURNED


def test_the_anchor_can_be_the_discharge_decision(tree, soldier, commune_officer):
    RuleSetting.objects.create(
        key=RETURNEE_ANCHOR_EVENT, valid_from=date(2024, 1, 1), value="discharge_decision"
    )

    event = return_home_record(actor=commune_officer, person=soldier, returned_on=date(2024, 6, 3))

    # 15 working days after Monday 20 May 2024: Monday 10 June.
    assert event.due_on == date(2024, 6, 10)


@pytest.mark.parametrize(
    ("registered_on", "on_time"), [(date(2024, 6, 24), True), (date(2024, 6, 25), False)]
)
def test_reserve_registration_notes_whether_it_was_on_time(
    tree, soldier, commune_officer, registered_on, on_time
):
    return_home_record(actor=None, person=soldier, returned_on=date(2024, 6, 3))

    event = reserve_registration_record(
        actor=commune_officer, person=soldier, registered_on=registered_on
    )

    assert (event.due_on, event.details) == (date(2024, 6, 24), {"on_time": on_time})
    assert status_on(soldier, registered_on) == Status.RESERVE_REGISTERED


def test_the_return_must_be_recorded_when_the_deadline_runs_from_it(tree, soldier, commune_officer):
    before = rows()

    with pytest.raises(DomainError) as refused:
        reserve_registration_record(
            actor=commune_officer, person=soldier, registered_on=date(2024, 6, 10)
        )

    assert refused.value.message == (
        "Cần ghi ngày quân nhân trở về nơi cư trú trước: thời hạn đăng ký tính từ ngày đó "
        "(Luật NVQS 2015 Điều 18)."
    )
    assert rows() == before


def test_only_a_soldier_can_be_discharged(tree, commune_officer):
    person = registered(tree.duong_quang)
    before = rows()

    with pytest.raises(DomainError) as refused:
        discharge_record(
            actor=commune_officer, person=person, decided_on=date(2024, 5, 20), decision_number="1"
        )

    assert refused.value.message == (
        "Không thể ghi “Xuất ngũ”: công dân đang ở trạng thái “Đã đăng ký”."
    )
    assert rows() == before


def test_the_deadline_skips_the_tet_holiday(tree):
    soldier = discharged(tree, date(2024, 1, 25))

    # Back on Monday 5 February 2024; Tết Giáp Thìn closes offices 8–14 February.
    event = return_home_record(actor=None, person=soldier, returned_on=date(2024, 2, 5))

    assert event.due_on == date(2024, 3, 4)
