"""Reserve units and posts with their fill: establishment, arranged, spare range."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet

from qsdp.accounts.models import User
from qsdp.accounts.scoping import get_scoped_or_404, scope_for
from qsdp.reserves import rules
from qsdp.reserves.models import ReservePost, ReserveUnit
from qsdp.reserves.selectors.arrangement import arranged_on_q

# A unit is seen where its holding command is, or in the area that command serves.
UNIT_PATHS = ("org_unit__path", "org_unit__serves__path")


def spare_text(fewest: int, most: int) -> str:
    """ "11" or "11–12": the total a post or unit keeps with its spare."""
    return str(fewest) if fewest == most else f"{fewest}–{most}"


@dataclass(frozen=True)
class PostFill:
    post: ReservePost
    establishment: int
    arranged: int
    min_total: int
    max_total: int

    @property
    def spare_text(self) -> str:
        return spare_text(self.min_total, self.max_total)

    @property
    def is_full(self) -> bool:
        return self.arranged >= self.max_total

    @property
    def is_short(self) -> bool:
        return self.arranged < self.establishment


@dataclass(frozen=True)
class UnitFill:
    unit: ReserveUnit
    posts: list[PostFill]
    depth: int = 0

    @property
    def establishment(self) -> int:
        return sum(p.establishment for p in self.posts)

    @property
    def arranged(self) -> int:
        return sum(p.arranged for p in self.posts)

    @property
    def min_total(self) -> int:
        return sum(p.min_total for p in self.posts)

    @property
    def max_total(self) -> int:
        return sum(p.max_total for p in self.posts)

    @property
    def spare_text(self) -> str:
        return spare_text(self.min_total, self.max_total)


def visible_units(user: User, *, write: bool = False) -> QuerySet[ReserveUnit]:
    return ReserveUnit.objects.filter(scope_for(user).q(*UNIT_PATHS, write=write))


def visible_posts(user: User) -> QuerySet[ReservePost]:
    paths = tuple(f"unit__{p}" for p in UNIT_PATHS)
    return ReservePost.objects.filter(scope_for(user).q(*paths)).select_related("unit")


def unit_subtree_ids(unit: ReserveUnit) -> list[int]:
    """``unit`` and every unit under it (a few levels: one query per level)."""
    ids, level = [unit.pk], [unit.pk]
    while level:
        level = list(ReserveUnit.objects.filter(parent_id__in=level).values_list("pk", flat=True))
        ids += [pk for pk in level if pk not in ids]
    return ids


def _fills(posts: list[ReservePost], on: date) -> list[PostFill]:
    rows = []
    for post in posts:
        answer = rules.reserve_unit_strength(establishment_strength=post.establishment_count, on=on)
        rows.append(
            PostFill(
                post=post,
                establishment=post.establishment_count,
                arranged=post.arranged,  # type: ignore[attr-defined]
                min_total=answer.min_total_with_spare,
                max_total=answer.max_total_with_spare,
            )
        )
    return rows


def _posts_with_fill(on: date) -> QuerySet[ReservePost]:
    held = arranged_on_q(on, "arrangements__")
    return ReservePost.objects.annotate(arranged=Count("arrangements", filter=held)).order_by("id")


def unit_fill_list(*, user: User, on: date) -> list[UnitFill]:
    """Every unit the user may see with its posts and their fill on ``on`` (two queries)."""
    units = (
        visible_units(user)
        .select_related("org_unit", "parent")
        .prefetch_related(Prefetch("posts", _posts_with_fill(on), to_attr="filled"))
        .order_by("org_unit__path", "name", "id")
    )
    return [
        UnitFill(unit, _fills(unit.filled, on), depth)  # type: ignore[attr-defined]
        for unit, depth in tree_order(list(units))
    ]


def tree_order(units: list[ReserveUnit]) -> list[tuple[ReserveUnit, int]]:
    """``units`` with each parent before its sub-units, and the depth of each
    (a unit whose parent is not in the list starts a tree)."""
    present = {unit.pk for unit in units}
    children: dict[int | None, list[ReserveUnit]] = {}
    for unit in units:
        parent = unit.parent_id if unit.parent_id in present else None
        children.setdefault(parent, []).append(unit)
    ordered: list[tuple[ReserveUnit, int]] = []

    def walk(parent: int | None, depth: int) -> None:
        for unit in children.get(parent, []):
            ordered.append((unit, depth))
            walk(unit.pk, depth + 1)

    walk(None, 0)
    return ordered


def unit_get(*, user: User, pk: int) -> ReserveUnit:
    return get_scoped_or_404(
        ReserveUnit.objects.select_related("org_unit__serves", "parent"), user, *UNIT_PATHS, pk=pk
    )


def unit_fill(*, unit: ReserveUnit, on: date) -> UnitFill:
    posts = list(_posts_with_fill(on).filter(unit=unit))
    return UnitFill(unit, _fills(posts, on))


def post_get(*, user: User, pk: int) -> ReservePost:
    paths = tuple(f"unit__{p}" for p in UNIT_PATHS)
    return get_scoped_or_404(
        ReservePost.objects.select_related("unit__org_unit__serves"), user, *paths, pk=pk
    )


def post_choices(*, user: User, on: date, specialty_code: str = "") -> list[PostFill]:
    """Posts the user may arrange into, with room on ``on``; those of ``specialty_code`` first."""
    posts = list(
        _posts_with_fill(on)
        .filter(Q(pk__in=visible_posts(user).values("pk")))
        .select_related("unit")
    )
    fills = [f for f in _fills(posts, on) if not f.is_full]
    return sorted(
        fills, key=lambda f: (f.post.specialty_code != specialty_code, f.post.unit.name, f.post.pk)
    )
