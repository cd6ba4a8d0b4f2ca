"""qsdp benchmark: import, year-end rollup, search and list pages, review documents.

    make bench                                   # BENCH_SCALE=small: one city, 20,000 people
    BENCH_SCALE=province DATABASE_URL=postgres://…/postgres make bench   # 300,000 people
    BENCH_SCALE=national DATABASE_URL=postgres://…/postgres make bench   # 10 M, PostgreSQL only
    BENCH_PEOPLE=1000000 …                       # another number of people for the scale
    BENCH_STEPS=rollup …                         # only some of the steps

It never touches real data: on SQLite it works in var/bench/bench-<scale>.sqlite3
(made anew each run); on PostgreSQL it creates the database ``qsdp_bench_<scale>``
on the server of DATABASE_URL and drops it at the end (BENCH_KEEP=1 keeps it).

Each step runs in a child process of its own (``bench/measure.py``), so each
peak RSS is that step's: populate (migrate + ``bench/generate.py``), rollup,
review, search (gunicorn + 20 concurrent clients over loopback) and import
(last: it adds 100,000 people). Results go to bench/results.json and to the
table between the markers of docs/performance.md.
"""

import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results.json"
DOC = ROOT / "docs" / "performance.md"
SCALES = ("small", "province", "national")
STEPS = ("rollup", "review", "search", "import")
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


def _database(scale: str) -> tuple[str, str, str]:
    """(URL of a new empty bench database, its kind, the maintenance URL)."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        if url:
            sys.exit(f"bench: unsupported DATABASE_URL scheme: {url.split(':', 1)[0]}")
        if scale == "national":
            sys.exit("bench: the national scale runs on PostgreSQL only (set DATABASE_URL)")
        path = ROOT / "var" / "bench" / f"bench-{scale}.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        for leftover in path.parent.glob(f"{path.name}*"):
            leftover.unlink()
        return f"sqlite:///{path}", "sqlite", ""
    import psycopg

    name = f"qsdp_bench_{scale}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name}")
        connection.execute(f"CREATE DATABASE {name}")
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}")), "postgresql", url


def _drop(maintenance_url: str, scale: str) -> None:
    import psycopg

    with psycopg.connect(maintenance_url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS qsdp_bench_{scale} WITH (FORCE)")


def _step(name: str, env: dict[str, str]) -> dict[str, Any]:
    began = time.perf_counter()
    done = subprocess.run(  # noqa: S603 — this interpreter, a fixed module
        [sys.executable, "-m", "bench.measure", name],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        sys.exit(f"bench: step {name} failed (exit code {done.returncode})")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"  {name:<8} {time.perf_counter() - began:7.1f} s  {_summary(name, result)}")
    return result


def _summary(name: str, r: dict[str, Any]) -> str:
    keys = {
        "populate": ("people", "migrate_s", "generate_s"),
        "rollup": ("qsdp_s", "hand_sql_s", "ratio"),
        "review": ("facts_s", "docx_s", "pdf_s"),
        "search": ("p50_ms", "p95_ms", "errors"),
        "import": ("import_s", "parse_s", "ratio", "floor_s", "floor_ratio", "reimport_s"),
    }[name]
    return " ".join(f"{k}={r[k]}" for k in (*keys, "peak_rss_mb"))


def _table(results: dict[str, Any]) -> str:
    rows = [
        (
            "import",
            "import_s / parse_s (ratio); the database's own floor_s (floor_ratio)",
            "{import_s} s / {parse_s} s ({ratio}); {floor_s} s ({floor_ratio})",
            "ratio ≤ 3, < 500 MB",
        ),
        (
            "rollup",
            "qsdp_s / hand_sql_s (ratio)",
            "{qsdp_s} s / {hand_sql_s} s ({ratio})",
            "ratio ≤ 1.5 (province)",
        ),
        (
            "search",
            "p50 / p95 ms, errors",
            "{p50_ms} / {p95_ms} ms, {errors}",
            "p95 ≤ 150 ms, 0 errors",
        ),
        ("review", "docx_s + pdf_s", "{docx_s} s + {pdf_s} s", "≤ 5 s"),
    ]
    lines = [
        f"Scale `{results['scale']}`: {results['people']:,} people, {results['database']}, "
        f"measured {results['measured_at']} (load average {results['load_before']} before, "
        f"{results['load_after']} after, {os.cpu_count()} cores).",
        "",
        "| step | measure | value | peak RSS | target |",
        "|---|---|---|---|---|",
    ]
    for step, what, value, target in rows:
        r = results[step]
        lines.append(
            f"| {step} | {what} | {value.format(**r)} | {r['peak_rss_mb']:.0f} MB | {target} |"
        )
    return "\n".join(lines)


def _update_doc(results: dict[str, Any]) -> None:
    if not DOC.exists():
        return
    text = DOC.read_text()
    if BEGIN not in text or END not in text:
        return
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    DOC.write_text(f"{head}{BEGIN}\n{_table(results)}\n{END}{tail}")


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main() -> None:
    scale = os.environ.get("BENCH_SCALE", "small")
    if scale not in SCALES:
        sys.exit(f"bench: BENCH_SCALE must be one of {', '.join(SCALES)}, not {scale!r}")
    bench_url, database, maintenance_url = _database(scale)
    env = {
        **os.environ,
        "BENCH_SCALE": scale,
        "DATABASE_URL": bench_url,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "PYTHONPATH": str(ROOT),
        "QSDP_ENV": "test",
        "DJANGO_DEBUG": "false",  # no query log in memory
        "QSDP_LOG_LEVEL": "WARNING",
    }
    load_before = _load()
    print(f"bench: {scale} on {database} (load average {load_before})")
    try:
        populated = _step("populate", env)
        steps = os.environ.get("BENCH_STEPS", ",".join(STEPS)).split(",")
        measured = {name: _step(name, env) for name in STEPS if name in steps}
    finally:
        if database == "postgresql" and not os.environ.get("BENCH_KEEP"):
            _drop(maintenance_url, scale)
    results = {
        "scale": scale,
        "people": populated["people"],
        "database": database,
        **measured,
        "populate": populated,
        "load_before": load_before,
        "load_after": _load(),
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    out = Path(os.environ.get("BENCH_RESULTS", RESULTS))
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    if out == RESULTS and set(STEPS) <= set(measured):
        _update_doc(results)
    print(f"bench: wrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")


if __name__ == "__main__":
    main()
