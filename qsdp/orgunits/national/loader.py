"""Loading the national administrative units (and, on request, the military
commands beside them) from the package data into our tables.

A service in the house sense: one transaction, the rules of
``qsdp.orgunits.rules`` applied to every unit and link, and one audit event per
province that changed. It writes in bulk (``bulk_create`` returns the ids on
SQLite and PostgreSQL) and places the units with ``derive_pending_paths``.

Idempotent: a unit is matched on code + kind + opened_on, a command on kind +
served unit + opened_on, a lineage link on its two units and date; what exists
is kept as it is.
"""

import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from qsdp.core.audit import record_event
from qsdp.core.errors import DomainError
from qsdp.orgunits import rules
from qsdp.orgunits.errors import OrgUnitErrorCode
from qsdp.orgunits.models import MILITARY_KINDS, OrgUnit, OrgUnitKind, OrgUnitLineage
from qsdp.orgunits.national.source import (
    ProvinceGroup,
    SourceUnit,
    command_name,
    read_dataset,
)
from qsdp.orgunits.services import PENDING_PATH, derive_pending_paths

# The two-tier local government starts: legacy units close, new units open.
REFORM_DAY = date(2025, 7, 1)
# The package carries no founding dates: legacy units open on this day unless told.
DEFAULT_LEGACY_OPENED_ON = date(2000, 1, 1)
BATCH_SIZE = 500
_FK_FIELDS = ["parent", "serves"]


@dataclass
class LoadSummary:
    provinces: list[str] = field(default_factory=list)  # new province codes
    units_created: int = 0
    units_existing: int = 0
    commands_created: int = 0
    commands_existing: int = 0
    links_created: int = 0
    links_existing: int = 0
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        return bool(self.units_created or self.commands_created or self.links_created)

    def add(self, other: "LoadSummary") -> None:
        for name in (
            "units_created", "units_existing", "commands_created",
            "commands_existing", "links_created", "links_existing",
        ):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(frozen=True)
class _Placed:
    pk: int
    named: rules.Named


class _Index:
    """What the database holds already, and what this load has added."""

    def __init__(self) -> None:
        self.units: dict[tuple[str, str, date], _Placed] = {}
        self.by_code: dict[tuple[str, str], list[rules.Named]] = defaultdict(list)
        rows = OrgUnit.objects.exclude(code="").values_list(
            "pk", "code", "kind", "opened_on", "closed_on", "name"
        )
        for pk, code, kind, opened_on, closed_on, name in rows:
            named = rules.Named(name, rules.Period(opened_on, closed_on))
            self.units[(code, kind, opened_on)] = _Placed(pk, named)
            self.by_code[(code, kind)].append(named)
        self.commands: dict[tuple[str, int, date], _Placed] = {}
        commands = OrgUnit.objects.filter(
            kind__in=MILITARY_KINDS, serves__isnull=False
        ).values_list("pk", "kind", "serves_id", "opened_on", "closed_on", "name")
        for pk, kind, serves_id, opened_on, closed_on, name in commands:
            period = rules.Period(opened_on, closed_on)
            self.commands[(kind, serves_id, opened_on)] = _Placed(pk, rules.Named(name, period))
        self.links: set[tuple[int, int]] = set(
            OrgUnitLineage.objects.filter(effective_on=REFORM_DAY).values_list(
                "predecessor_id", "successor_id"
            )
        )


def _unit_period(source: SourceUnit, legacy_opened_on: date) -> rules.Period:
    if source.key.startswith("L:"):
        return rules.Period(legacy_opened_on, REFORM_DAY)
    return rules.Period(REFORM_DAY)


def _refuse(problem: rules.Problem | None, subject: str) -> None:
    if problem is not None:
        raise DomainError(problem.code, f"{subject}: {problem.message}", field=problem.field)


def _save(units: list[OrgUnit]) -> None:
    for unit in units:
        unit.full_clean(exclude=_FK_FIELDS, validate_unique=False, validate_constraints=False)
    OrgUnit.objects.bulk_create(units, batch_size=BATCH_SIZE)


class _GroupLoader:
    """Loads one new province with the legacy provinces that became it."""

    def __init__(self, group: ProvinceGroup, index: _Index, legacy_opened_on: date) -> None:
        self.group = group
        self.index = index
        self.legacy_opened_on = legacy_opened_on
        self.placed: dict[str, _Placed] = {}  # source key → unit
        self.commands: dict[str, _Placed] = {}  # source key of the area → its command
        self.summary = LoadSummary(provinces=[group.code])

    def units(self, sources: Sequence[SourceUnit]) -> None:
        """Match or create one level of units (their parents are placed already)."""
        new: list[tuple[SourceUnit, OrgUnit]] = []
        for source in sources:
            period = _unit_period(source, self.legacy_opened_on)
            found = self.index.units.get((source.code, source.kind, period.opened_on))
            if found is not None:
                self.placed[source.key] = found
                self.summary.units_existing += 1
                continue
            named = rules.Named(source.name, period)
            _refuse(
                rules.code_overlap_problem(
                    code=source.code,
                    kind_label=str(OrgUnitKind(source.kind).label),
                    period=period,
                    others=self.index.by_code[(source.code, source.kind)],
                ),
                source.name,
            )
            parent = self.placed[source.parent_key] if source.parent_key else None
            if parent is not None:
                _refuse(rules.parent_problem(period=period, parent=parent.named), source.name)
            unit = OrgUnit(
                code=source.code,
                name=source.name,
                kind=source.kind,
                parent_id=parent.pk if parent else None,
                opened_on=period.opened_on,
                closed_on=period.closed_on,
                path=PENDING_PATH,
            )
            new.append((source, unit))
            # Known at once, so that two units of this batch cannot share a code.
            self.index.by_code[(source.code, source.kind)].append(named)
        _save([unit for _, unit in new])
        for source, unit in new:
            placed = _Placed(
                unit.pk, rules.Named(unit.name, rules.Period(unit.opened_on, unit.closed_on))
            )
            self.placed[source.key] = placed
            self.index.units[(unit.code, unit.kind, unit.opened_on)] = placed
        self.summary.units_created += len(new)

    def commands_for(
        self,
        areas: Iterable[SourceUnit],
        kind: OrgUnitKind,
        parent_of: Callable[[SourceUnit], _Placed],
    ) -> None:
        """Match or create the command of ``kind`` serving each area (open while
        the area is); ``parent_of`` gives the placed parent of an area's command."""
        new: list[tuple[SourceUnit, OrgUnit]] = []
        for area in areas:
            served = self.placed[area.key]
            key = (kind.value, served.pk, served.named.period.opened_on)
            found = self.index.commands.get(key)
            if found is not None:
                self.commands[area.key] = found
                self.summary.commands_existing += 1
                continue
            parent = parent_of(area)
            period = served.named.period
            name = command_name(area.name, area.kind, area.package_key)
            _refuse(rules.parent_problem(period=period, parent=parent.named), name)
            unit = OrgUnit(
                name=name,
                kind=kind,
                parent_id=parent.pk,
                serves_id=served.pk,
                opened_on=period.opened_on,
                closed_on=period.closed_on,
                path=PENDING_PATH,
            )
            new.append((area, unit))
        _save([unit for _, unit in new])
        for area, unit in new:
            served = self.placed[area.key]
            placed = _Placed(unit.pk, rules.Named(unit.name, served.named.period))
            self.commands[area.key] = placed
            self.index.commands[(kind.value, served.pk, served.named.period.opened_on)] = placed
        self.summary.commands_created += len(new)

    def links(self) -> None:
        new: list[OrgUnitLineage] = []
        for link in self.group.links:
            before, after = self.placed[link.predecessor_key], self.placed[link.successor_key]
            if (before.pk, after.pk) in self.index.links:
                self.summary.links_existing += 1
                continue
            _refuse(
                rules.lineage_problem(
                    predecessor=before.named,
                    successor=after.named,
                    effective_on=REFORM_DAY,
                    same_unit=before.pk == after.pk,
                ),
                f"{before.named.name} → {after.named.name}",
            )
            lineage = OrgUnitLineage(
                predecessor_id=before.pk,
                successor_id=after.pk,
                kind=link.kind,
                effective_on=REFORM_DAY,
                basis=link.basis,
            )
            lineage.full_clean(
                exclude=["predecessor", "successor"], validate_unique=False,
                validate_constraints=False,
            )  # fmt: skip
            new.append(lineage)
            self.index.links.add((before.pk, after.pk))
        OrgUnitLineage.objects.bulk_create(new, batch_size=BATCH_SIZE)
        self.summary.links_created += len(new)

    def load(self, *, with_commands: bool) -> LoadSummary:
        group = self.group
        self.units(group.legacy_provinces)
        self.units(group.legacy_districts)
        self.units(group.legacy_communes)
        self.units([group.province])
        self.units(group.communes)
        self.links()
        if with_commands:
            self._load_commands()
        return self.summary

    def _load_commands(self) -> None:
        group = self.group
        province = group.province
        self.commands_for(
            [*group.legacy_provinces, province],
            OrgUnitKind.PROVINCIAL_COMMAND,
            lambda area: self.placed[area.key],
        )
        self.commands_for(
            group.legacy_districts,
            OrgUnitKind.DISTRICT_COMMAND,
            lambda area: self.commands[area.parent_key or ""],
        )
        self.commands_for(
            group.legacy_communes,
            OrgUnitKind.COMMUNE_COMMAND,
            lambda area: self.commands[area.parent_key or ""],
        )
        self.commands_for(
            group.communes,
            OrgUnitKind.COMMUNE_COMMAND,
            lambda area: self.commands[province.key],
        )

    def record(self, actor: Any) -> None:
        if not self.summary.changed:
            return
        province = self.placed[self.group.province.key]
        record_event(
            actor=actor,
            verb="org_units.loaded",
            target=OrgUnit(pk=province.pk, name=province.named.name),
            changes={
                "source": f"vietnamadminunits {read_dataset().version}",
                "legacy_opened_on": self.legacy_opened_on.isoformat(),
                "legacy_provinces": [unit.code for unit in self.group.legacy_provinces],
                "units_created": self.summary.units_created,
                "commands_created": self.summary.commands_created,
                "links_created": self.summary.links_created,
            },
        )


def province_codes() -> list[str]:
    """The codes of the 34 provinces (since 1 July 2025) the loader knows."""
    return list(read_dataset().groups)


def load_admin_units(
    *,
    provinces: Iterable[str] | None = None,
    with_commands: bool = False,
    legacy_opened_on: date = DEFAULT_LEGACY_OPENED_ON,
    actor: Any = None,
) -> LoadSummary:
    """Load the new provinces ``provinces`` (codes since 1 July 2025, e.g. "19" for
    Thái Nguyên; all 34 when None) with the legacy provinces merged into them:
    legacy units open on ``legacy_opened_on`` and close on 1 July 2025, new units
    open that day, and lineage links join them. ``with_commands`` adds the
    provincial, district and commune military commands beside the units."""
    started = time.monotonic()
    dataset = read_dataset()
    codes = list(dict.fromkeys(provinces)) if provinces else list(dataset.groups)
    unknown = [code for code in codes if code not in dataset.groups]
    if unknown:
        raise DomainError(
            OrgUnitErrorCode.UNKNOWN_PROVINCE,
            _("Unknown province code(s): %(codes)s. The 34 provinces are: %(known)s.")
            % {"codes": ", ".join(unknown), "known": ", ".join(dataset.groups)},
            field="provinces",
        )
    if legacy_opened_on >= REFORM_DAY:
        raise DomainError(
            OrgUnitErrorCode.LEGACY_OPENED_TOO_LATE,
            _("Legacy units must open before %(day)s.") % {"day": rules.day_text(REFORM_DAY)},
            field="legacy_opened_on",
        )
    summary = LoadSummary()
    with transaction.atomic():
        index = _Index()
        for code in codes:
            loader = _GroupLoader(dataset.groups[code], index, legacy_opened_on)
            summary.add(loader.load(with_commands=with_commands))
            summary.provinces.append(code)
            loader.record(actor)
        derive_pending_paths()
    summary.seconds = time.monotonic() - started
    return summary
