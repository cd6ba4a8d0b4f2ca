"""Reads for auditors: the audit trail and the access log, searched by person,
user, date and field, and the data-subject report. An auditor sees the rows of
the people of the units in their auditor assignments (an administrator sees
all); a person outside them does not exist for them (404)."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any, cast

from django.db.models import CharField, Model, Q, QuerySet
from django.db.models.functions import Cast
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from qsdp.accounts.models import User
from qsdp.accounts.scoping import ROOT, require_audit, scope_for
from qsdp.core.audit import record_access
from qsdp.core.models import AccessLog, AuditEvent
from qsdp.core.privacy import MASK, DataClass, field_class
from qsdp.people.models import Person
from qsdp.people.selectors import person_search


@dataclass(frozen=True)
class AuditFilters:
    person: str = ""  # a name (without diacritics is fine) or a CCCD
    user: str = ""  # a username or a user's full name
    start: date | None = None
    end: date | None = None
    field: str = ""  # a field read (access log only), e.g. "health_class"


def audit_paths(user: User) -> frozenset[str]:
    """The subtrees the user audits; 403 for anyone who is not an auditor."""
    require_audit(user)
    return scope_for(user).audit_paths


def _people(paths: frozenset[str]) -> QuerySet[Person]:
    # The base manager: people deleted from the register stay auditable.
    people = Person._base_manager.all()
    if ROOT in paths:
        return people
    condition = Q(pk__in=[])
    for prefix in paths:
        condition |= Q(org_unit__path__startswith=prefix)
    return people.filter(condition)


def matching_people(paths: frozenset[str], query: str) -> QuerySet[Person]:
    return person_search(_people(paths), query)


def _rows_in_scope(rows: QuerySet[Any], paths: frozenset[str]) -> QuerySet[Any]:
    """Rows about the people of the scope, or about no person but made by a user
    who works in it."""
    if ROOT in paths:
        return rows
    units = Q(pk__in=[])
    for prefix in paths:
        units |= Q(role_assignments__org_unit__path__startswith=prefix)
        units |= Q(role_assignments__org_unit__serves__path__startswith=prefix)
    staff = User.objects.filter(units).values("pk")
    return rows.filter(
        Q(person_id__in=_people(paths).values("pk")) | Q(person_id__isnull=True, actor_id__in=staff)
    )


def _filtered(rows: QuerySet[Any], paths: frozenset[str], filters: AuditFilters) -> QuerySet[Any]:
    rows = _rows_in_scope(rows, paths)
    if filters.person.strip():
        rows = rows.filter(person_id__in=matching_people(paths, filters.person).values("pk"))
    if filters.user.strip():
        text = filters.user.strip()
        rows = rows.filter(Q(actor__username__iexact=text) | Q(actor__full_name__icontains=text))
    if filters.start:
        rows = rows.filter(at__date__gte=filters.start)
    if filters.end:
        rows = rows.filter(at__date__lte=filters.end)
    return rows.select_related("actor")


def event_search(*, user: User, filters: AuditFilters) -> QuerySet[AuditEvent]:
    """Changes, newest first."""
    paths = audit_paths(user)
    return _filtered(AuditEvent.objects.all(), paths, filters).order_by("-at", "-id")


def access_search(*, user: User, filters: AuditFilters) -> QuerySet[AccessLog]:
    """Reads of sensitive fields, newest first: "who read the health result of
    this person in 2023" is person + field + the year's dates."""
    paths = audit_paths(user)
    rows = _filtered(AccessLog.objects.all(), paths, filters)
    if filters.field.strip():
        # JSON lists are searched as text: the quoted name matches one element.
        rows = rows.annotate(fields_text=Cast("fields", CharField())).filter(
            fields_text__contains=f'"{filters.field.strip()}"'
        )
    return rows.order_by("-at", "-id")


@dataclass(frozen=True)
class Change:
    field: str
    before: str
    after: str


def _shown(value: object) -> str:
    return "—" if value in (None, "", [], {}) else str(value)


def event_changes(event: AuditEvent) -> list[Change]:
    """The before/after of each field of an event; sensitive values masked (the
    auditor learns that they changed, not what they are)."""
    changes = []
    # By field name: PostgreSQL's jsonb does not keep the order of the keys.
    for name, value in sorted((event.changes or {}).items()):
        if isinstance(value, list) and len(value) == 2:
            before, after = value
        else:
            before, after = None, value
        if field_class(event.target_type, name) is DataClass.SENSITIVE:
            before, after = (MASK if before not in (None, "") else None), MASK
        changes.append(Change(name, _shown(before), _shown(after)))
    return changes


def person_for_audit(*, user: User, pk: int) -> Person:
    """One person of the auditor's scope, else 404."""
    person = _people(audit_paths(user)).filter(pk=pk).select_related("org_unit").first()
    if person is None:
        raise Http404(_("No such record in your area."))
    return person


@dataclass(frozen=True)
class HeldField:
    name: str
    label: str
    value: str
    data_class: str  # "basic", "sensitive" or "technical"


@dataclass(frozen=True)
class HeldRecord:
    record_type: str  # "Person", "Health examination", …
    label: str  # app.model
    pk: int
    fields: list[HeldField]


@dataclass(frozen=True)
class SubjectReport:
    person: Person
    records: list[HeldRecord]
    events: list[AuditEvent]
    reads: list[AccessLog]
    generated_at: Any = field(default_factory=timezone.now)


def _display(obj: Model, name: str) -> str:
    display = getattr(obj, f"get_{name}_display", None)
    value = display() if callable(display) else getattr(obj, name)
    return _shown(value)


def _held(obj: Model) -> HeldRecord:
    label = obj._meta.label_lower
    fields = [
        HeldField(
            f.name,
            str(getattr(f, "verbose_name", f.name)),
            _display(obj, f.name),
            (field_class(label, f.name) or DataClass.TECHNICAL).value,
        )
        for f in obj._meta.concrete_fields
        if field_class(label, f.name) is not DataClass.TECHNICAL
    ]
    return HeldRecord(str(obj._meta.verbose_name), label, int(obj.pk), fields)


def _linked_records(person: Person) -> list[Model]:
    """Every row of every register that points at the person directly
    (a registration, a health examination's event, a militia membership, …),
    and the rows hanging one level below them (the examination itself)."""
    found: list[Model] = []
    for row in _pointing_at(person):
        found.append(row)
        found.extend(_pointing_at(row))
    return found


def _pointing_at(obj: Model) -> list[Model]:
    rows: list[Model] = []
    for relation in obj._meta.related_objects:
        model = cast(type[Model], relation.related_model)
        rows.extend(model._base_manager.filter(**{relation.field.name: obj}).order_by("pk"))
    return rows


def subject_report(*, user: User, person_id: int) -> SubjectReport:
    """What is held about one person (each field with its class), where it came
    from (the changes and imports that wrote it) and who read it. Producing it
    reads the sensitive fields, so it is logged."""
    person = person_for_audit(user=user, pk=person_id)
    records = [_held(person)] + [_held(row) for row in _linked_records(person)]
    events = list(
        AuditEvent.objects.filter(person_id=person.pk).select_related("actor").order_by("at", "id")
    )
    reads = list(
        AccessLog.objects.filter(person_id=person.pk).select_related("actor").order_by("at", "id")
    )
    sensitive = sorted(
        {f.name for record in records for f in record.fields if f.data_class == "sensitive"}
    )
    record_access(
        actor=user,
        target=person,
        fields=sensitive,
        purpose="audit.data_subject_report",
        person_id=person.pk,
    )
    return SubjectReport(person=person, records=records, events=events, reads=reads)
