"""The contexts of the reserve documents: plain values, no ORM past this module."""

from dataclasses import dataclass
from datetime import date

from qsdp.accounts.models import User
from qsdp.people.models import Person
from qsdp.reserves.models import Reservist
from qsdp.reserves.selectors.reservists import (
    ReservistFilters,
    reservist_get,
    reservist_history,
    reservist_list,
)


@dataclass(frozen=True)
class RegisterRow:
    full_name: str
    birth_date: date
    national_id: str
    residence: str
    reserve_class: str
    rank: str
    specialty: str
    health_class: str
    registered_on: date
    source: str
    arrangement: str


@dataclass(frozen=True)
class ReserveRegister:
    unit_name: str
    on: date
    rows: list[RegisterRow]


@dataclass(frozen=True)
class CardLine:
    on: date
    text: str


@dataclass(frozen=True)
class ReservistCard:
    unit_name: str
    full_name: str
    birth_date: date
    sex: str
    national_id: str
    residence: str
    reserve_class: str
    rank_group: str
    rank: str
    specialty: str
    health_class: str
    source: str
    registered_on: date
    arrangement: str
    removed: str
    history: list[CardLine]


def _residence(person: Person) -> str:
    return ", ".join(p for p in (person.address, person.org_unit.name) if p)


def _specialty(reservist: Reservist) -> str:
    return " ".join(p for p in (reservist.specialty_code, reservist.specialty_name) if p)


def _arrangement(reservist: Reservist) -> str:
    current = getattr(reservist, "current", [])
    if not current:
        return ""
    post = current[0].post
    return f"{post.title}, {post.unit.name}"


def _row(reservist: Reservist) -> RegisterRow:
    person = reservist.person
    return RegisterRow(
        full_name=person.full_name,
        birth_date=person.birth_date,
        national_id=person.national_id,
        residence=_residence(person),
        reserve_class=str(reservist.reserve_class),
        rank=reservist.get_rank_display() if reservist.rank else "",
        specialty=_specialty(reservist),
        health_class=str(reservist.health_class or ""),
        registered_on=reservist.registered_on,
        source=reservist.get_source_display(),
        arrangement=_arrangement(reservist),
    )


def reserve_register(
    *, user: User, filters: ReservistFilters, on: date, unit_name: str
) -> ReserveRegister:
    """The reserve register (sổ đăng ký quân nhân dự bị) of the list's filters on ``on``."""
    rows = reservist_list(user=user, filters=filters, on=on)
    return ReserveRegister(unit_name=unit_name, on=on, rows=[_row(r) for r in rows])


def reservist_card(*, user: User, pk: int, on: date) -> ReservistCard:
    """The reservist card (phiếu quân nhân dự bị) of one reservist the user may see."""
    reservist = reservist_get(user=user, pk=pk)
    history = reservist_history(reservist=reservist)
    current = [
        a
        for a in history.arrangements
        if a.arranged_on <= on and (a.ended_on is None or a.ended_on > on)
    ]
    reservist.current = current  # type: ignore[attr-defined]
    lines = [
        *(
            CardLine(a.arranged_on, f"{a.post.title}, {a.post.unit.name}")
            for a in history.arrangements
        ),
        *(
            CardLine(
                d.decided_on,
                f"{d.get_kind_display()}: {d.position}, {d.unit.name} ({d.decision_number})",
            )
            for d in history.decisions
        ),
        *(CardLine(r.reviewed_on, f"{r.year}: {r.get_outcome_display()}") for r in history.reviews),
    ]
    person = reservist.person
    return ReservistCard(
        unit_name=reservist.managed_by.name,
        full_name=person.full_name,
        birth_date=person.birth_date,
        sex=person.get_sex_display(),
        national_id=person.national_id,
        residence=_residence(person),
        reserve_class=reservist.get_reserve_class_display(),
        rank_group=reservist.get_rank_group_display(),
        rank=reservist.get_rank_display() if reservist.rank else "",
        specialty=_specialty(reservist),
        health_class=str(reservist.health_class or ""),
        source=reservist.get_source_display(),
        registered_on=reservist.registered_on,
        arrangement=_arrangement(reservist),
        removed=(
            f"{reservist.removed_on:%d/%m/%Y} ({reservist.get_removal_reason_display()})"
            if reservist.removed_on
            else ""
        ),
        history=sorted(lines, key=lambda line: line.on),
    )
