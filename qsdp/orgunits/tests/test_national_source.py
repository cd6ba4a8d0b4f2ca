import pytest

from qsdp.orgunits.models import LineageKind, OrgUnitKind
from qsdp.orgunits.national.source import (
    PROVINCE_BASIS,
    command_name,
    commune_level_kind,
    normalise_name,
    read_dataset,
)


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Thành Phố Bắc Kạn", "Thành phố Bắc Kạn"),
        ("Thị Xã Buôn Hồ", "Thị xã Buôn Hồ"),
        ("Thị Trấn Prao", "Thị trấn Prao"),
        ("Phường  Đức Xuân ", "Phường Đức Xuân"),
        ("Phường 5", "Phường 5"),
        ("Tỉnh Bà Rịa - Vũng Tàu", "Tỉnh Bà Rịa - Vũng Tàu"),
    ],
)
def test_names_keep_their_designation_as_written_in_law(raw, name):
    assert normalise_name(raw) == name


@pytest.mark.parametrize(
    ("name", "ward_type", "kind"),
    [
        ("Phường Đức Xuân", "Phường", OrgUnitKind.WARD),
        ("Xã Dương Quang", "Xã", OrgUnitKind.COMMUNE),
        ("Thị trấn Chợ Rã", "Thị trấn", OrgUnitKind.TOWN),
        ("Đặc khu Côn Đảo", "Đặc khu", OrgUnitKind.SPECIAL_ZONE),
        ("Phường 5", "Xã", OrgUnitKind.WARD),  # the package mistypes it; the name wins
    ],
)
def test_commune_level_kind(name, ward_type, kind):
    assert commune_level_kind(name, ward_type) == kind


@pytest.mark.parametrize(
    ("area", "kind", "key", "command"),
    [
        ("Tỉnh Bắc Kạn", OrgUnitKind.PROVINCE, "tinhbackan", "Bộ CHQS tỉnh Bắc Kạn"),
        ("Thành phố Huế", OrgUnitKind.PROVINCE, "thanhphohue", "Bộ CHQS thành phố Huế"),
        ("Thành phố Hà Nội", OrgUnitKind.PROVINCE, "thanhphohanoi", "Bộ Tư lệnh Thủ đô Hà Nội"),
        ("Thành phố Bắc Kạn", OrgUnitKind.DISTRICT, "", "Ban CHQS thành phố Bắc Kạn"),
        ("Xã Dương Quang", OrgUnitKind.COMMUNE, "", "Ban CHQS xã Dương Quang"),
        ("Đặc khu Côn Đảo", OrgUnitKind.SPECIAL_ZONE, "", "Ban CHQS đặc khu Côn Đảo"),
    ],
)
def test_command_name(area, kind, key, command):
    assert command_name(area, kind, key) == command


def test_the_dataset_holds_both_trees_of_the_whole_country():
    groups = read_dataset().groups.values()

    assert len(groups) == 34
    assert sum(len(group.legacy_provinces) for group in groups) == 63
    assert sum(len(group.legacy_districts) for group in groups) == 696
    assert sum(len(group.legacy_communes) for group in groups) == 10035
    assert sum(len(group.communes) for group in groups) == 3321
    assert sum(len(group.links) for group in groups) == 10665


def test_thai_nguyen_is_made_of_legacy_bac_kan_and_thai_nguyen():
    group = read_dataset().groups["19"]

    assert group.name == "Tỉnh Thái Nguyên"
    assert [(unit.code, unit.name) for unit in group.legacy_provinces] == [
        ("06", "Tỉnh Bắc Kạn"),
        ("19", "Tỉnh Thái Nguyên"),
    ]
    province_links = [
        (link.predecessor_key, link.kind, link.basis)
        for link in group.links
        if link.successor_key == "N:tinhthainguyen"
    ]
    assert province_links == [
        ("L:tinhbackan", LineageKind.MERGE, PROVINCE_BASIS),
        ("L:tinhthainguyen", LineageKind.MERGE, PROVINCE_BASIS),
    ]


def test_an_island_district_without_communes_becomes_a_special_zone():
    group = read_dataset().groups["79"]

    links = [
        link for link in group.links if link.successor_key == "N:thanhphohochiminh_dackhucondao"
    ]

    assert [(link.predecessor_key, link.kind) for link in links] == [
        ("L:tinhbariavungtau_huyencondao", LineageKind.RENAME)
    ]
