"""qsdp benchmark: the scoped person search and the list pages on synthetic people.

    make bench                       # BENCH_SCALE=small: 20,000 people, on SQLite
    BENCH_SCALE=medium make bench    # 100,000; large: 500,000
    DATABASE_URL=postgres://…/x make bench   # on PostgreSQL, in a database of its own

It never touches real data: on SQLite it works in var/bench/bench-<scale>.sqlite3
(made anew each run); on PostgreSQL it creates the database ``qsdp_bench`` on the
server of DATABASE_URL, and drops it at the end.

A child process migrates, builds a small tree (a province, Bắc Kạn city with its
command, its 8 wards and communes with theirs) and bulk-inserts the demo's
synthetic people (qsdp.demo.population) with their Residence rows. The parent
then times the real selectors of qsdp/people/selectors.py, so its peak RSS is
that of the reads, and writes bench/results.json.
"""

import json
import multiprocessing
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import asdict
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results.json"
SCALES = {"small": 20_000, "medium": 100_000, "large": 500_000}
REPEATS = {"small": 30, "medium": 20, "large": 10}
BENCH_DB = "qsdp_bench"
SEARCH = "nguyen van"
BATCH = 2_000
RESIDENCE_FROM = date(2015, 3, 11)  # when the tree opens
PAGE_SIZE = 50


def _database_url(scale: str) -> tuple[str, str]:
    """(URL of the bench database, its kind); creates an empty one."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        if url:
            sys.exit(f"bench: unsupported DATABASE_URL scheme: {url.split(':', 1)[0]}")
        path = ROOT / "var" / "bench" / f"bench-{scale}.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        for leftover in path.parent.glob(f"{path.name}*"):
            leftover.unlink()
        return f"sqlite:///{path}", "sqlite"
    import psycopg

    parts = urlsplit(url)
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DB}")
        connection.execute(f"CREATE DATABASE {BENCH_DB}")
    return urlunsplit(parts._replace(path=f"/{BENCH_DB}")), "postgresql"


def _drop_postgres_database(maintenance_url: str) -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    with psycopg.connect(maintenance_url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DB}")


def _build_tree() -> dict[str, Any]:
    from qsdp.demo.names import CITY_UNITS
    from qsdp.orgunits.models import OrgUnitKind
    from qsdp.orgunits.services import org_unit_create

    def create(name: str, kind: str, **links: Any) -> Any:
        return org_unit_create(actor=None, name=name, kind=kind, opened_on=RESIDENCE_FROM, **links)

    province = create("Tỉnh Bắc Kạn", OrgUnitKind.PROVINCE, code="06")
    city = create("Thành phố Bắc Kạn", OrgUnitKind.DISTRICT, code="058", parent=province)
    city_command = create(
        "Ban CHQS thành phố Bắc Kạn", OrgUnitKind.DISTRICT_COMMAND, parent=province, serves=city
    )
    units, commands = {}, []
    for unit in CITY_UNITS:
        kind = OrgUnitKind.COMMUNE if unit.rural else OrgUnitKind.WARD
        units[unit.code] = create(unit.name, kind, code=unit.code, parent=city)
        commands.append(
            create(
                f"Ban CHQS {unit.address_name}",
                OrgUnitKind.COMMUNE_COMMAND,
                parent=city_command,
                serves=units[unit.code],
            )
        )
    return {"city_command": city_command, "units": units, "commune_commands": commands}


def _make_users(tree: dict[str, Any]) -> None:
    from qsdp.accounts.models import Role, RoleAssignment, User

    personas = {
        "command_staff": (Role.COMMAND_STAFF, tree["city_command"]),
        "commune_officer": (Role.COMMUNE_OFFICER, tree["commune_commands"][0]),
    }
    for persona, (role, unit) in personas.items():
        user = User.objects.create(username=persona)
        RoleAssignment.objects.create(
            user=user, org_unit=unit, role=role, valid_from=RESIDENCE_FROM
        )


def _insert_people(count: int, units: dict[str, Any]) -> None:
    """The demo's synthetic people, with names derived as the services derive
    them, and their open Residence rows, in batches."""
    from django.db import transaction

    from qsdp.demo.population import generate_people
    from qsdp.people.models import Person, Residence
    from qsdp.people.services import derived_names

    drawn = generate_people(count)
    for start in range(0, count, BATCH):
        people = [
            Person(
                **{**asdict(person.data), **derived_names(person.data)},
                org_unit=units[person.unit.code],
            )
            for person in drawn[start : start + BATCH]
        ]
        with transaction.atomic():
            Person.objects.bulk_create(people)
            Residence.objects.bulk_create(
                Residence(
                    person=person,
                    org_unit_id=person.org_unit_id,
                    address=person.address,
                    started_on=max(person.birth_date, RESIDENCE_FROM),
                )
                for person in people
            )


def _populate(people: int) -> None:
    """In a child process: the schema, the tree, the two personas, the people."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    tree = _build_tree()
    _make_users(tree)
    _insert_people(people, tree["units"])
    _analyze()


def _analyze() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _time(run: Callable[[], Any], repeats: int) -> tuple[dict[str, float], Any]:
    """p50/p95 in ms over ``repeats`` runs, after two warm-up runs."""
    for _ in range(2):
        result = run()
    samples = []
    for _ in range(repeats):
        began = time.perf_counter()
        result = run()
        samples.append((time.perf_counter() - began) * 1000)
    samples.sort()
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    return {"p50_ms": round(statistics.median(samples), 2), "p95_ms": round(p95, 2)}, result


def _measure(people: int, repeats: int) -> dict[str, dict[str, Any]]:
    from qsdp.accounts.models import User
    from qsdp.people.selectors import PersonFilters, person_page

    def page_as(persona: str, filters: PersonFilters, after: str | None = None) -> Any:
        # A fresh user each time, as in a request: the scope is looked up again.
        user = User.objects.get(username=persona)
        return person_page(user=user, filters=filters, after=after, size=PAGE_SIZE)

    # The cursor of a page about nine tenths down the list, reached by paging.
    after, seen, stride = None, 0, max(PAGE_SIZE, people // 10)
    while seen < people * 9 // 10:
        user = User.objects.get(username="command_staff")
        step = person_page(user=user, filters=PersonFilters(), after=after, size=stride)
        after, seen = step.next_cursor, seen + len(step.items)
    deep_cursor = after

    cases: dict[str, Callable[[], Any]] = {
        "search": lambda: page_as("command_staff", PersonFilters(q=SEARCH)),
        "search_commune_officer": lambda: page_as("commune_officer", PersonFilters(q=SEARCH)),
        "list_first_page": lambda: page_as("command_staff", PersonFilters()),
        "list_deep_page": lambda: page_as("command_staff", PersonFilters(), deep_cursor),
    }
    results = {}
    for name, run in cases.items():
        timing, page = _time(run, repeats)
        results[name] = {**timing, "rows": len(page.items), "total": page.total}
    return results


def main() -> None:
    scale = os.environ.get("BENCH_SCALE", "small")
    if scale not in SCALES:
        sys.exit(f"bench: BENCH_SCALE must be one of {', '.join(SCALES)}, not {scale!r}")
    people, repeats = SCALES[scale], REPEATS[scale]
    maintenance_url = os.environ.get("DATABASE_URL", "")
    bench_url, database = _database_url(scale)

    sys.path.insert(0, str(ROOT))
    os.environ.update(
        DATABASE_URL=bench_url,
        DJANGO_SETTINGS_MODULE="config.settings",
        QSDP_ENV="test",
        DJANGO_DEBUG="false",  # no query log in memory
        QSDP_LOG_LEVEL="WARNING",
    )
    import django

    django.setup()
    print(f"bench: {scale}, {people:,} people, {database}")
    began = time.perf_counter()
    # Forked before any database connection is opened in this process.
    child = multiprocessing.get_context("fork").Process(target=_populate, args=(people,))
    child.start()
    child.join()
    if child.exitcode != 0:
        sys.exit(f"bench: building the database failed (exit code {child.exitcode})")
    setup_s = time.perf_counter() - began

    try:
        measured = _measure(people, repeats)
    finally:
        if database == "postgresql":
            _drop_postgres_database(maintenance_url)
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    results = {
        "scale": scale,
        "people": people,
        "query": SEARCH,
        "page_size": PAGE_SIZE,
        "repeats": repeats,
        **measured,
        "setup_s": round(setup_s, 1),
        "peak_rss_mb": round(peak_rss_mb, 1),
        "database": database,
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")

    print(f"{'case':<24} {'p50 ms':>8} {'p95 ms':>8} {'rows':>5} {'total':>8}")
    for name, row in measured.items():
        print(
            f"{name:<24} {row['p50_ms']:>8.2f} {row['p95_ms']:>8.2f}"
            f" {row['rows']:>5} {row['total']:>8,}"
        )
    print(f"setup {setup_s:.1f} s · peak RSS {peak_rss_mb:.0f} MB · {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
