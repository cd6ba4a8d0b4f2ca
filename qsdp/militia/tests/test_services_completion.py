from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent
from qsdp.militia.services import member_leave, service_completion_record
from qsdp.militia.tests.factories import member, rows

pytestmark = pytest.mark.django_db


def refused(call):  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as error:
        call()
    return error.value


def test_24_months_of_standing_militia_count_as_completed_active_service(tree, commune_officer):
    standing = member(tree.duong_quang, militia_type="standing", start=date(2022, 3, 15))
    member_leave(actor=None, member=standing, left_on=date(2024, 3, 15), reason="term_completed")

    completion = service_completion_record(
        actor=commune_officer,
        member=standing,
        recognised_on=date(2024, 4, 1),
        decision_number="102/QĐ-BCHQS",
        decided_by="Chỉ huy trưởng Ban CHQS thành phố",
    )

    assert (
        completion.person,
        completion.standing_months,
        completion.legal_basis,
        completion.org_unit,
    ) == (standing.person, 24, "Luật NVQS 2015 Điều 4 khoản 4 điểm a", tree.duong_quang)
    assert AuditEvent.objects.filter(verb="militia.active_service_completed").get().changes == {
        "standing_months": [None, 24],
        "recognised_on": [None, "2024-04-01"],
    }


def test_the_months_of_several_standing_terms_add_up(tree):
    first = member(tree.duong_quang, militia_type="standing", start=date(2020, 1, 1))
    member_leave(actor=None, member=first, left_on=date(2021, 1, 1), reason="other")
    second = member(first.person, militia_type="standing", start=date(2022, 6, 1))

    completion = service_completion_record(
        actor=None, member=second, recognised_on=date(2023, 6, 1)
    )

    assert completion.standing_months == 24


def test_a_day_short_of_24_months_is_refused(tree):
    standing = member(tree.duong_quang, militia_type="standing", start=date(2022, 3, 15))
    before = rows()

    error = refused(
        lambda: service_completion_record(
            actor=None, member=standing, recognised_on=date(2024, 3, 14)
        )
    )

    assert (error.code, error.field, error.message) == (
        "militia_service_too_short",
        "recognised_on",
        "Không thể công nhận hoàn thành nghĩa vụ quân sự tại ngũ ngày 14/03/2024: dân quân "
        "thường trực có 23 tháng phục vụ, chưa đủ 24 tháng để được công nhận hoàn thành nghĩa vụ "
        "quân sự tại ngũ trong thời bình (Luật NVQS 2015 Điều 4 khoản 4 điểm a).",
    )
    assert rows() == before


def test_only_standing_militia_counts(tree):
    local = member(tree.duong_quang, militia_type="local", start=date(2020, 1, 1))
    before = rows()

    error = refused(
        lambda: service_completion_record(actor=None, member=local, recognised_on=date(2024, 1, 1))
    )

    assert (error.code, error.message) == (
        "militia_not_standing",
        "Chỉ thời gian phục vụ trong dân quân thường trực mới được tính là thực hiện nghĩa vụ "
        "quân sự tại ngũ.",
    )
    assert rows() == before


def test_the_recognition_is_recorded_once(tree):
    standing = member(
        tree.duong_quang,
        militia_type="standing",
        start=date(2022, 1, 1),
        family_name="Đinh",
        middle_name="Văn",
        given_name="Hải",
    )
    service_completion_record(actor=None, member=standing, recognised_on=date(2024, 1, 2))
    before = rows()

    error = refused(
        lambda: service_completion_record(
            actor=None, member=standing, recognised_on=date(2024, 2, 1)
        )
    )

    assert (error.code, error.message) == (
        "militia_already_recognised",
        "Thời gian phục vụ của Đinh Văn Hải đã được công nhận ngày 02/01/2024.",
    )
    assert rows() == before


@pytest.mark.parametrize("persona", ["outsider", "leader"])
def test_only_the_communes_writers_may_record_it(tree, request, persona):
    standing = member(tree.duong_quang, militia_type="standing", start=date(2022, 1, 1))
    before = rows()

    with pytest.raises(PermissionDenied):
        service_completion_record(
            actor=request.getfixturevalue(persona), member=standing, recognised_on=date(2024, 2, 1)
        )

    assert rows() == before
