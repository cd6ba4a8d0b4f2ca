"""Every write to the person register: one transaction, one audit event each."""

from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qsdp.accounts.scoping import require_write
from qsdp.core.audit import diff, record_event, snapshot
from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent
from qsdp.core.text import fold, nfc, nfc_repeated
from qsdp.orgunits.models import COMMUNE_LEVEL_KINDS, OrgUnit
from qsdp.people import rules
from qsdp.people.errors import PersonErrorCode
from qsdp.people.models import Person, Residence, ResidenceKind, ResidenceStart


@dataclass(frozen=True)
class PersonData:
    """The fields of a person that a user types."""

    family_name: str
    given_name: str
    birth_date: date
    sex: str
    middle_name: str = ""
    national_id: str = ""
    ethnicity: str = "01"
    religion: str = "none"
    education_grade: int | None = None
    education_level: str = ""
    occupation: str = ""
    workplace: str = ""
    phone: str = ""
    address: str = ""

    def normalised(self) -> "PersonData":
        text: dict[str, Any] = {name: nfc_repeated(getattr(self, name)) for name in _TEXT_FIELDS}
        text["phone"] = "".join(self.phone.split()).replace(".", "")
        text["national_id"] = self.national_id.strip()
        if all(value == getattr(self, name) for name, value in text.items()):
            return self  # already tidy, as an import's rows are: no copy
        return replace(self, **text)


_TEXT_FIELDS = ("family_name", "middle_name", "given_name", "occupation", "workplace", "address")


EDITABLE_FIELDS = tuple(PersonData.__dataclass_fields__)


def _refuse(problems: list[rules.Problem]) -> None:
    if problems:
        first = problems[0]
        raise DomainError(
            first.code,
            first.message,
            field=first.field,
            extra={
                "problems": [
                    {"field": p.field, "code": p.code.value, "message": p.message} for p in problems
                ]
            },
        )


def _check(data: PersonData, *, exclude_pk: int | None, allow_namesake: bool) -> None:
    problems = [
        *rules.name_problems(
            family_name=data.family_name, middle_name=data.middle_name, given_name=data.given_name
        ),
        *rules.birth_date_problems(data.birth_date, today=timezone.localdate()),
        *rules.phone_problems(data.phone),
        *rules.education_problems(data.education_grade),
    ]
    if data.national_id:
        problems += rules.national_id_problems(
            data.national_id, birth_date=data.birth_date, sex=data.sex
        )
    _refuse(problems)
    others = Person.objects.all() if exclude_pk is None else Person.objects.exclude(pk=exclude_pk)
    # The other record may lie outside the user's area: say only that it exists.
    if data.national_id and others.filter(national_id=data.national_id).exists():
        raise DomainError(
            PersonErrorCode.NATIONAL_ID_DUPLICATE,
            _("This citizen ID is already recorded for another person in the register."),
            field="national_id",
        )
    # A deleted record keeps its citizen ID (the constraint covers it): restore it instead.
    if (
        data.national_id
        and Person.all_objects.deleted().filter(national_id=data.national_id).exists()
    ):
        raise DomainError(
            PersonErrorCode.NATIONAL_ID_DELETED,
            _(
                "This citizen ID belongs to a deleted record; ask the command staff to "
                "restore that record instead of entering the person again."
            ),
            field="national_id",
        )
    search_name = fold(_full_name(data))
    if (
        not allow_namesake
        and others.filter(search_name=search_name, birth_date=data.birth_date).exists()
    ):
        raise DomainError(
            PersonErrorCode.NAMESAKE_DUPLICATE,
            _(
                "A person with the same name and date of birth is already in the register. "
                "If this is a different person, tick the confirmation and save again."
            ),
            field="allow_namesake",
        )


def _full_name(data: PersonData) -> str:
    return " ".join(p for p in (data.family_name, data.middle_name, data.given_name) if p)


def derived_names(data: PersonData) -> dict[str, str]:
    """The search and sort keys of a person (also used by bulk loaders)."""
    return {
        "search_name": fold(_full_name(data)),
        "sort_name": fold(f"{data.given_name} {data.family_name} {data.middle_name}"),
    }


def _check_unit(unit: OrgUnit, on: date, field: str) -> None:
    if unit.kind not in COMMUNE_LEVEL_KINDS:
        raise DomainError(
            PersonErrorCode.UNIT_NOT_COMMUNE_LEVEL,
            _("People are registered at a ward, commune, town or special zone."),
            field=field,
        )
    if not unit.is_open_on(on):
        raise DomainError(
            PersonErrorCode.UNIT_CLOSED,
            _("%(unit)s did not exist on %(date)s.")
            % {"unit": unit.name, "date": on.strftime("%d/%m/%Y")},
            field=field,
        )


@transaction.atomic
def person_create(
    *,
    actor: Any,
    org_unit: OrgUnit,
    data: PersonData,
    residence_started_on: date,
    start_reason: str = ResidenceStart.INITIAL,
    allow_namesake: bool = False,
) -> Person:
    """Record a person and their first residence at ``org_unit``."""
    if actor is not None:
        require_write(actor, org_unit.path)
    data = data.normalised()
    _check_unit(org_unit, residence_started_on, "org_unit")
    _check(data, exclude_pk=None, allow_namesake=allow_namesake)
    person = Person(**asdict(data), **derived_names(data), org_unit=org_unit)
    # Uniqueness was checked above with our own message; the database keeps
    # the constraint as the last guard, so full_clean need not query again.
    person.full_clean(validate_unique=False, validate_constraints=False)
    person.save()
    residence = Residence.objects.create(
        person=person,
        org_unit=org_unit,
        address=data.address,
        started_on=residence_started_on,
        start_reason=start_reason,
        created_by=actor,
    )
    record_event(
        actor=actor,
        verb="person.created",
        target=person,
        person_id=person.pk,
        changes={
            **{
                k: [None, v]
                for k, v in snapshot(person, EDITABLE_FIELDS).items()
                if v not in ("", None)
            },
            "residence": [None, f"{org_unit.name} ({residence.started_on:%d/%m/%Y})"],
        },
    )
    return person


def person_update(
    *,
    actor: Any,
    person: Person,
    data: PersonData,
    allow_namesake: bool = False,
    version: int | None = None,
) -> Person:
    """Change a person's own fields; the before/after of each goes to the audit.

    ``version`` is the one the edit form was read at. When someone saved in
    between, nothing is changed and the edit is refused, but the losing data is
    kept in the audit (``person.edit_conflict``) so that the user can merge it:
    that record is committed before the refusal is raised."""
    with transaction.atomic():
        if actor is not None:
            require_write(actor, person.org_unit.path)
        person = Person.objects.select_for_update().get(pk=person.pk)
        if version is None or version == person.version:
            return _apply_update(actor, person, data.normalised(), allow_namesake)
        conflict = _record_conflict(actor, person, data.normalised(), version)
    raise conflict


def _apply_update(actor: Any, person: Person, data: PersonData, allow_namesake: bool) -> Person:
    _check(data, exclude_pk=person.pk, allow_namesake=allow_namesake)
    before = snapshot(person, EDITABLE_FIELDS)
    for name, value in {**asdict(data), **derived_names(data)}.items():
        setattr(person, name, value)
    changes = diff(before, snapshot(person, EDITABLE_FIELDS))
    if not changes:
        return person
    person.version += 1
    person.full_clean(validate_unique=False, validate_constraints=False)
    person.save()
    record_event(
        actor=actor, verb="person.updated", target=person, person_id=person.pk, changes=changes
    )
    return person


def _record_conflict(actor: Any, person: Person, data: PersonData, version: int) -> DomainError:
    """Store the edit that lost (with the version it was based on) and build the refusal."""
    theirs = snapshot(person, EDITABLE_FIELDS)
    yours = snapshot(Person(**asdict(data)), EDITABLE_FIELDS)
    record_event(
        actor=actor,
        verb="person.edit_conflict",
        target=person,
        person_id=person.pk,
        changes={
            "based_on_version": [version, person.version],
            **{k: [theirs[k], yours[k]] for k in EDITABLE_FIELDS if theirs[k] != yours[k]},
        },
    )
    last = (
        AuditEvent.objects.filter(
            target_type="people.person", target_id=str(person.pk), verb="person.updated"
        )
        .select_related("actor")
        .order_by("-at", "-id")
        .first()
    )
    who = str(last.actor) if last and last.actor else _("another user")
    when = timezone.localtime(last.at if last else person.updated_at)
    return DomainError(
        PersonErrorCode.EDIT_CONFLICT,
        _(
            "The record was changed by %(user)s at %(time)s while you were editing; nothing "
            "of yours was saved. Your version is kept and shown below: compare it with the "
            "current data and save again."
        )
        % {"user": who, "time": when.strftime("%H:%M %d/%m/%Y")},
        extra={"version": person.version, "yours": yours, "current": theirs},
    )


def _open_residence(person: Person) -> Residence:
    residence = (
        Residence.objects.select_for_update()
        .filter(person=person, ended_on__isnull=True, kind=ResidenceKind.PERMANENT)
        .first()
    )
    if residence is None:
        raise DomainError(
            PersonErrorCode.NO_OPEN_RESIDENCE,
            _("This person has no current residence to transfer from."),
        )
    return residence


@transaction.atomic
def person_transfer_out(
    *,
    actor: Any,
    person: Person,
    on: date,
    moved_to: str,
    moved_to_unit: OrgUnit | None = None,
) -> Residence:
    """End the current residence (transfer-out, NVQS Điều 17 khoản 2).

    When the destination is a unit in qsdp, the person appears in that unit's
    incoming transfers until it records the transfer-in.
    """
    if actor is not None:
        require_write(actor, person.org_unit.path)
    residence = _open_residence(person)
    if on < residence.started_on:
        raise DomainError(
            PersonErrorCode.DATE_BEFORE_RESIDENCE,
            _("The transfer date cannot be before the residence began (%(date)s).")
            % {"date": residence.started_on.strftime("%d/%m/%Y")},
            field="on",
        )
    if moved_to_unit is not None:
        _check_unit(moved_to_unit, on, "moved_to_unit")
        if moved_to_unit.pk == residence.org_unit_id:
            raise DomainError(
                PersonErrorCode.TRANSFER_TO_SAME_UNIT,
                _("The person already lives in %(unit)s.") % {"unit": moved_to_unit.name},
                field="moved_to_unit",
            )
    residence.ended_on = on
    residence.moved_to = nfc(moved_to) or (moved_to_unit.name if moved_to_unit else "")
    residence.moved_to_unit = moved_to_unit
    residence.full_clean()
    residence.save()
    person.pending_transfer_to = moved_to_unit
    person.save(update_fields=["pending_transfer_to", "updated_at"])
    record_event(
        actor=actor,
        verb="person.transferred_out",
        target=person,
        person_id=person.pk,
        changes={
            "residence": [residence.org_unit.name, residence.moved_to],
            "on": [None, on.isoformat()],
        },
    )
    return residence


@transaction.atomic
def person_transfer_in(
    *, actor: Any, person: Person, org_unit: OrgUnit, on: date, address: str = ""
) -> Residence:
    """Open a residence at ``org_unit`` for a person transferred out to it."""
    if actor is not None:
        require_write(actor, org_unit.path)
    person = Person.objects.select_for_update().get(pk=person.pk)
    if person.pending_transfer_to_id != org_unit.pk:
        raise DomainError(
            PersonErrorCode.NO_PENDING_TRANSFER,
            _("This person has not been transferred out to %(unit)s.") % {"unit": org_unit.name},
        )
    _check_unit(org_unit, on, "org_unit")
    last = person.residences.order_by("-started_on", "-id").first()
    if last is not None and last.ended_on is not None and on < last.ended_on:
        raise DomainError(
            PersonErrorCode.DATE_BEFORE_RESIDENCE,
            _("The arrival date cannot be before the transfer-out date (%(date)s).")
            % {"date": last.ended_on.strftime("%d/%m/%Y")},
            field="on",
        )
    previous_unit = person.org_unit
    residence = Residence.objects.create(
        person=person,
        org_unit=org_unit,
        address=nfc(address),
        started_on=on,
        start_reason=ResidenceStart.TRANSFER_IN,
        created_by=actor,
    )
    person.org_unit = org_unit
    person.pending_transfer_to = None
    if address:
        person.address = nfc(address)
    person.save(update_fields=["org_unit", "pending_transfer_to", "address", "updated_at"])
    record_event(
        actor=actor,
        verb="person.transferred_in",
        target=person,
        person_id=person.pk,
        changes={"residence": [previous_unit.name, org_unit.name], "on": [None, on.isoformat()]},
    )
    return residence


@transaction.atomic
def person_delete(*, actor: Any, person: Person, reason: str) -> Person:
    """Take a person out of the register (a duplicate, a record made in error).

    The row, its residences and its audit history stay; lists and searches no
    longer show it and the command staff can restore it."""
    if actor is not None:
        require_write(actor, person.org_unit.path)
    person = Person.all_objects.select_for_update().get(pk=person.pk)
    if person.deleted_at is not None:
        raise DomainError(
            PersonErrorCode.ALREADY_DELETED, _("This record has already been deleted.")
        )
    reason = nfc(reason)
    if not reason:
        raise DomainError(
            PersonErrorCode.DELETE_REASON_MISSING,
            _("Give the reason for deleting the record."),
            field="reason",
        )
    person.deleted_at = timezone.now()
    person.deleted_by = actor if getattr(actor, "pk", None) else None
    person.delete_reason = reason[:255]
    person.version += 1
    person.full_clean(validate_unique=False)
    person.save(
        update_fields=["deleted_at", "deleted_by", "delete_reason", "version", "updated_at"]
    )
    record_event(
        actor=actor,
        verb="person.deleted",
        target=person,
        person_id=person.pk,
        changes={"delete_reason": [None, person.delete_reason]},
    )
    return person


@transaction.atomic
def person_restore(*, actor: Any, person: Person) -> Person:
    """Put a deleted person back in the register, as they were."""
    if actor is not None:
        require_write(actor, person.org_unit.path)
    person = Person.all_objects.select_for_update().get(pk=person.pk)
    if person.deleted_at is None:
        raise DomainError(PersonErrorCode.NOT_DELETED, _("This record is not deleted."))
    reason = person.delete_reason
    person.deleted_at = None
    person.deleted_by = None
    person.delete_reason = ""
    person.version += 1
    person.save(
        update_fields=["deleted_at", "deleted_by", "delete_reason", "version", "updated_at"]
    )
    record_event(
        actor=actor,
        verb="person.restored",
        target=person,
        person_id=person.pk,
        changes={"delete_reason": [reason, None]},
    )
    return person
