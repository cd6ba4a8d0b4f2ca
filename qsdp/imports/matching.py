"""Finding the register's people that the rows of a file describe: by CCCD
first, then by name and date of birth. A row that matches someone with other
particulars is a conflict, listed and never written over."""

from collections.abc import Iterable
from datetime import date

from qsdp.people.models import Person

CHUNK = 500  # below SQLite's limit on query parameters


def _chunks(values: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def by_national_id(ids: Iterable[str]) -> dict[str, Person]:
    wanted = sorted({i for i in ids if i})
    found: dict[str, Person] = {}
    for chunk in _chunks(wanted):
        for person in Person.objects.filter(national_id__in=chunk).select_related("org_unit"):
            found[person.national_id] = person
    return found


def deleted_national_ids(ids: Iterable[str]) -> set[str]:
    """The CCCDs among ``ids`` held by deleted records (the constraint still covers them)."""
    wanted = sorted({i for i in ids if i})
    found: set[str] = set()
    for chunk in _chunks(wanted):
        deleted = Person.all_objects.deleted().filter(national_id__in=chunk)
        found.update(deleted.values_list("national_id", flat=True))
    return found


def by_name_and_birth(keys: Iterable[tuple[str, date]]) -> dict[tuple[str, date], list[Person]]:
    wanted = {(name, born) for name, born in keys}
    names = sorted({name for name, _born in wanted})
    found: dict[tuple[str, date], list[Person]] = {}
    for chunk in _chunks(names):
        people = Person.objects.filter(search_name__in=chunk).select_related("org_unit")
        for person in people:
            key = (person.search_name, person.birth_date)
            if key in wanted:
                found.setdefault(key, []).append(person)
    return found
