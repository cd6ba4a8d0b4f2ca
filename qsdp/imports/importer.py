"""Importing a register file: parse, check every row, match it against the
register, then write in one transaction (rolled back for a dry run, or when a
row fails and the user did not ask to skip invalid rows)."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qsdp.accounts.scoping import require_write
from qsdp.core.errors import DomainError
from qsdp.imports import matching
from qsdp.imports.columns import FIELD_LABELS
from qsdp.imports.errors import ImportErrorCode as Code
from qsdp.imports.parsing import ParsedFile, parse_file
from qsdp.imports.registers import APPLY
from qsdp.imports.services import people_create_batch
from qsdp.imports.values import CellError, RowValues, column_headers, row_values
from qsdp.orgunits.models import COMMUNE_LEVEL_KINDS, OrgUnit
from qsdp.people import rules
from qsdp.people.errors import PersonErrorCode
from qsdp.people.models import Person
from qsdp.people.services import PersonData

Progress = Callable[[int, int], None]
# rules.Problem.field → the row's field whose column the error names.
_PROBLEM_FIELDS = {
    "family_name": "full_name", "middle_name": "full_name", "given_name": "full_name",
    "education_grade": "education",
}  # fmt: skip


class Status:
    NEW = "new"  # a person to create
    MATCHED = "matched"  # already in the register
    ERROR = "error"


@dataclass
class ImportResult:
    kind: str
    rows: int = 0
    valid: int = 0
    imported: int = 0
    errors: list[CellError] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)
    # Each row's outcome: a new person, one already in the register, or an error.
    outcomes: list[dict[str, Any]] = field(default_factory=list)
    committed: bool = False
    dry_run: bool = False
    encoding: str = "unicode"

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "rows": self.rows,
            "valid": self.valid,
            "imported": self.imported,
            "errors": [e.as_dict() for e in self.errors],
            "records": self.records,
        }


def _birth_text(value: date | int | None) -> str:
    if isinstance(value, int):
        return f"{value:04d}"
    return value.isoformat() if value else ""


class _Rules:
    """``qsdp.people.rules`` for one run. A file's names and dates of birth
    repeat, so each distinct one is checked once; the answers are kept for the
    run only, as their messages are in its language."""

    def __init__(self, today: date) -> None:
        self.today = today
        self.names: dict[tuple[str, str, str], list[rules.Problem]] = {}
        self.births: dict[date, list[rules.Problem]] = {}

    def check(self, row: RowValues) -> None:
        v = row.values
        problems: list[rules.Problem] = []
        if "family_name" in v:
            key = (v["family_name"], v["middle_name"], v["given_name"])
            if key not in self.names:
                self.names[key] = rules.name_problems(
                    family_name=key[0], middle_name=key[1], given_name=key[2]
                )
            problems += self.names[key]
        birth = v["birth_date"]
        if v["phone"]:
            problems += rules.phone_problems(v["phone"])
        if v["education_grade"] is not None:
            problems += rules.education_problems(v["education_grade"])
        if isinstance(birth, date):
            if birth not in self.births:
                self.births[birth] = rules.birth_date_problems(birth, today=self.today)
            problems += self.births[birth]
        if v["national_id"] and birth is not None and v["sex"]:
            born = birth if isinstance(birth, date) else date(birth, 1, 1)
            problems += rules.national_id_problems(v["national_id"], birth_date=born, sex=v["sex"])
        for problem in problems:
            name = _PROBLEM_FIELDS.get(problem.field, problem.field)
            if name == "birth_date":
                name = v["birth_column"]
            row.error(name, problem.code.value, problem.message)


def _same_person(person: matching.Registered, row: RowValues) -> bool:
    birth = row.values["birth_date"]
    born_ok = (
        person.birth_date.year == birth if isinstance(birth, int) else person.birth_date == birth
    )
    return born_ok and person.search_name == row.values["search_name"]


def _match(rows: list[RowValues], org_unit: OrgUnit) -> dict[int, matching.Registered]:
    """The register's person of each row that has one; conflicts become errors."""
    ids, deleted = matching.by_national_id(r.values["national_id"] for r in rows)
    # Namesakes matter only to the rows whose CCCD found no one.
    known = ids.keys() | deleted
    keys = [
        (r.values["search_name"], r.values["birth_date"])
        for r in rows
        if isinstance(r.values["birth_date"], date) and r.values["national_id"] not in known
    ]
    namesakes = matching.by_name_and_birth(keys)
    found: dict[int, matching.Registered] = {}
    seen_ids: dict[str, int] = {}
    seen_names: dict[tuple[str, Any], int] = {}
    for row in rows:
        v = row.values
        key = (v["search_name"], v["birth_date"])
        first = seen_ids.get(v["national_id"]) if v["national_id"] else seen_names.get(key)
        if first is not None:
            row.error(
                "national_id" if v["national_id"] else "full_name",
                Code.DUPLICATE_IN_FILE,
                _("The same person is already on row %(row)s of this file.") % {"row": first},
            )
            continue
        if v["national_id"]:
            seen_ids[v["national_id"]] = row.number
        seen_names.setdefault(key, row.number)
        if v["national_id"] in deleted:
            row.error(
                "national_id",
                PersonErrorCode.NATIONAL_ID_DELETED.value,
                _(
                    "This citizen ID belongs to a deleted record; ask the command staff to "
                    "restore that record instead of entering the person again."
                ),
            )
            continue
        person = ids.get(v["national_id"]) if v["national_id"] else None
        if person is not None and not _same_person(person, row):
            row.error(
                "national_id",
                Code.NATIONAL_ID_CONFLICT,
                _(
                    "This citizen ID is recorded in the register for a person with another "
                    "name or date of birth; the register was not changed."
                ),
            )
            continue
        if person is None:
            candidates = namesakes.get(key, []) if isinstance(v["birth_date"], date) else []
            others = [p for p in candidates if p.national_id and p.national_id != v["national_id"]]
            same = [p for p in candidates if p not in others]
            if v["national_id"] and others and not same:
                row.error(
                    "national_id",
                    Code.NAMESAKE_CONFLICT,
                    _(
                        "A person with this name and date of birth is in the register with "
                        "another citizen ID; check which is right before importing."
                    ),
                )
                continue
            if len(same) > 1 or (not v["national_id"] and len(candidates) > 1):
                row.error(
                    "full_name",
                    Code.NAMESAKE_CONFLICT,
                    _("Several people in the register have this name and date of birth."),
                )
                continue
            person = (same or candidates)[0] if (same or candidates) else None
        if person is None:
            if isinstance(v["birth_date"], int):
                row.error(
                    v["birth_column"],
                    Code.BIRTH_DATE_YEAR_ONLY,
                    _(
                        "Only the year of birth (%(year)s) is known: the register needs the "
                        "full date of birth to record a new person."
                    )
                    % {"year": v["birth_date"]},
                )
            continue
        if not person.unit_path.startswith(org_unit.path):
            row.error(
                "full_name",
                Code.PERSON_ELSEWHERE,
                _("This person is in the register of another unit; the row was not applied."),
            )
            continue
        found[row.number] = person
    return found


def _person_data(v: dict[str, Any]) -> PersonData:
    return PersonData(
        family_name=v["family_name"], middle_name=v["middle_name"], given_name=v["given_name"],
        birth_date=v["birth_date"], sex=v["sex"], national_id=v["national_id"],
        ethnicity=v["ethnicity"], religion=v["religion"], education_grade=v["education_grade"],
        occupation=v["occupation"][:120], workplace=v["workplace"][:160], phone=v["phone"],
        address=v["address"][:255],
    )  # fmt: skip


PEOPLE_CHUNK = 1000  # people loaded at once for the registers' per-row services


def _with_people(rows: list[RowValues], pks: dict[int, int]) -> Iterator[tuple[RowValues, Person]]:
    """Each row with its person (and unit), loaded a chunk at a time, not one
    query per row. A file names each person once (a second row is an error)."""
    for start in range(0, len(rows), PEOPLE_CHUNK):
        chunk = rows[start : start + PEOPLE_CHUNK]
        people = Person.objects.select_related("org_unit").in_bulk([pks[r.number] for r in chunk])
        for row in chunk:
            yield row, people[pks[row.number]]


def _write(
    rows: list[RowValues],
    matched: dict[int, matching.Registered],
    *,
    kind: str,
    org_unit: OrgUnit,
    actor: Any,
    started_on: date,
    tick: Callable[[int], None],
) -> int:
    """Write the valid rows; returns how many changed the register. A service's
    refusal becomes the row's error (its savepoint rolled back)."""
    new = [r for r in rows if r.number not in matched]
    created = people_create_batch(
        actor=actor,
        org_unit=org_unit,
        items=[_person_data(r.values) for r in new],
        residence_started_on=started_on,
        progress=tick if kind == "people" else None,
    )
    changed = len(created) if kind == "people" else 0
    apply = APPLY.get(kind)
    if apply is None:
        tick(len(rows) - len(new))
        return changed
    pks = {r.number: pk for r, pk in zip(new, created, strict=True)}
    pks |= {number: person.pk for number, person in matched.items()}
    for row, person in _with_people(rows, pks):
        try:
            with transaction.atomic():
                changed += apply(actor, person, row.values)
        except DomainError as refusal:
            name = refusal.field if refusal.field in row.columns else "full_name"
            row.error(name, refusal.code, refusal.message)
        tick(1)
    return changed


def import_rows(
    parsed: ParsedFile,
    *,
    org_unit: OrgUnit,
    actor: Any,
    dry_run: bool,
    skip_invalid: bool,
    progress: Progress | None = None,
    started_on: date | None = None,
) -> ImportResult:
    result = ImportResult(kind=parsed.kind, dry_run=dry_run, encoding=parsed.encoding)
    if not parsed.columns:
        result.errors.append(
            CellError(
                1,
                "",
                Code.NO_HEADER.value,
                _("No header row with the register's columns was found."),
            )
        )
        return result
    if actor is not None:
        require_write(actor, org_unit.path)
    total = len(parsed.rows) * 2
    done = 0

    def tick(count: int) -> None:
        nonlocal done
        done += count
        if progress is not None:
            progress(done, total)

    for name in parsed.missing:
        label = str(FIELD_LABELS.get(name, name))
        result.errors.append(
            CellError(parsed.header_row, label, Code.MISSING_COLUMN.value,
                      _("The file has no column for the %(what)s.") % {"what": label})
        )  # fmt: skip
    today = timezone.localdate()
    rows = []
    headers = column_headers(parsed.columns)
    checker = _Rules(today)
    for index, parsed_row in enumerate(parsed.rows, start=1):
        row = row_values(parsed.kind, parsed_row, headers)
        if not row.errors:
            checker.check(row)
        rows.append(row)
        if index % 1000 == 0:
            tick(1000)
    tick(len(rows) % 1000)
    parsed.rows = []  # the typed rows replace the raw cells (a big file's memory)
    if org_unit.kind not in COMMUNE_LEVEL_KINDS:
        result.errors.append(
            CellError(0, "", Code.UNIT_NOT_COMMUNE_LEVEL.value,
                      _("People are registered at a ward, commune, town or special zone."))
        )  # fmt: skip
        result.rows = len(rows)
        return result
    candidates = [r for r in rows if not r.errors]
    matched = _match(candidates, org_unit)
    valid = [r for r in rows if not r.errors]
    blocked = bool(parsed.missing) or (len(valid) < len(rows) and not skip_invalid)
    imported = 0
    if not blocked or dry_run:
        with transaction.atomic():
            imported = _write(
                valid, matched, kind=parsed.kind, org_unit=org_unit, actor=actor,
                started_on=started_on or today, tick=tick,
            )  # fmt: skip
            failed = any(r.errors for r in valid)
            if dry_run or (failed and not skip_invalid):
                transaction.set_rollback(True)
            else:
                result.committed = True
    result.rows = len(rows)
    result.errors += [e for r in rows for e in r.errors]
    good = [r for r in rows if not r.errors]
    result.valid = len(good)
    result.imported = imported if result.committed else 0
    result.records = [
        {
            "row": r.number,
            "national_id": r.values["national_id"],
            "full_name": r.values["full_name"],
            "birth_date": _birth_text(r.values["birth_date"]),
        }
        for r in good
    ]
    result.outcomes = [
        {
            "row": r.number,
            "full_name": r.values["full_name"],
            "outcome": Status.ERROR
            if r.errors
            else Status.MATCHED
            if r.number in matched
            else Status.NEW,
        }
        for r in rows
    ]
    return result


def import_file(
    *,
    path: str | Path,
    kind: str,
    org_unit: OrgUnit,
    actor: Any,
    dry_run: bool,
    skip_invalid: bool,
    progress: Progress | None = None,
    started_on: date | None = None,
) -> ImportResult:
    """Import the register file at ``path`` into ``org_unit`` (see the module doc)."""
    return import_rows(
        parse_file(path, kind), org_unit=org_unit, actor=actor, dry_run=dry_run,
        skip_invalid=skip_invalid, progress=progress, started_on=started_on,
    )  # fmt: skip
