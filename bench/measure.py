"""One measurement of ``make bench``, in a process of its own so that its peak
RSS is its own: ``python -m bench.measure <rollup|search|review|import>``.

The environment (DATABASE_URL of the bench database, DJANGO_SETTINGS_MODULE)
is set by ``bench/run.py``; the result is printed as one JSON line.
"""

import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable
from datetime import date
from http.client import HTTPConnection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
YEAR = 2024
IMPORT_ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", "100000"))
CLIENTS = 20
REQUESTS_PER_CLIENT = int(os.environ.get("BENCH_REQUESTS", "15"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "3"))
PORT = int(os.environ.get("BENCH_PORT", "8765"))
# Each client waits this long (± half, at random) between its requests: an
# officer reads the page before the next click. 0 makes the clients hammer.
THINK_MS = int(os.environ.get("BENCH_THINK_MS", "1000"))


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _best(run: Callable[[], Any], times: int = 3) -> tuple[float, Any]:
    """The fastest of ``times`` runs (the first one warms the caches)."""
    best, result = float("inf"), None
    for _ in range(times):
        began = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - began)
    return best, result


def _provinces() -> list[Any]:
    from qsdp.orgunits.models import OrgUnit, OrgUnitKind

    return list(OrgUnit.objects.filter(kind=OrgUnitKind.PROVINCE).order_by("path"))


# -- rollup ---------------------------------------------------------------------

# The same counts as the year-end indicators, by hand, in one statement.
HAND_SQL = """
WITH u AS (SELECT id FROM orgunits_orgunit WHERE path LIKE %(path)s),
ev AS (SELECT e.* FROM military_service_serviceevent e
       WHERE e.org_unit_id IN (SELECT id FROM u) AND e.cancelled_on IS NULL),
due AS (SELECT DISTINCT r.person_id FROM people_residence r JOIN people_person p
          ON p.id = r.person_id
        WHERE r.org_unit_id IN (SELECT id FROM u) AND r.kind = 'permanent'
          AND r.started_on <= %(end)s AND (r.ended_on IS NULL OR r.ended_on > %(end)s)
          AND p.sex = 'male' AND p.birth_date BETWEEN %(born_from)s AND %(born_to)s
          AND p.deleted_at IS NULL),
ex AS (SELECT DISTINCT ON (e.person_id) e.person_id, h.health_class
       FROM ev e JOIN military_service_healthexam h ON h.event_id = e.id
       WHERE h.examined_on BETWEEN %(start)s AND %(end)s
       ORDER BY e.person_id, h.examined_on DESC, h.id DESC),
rs AS (SELECT r.* FROM reserves_reservist r WHERE r.managed_by_id IN (SELECT id FROM u)
         AND r.registered_on <= %(end)s AND (r.removed_on IS NULL OR r.removed_on > %(end)s))
SELECT
 (SELECT coalesce(sum(q.number), 0) FROM military_service_quota q
   WHERE q.call_up_year = %(year)s AND q.org_unit_id IN (SELECT id FROM u)
     AND (q.parent_id IS NULL OR q.parent_id NOT IN (SELECT id FROM military_service_quota
          WHERE org_unit_id IN (SELECT id FROM u)))),
 (SELECT count(*) FROM ev WHERE kind = 'enlistment' AND call_up_year = %(year)s),
 (SELECT count(*) FROM due),
 (SELECT count(*) FROM due d WHERE EXISTS (SELECT 1 FROM military_service_serviceevent f
   WHERE f.person_id = d.person_id AND f.kind = 'first_registration'
     AND f.cancelled_on IS NULL AND f.occurred_on <= %(end)s)),
 (SELECT count(*) FROM ex), (SELECT count(*) FROM ex WHERE health_class <= 3),
 (SELECT count(*) FROM ev WHERE kind = 'return_home' AND occurred_on BETWEEN %(start)s AND %(end)s),
 (SELECT count(*) FROM ev h WHERE kind = 'return_home'
   AND occurred_on BETWEEN %(start)s AND %(end)s AND EXISTS (
   SELECT 1 FROM military_service_serviceevent g WHERE g.person_id = h.person_id
   AND g.kind = 'reserve_registration' AND g.cancelled_on IS NULL
   AND g.occurred_on BETWEEN h.occurred_on AND h.due_on)),
 (SELECT count(*) FROM rs),
 (SELECT count(*) FROM rs WHERE EXISTS (SELECT 1 FROM reserves_arrangement a
   WHERE a.reservist_id = rs.id AND a.arranged_on <= %(end)s
   AND (a.ended_on IS NULL OR a.ended_on > %(end)s))),
 (SELECT count(*) FROM reserves_reservereview v JOIN reserves_reservist r
   ON r.id = v.reservist_id WHERE v.year = %(year)s AND r.managed_by_id IN (SELECT id FROM u)),
 (SELECT count(*) FROM reserves_commanderdecision c JOIN reserves_reservist r
   ON r.id = c.reservist_id WHERE r.managed_by_id IN (SELECT id FROM u)
   AND c.decided_on BETWEEN %(start)s AND %(end)s),
 (SELECT count(*) FROM militia_militiamember m WHERE m.org_unit_id IN (SELECT id FROM u)
   AND m.term_start <= %(end)s AND (m.left_on IS NULL OR m.left_on > %(end)s)),
 (SELECT count(DISTINCT r.person_id) FROM people_residence r
   WHERE r.org_unit_id IN (SELECT id FROM u) AND r.started_on <= %(end)s
   AND (r.ended_on IS NULL OR r.ended_on > %(end)s)),
 (SELECT count(DISTINCT a.person_id) FROM training_attendance a
   JOIN training_trainingsession s ON s.id = a.session_id
   WHERE a.present AND s.org_unit_id IN (SELECT id FROM u)
   AND s.held_on BETWEEN %(start)s AND %(end)s),
 (SELECT count(*) FROM operations_drill d JOIN operations_drillplan p ON p.id = d.plan_id
   WHERE p.org_unit_id IN (SELECT id FROM u) AND d.held_from BETWEEN %(start)s AND %(end)s),
 (SELECT count(*) FROM operations_dutylog l JOIN operations_dutypost p ON p.id = l.post_id
   WHERE p.org_unit_id IN (SELECT id FROM u) AND l.day BETWEEN %(start)s AND %(end)s),
 (SELECT count(*) FROM operations_patrol p WHERE p.org_unit_id IN (SELECT id FROM u)
   AND p."on" BETWEEN %(start)s AND %(end)s),
 (SELECT count(*) FROM training_courseparticipant c JOIN training_educationcourse e
   ON e.id = c.course_id WHERE e.org_unit_id IN (SELECT id FROM u) AND e.year = %(year)s),
 (SELECT count(*) FROM awards_awardrecipient r JOIN awards_awardproposal p
   ON p.id = r.proposal_id JOIN awards_awarddecision d ON d.id = p.decision_id
   WHERE r.org_unit_id IN (SELECT id FROM u) AND r.revocation_id IS NULL
   AND d.decided_on BETWEEN %(start)s AND %(end)s)
"""


def _hand_sql(path: str) -> tuple[Any, ...]:
    from django.db import connection

    sql = HAND_SQL
    if connection.vendor == "sqlite":  # no DISTINCT ON: the last exam by a window
        sql = sql.replace(
            "SELECT DISTINCT ON (e.person_id) e.person_id, h.health_class",
            "SELECT person_id, health_class FROM (SELECT e.person_id, h.health_class,"
            " row_number() OVER (PARTITION BY e.person_id ORDER BY h.examined_on DESC,"
            " h.id DESC) AS n",
        ).replace(
            "ORDER BY e.person_id, h.examined_on DESC, h.id DESC),",
            ") WHERE n = 1),",
        )
    params = {
        "path": f"{path}%",
        "year": YEAR,
        "start": date(YEAR, 1, 1),
        "end": date(YEAR, 12, 31),
        "born_from": date(YEAR - 17, 1, 1),
        "born_to": date(YEAR - 17, 12, 31),
    }
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return tuple(cursor.fetchone())


def rollup() -> dict[str, Any]:
    from qsdp.reporting.gather import compute_each

    provinces = _provinces()

    def qsdp() -> list[Any]:
        return list(compute_each(units=provinces, year=YEAR).values())

    def hand() -> list[Any]:
        # On as many connections as compute_each uses, for a like-for-like time.
        from concurrent.futures import ThreadPoolExecutor

        from django.conf import settings
        from django.db import connections

        def one(path: str) -> tuple[Any, ...]:
            try:
                return _hand_sql(path)
            finally:
                connections.close_all()

        if len(provinces) == 1:
            return [_hand_sql(provinces[0].path)]
        with ThreadPoolExecutor(settings.QSDP_ROLLUP_WORKERS) as pool:
            return list(pool.map(one, [p.path for p in provinces]))

    qsdp_s, values = _best(qsdp)
    hand_s, _ = _best(hand)
    indicators = len(values[0])
    empty = sorted(code for code, v in values[0].items() if not v.numerator)
    return {
        "qsdp_s": round(qsdp_s, 3),
        "hand_sql_s": round(hand_s, 3),
        "ratio": round(qsdp_s / hand_s, 2),
        "provinces": len(provinces),
        "indicators": indicators,
        "zero_indicators": empty,
        "peak_rss_mb": _peak_mb(),
    }


# -- review ---------------------------------------------------------------------


def review() -> dict[str, Any]:
    from django.utils import translation

    from qsdp.documents.renderers.report import render_report_docx, render_report_pdf
    from qsdp.review.facts import gather_facts
    from qsdp.review.generator import build_review, to_report_document

    province = _provinces()[0]
    with translation.override("vi"):
        facts_s, facts = _best(lambda: gather_facts(org_unit=province, year=YEAR), 2)

        def document() -> Any:
            return to_report_document(build_review(facts))

        docx_s, docx = _best(lambda: render_report_docx(document()), 2)
        pdf_s, pdf = _best(lambda: render_report_pdf(document()), 2)
    return {
        "facts_s": round(facts_s, 3),
        "docx_s": round(docx_s, 3),
        "pdf_s": round(pdf_s, 3),
        "end_to_end_s": round(facts_s * 2 + docx_s + pdf_s, 3),
        "docx_kb": len(docx) // 1024,
        "pdf_kb": len(pdf) // 1024,
        "peak_rss_mb": _peak_mb(),
    }


# -- import ---------------------------------------------------------------------


def _import_job(officer: Any, commune: Any, content: bytes) -> tuple[float, Any]:
    """Seconds to run a people import job of ``content``, and the job at its end."""
    import io

    from qsdp.imports import jobs
    from qsdp.imports.models import JobStatus

    job = jobs.job_create(
        actor=officer, org_unit=commune, kind="people", name="register.xlsx",
        size=len(content), handle=io.BytesIO(content), dry_run=False,
    )  # fmt: skip
    began = time.perf_counter()
    done = jobs.job_run(job.pk)
    # The runner job_create spawns after its commit leaves the job to this one,
    # which claims it first; should the spawned runner win, wait for it instead.
    while done.status in (JobStatus.QUEUED, JobStatus.RUNNING):
        time.sleep(0.1)
        done.refresh_from_db()
    return time.perf_counter() - began, done


def import_() -> dict[str, Any]:
    from python_calamine import CalamineWorkbook

    from bench.floor import write_floor
    from qsdp.accounts.models import User
    from qsdp.accounts.scoping import units_in_scope
    from qsdp.imports.tests import files
    from qsdp.orgunits.models import COMMUNE_LEVEL_KINDS
    from qsdp.people.models import Person

    officer = User.objects.get(username="commune_officer")
    first_id = (Person.all_objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
    commune = units_in_scope(officer, write=True).filter(kind__in=COMMUNE_LEVEL_KINDS).get()
    with tempfile.TemporaryDirectory() as folder:
        # Born before the generated register's people (1950 on): all new to it, so
        # the whole file is written, none refused as a namesake of someone there.
        path = files.write_big_xlsx(
            Path(folder) / "register.xlsx", IMPORT_ROWS, born_from=date(1919, 1, 1)
        )
        content = path.read_bytes()
        began = time.perf_counter()
        CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
        parse_s = time.perf_counter() - began
    parse_peak = _peak_mb()
    import_s, done = _import_job(officer, commune, content)
    if done.result.get("imported") != IMPORT_ROWS:
        # A file that did not import is no measure of importing (errors write nothing).
        sys.exit(
            f"bench: the import wrote {done.result.get('imported')} of {IMPORT_ROWS} rows "
            f"({done.status}); first errors: {done.result.get('errors', [])[:3]}"
        )
    # The same file again: every row matched, nothing written.
    reimport_s, again = _import_job(officer, commune, content)
    if (again.result.get("imported"), again.result.get("error_count")) != (0, 0):
        sys.exit(f"bench: the second import of the file gave {again.result}")
    # Twice, the first warming the caches.
    floor_s, floor_rows = min(write_floor(first_id) for _ in range(2))
    if floor_rows != [IMPORT_ROWS] * 3:
        sys.exit(f"bench: the floor copied {floor_rows} rows, not the import's {IMPORT_ROWS}")
    return {
        "rows": IMPORT_ROWS,
        "imported": done.result.get("imported"),
        "status": done.status,
        "import_s": round(import_s, 2),
        "parse_s": round(parse_s, 2),
        "ratio": round(import_s / parse_s, 2),
        # The database's own share (bench/floor.py): no import can be faster.
        "floor_s": round(floor_s, 2),
        "floor_ratio": round(floor_s / parse_s, 2),
        "reimport_s": round(reimport_s, 2),
        "parse_peak_rss_mb": parse_peak,
        "peak_rss_mb": _peak_mb(),
    }


# -- search and list pages over HTTP ----------------------------------------------


def _pages() -> dict[str, str]:
    from django.urls import reverse

    search = urllib.parse.urlencode({"q": "nguyen van"})
    return {
        "search": f"{reverse('people:person-list')}?{search}",
        "people": reverse("people:person-list"),
        "military_service": reverse("military_service:registration-list"),
        "reservists": reverse("reserves:reservist-list"),
        "militia": reverse("militia:member-list"),
        "training": reverse("training:plan-list"),
        "operations": reverse("operations:drill-list"),
        "awards": reverse("awards:award-list"),
    }


def _session_cookie(username: str) -> str:
    from django.conf import settings
    from django.test import Client

    from qsdp.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(username=username))
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def _serve() -> subprocess.Popen[bytes]:
    server = subprocess.Popen(  # noqa: S603 — our own gunicorn, fixed arguments
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "config.wsgi",
            "--workers",
            str(WORKERS),
            "--bind",
            f"127.0.0.1:{PORT}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env={**os.environ, "DATABASE_CONN_MAX_AGE": "600"},
    )
    for _ in range(300):
        try:
            connection = HTTPConnection("127.0.0.1", PORT, timeout=2)
            connection.request("GET", "/healthz")
            connection.getresponse().read()
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("gunicorn did not start")


def search() -> dict[str, Any]:
    pages = _pages()
    cookie = _session_cookie("command_staff")
    server = _serve()
    samples: dict[str, list[float]] = {name: [] for name in pages}
    errors: list[str] = []
    lock = threading.Lock()

    def client(number: int, think: bool = True) -> None:
        connection = HTTPConnection("127.0.0.1", PORT, timeout=30)
        names = list(pages)
        rng = random.Random(number)
        for i in range(REQUESTS_PER_CLIENT):
            if think and THINK_MS:
                time.sleep(THINK_MS * rng.uniform(0.5, 1.5) / 1000)
            name = names[(number + i) % len(names)]
            began = time.perf_counter()
            try:
                connection.request("GET", pages[name], headers={"Cookie": cookie})
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except OSError as error:
                ok, response = False, error  # type: ignore[assignment]
                connection = HTTPConnection("127.0.0.1", PORT, timeout=30)
            elapsed = (time.perf_counter() - began) * 1000
            with lock:
                samples[name].append(elapsed)
                if not ok:
                    errors.append(f"{name}: {getattr(response, 'status', response)}")

    workers: list[int] = []
    try:
        for warm in range(len(pages)):  # each worker imports, connects and fills its caches
            client(warm, think=False)
        for values in samples.values():
            values.clear()
        errors.clear()
        threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
        began = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - began
        workers = _children(server.pid)
        server_peak = max((_vm_hwm_mb(pid) for pid in workers), default=0.0)
    finally:
        server.terminate()
        server.wait(timeout=30)
    every = sorted(v for values in samples.values() for v in values)

    def p(values: list[float], q: float) -> float:
        ordered = sorted(values)
        return round(ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))], 1)

    return {
        "clients": CLIENTS,
        "workers": WORKERS,
        "think_ms": THINK_MS,
        "requests": len(every),
        "p50_ms": round(statistics.median(every), 1),
        "p95_ms": p(every, 0.95),
        "errors": len(errors),
        "error_samples": errors[:5],
        "requests_per_s": round(len(every) / wall, 1),
        "pages": {name: {"p50_ms": p(v, 0.5), "p95_ms": p(v, 0.95)} for name, v in samples.items()},
        "peak_rss_mb": _peak_mb(),
        "server_worker_peak_rss_mb": server_peak,
    }


def _children(pid: int) -> list[int]:
    text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    return [int(child) for child in text.split()]


def _vm_hwm_mb(pid: int) -> float:
    """The peak RSS of another process (VmHWM, in kB in /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def populate() -> dict[str, Any]:
    from django.core.management import call_command

    from bench.generate import generate

    began = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrate_s = time.perf_counter() - began
    people = os.environ.get("BENCH_PEOPLE")
    began = time.perf_counter()
    written = generate(
        os.environ.get("BENCH_SCALE", "small"),
        int(people) if people else None,
        log=lambda line: print(line, file=sys.stderr),
    )
    return {
        **written,
        "migrate_s": round(migrate_s, 1),
        "generate_s": round(time.perf_counter() - began, 1),
        "peak_rss_mb": _peak_mb(),
    }


MEASURES = {
    "populate": populate,
    "rollup": rollup,
    "review": review,
    "import": import_,
    "search": search,
}


def main() -> None:
    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    result = MEASURES[sys.argv[1]]()
    print(json.dumps(result, ensure_ascii=False))  # read by bench/run.py


if __name__ == "__main__":
    main()
