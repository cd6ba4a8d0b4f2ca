from datetime import date

import pytest

from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent
from qsdp.reserves.models import Arrangement
from qsdp.reserves.services import reserve_review_record, reservist_arrange
from qsdp.reserves.tests.factories import post, reserve_unit, reservist, rows

pytestmark = pytest.mark.django_db


def _review(soldier, **fields):  # type: ignore[no-untyped-def]
    values = {
        "actor": None,
        "reservist": soldier,
        "year": 2023,
        "reviewed_on": date(2023, 9, 12),
        "residence_confirmed": True,
        "health_confirmed": True,
        "specialty_confirmed": True,
        "outcome": "keep",
    } | fields
    return reserve_review_record(**values)


def test_a_review_records_what_was_confirmed(tree, commune_officer):
    soldier = reservist(tree.duong_quang)

    review = _review(soldier, actor=commune_officer, specialty_confirmed=False, note="Đổi CNQS")

    assert (review.year, review.outcome, review.specialty_confirmed, review.note) == (
        2023,
        "keep",
        False,
        "Đổi CNQS",
    )
    assert AuditEvent.objects.get(verb="reserve_review.recorded").changes == {
        "year": [None, 2023],
        "reviewed_on": [None, "2023-09-12"],
        "residence_confirmed": [None, True],
        "health_confirmed": [None, True],
        "specialty_confirmed": [None, False],
        "outcome": [None, "keep"],
        "note": [None, "Đổi CNQS"],
    }


def test_the_outcome_remove_removes_him_in_the_same_step(tree):
    soldier = reservist(tree.duong_quang)
    held = reservist_arrange(
        actor=None,
        reservist=soldier,
        post=post(reserve_unit(tree.duong_quang_command)),
        arranged_on=date(2022, 3, 1),
    )

    _review(soldier, outcome="remove", removal_reason="moved_away")

    soldier.refresh_from_db()
    assert (soldier.removed_on, soldier.removal_reason) == (date(2023, 9, 12), "moved_away")
    assert Arrangement.objects.get(pk=held.pk).ended_on == date(2023, 9, 12)
    assert AuditEvent.objects.filter(verb__startswith="reserve_review").count() == 1


def test_the_outcome_remove_needs_a_reason_and_saves_nothing_without_it(tree):
    soldier = reservist(tree.duong_quang)
    before = rows()

    with pytest.raises(DomainError) as refused:
        _review(soldier, outcome="remove")

    assert refused.value.message == "Cần ghi lý do giải ngạch quân nhân dự bị."
    assert rows() == before


def test_keeping_a_reservist_past_the_age_limit_is_refused(tree):
    soldier = reservist(
        tree.duong_quang, given_name="An", born=date(1977, 4, 2), on=date(2015, 1, 5)
    )
    before = rows()

    with pytest.raises(DomainError) as refused:
        _review(soldier)

    assert (refused.value.code, refused.value.field) == ("rs_past_age_limit", "outcome")
    assert refused.value.message == (
        "Nguyễn Văn An phải được giải ngạch: quân nhân dự bị nam sinh ngày 02/04/1977 đã quá độ "
        "tuổi phục vụ trong ngạch dự bị vào ngày 12/09/2023 (đến hết 45 tuổi, tức hết ngày "
        "01/04/2023) và được giải ngạch dự bị (Luật NVQS 2015 Điều 25)."
    )
    assert rows() == before


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"reviewed_on": date(2024, 1, 5)}, "Rà soát năm 2023 phải ghi ngày trong năm 2023."),
        (
            {"reviewed_on": date(2019, 9, 1), "year": 2019},
            "Nguyễn Văn An đến ngày 01/03/2020 mới đăng ký vào ngạch dự bị.",
        ),
    ],
)
def test_the_review_date_is_checked(tree, fields, message):
    soldier = reservist(tree.duong_quang, given_name="An")
    before = rows()

    with pytest.raises(DomainError) as refused:
        _review(soldier, **fields)

    assert refused.value.message == message
    assert rows() == before


def test_a_reservist_is_reviewed_once_a_year(tree):
    soldier = reservist(tree.duong_quang, given_name="An")
    _review(soldier)
    before = rows()

    with pytest.raises(DomainError) as refused:
        _review(soldier, reviewed_on=date(2023, 10, 1))

    assert refused.value.message == "Nguyễn Văn An đã được rà soát năm 2023."
    assert rows() == before
