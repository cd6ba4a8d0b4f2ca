"""Every read of the person register, scoped to the user's org units."""

import base64
import json
import re
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from qsdp.accounts.models import User
from qsdp.accounts.scoping import get_scoped_or_404, scope_for
from qsdp.core.lists import capped_count
from qsdp.core.models import AuditEvent
from qsdp.core.panels import timeline_title
from qsdp.core.privacy import disclosed, sensitive_fields
from qsdp.core.text import fold
from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person, Residence

# A person is in scope where they are managed, or where they are being transferred to.
PERSON_PATHS = ("org_unit__path", "pending_transfer_to__path")


class PersonStatus:
    RESIDENT = "resident"
    TRANSFERRED_OUT = "transferred_out"
    INCOMING = "incoming"


@dataclass(frozen=True)
class PersonFilters:
    q: str = ""
    org_unit: OrgUnit | None = None
    sex: str = ""
    birth_year: int | None = None
    status: str = ""


@dataclass(frozen=True)
class PersonPage:
    items: list[Person]
    total: int
    next_cursor: str | None
    is_first: bool
    total_capped: bool = False  # more than ``total`` (``core.lists.capped_count``)


def _visible(user: User) -> QuerySet[Person]:
    return Person.objects.filter(scope_for(user).q(*PERSON_PATHS))


def person_search(people: QuerySet[Person], query: str) -> QuerySet[Person]:
    """``people`` whose CCCD starts with ``query`` (3 to 12 digits), else whose
    name contains it, with or without diacritics; all of them for no query."""
    query = query.strip()
    if re.fullmatch(r"\d{3,12}", query):
        return people.filter(national_id__startswith=query)
    if query:
        # search_name is stored folded and lower-case, so a plain LIKE suffices
        # (and uses the trigram index on PostgreSQL).
        return people.filter(search_name__contains=fold(query))
    return people


def person_list(*, user: User, filters: PersonFilters) -> QuerySet[Person]:
    """People the user may see, filtered; ordered as registers are (tên, họ, đệm)."""
    people = person_search(_visible(user), filters.q)
    if filters.org_unit is not None:
        people = people.filter(org_unit__path__startswith=filters.org_unit.path)
    if filters.sex:
        people = people.filter(sex=filters.sex)
    if filters.birth_year:
        people = people.filter(
            birth_date__gte=date(filters.birth_year, 1, 1),
            birth_date__lte=date(filters.birth_year, 12, 31),
        )
    if filters.status == PersonStatus.INCOMING:
        people = people.filter(scope_for(user).q("pending_transfer_to__path"))
    elif filters.status == PersonStatus.TRANSFERRED_OUT:
        people = people.exclude(residences__ended_on__isnull=True)
    elif filters.status == PersonStatus.RESIDENT:
        people = people.filter(residences__ended_on__isnull=True)
    return people.select_related("org_unit", "pending_transfer_to").order_by("sort_name", "id")


def _encode_cursor(person: Person) -> str:
    raw = json.dumps([person.sort_name, person.pk]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[str, int] | None:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        sort_name, pk = json.loads(base64.urlsafe_b64decode(padded))
        return str(sort_name), int(pk)
    except (ValueError, TypeError):
        return None


def person_page(
    *, user: User, filters: PersonFilters, after: str | None = None, size: int = 50
) -> PersonPage:
    """One page of ``person_list``, by keyset ("after this name and id"), so a
    deep page costs the same as the first at a province's size."""
    people = person_list(user=user, filters=filters)
    total, capped = capped_count(people)
    position = _decode_cursor(after) if after else None
    if position is not None:
        sort_name, pk = position
        people = people.filter(Q(sort_name__gt=sort_name) | Q(sort_name=sort_name, pk__gt=pk))
    items = list(people[: size + 1])
    has_more = len(items) > size
    items = items[:size]
    return PersonPage(
        items=items,
        total=total,
        next_cursor=_encode_cursor(items[-1]) if has_more else None,
        is_first=position is None,
        total_capped=capped,
    )


def person_get(*, user: User, pk: int) -> Person:
    return get_scoped_or_404(
        Person.objects.select_related("org_unit", "pending_transfer_to"), user, *PERSON_PATHS, pk=pk
    )


def person_sensitive_read(*, user: User, person: Person, purpose: str) -> dict[str, str]:
    """The sensitive fields of a person, for display; the read is logged. Roles
    that do not work with them (the leader) see them masked, and nothing is read."""
    values = {
        name: getattr(person, f"get_{name}_display")() for name in sensitive_fields("people.person")
    }
    return disclosed(
        values,
        actor=user,
        roles=scope_for(user).roles,
        target=person,
        purpose=purpose,
        person_id=person.pk,
    )


def person_residences(*, person: Person) -> list[Residence]:
    return list(
        person.residences.select_related("org_unit", "moved_to_unit").order_by("started_on", "id")
    )


@dataclass(frozen=True)
class TimelineEntry:
    on: date
    title: str
    detail: str
    actor: str = ""


_VERB_TITLES = {
    "person.created": gettext_lazy("Recorded in the register"),
    "person.updated": gettext_lazy("Details changed"),
    "person.transferred_out": gettext_lazy("Transferred out"),
    "person.transferred_in": gettext_lazy("Transferred in"),
    "person.edit_conflict": gettext_lazy("Concurrent edit not saved (kept for merging)"),
    "person.deleted": gettext_lazy("Deleted from the register"),
    "person.restored": gettext_lazy("Restored to the register"),
}


def _describe_change(name: str, before: object, after: object) -> str:
    """ "Occupation: Làm nông → Công nhân"; sensitive values are not shown here,
    since reading them must go through the logged path."""
    try:
        field = Person._meta.get_field(name)
    except FieldDoesNotExist:
        return f"{name}: {_shown(before)} → {_shown(after)}"
    label = str(getattr(field, "verbose_name", name))
    if name in sensitive_fields("people.person"):
        return _("%(field)s: changed") % {"field": label}
    choices = dict(getattr(field, "flatchoices", None) or ())
    old, new = (choices.get(value, value) for value in (before, after))
    return f"{label}: {_shown(old)} → {_shown(new)}"


def _shown(value: object) -> str:
    return "—" if value in (None, "") else str(value)


def person_timeline(*, person: Person) -> list[TimelineEntry]:
    """The person's life in the register, newest first: residences and every
    recorded change with who made it."""
    entries: list[TimelineEntry] = []
    for residence in person_residences(person=person):
        entries.append(
            TimelineEntry(
                residence.started_on,
                _("Residence began: %(unit)s") % {"unit": residence.org_unit.name},
                residence.get_start_reason_display(),
            )
        )
        if residence.ended_on:
            entries.append(
                TimelineEntry(
                    residence.ended_on,
                    _("Residence ended: %(unit)s") % {"unit": residence.org_unit.name},
                    _("Moved to %(place)s") % {"place": residence.moved_to}
                    if residence.moved_to
                    else "",
                )
            )
    events = AuditEvent.objects.filter(person_id=person.pk).select_related("actor").order_by("at")
    for event in events:
        known = _VERB_TITLES.get(event.verb)
        title = str(known) if known else timeline_title(event.verb) or event.verb
        changed = (
            "; ".join(
                _describe_change(name, *event.changes[name]) for name in sorted(event.changes)
            )
            if event.verb == "person.updated"
            else ""
        )
        entries.append(
            TimelineEntry(
                timezone.localdate(event.at),
                title,
                changed,
                str(event.actor) if event.actor else _("system"),
            )
        )
    return sorted(entries, key=lambda entry: entry.on, reverse=True)


@dataclass(frozen=True)
class UnitCount:
    unit_id: int
    unit_name: str
    people: int


def person_counts_by_unit(*, user: User) -> list[UnitCount]:
    """How many people each unit in the user's scope manages (for the home page)."""
    rows = (
        Person.objects.filter(scope_for(user).q("org_unit__path"))
        .values("org_unit_id", "org_unit__name", "org_unit__path")
        .annotate(people=Count("id"))
        .order_by("org_unit__path")
    )
    return [UnitCount(row["org_unit_id"], row["org_unit__name"], row["people"]) for row in rows]


def incoming_transfer_count(*, user: User) -> int:
    return Person.objects.filter(scope_for(user).q("pending_transfer_to__path")).count()


@dataclass(frozen=True)
class ConflictRow:
    label: str
    current: str
    yours: str


def person_edit_conflict(*, person: Person, yours: dict[str, object]) -> list[ConflictRow]:
    """The fields where the saved record and the user's losing edit differ, as
    shown to merge them (sensitive fields only say that they differ)."""
    rows = []
    for name, value in yours.items():
        current = getattr(person, name)
        if current == value or (current in (None, "") and value in (None, "")):
            continue
        field = Person._meta.get_field(name)
        label = str(getattr(field, "verbose_name", name))
        if name in sensitive_fields("people.person"):
            rows.append(ConflictRow(label, _("(differs)"), _("(differs)")))
            continue
        choices = dict(getattr(field, "flatchoices", None) or ())
        shown = [choices.get(v, v) for v in (current, value)]
        shown = [v.strftime("%d/%m/%Y") if isinstance(v, date) else _shown(v) for v in shown]
        rows.append(ConflictRow(label, str(shown[0]), str(shown[1])))
    return rows


def deleted_person_list(*, user: User) -> QuerySet[Person]:
    """Deleted records of the user's units, newest deletion first (command staff)."""
    return (
        Person.all_objects.deleted()
        .filter(scope_for(user).q("org_unit__path"))
        .select_related("org_unit", "deleted_by")
        .order_by("-deleted_at", "-id")
    )


def deleted_person_get(*, user: User, pk: int) -> Person:
    return get_scoped_or_404(
        Person.all_objects.deleted().select_related("org_unit"), user, "org_unit__path", pk=pk
    )
