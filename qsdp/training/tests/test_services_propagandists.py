from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent
from qsdp.militia.tests.factories import citizen
from qsdp.training.models import Propagandist
from qsdp.training.services import (
    propagandist_appoint,
    propagandist_leave,
    propagandist_training_record,
)
from qsdp.training.tests.factories import rows

pytestmark = pytest.mark.django_db


def test_a_person_of_the_register_is_appointed(tree, commune_officer):
    person = citizen(tree.duong_quang, given_name="Hùng")

    made = propagandist_appoint(
        actor=commune_officer, org_unit=tree.duong_quang, appointed_on=date(2024, 2, 1),
        person=person, position="Bí thư chi đoàn",
    )  # fmt: skip

    assert (made.full_name, made.position, made.appointed_on, made.is_current) == (
        "Nguyễn Văn Hùng", "Bí thư chi đoàn", date(2024, 2, 1), True
    )  # fmt: skip
    event = AuditEvent.objects.get(verb="training.propagandist_appointed")
    assert event.person_id == person.pk


@pytest.mark.parametrize(
    ("who", "code", "message", "field"),
    [
        ({}, "propagandist_identity",
         "Chọn một người trong sổ đăng ký hoặc ghi họ tên (chỉ một trong hai).", "full_name"),
        ({"person": "lan"}, "propagandist_already_appointed",
         "Ma Thị Lan đã là tuyên truyền viên của Xã Dương Quang.", "person"),
        ({"person": "khanh"}, "training_person_outside_unit",
         "Lục Văn Khánh không có tên trong sổ đăng ký của Xã Dương Quang.", "person"),
        ({"full_name": "Lò Thị Mai", "appointed_on": date(2099, 1, 1)}, "training_date_in_future",
         "Ngày 01/01/2099 là ngày trong tương lai.", "appointed_on"),
    ],
)  # fmt: skip
def test_an_impossible_appointment_is_refused(tree, world, who, code, message, field):
    if "person" in who:
        found = world[who["person"]]
        who = {**who, "person": getattr(found, "person", found)}
    before = rows()

    with pytest.raises(DomainError) as error:
        propagandist_appoint(
            actor=None, org_unit=tree.duong_quang, **{"appointed_on": date(2024, 1, 1), **who}
        )

    assert (error.value.code, error.value.message, error.value.field) == (code, message, field)
    assert rows() == before


def test_a_propagandist_leaves_once(world):
    propagandist = world["propagandist"]

    propagandist_leave(actor=None, propagandist=propagandist, left_on=date(2024, 6, 30))
    before = rows()
    with pytest.raises(DomainError) as error:
        propagandist_leave(actor=None, propagandist=propagandist, left_on=date(2024, 7, 1))

    assert Propagandist.objects.get(pk=propagandist.pk).left_on == date(2024, 6, 30)
    assert (error.value.code, error.value.message) == (
        "propagandist_already_left",
        "Ma Thị Lan đã thôi làm tuyên truyền viên từ ngày 30/06/2024.",
    )
    assert rows() == before


def test_leaving_before_the_appointment_is_refused(world):
    before = rows()

    with pytest.raises(DomainError) as error:
        propagandist_leave(actor=None, propagandist=world["propagandist"], left_on=date(2022, 2, 1))

    assert (error.value.code, error.value.message) == (
        "propagandist_left_before_appointed",
        "Ngày này không được trước ngày được cử (01/03/2022).",
    )
    assert rows() == before


def test_a_training_is_recorded_with_its_result(world, commune_officer):
    made = propagandist_training_record(
        actor=commune_officer, propagandist=world["propagandist"], trained_on=date(2024, 3, 5),
        title="Tập huấn kỹ năng tuyên truyền", organiser="Ban Tuyên giáo", result="excellent",
    )  # fmt: skip

    assert (made.title, made.result.name, made.created_by) == (
        "Tập huấn kỹ năng tuyên truyền", "Giỏi", commune_officer
    )  # fmt: skip


@pytest.mark.parametrize(
    ("fields", "code", "message"),
    [
        ({"trained_on": date(2022, 1, 1)}, "propagandist_training_date",
         "Đợt tập huấn phải trong thời gian Ma Thị Lan làm tuyên truyền viên (từ 01/03/2022)."),
        ({"result": "top"}, "training_result_not_on_scale",
         "Kết quả “top” không có trong thang kết quả đã cấu hình (Giỏi, Khá, Đạt, Không đạt)."),
    ],
)  # fmt: skip
def test_an_impossible_training_is_refused(world, fields, code, message):
    before = rows()

    with pytest.raises(DomainError) as error:
        propagandist_training_record(
            actor=None, propagandist=world["propagandist"],
            **{"trained_on": date(2024, 3, 5), "title": "Tập huấn", **fields},
        )  # fmt: skip

    assert (error.value.code, error.value.message) == (code, message)
    assert rows() == before


@pytest.mark.parametrize("persona", ["outsider", "leader"])
def test_only_the_units_writers_keep_the_roster(tree, world, request, persona):
    actor = request.getfixturevalue(persona)
    before = rows()

    with pytest.raises(PermissionDenied):
        propagandist_appoint(
            actor=actor, org_unit=tree.duong_quang, appointed_on=date(2024, 1, 1), full_name="Mai"
        )
    with pytest.raises(PermissionDenied):
        propagandist_leave(
            actor=actor, propagandist=world["propagandist"], left_on=date(2024, 1, 1)
        )
    with pytest.raises(PermissionDenied):
        propagandist_training_record(
            actor=actor, propagandist=world["propagandist"], trained_on=date(2024, 1, 1), title="x"
        )

    assert rows() == before
