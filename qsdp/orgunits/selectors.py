"""Every read of the org-unit tree, scoped to the user's units.

A unit is visible to a user when it lies in their scope (``path``) or, for a
military command, when the area it serves does (``serves__path``): the officer
of Ban CHQS xã Dương Quang sees Xã Dương Quang and his own command.
Lineage and parents are shown by name even outside the scope (the names of
administrative units are public law), but only visible units are linked.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from qsdp.accounts.models import User
from qsdp.accounts.scoping import get_scoped_or_404, scope_for, scoped
from qsdp.orgunits.models import (
    COMMUNE_LEVEL_KINDS,
    MILITARY_KINDS,
    OrgUnit,
    OrgUnitKind,
    OrgUnitLineage,
)

VISIBLE_THROUGH = ("path", "serves__path")


def open_on(day: date, prefix: str = "") -> Q:
    """Units alive on ``day``: opened_on <= day < closed_on (or never closed)."""
    return Q(**{f"{prefix}opened_on__lte": day}) & (
        Q(**{f"{prefix}closed_on__isnull": True}) | Q(**{f"{prefix}closed_on__gt": day})
    )


def org_unit_tree(*, user: User, on: date) -> QuerySet[OrgUnit]:
    """The units open on ``on`` inside the user's scope, in tree order (by path).

    Path order keeps every subtree together on SQLite; for nesting, use
    ``tree_rows`` (which follows ``parent`` and works on any collation)."""
    return (
        scoped(OrgUnit.objects.filter(open_on(on)), user, "path")
        .select_related("parent", "serves")
        .order_by("path")
    )


def org_unit_get(*, user: User, pk: int) -> OrgUnit:
    """One unit the user may see, else 404."""
    return get_scoped_or_404(
        OrgUnit.objects.select_related("parent", "serves"), user, *VISIBLE_THROUGH, pk=pk
    )


def can_open(*, user: User, unit: OrgUnit) -> bool:
    """Whether ``org_unit_get`` would return ``unit`` to ``user``."""
    scope = scope_for(user)
    if scope.covers(unit.path):
        return True
    serves = unit.serves  # no query when there is none
    return serves is not None and scope.covers(serves.path)


def org_unit_by_code(*, code: str, on: date, kind: str | None = None) -> OrgUnit | None:
    """The unit named by an official code on ``on`` (a code alone is ambiguous).

    Not scoped: for loaders and imports, which then check the user's scope."""
    units = OrgUnit.objects.filter(open_on(on), code=code)
    if kind is not None:
        units = units.filter(kind=kind)
    try:
        return units.get()
    except OrgUnit.DoesNotExist:
        return None


def successors(unit: OrgUnit) -> QuerySet[OrgUnitLineage]:
    """The links from ``unit`` to the units it became (part of)."""
    return (
        OrgUnitLineage.objects.filter(predecessor=unit)
        .select_related("successor__serves")
        .order_by("effective_on", "successor__name")
    )


def predecessors(unit: OrgUnit) -> QuerySet[OrgUnitLineage]:
    """The links from the units that became (part of) ``unit``."""
    return (
        OrgUnitLineage.objects.filter(successor=unit)
        .select_related("predecessor__serves")
        .order_by("effective_on", "predecessor__name")
    )


def commune_level_units(*, user: User, on: date) -> QuerySet[OrgUnit]:
    """Wards, communes, towns and special zones open on ``on`` in scope, for filters."""
    return (
        scoped(OrgUnit.objects.filter(open_on(on), kind__in=COMMUNE_LEVEL_KINDS), user, "path")
        .select_related("parent")
        .order_by("name", "code")
    )


@dataclass(frozen=True)
class TreeRow:
    """One unit of a tree laid out as nested lists in a single loop: after the
    unit, open a list if it has children, else close its item; then close
    ``closes`` enclosing levels."""

    unit: OrgUnit
    depth: int
    has_children: bool
    closes: range
    kind_label: str  # translated once per kind: a national tree has 20,000 rows


def _sibling_order(unit: OrgUnit) -> tuple[bool, str, str]:
    return (unit.kind in MILITARY_KINDS, unit.code, unit.name)


def tree_rows(units: Iterable[OrgUnit]) -> list[TreeRow]:
    """``units`` nested by parent (a unit whose parent is absent is a root),
    siblings by code with military commands after the administrative units."""
    units = list(units)
    labels = {kind: str(label) for kind, label in OrgUnitKind.choices}
    present = {unit.pk for unit in units}
    children: dict[int | None, list[OrgUnit]] = defaultdict(list)
    for unit in units:
        children[unit.parent_id if unit.parent_id in present else None].append(unit)
    for siblings in children.values():
        siblings.sort(key=_sibling_order)
    rows: list[TreeRow] = []
    # Depth-first without recursion: a national tree is deep enough to matter.
    stack: list[tuple[OrgUnit, int, bool]] = [
        (unit, 0, index == len(children[None]) - 1)
        for index, unit in reversed(list(enumerate(children[None])))
    ]
    open_lasts: list[bool] = []  # for each open ancestor list: is it its parent's last child
    while stack:
        unit, depth, is_last = stack.pop()
        del open_lasts[depth:]
        kids = children.get(unit.pk, [])
        if kids:
            open_lasts.append(is_last)
            stack.extend(
                (kid, depth + 1, index == len(kids) - 1)
                for index, kid in reversed(list(enumerate(kids)))
            )
            rows.append(TreeRow(unit, depth, True, range(0), labels[unit.kind]))
            continue
        # A leaf that is the last child closes its parent's list, and so on up.
        closes = 0
        if is_last:
            for ancestor_is_last in reversed(open_lasts[:depth]):
                closes += 1
                if not ancestor_is_last:
                    break
        rows.append(TreeRow(unit, depth, False, range(closes), labels[unit.kind]))
    return rows


@dataclass(frozen=True)
class OrgUnitDetail:
    unit: OrgUnit
    on: date
    parent_visible: bool
    children: list[OrgUnit]
    commands: list[OrgUnit]
    predecessors: list[OrgUnitLineage]
    successors: list[OrgUnitLineage]
    visible_ids: frozenset[int] = field(default_factory=frozenset)

    @property
    def formed_from(self) -> list[tuple[OrgUnitLineage, OrgUnit]]:
        return [(link, link.predecessor) for link in self.predecessors]

    @property
    def became(self) -> list[tuple[OrgUnitLineage, OrgUnit]]:
        return [(link, link.successor) for link in self.successors]


def default_day(unit: OrgUnit, today: date) -> date:
    """The day to show a unit on: today while it is open, else its last day
    (or its first, if it opens later)."""
    if unit.is_open_on(today):
        return today
    if unit.closed_on is not None and unit.closed_on <= today:
        return unit.closed_on - timedelta(days=1)
    return unit.opened_on


def org_unit_detail(*, user: User, pk: int, on: date | None = None) -> OrgUnitDetail:
    """A unit with its parent, its children and commands on ``on`` (by default
    today, or its last day if it is closed), and its lineage; 404 outside scope."""
    unit = org_unit_get(user=user, pk=pk)
    on = on or default_day(unit, timezone.localdate())
    visible = scoped(OrgUnit.objects.filter(open_on(on)), user, *VISIBLE_THROUGH).distinct()
    children = sorted(visible.filter(parent=unit).select_related("serves"), key=_sibling_order)
    commands = sorted(visible.filter(serves=unit).select_related("parent"), key=_sibling_order)
    before = list(predecessors(unit))
    after = list(successors(unit))
    linked = [link.predecessor for link in before] + [link.successor for link in after]
    visible_ids = frozenset(other.pk for other in linked if can_open(user=user, unit=other))
    return OrgUnitDetail(
        unit=unit,
        on=on,
        parent_visible=unit.parent is not None and can_open(user=user, unit=unit.parent),
        children=children,
        commands=commands,
        predecessors=before,
        successors=after,
        visible_ids=visible_ids,
    )
