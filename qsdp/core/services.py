"""Writes to the shared reference tables."""

from dataclasses import dataclass
from typing import Any

from django.db import transaction

from qsdp.core.audit import diff, record_event, snapshot
from qsdp.core.holidays_vn import vietnam_calendar_entries
from qsdp.core.models import CalendarDay

_FIELDS = ("day", "kind", "name", "basis")


@dataclass(frozen=True)
class CalendarLoadSummary:
    created: int
    updated: int
    unchanged: int


@transaction.atomic
def calendar_days_load(
    *, actor: Any, from_year: int, to_year: int, replace: bool = False
) -> CalendarLoadSummary:
    """Copy Vietnam's holidays and announced swaps of the years into ``CalendarDay``.

    A day already in the table is left as it is (an administrator may have
    corrected it) unless ``replace``; running it twice changes nothing. Each row
    written gets one audit event.
    """
    created = updated = unchanged = 0
    existing = {
        row.day: row
        for row in CalendarDay.objects.filter(day__year__gte=from_year, day__year__lte=to_year)
    }
    for year in range(from_year, to_year + 1):
        for entry in vietnam_calendar_entries(year):
            values = {"kind": entry.kind, "name": entry.name, "basis": entry.basis}
            row = existing.get(entry.day)
            if row is None:
                row = CalendarDay(day=entry.day, **values)
                row.full_clean()
                row.save()
                record_event(
                    actor=actor,
                    verb="calendar_day.created",
                    target=row,
                    changes=diff({}, snapshot(row, _FIELDS)),
                )
                created += 1
                continue
            before = snapshot(row, _FIELDS)
            if not replace or all(getattr(row, k) == v for k, v in values.items()):
                unchanged += 1
                continue
            for key, value in values.items():
                setattr(row, key, value)
            row.full_clean()
            row.save()
            record_event(
                actor=actor,
                verb="calendar_day.changed",
                target=row,
                changes=diff(before, snapshot(row, _FIELDS)),
            )
            updated += 1
    return CalendarLoadSummary(created, updated, unchanged)
