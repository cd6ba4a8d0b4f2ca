from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent
from qsdp.military_service.models import Quota
from qsdp.military_service.services import quota_assign
from qsdp.military_service.tests.factories import quotas, rows

pytestmark = pytest.mark.django_db
DECIDED = date(2025, 12, 15)


def test_quotas_go_down_the_tree_linked_to_the_parent(tree, command_staff):
    quota_assign(
        actor=None, org_unit=tree.province, call_up_year=2026, number=20, decided_on=DECIDED
    )
    city = quota_assign(
        actor=None, org_unit=tree.city, call_up_year=2026, number=10, decided_on=DECIDED
    )

    commune = quota_assign(
        actor=command_staff,
        org_unit=tree.duong_quang,
        call_up_year=2026,
        number=6,
        decided_on=DECIDED,
        decision_number="12/QĐ-UBND",
    )

    assert (commune.parent, commune.number, commune.assigned_by) == (city, 6, command_staff)
    audit = AuditEvent.objects.get(verb="quota.assigned", target_id=str(commune.pk))
    assert audit.changes == {
        "number": [None, 6],
        "decided_on": [None, "2025-12-15"],
        "decision_number": [None, "12/QĐ-UBND"],
        "call_up_year": [None, 2026],
    }


def test_a_unit_cannot_hand_down_more_than_it_has_left(tree, command_staff):
    quotas(tree, duong_quang=None, song_cau=7)
    before = rows()

    with pytest.raises(DomainError) as refused:
        quota_assign(
            actor=command_staff,
            org_unit=tree.duong_quang,
            call_up_year=2026,
            number=5,
            decided_on=DECIDED,
        )

    assert (refused.value.code, refused.value.field, refused.value.message) == (
        "ms_quota_over_remainder",
        "number",
        "Thành phố Bắc Kạn còn 3 chỉ tiêu để giao, không thể giao 5 cho Xã Dương Quang.",
    )
    assert rows() == before


def test_a_childs_quota_needs_the_parents_quota_of_the_same_year(tree, command_staff):
    quotas(tree, year=2025)
    before = rows()

    with pytest.raises(DomainError) as refused:
        quota_assign(
            actor=command_staff,
            org_unit=tree.duong_quang,
            call_up_year=2026,
            number=5,
            decided_on=DECIDED,
        )

    assert refused.value.message == (
        "Thành phố Bắc Kạn chưa được giao chỉ tiêu gọi nhập ngũ năm 2026, nên chưa thể giao "
        "chỉ tiêu cho Xã Dương Quang."
    )
    assert rows() == before


def test_changing_a_quota_counts_its_own_old_number_as_free(tree, command_staff):
    quotas(tree)  # city 10 = 6 + 4

    changed = quota_assign(
        actor=command_staff,
        org_unit=tree.duong_quang,
        call_up_year=2026,
        number=5,
        decided_on=date(2026, 1, 5),
    )

    assert (changed.number, Quota.objects.filter(call_up_year=2026).count()) == (5, 4)
    audit = AuditEvent.objects.get(verb="quota.changed")
    assert audit.changes == {
        "number": [6, 5],
        "decided_on": ["2025-12-15", "2026-01-05"],
        "call_up_year": [None, 2026],
    }


def test_a_quota_cannot_drop_below_what_it_handed_down(tree, command_staff, admin_user):
    quotas(tree)
    before = rows()

    with pytest.raises(DomainError) as refused:
        quota_assign(
            actor=admin_user, org_unit=tree.city, call_up_year=2026, number=8, decided_on=DECIDED
        )

    assert refused.value.message == (
        "Thành phố Bắc Kạn đã giao 10 chỉ tiêu cho các đơn vị trực thuộc, không thể giảm chỉ "
        "tiêu xuống 8."
    )
    assert rows() == before


def test_quotas_go_to_administrative_units_only(tree, admin_user):
    quotas(tree)

    with pytest.raises(DomainError) as refused:
        quota_assign(
            actor=admin_user,
            org_unit=tree.duong_quang_village,
            call_up_year=2026,
            number=1,
            decided_on=DECIDED,
        )

    assert refused.value.code == "ms_quota_unit_kind"


@pytest.mark.parametrize("persona", ["commune_officer", "leader", "outsider"])
def test_a_commune_cannot_assign_its_own_quota(tree, request, persona):
    quotas(tree, duong_quang=None)
    before = rows()

    with pytest.raises(PermissionDenied):
        quota_assign(
            actor=request.getfixturevalue(persona),
            org_unit=tree.duong_quang,
            call_up_year=2026,
            number=1,
            decided_on=DECIDED,
        )

    assert rows() == before
