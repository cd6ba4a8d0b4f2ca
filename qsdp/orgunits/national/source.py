"""Reading the administrative units of the MIT package ``vietnamadminunits``.

No ORM here: the package's SQLite file (``data/dataset.db``) and its 2025
converter (``data/converter_2025.json``) become plain dataclasses.

- ``admin_units_legacy``: the tree before 1 July 2025 (63 provinces, 696
  districts, 10,035 commune-level units; five island districts had none).
- ``admin_units``: the tree from 1 July 2025 (34 provinces, 3,321 commune-level
  units, no district level).
- ``DICT_PROVINCE``: new province key → the legacy province keys merged into it.
- ``DICT_PROVINCE_WARD_NO_DIVIDED``: new province key → new ward key → the
  legacy "province_district_ward" keys wholly merged into it (a district key
  with an empty ward part is an island district that became a special zone).
- ``DICT_PROVINCE_WARD_DIVIDED``: new province key → legacy key → the new wards
  its area was split among.

The package carries no founding dates; the loader supplies them.
"""

import json
import re
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata, resources
from typing import Any

from qsdp.core.text import nfc
from qsdp.orgunits import rules
from qsdp.orgunits.models import LineageKind, OrgUnitKind

PACKAGE = "vietnamadminunits"
PROVINCE_BASIS = "Nghị quyết 202/2025/QH15"
COMMUNE_BASIS = (
    "Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính cấp xã năm 2025"
)

# The legal designations a unit's name starts with, as written in law; the
# package sometimes capitalises them ("Thành Phố Bắc Kạn", "Thị Trấn Prao").
_DESIGNATIONS = {
    "tỉnh": ("Tỉnh", OrgUnitKind.PROVINCE),
    "thành phố": ("Thành phố", OrgUnitKind.DISTRICT),
    "quận": ("Quận", OrgUnitKind.DISTRICT),
    "huyện": ("Huyện", OrgUnitKind.DISTRICT),
    "thị xã": ("Thị xã", OrgUnitKind.DISTRICT),
    "phường": ("Phường", OrgUnitKind.WARD),
    "xã": ("Xã", OrgUnitKind.COMMUNE),
    "thị trấn": ("Thị trấn", OrgUnitKind.TOWN),
    "đặc khu": ("Đặc khu", OrgUnitKind.SPECIAL_ZONE),
}
_DESIGNATION = re.compile(
    r"^(" + "|".join(sorted(_DESIGNATIONS, key=len, reverse=True)) + r")\s+(.+)$", re.IGNORECASE
)
WARD_TYPES = {
    "Phường": OrgUnitKind.WARD,
    "Xã": OrgUnitKind.COMMUNE,
    "Thị trấn": OrgUnitKind.TOWN,
    "Đặc khu": OrgUnitKind.SPECIAL_ZONE,
}
# The two provincial commands that are high commands, not "Bộ CHQS".
_HIGH_COMMANDS = {
    "thanhphohanoi": "Bộ Tư lệnh Thủ đô Hà Nội",
    "thanhphohochiminh": "Bộ Tư lệnh Thành phố Hồ Chí Minh",
}


def normalise_name(name: str) -> str:
    """The full official name, NFC, with its designation written as in law
    (Thành Phố Bắc Kạn → Thành phố Bắc Kạn)."""
    name = nfc(name)
    match = _DESIGNATION.match(name)
    if match is None:
        return name
    return f"{_DESIGNATIONS[match.group(1).lower()][0]} {match.group(2)}"


def designation(name: str) -> str:
    """The designation a name starts with ("Phường" for "Phường Đức Xuân"), or ""."""
    match = _DESIGNATION.match(name)
    return _DESIGNATIONS[match.group(1).lower()][0] if match else ""


def commune_level_kind(name: str, ward_type: str) -> OrgUnitKind:
    """The kind of a commune-level unit. The name carries the legal designation;
    where the package's type column disagrees with it (a handful of rows, e.g.
    "Phường 5" of Phú Nhuận typed "Xã"), the name wins."""
    match = _DESIGNATION.match(name)
    if match is not None:
        kind = _DESIGNATIONS[match.group(1).lower()][1]
        if kind in WARD_TYPES.values():
            return kind
    return WARD_TYPES[ward_type]


def command_name(area_name: str, area_kind: str, area_key: str = "") -> str:
    """The military command of an area: Ban CHQS xã Dương Quang for Xã Dương Quang,
    Bộ CHQS tỉnh Bắc Kạn for a province (Hà Nội and Hồ Chí Minh City have high
    commands instead)."""
    if area_kind == OrgUnitKind.PROVINCE and area_key in _HIGH_COMMANDS:
        return _HIGH_COMMANDS[area_key]
    word = designation(area_name)
    lowered = f"{word.lower()}{area_name[len(word) :]}" if word else area_name
    head = "Bộ CHQS" if area_kind == OrgUnitKind.PROVINCE else "Ban CHQS"
    return f"{head} {lowered}"


@dataclass(frozen=True)
class SourceUnit:
    key: str  # unique within the dataset: "L:" legacy, "N:" new, then the package keys
    code: str
    name: str
    kind: OrgUnitKind
    parent_key: str | None
    package_key: str  # the package's own key of the area ("tinhbackan")


@dataclass(frozen=True)
class SourceLink:
    predecessor_key: str
    successor_key: str
    kind: LineageKind
    basis: str


@dataclass
class ProvinceGroup:
    """One new province and the legacy units that became it."""

    code: str
    name: str
    province: SourceUnit
    legacy_provinces: list[SourceUnit] = field(default_factory=list)
    legacy_districts: list[SourceUnit] = field(default_factory=list)
    legacy_communes: list[SourceUnit] = field(default_factory=list)
    communes: list[SourceUnit] = field(default_factory=list)
    links: list[SourceLink] = field(default_factory=list)


@dataclass(frozen=True)
class Dataset:
    version: str
    groups: dict[str, ProvinceGroup]  # by new province code, in code order


def _data_file(name: str) -> Any:
    return resources.files(PACKAGE) / "data" / name


def _rows(connection: sqlite3.Connection, sql: str) -> list[sqlite3.Row]:
    connection.row_factory = sqlite3.Row
    return connection.execute(sql).fetchall()


def _legacy(group_of: dict[str, ProvinceGroup], rows: list[sqlite3.Row]) -> dict[str, SourceUnit]:
    """The legacy units by package key ("province_district_ward"), filed in their groups."""
    by_key: dict[str, SourceUnit] = {}
    for row in rows:
        group = group_of[row["provinceKey"]]
        province_key = f"L:{row['provinceKey']}"
        if province_key not in by_key:
            unit = SourceUnit(
                province_key,
                row["provinceCode"],
                normalise_name(row["province"]),
                OrgUnitKind.PROVINCE,
                None,
                row["provinceKey"],
            )
            by_key[province_key] = unit
            group.legacy_provinces.append(unit)
        district = f"{row['provinceKey']}_{row['districtKey']}"
        if f"L:{district}" not in by_key:
            unit = SourceUnit(
                f"L:{district}",
                row["districtCode"],
                normalise_name(row["district"]),
                OrgUnitKind.DISTRICT,
                province_key,
                district,
            )
            by_key[unit.key] = unit
            # An island district without communes is named "province_district_".
            by_key[f"L:{district}_"] = unit
            group.legacy_districts.append(unit)
        if row["wardCode"]:
            ward = f"{district}_{row['wardKey']}"
            name = normalise_name(row["ward"])
            unit = SourceUnit(
                f"L:{ward}",
                row["wardCode"],
                name,
                commune_level_kind(name, row["wardType"]),
                f"L:{district}",
                ward,
            )
            by_key[unit.key] = unit
            group.legacy_communes.append(unit)
    return by_key


def _links(
    converter: dict[str, Any], legacy: dict[str, SourceUnit], new: dict[str, SourceUnit]
) -> list[SourceLink]:
    pairs: set[tuple[str, str]] = set()
    for province, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for ward, olds in wards.items():
            pairs.update((legacy[f"L:{old}"].key, f"N:{province}_{ward}") for old in olds)
    for province, olds in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, parts in olds.items():
            pairs.update(
                (legacy[f"L:{old}"].key, f"N:{province}_{part['newWardKey']}") for part in parts
            )
    for province, olds in converter["DICT_PROVINCE"].items():
        pairs.update((f"L:{old}", f"N:{province}") for old in olds)
    after: dict[str, int] = defaultdict(int)
    before: dict[str, int] = defaultdict(int)
    for old, new_key in pairs:
        after[old] += 1
        before[new_key] += 1
    links = []
    for old, new_key in sorted(pairs):
        kind = rules.lineage_kind(
            successors_of_predecessor=after[old],
            predecessors_of_successor=before[new_key],
            same_name=legacy[old].name == new[new_key].name,
        )
        basis = PROVINCE_BASIS if new[new_key].kind == OrgUnitKind.PROVINCE else COMMUNE_BASIS
        links.append(SourceLink(old, new_key, kind, basis))
    return links


@cache
def read_dataset() -> Dataset:
    """The whole package dataset, grouped by new province (read once per process)."""
    converter = json.loads(_data_file("converter_2025.json").read_text(encoding="utf-8"))
    with resources.as_file(_data_file("dataset.db")) as path:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            new_rows = _rows(
                connection,
                "SELECT province, provinceCode, provinceKey, ward, wardCode, wardKey, wardType "
                "FROM admin_units ORDER BY provinceCode, wardCode",
            )
            legacy_rows = _rows(
                connection,
                "SELECT province, provinceCode, provinceKey, district, districtCode, "
                "districtKey, ward, wardCode, wardKey, wardType "
                "FROM admin_units_legacy ORDER BY provinceCode, districtCode, wardCode",
            )
        finally:
            connection.close()
    groups: dict[str, ProvinceGroup] = {}
    new: dict[str, SourceUnit] = {}
    group_by_new_key: dict[str, ProvinceGroup] = {}
    for row in new_rows:
        key = row["provinceKey"]
        if key not in group_by_new_key:
            name = normalise_name(row["province"])
            province = SourceUnit(
                f"N:{key}", row["provinceCode"], name, OrgUnitKind.PROVINCE, None, key
            )
            group = ProvinceGroup(row["provinceCode"], name, province)
            groups[group.code] = group_by_new_key[key] = group
            new[province.key] = province
        name = normalise_name(row["ward"])
        unit = SourceUnit(
            f"N:{key}_{row['wardKey']}",
            row["wardCode"],
            name,
            commune_level_kind(name, row["wardType"]),
            f"N:{key}",
            row["wardKey"],
        )
        new[unit.key] = unit
        group_by_new_key[key].communes.append(unit)
    group_of_legacy = {
        old: group_by_new_key[new_key]
        for new_key, olds in converter["DICT_PROVINCE"].items()
        for old in olds
    }
    legacy = _legacy(group_of_legacy, legacy_rows)
    for link in _links(converter, legacy, new):
        new_province = new[link.successor_key].parent_key or link.successor_key
        group_by_new_key[new_province.removeprefix("N:")].links.append(link)
    return Dataset(metadata.version(PACKAGE), groups)
