"""Synthetic registers for the benchmark, at three scales.

    small     one city of 20,000 people in 8 communes (CI, SQLite or PostgreSQL)
    province  300,000 people in 150 communes of one province
    national  10,000,000 people in 34 provinces (PostgreSQL only); BENCH_PEOPLE
              overrides the number of people of any scale (the communes scale with it)

Bench data, not demo data: the rows are written set-based (``bench/loader.py``:
COPY on PostgreSQL), not through the services, so nothing is audited and no
rule runs. What the services would derive is derived the same way here:
``search_name``/``sort_name`` with ``qsdp.core.text.fold``, org-unit ``path`` and
``level``, one open residence per person at the person's ``org_unit``. Every
model constraint holds (the database checks them as the rows arrive).

Per commune and per year of ``YEARS``: the first registration of 90% of the
men turning 17, health examinations (class 1–6), quotas from the province down,
enlistments, returns home with their reserve registration (80% on time),
reservists with arrangements, reviews and commander decisions, militia members
with training attendance, a drill, a duty post with its daily logs (95% of
days), patrols, incidents, a defence-education course and awards — so that
every indicator of ``qsdp.reporting.gather.compute`` has a non-trivial value.
"""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db import transaction

from bench.loader import Loader
from bench.registers import OPENED, YEARS, MoreRegisters

SCALES: dict[str, tuple[int, int, int]] = {
    # people, provinces, communes per province
    "small": (20_000, 1, 8),
    "province": (300_000, 1, 150),
    "national": (10_000_000, 34, 98),
}
PEOPLE_PER_COMMUNE = 2_000
SEED = 20251231


@dataclass
class Commune:
    id: int
    command_id: int
    path: str
    people: list[tuple[int, str, int]] = field(default_factory=list)  # (id, sex, birth year)


@dataclass
class Province:
    id: int
    command_id: int
    code: str
    path: str
    communes: list[Commune]


def shape(scale: str, people: int | None = None) -> tuple[int, int, int]:
    """(people, provinces, communes per province) of ``scale``."""
    total, provinces, communes = SCALES[scale]
    if people is None or people == total:
        return total, provinces, communes
    per_province = max(1, round(people / provinces / PEOPLE_PER_COMMUNE))
    return people, provinces, min(communes, per_province) if scale != "small" else communes


# -- names -----------------------------------------------------------------


def _name_tables() -> dict[str, list[tuple[str, str]]]:
    """Name parts with their folded forms, folded once (fold is the slow part)."""
    from qsdp.core.text import fold
    from qsdp.demo import names

    def folded(values: Any) -> list[tuple[str, str]]:
        return [(v, fold(v)) for v in values]

    families = [name for table in names.FAMILY_NAMES.values() for name, _ in table]
    return {
        "family": folded(dict.fromkeys(families)),
        "male_middle": folded(name for name, _ in names.MALE_MIDDLE_NAMES),
        "female_middle": folded(name for name, _ in names.FEMALE_MIDDLE_NAMES),
        "male_given": folded(names.MALE_GIVEN_NAMES),
        "female_given": folded(names.FEMALE_GIVEN_NAMES),
    }


# -- the tree and the users ------------------------------------------------


def build_tree(loader: Loader, provinces: int, communes: int) -> list[Province]:
    from qsdp.orgunits.models import OrgUnit, OrgUnitKind

    units: list[dict[str, Any]] = []

    def unit(kind: str, name: str, code: str, parent: dict | None, serves: int | None) -> dict:
        (pk,) = loader.ids(OrgUnit, 1)
        path = f"{parent['path'] if parent else '/'}{pk}/"
        row = {
            "id": pk,
            "code": code,
            "name": name,
            "kind": kind,
            "path": path,
            "parent_id": parent["id"] if parent else None,
            "serves_id": serves,
            "level": parent["level"] + 1 if parent else 0,
            "opened_on": OPENED,
        }
        units.append(row)
        return row

    tree = []
    for p in range(provinces):
        code = f"{60 + p:02d}" if provinces > 1 else "90"  # two digits, like the real ones
        province = unit(OrgUnitKind.PROVINCE, f"Tỉnh Thử nghiệm {p + 1}", code, None, None)
        command = unit(
            OrgUnitKind.PROVINCIAL_COMMAND,
            f"Bộ CHQS tỉnh Thử nghiệm {p + 1}",
            "",
            province,
            province["id"],
        )
        rows = []
        for c in range(communes):
            kind = OrgUnitKind.COMMUNE if c % 3 else OrgUnitKind.WARD
            label = "Xã" if c % 3 else "Phường"
            area = unit(kind, f"{label} Số {c + 1} ({code})", f"{code}{c:04d}", province, None)
            ban = unit(
                OrgUnitKind.COMMUNE_COMMAND,
                f"Ban CHQS {label.lower()} Số {c + 1}",
                "",
                command,
                area["id"],
            )
            rows.append(Commune(area["id"], ban["id"], area["path"]))
        tree.append(Province(province["id"], command["id"], code, province["path"], rows))
    loader.write(OrgUnit, units)
    return tree


def make_users(tree: list[Province]) -> None:
    from qsdp.accounts.models import Role, RoleAssignment, User

    first = tree[0]
    personas = {
        "command_staff": (Role.COMMAND_STAFF, first.command_id),
        "commune_officer": (Role.COMMUNE_OFFICER, first.communes[0].command_id),
        "leader": (Role.LEADER, first.id),
    }
    for username, (role, unit_id) in personas.items():
        user = User.objects.create(username=username)
        RoleAssignment.objects.create(user=user, org_unit_id=unit_id, role=role, valid_from=OPENED)


# -- one province ----------------------------------------------------------


class ProvinceWriter(MoreRegisters):
    """Writes the people and the registers of one province, table by table."""

    def __init__(self, loader: Loader, province: Province, people: int) -> None:
        self.loader, self.province, self.count = loader, province, people
        self.rng = random.Random(SEED + province.id)
        self.names = _name_tables()

    def write(self) -> None:
        self.people()
        self.military_service()
        self.reserves()
        self.militia_and_training()
        self.operations()
        self.awards()

    def people(self) -> None:
        from qsdp.people.models import Person, Residence

        rng, names, communes = self.rng, self.names, self.province.communes
        ids = self.loader.ids(Person, self.count)
        residence_ids = iter(self.loader.ids(Residence, self.count))
        born_from = date(1950, 1, 1).toordinal()
        span = date(2015, 12, 31).toordinal() - born_from
        code = self.province.code

        def rows() -> Any:
            for index, pk in enumerate(ids):
                commune = communes[index % len(communes)]
                male = rng.random() < 0.5
                born = date.fromordinal(born_from + rng.randrange(span))
                sex = "male" if male else "female"
                family, f_family = rng.choice(names["family"])
                middle, f_middle = rng.choice(names["male_middle" if male else "female_middle"])
                given, f_given = rng.choice(names["male_given" if male else "female_given"])
                commune.people.append((pk, sex, born.year))
                digit = (born.year // 100 - 19) * 2 + (0 if male else 1)
                yield {
                    "id": pk,
                    "family_name": family,
                    "middle_name": middle,
                    "given_name": given,
                    "birth_date": born,
                    "sex": sex,
                    "org_unit_id": commune.id,
                    # unique within the province: its code, then index % 10 and index // 10
                    "national_id": f"{code}{index % 10}{digit}{born.year % 100:02d}"
                    f"{index // 10:06d}",
                    "address": f"Thôn {index % 12 + 1}",
                    "search_name": f"{f_family} {f_middle} {f_given}",
                    "sort_name": f"{f_given} {f_family} {f_middle}",
                }

        self.loader.write(Person, rows())
        self.loader.write(
            Residence,
            (
                {
                    "id": next(residence_ids),
                    "person_id": pk,
                    "org_unit_id": c.id,
                    "started_on": max(OPENED, date(year, 6, 1)),
                    "address": "Thôn 1",
                }
                for c in communes
                for pk, _, year in c.people
            ),
        )

    # -- military service ----------------------------------------------------

    def military_service(self) -> None:
        from qsdp.military_service.models import HealthExam, Quota, ServiceEvent

        rng = self.rng
        events: list[dict[str, Any]] = []
        exams: list[dict[str, Any]] = []
        quotas: list[dict[str, Any]] = []
        for year in YEARS:
            quota_ids = iter(self.loader.ids(Quota, 1 + len(self.province.communes)))
            top = {
                "id": next(quota_ids),
                "call_up_year": year,
                "org_unit_id": self.province.id,
                "number": 0,
                "decided_on": date(year - 1, 11, 1),
            }
            quotas.append(top)
            for c in self.province.communes:
                event = _event_maker(events, c.id)
                for pk in self._men(c, range(year - 17, year - 16)):
                    if rng.random() < 0.9:
                        event(pk, "first_registration", date(year, 4, rng.randint(1, 20)))
                pool = self._men(c, range(year - 25, year - 17))
                rng.shuffle(pool)
                number = max(2, len(c.people) // 250)
                quotas.append(
                    {
                        "id": next(quota_ids),
                        "call_up_year": year,
                        "org_unit_id": c.id,
                        "number": number,
                        "parent_id": top["id"],
                        "decided_on": date(year - 1, 12, 1),
                    }
                )
                top["number"] += number
                examined, enlisted = pool[: number * 5], pool[: number - (number > 3)]
                for pk in examined:
                    on = date(year, 11, rng.randint(1, 28))
                    event(pk, "health_exam", on, call_up_year=year + 1)
                    health = rng.choice((1, 1, 2, 2, 2, 3, 3, 4, 5, 6))
                    exams.append(
                        {
                            "examined_on": on,
                            "call_up_year": year + 1,
                            "health_class": health,
                            "may_be_called_up": health <= 3,
                        }
                    )
                for pk in enlisted:
                    event(pk, "enlistment", date(year, 2, 15), call_up_year=year)
                for pk in pool[-number:]:
                    back = date(year, 3, rng.randint(1, 28))
                    event(pk, "return_home", back, due_on=back + timedelta(days=30))
                    if rng.random() < 0.9:
                        late = rng.random() < 0.1
                        event(pk, "reserve_registration", back + timedelta(days=40 if late else 10))
        loader = self.loader
        loader.write(Quota, quotas)
        loader.insert(ServiceEvent, events)
        for exam, event_row in zip(
            exams, (e for e in events if e["kind"] == "health_exam"), strict=True
        ):
            exam["event_id"] = event_row["id"]
        loader.insert(HealthExam, exams)

    # -- reserves ------------------------------------------------------------

    def reserves(self) -> None:
        from qsdp.reserves.models import (
            Arrangement,
            CommanderDecision,
            ReservePost,
            ReserveReview,
            ReserveUnit,
            Reservist,
        )

        rng, loader = self.rng, self.loader
        communes = self.province.communes
        unit_ids = loader.ids(ReserveUnit, len(communes))
        post_ids = loader.ids(ReservePost, len(communes))
        loader.write(
            ReserveUnit,
            (
                {
                    "id": u,
                    "name": f"Đại đội dự bị {c.id}",
                    "code": f"DB{c.id}",
                    "org_unit_id": c.id,
                    "kind": "company",
                }
                for u, c in zip(unit_ids, communes, strict=True)
            ),
        )
        loader.write(
            ReservePost,
            (
                {
                    "id": p,
                    "unit_id": u,
                    "title": "Chiến sĩ bộ binh",
                    "specialty_code": "0011",
                    "specialty_name": "Bộ binh",
                    "establishment_count": 500,
                }
                for p, u in zip(post_ids, unit_ids, strict=True)
            ),
        )
        reservists, arrangements, reviews, decisions = [], [], [], []
        for c, unit_id, post_id in zip(communes, unit_ids, post_ids, strict=True):
            for pk in self._men(c, range(1979, 2002)):
                if rng.random() >= 0.15:
                    continue
                registered = date(rng.randint(2016, 2024), rng.randint(1, 12), 1)
                removed = (
                    date(2024, 6, 30) if rng.random() < 0.04 and registered.year < 2024 else None
                )
                reservists.append(
                    {
                        "person_id": pk,
                        "reserve_class": 1,
                        "rank": "private_1",
                        "specialty_code": "0011",
                        "specialty_name": "Bộ binh",
                        "registered_on": registered,
                        "source": "discharged_nco_soldier",
                        "managed_by_id": c.id,
                        "removed_on": removed,
                        "removal_reason": "age_limit" if removed else "",
                        "_post": post_id,
                        "_unit": unit_id,
                    }
                )
        loader.number(Reservist, reservists)
        for r in reservists:
            if rng.random() < 0.75:
                arrangements.append(
                    {
                        "reservist_id": r["id"],
                        "post_id": r["_post"],
                        "arranged_on": r["registered_on"],
                        "ended_on": r["removed_on"],
                    }
                )
            for year in YEARS:
                if r["registered_on"].year <= year and rng.random() < 0.85:
                    reviews.append(
                        {
                            "reservist_id": r["id"],
                            "year": year,
                            "reviewed_on": date(year, 10, 15),
                            "outcome": "keep",
                        }
                    )
            if rng.random() < 0.03:
                decisions.append(
                    {
                        "reservist_id": r["id"],
                        "unit_id": r["_unit"],
                        "position": "Tiểu đội trưởng",
                        "kind": rng.choice(("appointment", "dismissal")),
                        "decision_number": f"{r['id']}/QĐ",
                        "decided_on": date(rng.choice(YEARS), 9, 1),
                    }
                )
        loader.write(Reservist, reservists)
        loader.insert(Arrangement, arrangements)
        loader.insert(ReserveReview, reviews)
        loader.insert(CommanderDecision, decisions)


def _event_maker(events: list[dict[str, Any]], unit_id: int) -> Any:
    def event(person: int, kind: str, on: date, **extra: Any) -> None:
        events.append(
            {"person_id": person, "kind": kind, "occurred_on": on, "org_unit_id": unit_id, **extra}
        )

    return event


BIG_TABLES = (
    "people_person",
    "people_residence",
    "military_service_serviceevent",
    "military_service_healthexam",
    "reserves_reservist",
    "operations_dutylog",
    "training_attendance",
    "militia_militiamember",
)


def generate(scale: str, people: int | None = None, log: Any = print) -> dict[str, Any]:
    """Fill the (migrated, empty) database; returns what was written."""
    from django.apps import apps

    total, provinces, communes = shape(scale, people)
    loader = Loader()
    with transaction.atomic():
        tree = build_tree(loader, provinces, communes)
        make_users(tree)
    loader.drop_indexes(*BIG_TABLES)
    per_province = total // provinces
    for number, province in enumerate(tree):
        with transaction.atomic():
            ProvinceWriter(loader, province, per_province).write()
        for c in province.communes:
            c.people = []  # the next province needs the memory
        log(f"  province {number + 1}/{provinces}: {loader.rows.get('people_person', 0):,} people")
    touched = [m for m in apps.get_models() if m._meta.db_table in loader.rows]
    loader.finish(touched)
    return {
        "people": total,
        "provinces": provinces,
        "communes": provinces * communes,
        "rows": dict(loader.rows),
    }
