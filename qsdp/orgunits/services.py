"""Every write to the org-unit tree: one transaction and one audit event each.

The national loader (``qsdp.orgunits.national``) writes in bulk but applies the
same rules (``qsdp.orgunits.rules``) and derives paths with
``derive_pending_paths``.
"""

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import CharField, F, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Concat
from django.utils.translation import gettext as _

from qsdp.core.audit import diff, record_event, snapshot
from qsdp.core.errors import DomainError
from qsdp.orgunits import rules
from qsdp.orgunits.errors import OrgUnitErrorCode
from qsdp.orgunits.models import OrgUnit, OrgUnitKind, OrgUnitLineage

# The path of a unit saved but not yet placed in the tree (its id is not known
# before the insert).
PENDING_PATH = "/pending/"
AUDITED_FIELDS = ("code", "name", "kind", "parent", "serves", "opened_on", "closed_on")


def _refuse(problem: rules.Problem | None) -> None:
    if problem is not None:
        raise DomainError(problem.code, problem.message, field=problem.field)


def named(unit: OrgUnit) -> rules.Named:
    return rules.Named(unit.name, rules.Period(unit.opened_on, unit.closed_on))


def _kind_label(kind: str) -> str:
    return str(OrgUnitKind(kind).label) if kind in OrgUnitKind.values else kind


def _code_overlap(unit: OrgUnit) -> rules.Problem | None:
    if not unit.code:
        return None
    others = (
        OrgUnit.objects.filter(code=unit.code, kind=unit.kind)
        .exclude(pk=unit.pk)
        .only("name", "opened_on", "closed_on")
    )
    return rules.code_overlap_problem(
        code=unit.code,
        kind_label=_kind_label(unit.kind),
        period=rules.Period(unit.opened_on, unit.closed_on),
        others=[named(other) for other in others],
    )


@transaction.atomic
def derive_pending_paths() -> int:
    """Give every unit still at ``PENDING_PATH`` its path and level, parents first.

    One UPDATE per tree depth, whatever the number of units: the loader's way
    of placing thousands of units saved with ``bulk_create``.
    """
    parent = OrgUnit.objects.filter(pk=OuterRef("parent_id"))
    updated = 0
    while True:
        ready = OrgUnit.objects.filter(path=PENDING_PATH).exclude(parent__path=PENDING_PATH)
        count = ready.update(
            path=Concat(
                Coalesce(Subquery(parent.values("path")[:1]), Value("/")),
                Cast(F("id"), output_field=CharField()),
                Value("/"),
                output_field=CharField(),
            ),
            level=Coalesce(
                Subquery(parent.values("level")[:1]) + 1, Value(0), output_field=IntegerField()
            ),
        )
        if not count:
            return updated
        updated += count


@transaction.atomic
def org_unit_create(
    *,
    actor: Any,
    name: str,
    kind: str,
    opened_on: date,
    code: str = "",
    parent: OrgUnit | None = None,
    serves: OrgUnit | None = None,
    closed_on: date | None = None,
) -> OrgUnit:
    """A new unit; its ``path`` and ``level`` come from its parent."""
    if parent is not None:
        # The parent as stored (and locked: it may not close meanwhile).
        parent = OrgUnit.objects.select_for_update().get(pk=parent.pk)
    unit = OrgUnit(
        code=code,
        name=name,
        kind=kind,
        parent=parent,
        serves=serves,
        opened_on=opened_on,
        closed_on=closed_on,
        path=PENDING_PATH,
    )
    _refuse(rules.period_problem(rules.Period(opened_on, closed_on)))
    _refuse(_code_overlap(unit))
    if parent is not None:
        _refuse(rules.parent_problem(period=named(unit).period, parent=named(parent)))
    unit.full_clean()
    unit.save()
    unit.path = f"{parent.path if parent else '/'}{unit.pk}/"
    unit.level = parent.level + 1 if parent else 0
    unit.save(update_fields=["path", "level"])
    record_event(
        actor=actor,
        verb="org_unit.created",
        target=unit,
        changes=diff({}, snapshot(unit, AUDITED_FIELDS)),
    )
    return unit


@transaction.atomic
def org_unit_close(*, actor: Any, unit: OrgUnit, closed_on: date) -> OrgUnit:
    """``unit`` no longer exists from ``closed_on``; its children must be closed first."""
    unit = OrgUnit.objects.select_for_update().get(pk=unit.pk)
    children = unit.children.only("name", "opened_on", "closed_on")
    _refuse(
        rules.close_problem(
            name=unit.name,
            period=named(unit).period,
            closed_on=closed_on,
            children=[named(child) for child in children],
        )
    )
    before = snapshot(unit, ["closed_on"])
    unit.closed_on = closed_on
    unit.full_clean()
    unit.save(update_fields=["closed_on"])
    record_event(
        actor=actor,
        verb="org_unit.closed",
        target=unit,
        changes=diff(before, snapshot(unit, ["closed_on"])),
    )
    return unit


@transaction.atomic
def lineage_record(
    *,
    actor: Any,
    predecessor: OrgUnit,
    successor: OrgUnit,
    kind: str,
    effective_on: date,
    basis: str = "",
) -> OrgUnitLineage:
    """``predecessor`` became (part of) ``successor`` on ``effective_on``."""
    predecessor = OrgUnit.objects.get(pk=predecessor.pk)
    successor = OrgUnit.objects.get(pk=successor.pk)
    _refuse(
        rules.lineage_problem(
            predecessor=named(predecessor),
            successor=named(successor),
            effective_on=effective_on,
            same_unit=predecessor.pk == successor.pk,
        )
    )
    if OrgUnitLineage.objects.filter(
        predecessor=predecessor, successor=successor, effective_on=effective_on
    ).exists():
        raise DomainError(
            OrgUnitErrorCode.LINEAGE_EXISTS,
            _("This lineage is already recorded."),
            field="successor",
        )
    link = OrgUnitLineage(
        predecessor=predecessor,
        successor=successor,
        kind=kind,
        effective_on=effective_on,
        basis=basis,
    )
    link.full_clean()
    link.save()
    record_event(
        actor=actor,
        verb="org_unit_lineage.recorded",
        target=link,
        changes=diff(
            {},
            snapshot(link, ["predecessor", "successor", "kind", "effective_on", "basis"]),
        ),
    )
    return link
