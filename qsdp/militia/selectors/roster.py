"""The militia roster (danh sách dân quân) on a day, for the XLSX and PDF document."""

from dataclasses import dataclass
from datetime import date

from django.db.models import F

from qsdp.accounts.models import User
from qsdp.militia.models import MilitiaMember
from qsdp.militia.selectors._common import in_subtree, visible
from qsdp.militia.selectors.members import active_on_q
from qsdp.orgunits.models import OrgUnit


@dataclass(frozen=True)
class RosterRow:
    full_name: str
    birth_date: date
    sex: str
    commune: str
    address: str
    militia_type: str
    unit: str
    position: str
    volunteer: bool
    term_start: date
    term_end: date


@dataclass(frozen=True)
class Roster:
    unit_name: str
    on: date
    rows: list[RosterRow]


def roster(*, user: User, on: date, org_unit: OrgUnit | None, unit_name: str) -> Roster:
    """The members in the militia on ``on`` in the user's area (or ``org_unit``),
    by commune, unit and name."""
    members = (
        visible(MilitiaMember.objects.all(), user)
        .filter(active_on_q(on), in_subtree(org_unit, "org_unit__path"))
        .select_related("person", "org_unit", "unit")
        .order_by(
            "org_unit__name",
            "org_unit_id",
            F("unit__name").asc(nulls_last=True),
            "person__sort_name",
            "id",
        )
    )
    rows = [
        RosterRow(
            full_name=member.person.full_name,
            birth_date=member.person.birth_date,
            sex=member.person.get_sex_display(),
            commune=member.org_unit.name,
            address=member.person.address,
            militia_type=member.get_militia_type_display(),
            unit=member.unit.name if member.unit else "",
            position=member.get_position_display(),
            volunteer=member.volunteer,
            term_start=member.term_start,
            term_end=member.term_end,
        )
        for member in members
    ]
    return Roster(unit_name=unit_name, on=on, rows=rows)
