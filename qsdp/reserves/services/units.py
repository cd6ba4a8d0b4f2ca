"""Reserve units and their posts (Luật Lực lượng DBĐV 2019 Điều 15)."""

from dataclasses import asdict, dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from qsdp.core.audit import snapshot
from qsdp.core.errors import DomainError
from qsdp.core.text import nfc
from qsdp.orgunits.models import OrgUnit
from qsdp.reserves.errors import ReserveErrorCode as Code
from qsdp.reserves.models import Arrangement, ReservePost, ReserveUnit
from qsdp.reserves.services._common import (
    audit_changed,
    audit_created,
    guard,
    save_new,
    unit_paths,
)

UNIT_FIELDS = ("name", "code", "org_unit", "kind", "parent")
POST_FIELDS = ("unit", "title", "specialty_code", "specialty_name", "establishment_count")


@dataclass(frozen=True)
class UnitData:
    name: str
    kind: str
    org_unit: OrgUnit
    code: str = ""
    parent: ReserveUnit | None = None


@dataclass(frozen=True)
class PostData:
    title: str
    specialty_code: str
    specialty_name: str
    establishment_count: int


def _check_parent(unit: ReserveUnit | None, parent: ReserveUnit | None) -> None:
    seen = parent
    while seen is not None:
        if unit is not None and seen.pk == unit.pk:
            raise DomainError(
                Code.UNIT_PARENT_CYCLE,
                _("A unit cannot be placed under itself or one of its own sub-units."),
                field="parent",
            )
        seen = seen.parent


def _clean_unit(data: UnitData) -> dict[str, Any]:
    return {**asdict(data), "name": nfc(data.name), "code": data.code.strip()}


@transaction.atomic
def reserve_unit_create(*, actor: Any, data: UnitData) -> ReserveUnit:
    """A reserve unit held by ``data.org_unit`` (a military command or an area)."""
    unit = ReserveUnit(**_clean_unit(data))
    guard(actor, *unit_paths(unit))
    save_new(unit)
    audit_created(
        actor=actor, verb="reserve_unit.created", obj=unit, fields=UNIT_FIELDS, person_id=None
    )
    return unit


@transaction.atomic
def reserve_unit_update(*, actor: Any, unit: ReserveUnit, data: UnitData) -> ReserveUnit:
    guard(actor, *unit_paths(unit))
    unit = ReserveUnit.objects.select_for_update().get(pk=unit.pk)
    _check_parent(unit, data.parent)
    before = snapshot(unit, UNIT_FIELDS)
    for name, value in _clean_unit(data).items():
        setattr(unit, name, value)
    guard(actor, *unit_paths(unit))
    unit.full_clean()
    unit.save()
    audit_changed(
        actor=actor, verb="reserve_unit.updated", obj=unit, before=before, fields=UNIT_FIELDS,
        person_id=None,
    )  # fmt: skip
    return unit


def _clean_post(data: PostData) -> dict[str, Any]:
    if data.establishment_count < 1:
        raise DomainError(
            Code.ESTABLISHMENT_INVALID,
            _("The establishment strength of a post is at least 1."),
            field="establishment_count",
        )
    return {
        "title": nfc(data.title),
        "specialty_code": data.specialty_code.strip().upper(),
        "specialty_name": nfc(data.specialty_name),
        "establishment_count": data.establishment_count,
    }


@transaction.atomic
def reserve_post_create(*, actor: Any, unit: ReserveUnit, data: PostData) -> ReservePost:
    """A post of ``unit``: a title, the military specialty it needs, its establishment."""
    guard(actor, *unit_paths(unit))
    post = ReservePost(unit=unit, **_clean_post(data))
    save_new(post)
    audit_created(
        actor=actor, verb="reserve_post.created", obj=post, fields=POST_FIELDS, person_id=None
    )
    return post


@transaction.atomic
def reserve_post_update(*, actor: Any, post: ReservePost, data: PostData) -> ReservePost:
    """Change a post; its establishment may not fall below the people arranged into it."""
    guard(actor, *unit_paths(post.unit))
    post = ReservePost.objects.select_for_update().select_related("unit").get(pk=post.pk)
    values = _clean_post(data)
    arranged = Arrangement.objects.filter(post=post, ended_on__isnull=True).count()
    if values["establishment_count"] < arranged:
        raise DomainError(
            Code.ESTABLISHMENT_BELOW_ARRANGED,
            _("%(count)s reservists are arranged into this post: end their arrangements first.")
            % {"count": arranged},
            field="establishment_count",
        )
    before = snapshot(post, POST_FIELDS)
    for name, value in values.items():
        setattr(post, name, value)
    post.full_clean()
    post.save()
    audit_changed(
        actor=actor, verb="reserve_post.updated", obj=post, before=before, fields=POST_FIELDS,
        person_id=None,
    )  # fmt: skip
    return post
