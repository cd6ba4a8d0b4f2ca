from datetime import date

import pytest
from django.utils import translation

from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent
from qsdp.orgunits.errors import OrgUnitErrorCode
from qsdp.orgunits.models import LineageKind, OrgUnit, OrgUnitKind, OrgUnitLineage
from qsdp.orgunits.services import lineage_record, org_unit_close, org_unit_create

pytestmark = pytest.mark.django_db

REFORM = date(2025, 7, 1)


def test_path_and_level_come_from_the_parent(tree):
    assert tree.province.path == f"/{tree.province.pk}/"
    assert tree.province.level == 0
    assert tree.city.path == f"/{tree.province.pk}/{tree.city.pk}/"
    assert tree.duong_quang_village.path == (
        f"/{tree.province.pk}/{tree.city.pk}/{tree.duong_quang.pk}/{tree.duong_quang_village.pk}/"
    )
    assert tree.duong_quang_village.level == 3


def test_create_writes_one_audit_event(db, admin_user):
    unit = org_unit_create(
        actor=admin_user,
        name="Tỉnh Thái Nguyên",
        kind=OrgUnitKind.PROVINCE,
        code="19",
        opened_on=REFORM,
    )

    event = AuditEvent.objects.get(target_type="orgunits.orgunit", target_id=str(unit.pk))
    assert event.verb == "org_unit.created"
    assert event.actor == admin_user
    assert event.changes["code"] == [None, "19"]
    assert event.changes["opened_on"] == [None, "2025-07-01"]


def test_a_code_in_use_at_the_same_time_is_refused_in_vietnamese(tree):
    with translation.override("vi"), pytest.raises(DomainError) as refused:
        org_unit_create(
            actor=None,
            name="Xã Dương Quang",
            kind=OrgUnitKind.COMMUNE,
            code="01849",
            parent=tree.city,
            opened_on=date(2020, 1, 1),
        )

    assert refused.value.code == OrgUnitErrorCode.CODE_OVERLAP.value
    assert refused.value.message == (
        "Mã 01849 (Xã) đã là mã của “Xã Dương Quang” (từ 01/01/2000 đến nay), trùng thời gian; "
        "mỗi mã chỉ gắn với một đơn vị tại một thời điểm."
    )
    assert refused.value.field == "code"
    assert OrgUnit.objects.filter(code="01849").count() == 1


def test_a_code_is_reused_by_a_new_unit_once_the_old_one_closed(tree):
    org_unit_close(actor=None, unit=tree.duong_quang_village, closed_on=REFORM)
    org_unit_close(actor=None, unit=tree.duong_quang, closed_on=REFORM)

    reused = org_unit_create(
        actor=None,
        name="Xã Phong Quang",
        kind=OrgUnitKind.COMMUNE,
        code="01849",
        parent=tree.province,
        opened_on=REFORM,
    )

    assert list(
        OrgUnit.objects.filter(code="01849")
        .order_by("opened_on")
        .values_list("name", "opened_on", "closed_on")
    ) == [("Xã Dương Quang", date(2000, 1, 1), REFORM), ("Xã Phong Quang", REFORM, None)]
    assert reused.path == f"/{tree.province.pk}/{reused.pk}/"


def test_the_same_code_in_another_kind_is_another_unit(tree):
    unit = org_unit_create(
        actor=None, name="Thị trấn Thử", kind=OrgUnitKind.TOWN, code="01849",
        parent=tree.city, opened_on=date(2020, 1, 1),
    )  # fmt: skip

    assert unit.pk is not None


def test_a_child_opened_before_its_parent_is_refused(tree):
    with translation.override("vi"), pytest.raises(DomainError) as refused:
        org_unit_create(
            actor=None, name="Xã Sớm", kind=OrgUnitKind.COMMUNE, code="09999",
            parent=tree.city, opened_on=date(1999, 12, 31),
        )  # fmt: skip

    assert refused.value.code == OrgUnitErrorCode.OPENED_BEFORE_PARENT.value
    assert refused.value.message == (
        "Đơn vị không thể thành lập (31/12/1999) trước đơn vị cấp trên "
        "“Thành phố Bắc Kạn” (01/01/2000)."
    )
    assert not OrgUnit.objects.filter(name="Xã Sớm").exists()


def test_a_child_outliving_its_parent_is_refused(tree):
    org_unit_close(actor=None, unit=tree.duong_quang_village, closed_on=REFORM)
    org_unit_close(actor=None, unit=tree.duong_quang, closed_on=REFORM)

    with translation.override("vi"), pytest.raises(DomainError) as refused:
        org_unit_create(
            actor=None, name="Thôn Mới", kind=OrgUnitKind.VILLAGE,
            parent=tree.duong_quang, opened_on=date(2020, 1, 1),
        )  # fmt: skip

    assert refused.value.code == OrgUnitErrorCode.OUTLIVES_PARENT.value
    assert refused.value.message == (
        "Đơn vị không thể tồn tại lâu hơn đơn vị cấp trên “Xã Dương Quang” "
        "(kết thúc hoạt động ngày 01/07/2025)."
    )


def test_close_sets_the_date_and_is_audited(tree, admin_user):
    org_unit_close(actor=admin_user, unit=tree.duong_quang_village, closed_on=REFORM)

    village = OrgUnit.objects.get(pk=tree.duong_quang_village.pk)
    event = AuditEvent.objects.get(verb="org_unit.closed")
    assert village.closed_on == REFORM
    assert event.target_id == str(village.pk)
    assert event.changes == {"closed_on": [None, "2025-07-01"]}


def test_close_is_refused_while_a_child_would_outlive_the_unit(tree):
    with translation.override("vi"), pytest.raises(DomainError) as refused:
        org_unit_close(actor=None, unit=tree.duong_quang, closed_on=REFORM)

    assert refused.value.code == OrgUnitErrorCode.CHILDREN_OUTLIVE.value
    assert refused.value.message == (
        "Cần cho kết thúc hoạt động trước các đơn vị sau, vì chúng sẽ tồn tại lâu hơn "
        "“Xã Dương Quang”: Thôn Nà Pài."
    )
    assert OrgUnit.objects.get(pk=tree.duong_quang.pk).closed_on is None


def test_close_is_refused_on_or_before_the_opening_day(tree):
    with pytest.raises(DomainError) as refused:
        org_unit_close(actor=None, unit=tree.duong_quang_village, closed_on=date(2000, 1, 1))

    assert refused.value.code == OrgUnitErrorCode.CLOSES_BEFORE_OPENING.value


def test_a_closed_unit_cannot_be_closed_again(tree):
    org_unit_close(actor=None, unit=tree.duong_quang_village, closed_on=REFORM)

    with pytest.raises(DomainError) as refused:
        org_unit_close(actor=None, unit=tree.duong_quang_village, closed_on=date(2026, 1, 1))

    assert refused.value.code == OrgUnitErrorCode.ALREADY_CLOSED.value
    assert OrgUnit.objects.get(pk=tree.duong_quang_village.pk).closed_on == REFORM


@pytest.fixture
def phong_quang(tree):
    org_unit_close(actor=None, unit=tree.duong_quang_village, closed_on=REFORM)
    org_unit_close(actor=None, unit=tree.duong_quang, closed_on=REFORM)
    return org_unit_create(
        actor=None, name="Xã Phong Quang", kind=OrgUnitKind.COMMUNE, code="01849",
        parent=tree.province, opened_on=REFORM,
    )  # fmt: skip


def test_lineage_links_a_closed_unit_to_its_successor(tree, phong_quang, admin_user):
    link = lineage_record(
        actor=admin_user,
        predecessor=OrgUnit.objects.get(pk=tree.duong_quang.pk),
        successor=phong_quang,
        kind=LineageKind.MERGE,
        effective_on=REFORM,
        basis="Nghị quyết 1683/NQ-UBTVQH15",
    )

    assert list(OrgUnitLineage.objects.values_list("predecessor", "successor", "kind")) == [
        (tree.duong_quang.pk, phong_quang.pk, "merge")
    ]
    event = AuditEvent.objects.get(verb="org_unit_lineage.recorded")
    assert event.target_id == str(link.pk)
    assert event.changes["kind"] == [None, "merge"]


def test_lineage_is_recorded_once(tree, phong_quang):
    predecessor = OrgUnit.objects.get(pk=tree.duong_quang.pk)
    lineage_record(
        actor=None, predecessor=predecessor, successor=phong_quang,
        kind=LineageKind.MERGE, effective_on=REFORM,
    )  # fmt: skip

    with pytest.raises(DomainError) as refused:
        lineage_record(
            actor=None, predecessor=predecessor, successor=phong_quang,
            kind=LineageKind.MERGE, effective_on=REFORM,
        )  # fmt: skip

    assert refused.value.code == OrgUnitErrorCode.LINEAGE_EXISTS.value
    assert OrgUnitLineage.objects.count() == 1


def test_lineage_needs_the_successor_open_on_the_day(tree, phong_quang):
    with pytest.raises(DomainError) as refused:
        lineage_record(
            actor=None, predecessor=tree.song_cau, successor=phong_quang,
            kind=LineageKind.MERGE, effective_on=date(2024, 1, 1),
        )  # fmt: skip

    assert refused.value.code == OrgUnitErrorCode.LINEAGE_SUCCESSOR_DATES.value
    assert OrgUnitLineage.objects.count() == 0


def test_a_unit_cannot_succeed_itself(tree):
    with pytest.raises(DomainError) as refused:
        lineage_record(
            actor=None, predecessor=tree.song_cau, successor=tree.song_cau,
            kind=LineageKind.RENAME, effective_on=REFORM,
        )  # fmt: skip

    assert refused.value.code == OrgUnitErrorCode.LINEAGE_SELF.value
