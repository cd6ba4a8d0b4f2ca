"""The demo's org units: new province 19 (Thái Nguyên) from the national loader,
which brings legacy Bắc Kạn province and Bắc Kạn city as they were in 2023 and
the 2025 reform, checked against what the demo needs; then a few villages and
residential groups in each ward and commune of the city.

The check does not repair: when the loader gives something else, the demo
stops and says what differs.
"""

from dataclasses import dataclass
from datetime import date

from qsdp.demo.names import CITY_UNITS
from qsdp.orgunits.models import OrgUnit, OrgUnitKind, OrgUnitLineage
from qsdp.orgunits.national import DEFAULT_LEGACY_OPENED_ON, REFORM_DAY, LoadSummary
from qsdp.orgunits.national import load_admin_units as load_national_units
from qsdp.orgunits.selectors import open_on, org_unit_by_code
from qsdp.orgunits.services import org_unit_create

NEW_PROVINCE = "19"  # Tỉnh Thái Nguyên since 1 July 2025
# The day of the city's 2023 review: the legacy tree as the demo shows it.
LEGACY_DAY = date(2023, 11, 22)
# What each ward and commune of the city became on 1 July 2025.
SUCCESSORS: dict[str, str] = {
    "01834": "01840",  # Nguyễn Thị Minh Khai → Phường Đức Xuân
    "01837": "01843",  # Sông Cầu → Phường Bắc Kạn
    "01840": "01840",  # Đức Xuân → Phường Đức Xuân
    "01843": "01843",  # Phùng Chí Kiên → Phường Bắc Kạn
    "01846": "01840",  # Huyền Tụng → Phường Đức Xuân
    "01849": "01849",  # Dương Quang → Xã Phong Quang
    "01852": "01843",  # Nông Thượng → Phường Bắc Kạn
    "01855": "01843",  # Xuất Hóa → Phường Bắc Kạn
}
NEW_UNITS: dict[str, tuple[str, OrgUnitKind]] = {
    "01840": ("Phường Đức Xuân", OrgUnitKind.WARD),
    "01843": ("Phường Bắc Kạn", OrgUnitKind.WARD),
    "01849": ("Xã Phong Quang", OrgUnitKind.COMMUNE),
}


class DemoTreeError(Exception):
    """The loaded tree is not the one the demo is built on."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(
            "The org-unit loader did not give the demo's tree:\n  - " + "\n  - ".join(problems)
        )


@dataclass(frozen=True)
class DemoTree:
    province: OrgUnit  # Tỉnh Bắc Kạn (legacy, closed on 1 July 2025)
    city: OrgUnit  # Thành phố Bắc Kạn
    city_command: OrgUnit  # Ban CHQS thành phố Bắc Kạn
    units: dict[str, OrgUnit]  # the city's wards and communes, by code
    commands: dict[str, OrgUnit]  # their Ban CHQS, by the code of the area


class _Checker:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def unit(
        self, code: str, kind: str, name: str, on: date, parent: OrgUnit | None
    ) -> OrgUnit | None:
        unit = org_unit_by_code(code=code, on=on, kind=kind)
        if unit is None:
            self.problems.append(f"no {kind} with code {code} open on {on} (expected {name})")
            return None
        if unit.name != name:
            self.problems.append(f"{kind} {code} is named {unit.name!r}, expected {name!r}")
        if parent is not None and unit.parent_id != parent.pk:
            self.problems.append(f"{name}: parent is {unit.parent}, expected {parent}")
        return unit

    def command(
        self, area: OrgUnit, kind: str, name: str, parent: OrgUnit | None
    ) -> OrgUnit | None:
        commands = list(OrgUnit.objects.filter(serves=area, kind=kind, opened_on=area.opened_on))
        if len(commands) != 1:
            self.problems.append(f"{len(commands)} {kind} serving {area.name}, expected 1")
            return None
        command = commands[0]
        if command.name != name:
            self.problems.append(f"the command of {area.name} is {command.name!r}, not {name!r}")
        if parent is not None and command.parent_id != parent.pk:
            self.problems.append(f"{name}: parent is {command.parent}, expected {parent}")
        return command

    def lineage(self, predecessor: OrgUnit, successor: OrgUnit | None) -> None:
        found = {
            link.successor_id: link.successor.name
            for link in OrgUnitLineage.objects.filter(
                predecessor=predecessor, effective_on=REFORM_DAY
            ).select_related("successor")
        }
        expected = {successor.pk: successor.name} if successor else {}
        if found != expected:
            self.problems.append(
                f"{predecessor.name} became {sorted(found.values())} on {REFORM_DAY}, "
                f"expected {sorted(expected.values())}"
            )


def check_tree() -> DemoTree:
    """The units the demo is built on, or ``DemoTreeError`` listing what differs."""
    check = _Checker()
    province = check.unit("06", OrgUnitKind.PROVINCE, "Tỉnh Bắc Kạn", LEGACY_DAY, None)
    city = check.unit("058", OrgUnitKind.DISTRICT, "Thành phố Bắc Kạn", LEGACY_DAY, province)
    if province is None or city is None:
        raise DemoTreeError(check.problems)
    new_province = check.unit("19", OrgUnitKind.PROVINCE, "Tỉnh Thái Nguyên", REFORM_DAY, None)
    province_command = check.command(
        province, OrgUnitKind.PROVINCIAL_COMMAND, "Bộ CHQS tỉnh Bắc Kạn", province
    )
    city_command = check.command(
        city, OrgUnitKind.DISTRICT_COMMAND, "Ban CHQS thành phố Bắc Kạn", province_command
    )
    check.lineage(province, new_province)
    new_units = {
        code: check.unit(code, kind, name, REFORM_DAY, new_province)
        for code, (name, kind) in NEW_UNITS.items()
    }
    units: dict[str, OrgUnit] = {}
    commands: dict[str, OrgUnit] = {}
    for spec in CITY_UNITS:
        kind = OrgUnitKind.COMMUNE if spec.rural else OrgUnitKind.WARD
        unit = check.unit(spec.code, kind, spec.name, LEGACY_DAY, city)
        if unit is None:
            continue
        units[spec.code] = unit
        command = check.command(
            unit, OrgUnitKind.COMMUNE_COMMAND, f"Ban CHQS {spec.address_name}", city_command
        )
        if command is not None:
            commands[spec.code] = command
        check.lineage(unit, new_units[SUCCESSORS[spec.code]])
    others = (
        OrgUnit.objects.filter(open_on(LEGACY_DAY), parent=city)
        .exclude(pk__in=[unit.pk for unit in units.values()])
        .values_list("name", flat=True)
    )
    if others:
        check.problems.append(f"Thành phố Bắc Kạn has other units: {sorted(others)}")
    if check.problems or city_command is None:
        raise DemoTreeError(check.problems)
    return DemoTree(province, city, city_command, units, commands)


def load_tree() -> tuple[DemoTree, LoadSummary]:
    """Load province 19 with its military commands (nothing new when loaded
    already) and check it."""
    summary = load_national_units(
        provinces=[NEW_PROVINCE], with_commands=True, legacy_opened_on=DEFAULT_LEGACY_OPENED_ON
    )
    return check_tree(), summary


def add_villages(tree: DemoTree) -> int:
    """The demo's villages and residential groups, opened and closed with their
    ward or commune; those already present are kept. Returns how many were added."""
    added = 0
    for spec in CITY_UNITS:
        parent = tree.units[spec.code]
        present = set(
            OrgUnit.objects.filter(parent=parent, kind=OrgUnitKind.VILLAGE).values_list(
                "name", flat=True
            )
        )
        for name in spec.villages:
            if name in present:
                continue
            org_unit_create(
                actor=None,
                name=name,
                kind=OrgUnitKind.VILLAGE,
                parent=parent,
                opened_on=parent.opened_on,
                closed_on=parent.closed_on,
            )
            added += 1
    return added
