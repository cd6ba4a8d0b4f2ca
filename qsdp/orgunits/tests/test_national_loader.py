from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from qsdp.accounts.tests.factories import UserFactory
from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent
from qsdp.orgunits import selectors
from qsdp.orgunits.errors import OrgUnitErrorCode
from qsdp.orgunits.models import (
    COMMUNE_LEVEL_KINDS,
    MILITARY_KINDS,
    OrgUnit,
    OrgUnitKind,
    OrgUnitLineage,
)
from qsdp.orgunits.national import LoadSummary, load_admin_units
from qsdp.orgunits.national.source import COMMUNE_BASIS, PROVINCE_BASIS

pytestmark = pytest.mark.django_db

BEFORE = date(2023, 11, 22)  # the day of the Bắc Kạn city review
AFTER = date(2026, 1, 1)
REFORM = date(2025, 7, 1)
BAC_KAN_CITY_2023 = [
    ("01834", "Phường Nguyễn Thị Minh Khai"),
    ("01837", "Phường Sông Cầu"),
    ("01840", "Phường Đức Xuân"),
    ("01843", "Phường Phùng Chí Kiên"),
    ("01846", "Phường Huyền Tụng"),
    ("01849", "Xã Dương Quang"),
    ("01852", "Xã Nông Thượng"),
    ("01855", "Phường Xuất Hóa"),
]


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True)


@pytest.fixture
def thai_nguyen(db) -> LoadSummary:
    return load_admin_units(provinces=["19"], with_commands=True)


def _unit(code, on, kind=None):
    unit = selectors.org_unit_by_code(code=code, on=on, kind=kind)
    assert unit is not None
    return unit


def _predecessors(unit):
    return sorted(
        (link.predecessor.code, link.predecessor.name, link.kind, link.basis)
        for link in selectors.predecessors(unit)
    )


def test_the_first_load_of_thai_nguyen_creates_both_trees_and_the_lineage(thai_nguyen):
    assert thai_nguyen.provinces == ["19"]
    # 2 legacy provinces, 17 districts, 280 communes; 1 new province, 92 communes.
    assert thai_nguyen.units_created == 392
    assert thai_nguyen.commands_created == 392
    assert thai_nguyen.links_created == 285
    assert (thai_nguyen.units_existing, thai_nguyen.commands_existing) == (0, 0)
    assert OrgUnit.objects.count() == 784
    assert not OrgUnit.objects.filter(path="/pending/").exists()


def test_bac_kan_city_as_of_the_2023_review(thai_nguyen, superuser):
    rows = selectors.tree_rows(selectors.org_unit_tree(user=superuser, on=BEFORE))
    at = next(index for index, row in enumerate(rows) if row.unit.name == "Thành phố Bắc Kạn")
    city = rows[at]
    under_city = []
    for row in rows[at + 1 :]:
        if row.depth <= city.depth:
            break
        under_city.append((row.depth, row.unit.code, row.unit.name))

    detail = selectors.org_unit_detail(user=superuser, pk=city.unit.pk, on=BEFORE)

    assert (city.depth, city.unit.code, city.unit.kind) == (1, "058", OrgUnitKind.DISTRICT)
    assert city.unit.parent.name == "Tỉnh Bắc Kạn"
    assert under_city == [(2, code, name) for code, name in BAC_KAN_CITY_2023]
    assert [(unit.code, unit.name) for unit in detail.children] == BAC_KAN_CITY_2023
    assert [unit.name for unit in detail.commands] == ["Ban CHQS thành phố Bắc Kạn"]
    assert "Tỉnh Thái Nguyên" in [row.unit.name for row in rows]  # the legacy one
    assert "Phường Bắc Kạn" not in [row.unit.name for row in rows]


def test_thai_nguyen_as_of_2026(thai_nguyen, superuser):
    province = _unit("19", AFTER, OrgUnitKind.PROVINCE)

    detail = selectors.org_unit_detail(user=superuser, pk=province.pk, on=AFTER)
    children = {(unit.code, unit.name, unit.kind) for unit in detail.children}

    assert (province.name, province.opened_on, province.closed_on) == (
        "Tỉnh Thái Nguyên",
        REFORM,
        None,
    )
    assert ("01840", "Phường Đức Xuân", OrgUnitKind.WARD) in children
    assert ("01843", "Phường Bắc Kạn", OrgUnitKind.WARD) in children
    assert ("01849", "Xã Phong Quang", OrgUnitKind.COMMUNE) in children
    assert len([unit for unit in detail.children if unit.kind in COMMUNE_LEVEL_KINDS]) == 92
    assert [unit.name for unit in detail.children if unit.kind in MILITARY_KINDS] == [
        "Bộ CHQS tỉnh Thái Nguyên"
    ]
    assert len(detail.children) == 93  # no district level any more
    assert [unit.name for unit in detail.commands] == ["Bộ CHQS tỉnh Thái Nguyên"]


def test_a_code_names_two_different_units_before_and_after_the_reform(thai_nguyen):
    legacy, new = _unit("01840", BEFORE), _unit("01840", AFTER)

    assert legacy.pk != new.pk
    assert (legacy.name, legacy.opened_on, legacy.closed_on) == (
        "Phường Đức Xuân", date(2000, 1, 1), REFORM,
    )  # fmt: skip
    assert (new.name, new.opened_on, new.closed_on) == ("Phường Đức Xuân", REFORM, None)
    assert (_unit("01843", BEFORE).name, _unit("01843", AFTER).name) == (
        "Phường Phùng Chí Kiên", "Phường Bắc Kạn",
    )  # fmt: skip
    assert (_unit("01849", BEFORE).name, _unit("01849", AFTER).name) == (
        "Xã Dương Quang", "Xã Phong Quang",
    )  # fmt: skip


def test_the_lineage_of_the_new_wards_of_bac_kan(thai_nguyen):
    assert _predecessors(_unit("01840", AFTER)) == [
        ("01834", "Phường Nguyễn Thị Minh Khai", "merge", COMMUNE_BASIS),
        ("01840", "Phường Đức Xuân", "merge", COMMUNE_BASIS),
        ("01846", "Phường Huyền Tụng", "merge", COMMUNE_BASIS),
    ]
    assert _predecessors(_unit("01843", AFTER)) == [
        ("01837", "Phường Sông Cầu", "merge", COMMUNE_BASIS),
        ("01843", "Phường Phùng Chí Kiên", "merge", COMMUNE_BASIS),
        ("01852", "Xã Nông Thượng", "merge", COMMUNE_BASIS),
        ("01855", "Phường Xuất Hóa", "merge", COMMUNE_BASIS),
    ]
    assert _predecessors(_unit("01849", AFTER)) == [
        ("01849", "Xã Dương Quang", "merge", COMMUNE_BASIS),
        ("01984", "Xã Đôn Phong", "merge", COMMUNE_BASIS),
    ]
    assert [
        (link.successor.name, link.effective_on)
        for link in selectors.successors(_unit("01849", BEFORE))
    ] == [("Xã Phong Quang", REFORM)]


def test_the_provinces_merge_by_resolution_202(thai_nguyen):
    assert _predecessors(_unit("19", AFTER, OrgUnitKind.PROVINCE)) == [
        ("06", "Tỉnh Bắc Kạn", "merge", PROVINCE_BASIS),
        ("19", "Tỉnh Thái Nguyên", "merge", PROVINCE_BASIS),
    ]


def test_the_commands_stand_beside_the_units(thai_nguyen):
    duong_quang = _unit("01849", BEFORE)
    phong_quang = _unit("01849", AFTER)

    old = OrgUnit.objects.get(kind=OrgUnitKind.COMMUNE_COMMAND, serves=duong_quang)
    new = OrgUnit.objects.get(kind=OrgUnitKind.COMMUNE_COMMAND, serves=phong_quang)

    assert (old.name, old.parent.name, old.parent.kind) == (
        "Ban CHQS xã Dương Quang", "Ban CHQS thành phố Bắc Kạn", OrgUnitKind.DISTRICT_COMMAND,
    )  # fmt: skip
    assert (old.parent.parent.name, old.parent.parent.parent.name) == (
        "Bộ CHQS tỉnh Bắc Kạn", "Tỉnh Bắc Kạn",
    )  # fmt: skip
    assert (old.opened_on, old.closed_on) == (date(2000, 1, 1), REFORM)
    assert (new.name, new.parent.name, new.parent.kind) == (
        "Ban CHQS xã Phong Quang", "Bộ CHQS tỉnh Thái Nguyên", OrgUnitKind.PROVINCIAL_COMMAND,
    )  # fmt: skip
    assert new.path == f"{new.parent.path}{new.pk}/"


def test_a_second_run_changes_nothing(thai_nguyen):
    units, links, events = (
        OrgUnit.objects.count(),
        OrgUnitLineage.objects.count(),
        AuditEvent.objects.count(),
    )

    again = load_admin_units(provinces=["19"], with_commands=True)

    assert (again.units_created, again.commands_created, again.links_created) == (0, 0, 0)
    assert (again.units_existing, again.commands_existing, again.links_existing) == (392, 392, 285)
    assert (OrgUnit.objects.count(), OrgUnitLineage.objects.count()) == (units, links)
    assert AuditEvent.objects.count() == events


def test_one_audit_event_per_province_loaded(thai_nguyen):
    event = AuditEvent.objects.get(verb="org_units.loaded")

    assert event.target_repr == "Tỉnh Thái Nguyên"
    assert event.changes == {
        "source": "vietnamadminunits 1.0.4",
        "legacy_opened_on": "2000-01-01",
        "legacy_provinces": ["06", "19"],
        "units_created": 392,
        "commands_created": 392,
        "links_created": 285,
    }


def test_a_load_overlapping_units_already_recorded_is_refused_whole(tree):
    count = OrgUnit.objects.count()

    with pytest.raises(DomainError) as refused:
        load_admin_units(provinces=["19"])

    assert refused.value.code == OrgUnitErrorCode.CODE_OVERLAP.value
    assert OrgUnit.objects.count() == count
    assert OrgUnitLineage.objects.count() == 0


def test_the_command_loads_and_reports(db):
    out = StringIO()

    call_command(
        "load_admin_units", "--province", "19", "--legacy-opened-on", "1997-01-01", stdout=out
    )

    lines = out.getvalue().splitlines()
    assert lines[:3] == [
        "Số tỉnh đã nạp: 1 (19).",
        "Đơn vị: tạo mới 392, đã có sẵn 0.",
        "Quan hệ kế thừa: tạo mới 285, đã có sẵn 0.",
    ]
    assert lines[3].startswith("Hoàn tất trong ")
    assert _unit("01849", date(1997, 1, 1)).name == "Xã Dương Quang"
    assert not OrgUnit.objects.filter(kind__in=[OrgUnitKind.COMMUNE_COMMAND]).exists()


def test_the_command_refuses_an_unknown_province(db):
    with pytest.raises(CommandError, match="99"):
        call_command("load_admin_units", "--province", "99", stdout=StringIO())

    assert OrgUnit.objects.count() == 0
