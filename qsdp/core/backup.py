"""Backups of the database and the media files, with a manifest to verify them.

A backup is one tar archive holding ``manifest.json``, the database (``db.sqlite3``
from SQLite's online backup API, or ``db.dump`` from ``pg_dump -Fc``) and the
media files under ``media/``. The manifest has, per table, the row count and a
SHA-256 of the rows in a canonical text form computed by the database itself,
so a restore can prove that it brought back exactly what was saved.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
SQLITE_FILE = "db.sqlite3"
PG_FILE = "db.dump"
MEDIA_DIR = "media"

TableSums = dict[str, dict[str, Any]]


class BackupError(Exception):
    """The backup or restore cannot go on; the message says why."""


@dataclass(frozen=True)
class Manifest:
    engine: str
    created_at: str
    tables: TableSums
    files: dict[str, str]

    def as_json(self) -> bytes:
        data = {"format": FORMAT, **self.__dict__}
        return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False).encode()

    @classmethod
    def from_json(cls, raw: bytes) -> "Manifest":
        data = json.loads(raw)
        if data.get("format") != FORMAT:
            raise BackupError(f"Unknown backup format {data.get('format')!r}.")
        return cls(data["engine"], data["created_at"], data["tables"], data["files"])


def engine() -> str:
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"Backups of a {vendor} database are not supported.")
    return vendor


# Checksums -----------------------------------------------------------------


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sqlite_sums(db: sqlite3.Connection) -> TableSums:
    """Per table: rows and the SHA-256 of ``quote()`` of every value, sorted.
    SQL-side text avoids the Python type converters a connection may have."""
    tables = [
        row[0]
        for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    sums: TableSums = {}
    for table in tables:
        columns = [row[1] for row in db.execute(f"PRAGMA table_info({_quote(table)})")]
        text = " || '|' || ".join(f"quote({_quote(c)})" for c in columns) or "''"
        digest = hashlib.sha256()
        count = 0
        # Names come from the schema itself and are quoted.
        query = f"SELECT {text} AS r FROM {_quote(table)} ORDER BY r"  # noqa: S608
        for (line,) in db.execute(query):
            digest.update(line.encode() + b"\n")
            count += 1
        sums[table] = {"rows": count, "sha256": digest.hexdigest()}
    return sums


def _postgres_sums() -> TableSums:
    """Per table: rows and the SHA-256 of each row's text form, sorted, computed in
    the current transaction (the caller holds the snapshot pg_dump uses)."""
    sums: TableSums = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            # A quoted name from the schema itself.
            rows = "string_agg(t::text, E'\\n' ORDER BY t::text COLLATE \"C\")"
            digest_sql = f"encode(sha256(convert_to(coalesce({rows}, ''), 'UTF8')), 'hex')"
            cursor.execute(f"SELECT count(*), {digest_sql} FROM {_quote(table)} AS t")  # noqa: S608
            count, digest = cursor.fetchone()
            sums[table] = {"rows": count, "sha256": digest}
    return sums


def current_sums() -> TableSums:
    """The row counts and checksums of the live database."""
    if engine() == "sqlite":
        connection.ensure_connection()
        return _sqlite_sums(connection.connection)
    return _postgres_sums()


# Helpers -------------------------------------------------------------------


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _pg_env() -> tuple[list[str], dict[str, str]]:
    """Connection options for pg_dump/pg_restore from the active settings (the
    DATABASE_URL, or the test database's name during tests); the password goes
    in the environment, not on the command line."""
    db = connection.settings_dict
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def _run(command: list[str], env: dict[str, str]) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (Debian: postgresql-client).")
    # A fixed program with arguments from the settings, no shell.
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()}")


def default_path() -> Path:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return Path(settings.VAR_DIR) / "backups" / f"qsdp-{stamp}.tar"


# Backup --------------------------------------------------------------------


def _dump_sqlite(target: Path) -> TableSums:
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)  # consistent even while others write
        return _sqlite_sums(copy)
    finally:
        copy.close()


def _dump_postgres(target: Path) -> TableSums:
    """pg_dump and the checksums read the same exported snapshot."""
    args, env = _pg_env()
    connection.ensure_connection()
    raw = connection.connection
    previous = raw.autocommit
    raw.autocommit = True
    try:
        with raw.cursor() as cursor:
            cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            (snapshot,) = cursor.fetchone() or ("",)
            _run(["pg_dump", "-Fc", "--no-owner", f"--snapshot={snapshot}", "--file",
                  str(target), *args], env)  # fmt: skip
            sums = _postgres_sums()
            cursor.execute("COMMIT")
    finally:
        raw.autocommit = previous
    return sums


def backup(output: Path | None = None, *, media_root: Path | None = None) -> Path:
    """Write a backup archive and return its path."""
    kind = engine()
    output = output or default_path()
    output.parent.mkdir(parents=True, exist_ok=True)
    media = Path(media_root or settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as work:
        db_name = SQLITE_FILE if kind == "sqlite" else PG_FILE
        db_path = Path(work) / db_name
        tables = _dump_sqlite(db_path) if kind == "sqlite" else _dump_postgres(db_path)
        files = {db_name: _sha256_file(db_path)}
        media_files = sorted(p for p in media.rglob("*") if p.is_file()) if media.is_dir() else []
        for path in media_files:
            files[f"{MEDIA_DIR}/{path.relative_to(media).as_posix()}"] = _sha256_file(path)
        manifest = Manifest(kind, timezone.now().isoformat(), tables, files)
        partial = output.with_name(output.name + ".partial")
        with tarfile.open(partial, "w") as archive:
            raw = manifest.as_json()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(raw)
            archive.addfile(info, io.BytesIO(raw))
            archive.add(db_path, arcname=db_name)
            for path in media_files:
                archive.add(path, arcname=f"{MEDIA_DIR}/{path.relative_to(media).as_posix()}")
        partial.replace(output)  # never leave a half-written archive under the final name
    return output


# Restore -------------------------------------------------------------------


def read_manifest(archive_path: Path) -> Manifest:
    with tarfile.open(archive_path) as archive:
        member = archive.extractfile(MANIFEST)
        if member is None:
            raise BackupError("The archive has no manifest.")
        return Manifest.from_json(member.read())


def _extract(archive_path: Path, manifest: Manifest, into: Path) -> None:
    """Unpack only the files the manifest lists, each checked against its checksum."""
    with tarfile.open(archive_path) as archive:
        names = {m.name for m in archive.getmembers() if m.isfile()} - {MANIFEST}
        if names != set(manifest.files):
            raise BackupError("The archive's files do not match its manifest.")
        archive.extractall(into, members=[archive.getmember(n) for n in names], filter="data")
    for name, expected in manifest.files.items():
        if _sha256_file(into / name) != expected:
            raise BackupError(f"{name} is damaged: its checksum does not match the manifest.")


def _compare(expected: TableSums, found: TableSums) -> list[str]:
    return [
        table
        for table in sorted(set(expected) | set(found))
        if expected.get(table) != found.get(table)
    ]


def restore(
    archive_path: Path,
    *,
    media_root: Path | None = None,
    progress: Callable[[str], None] = lambda _: None,
) -> Manifest:
    """Replace the database and the media files with the backup's, then verify."""
    manifest = read_manifest(archive_path)
    kind = engine()
    if manifest.engine != kind:
        raise BackupError(f"This is a {manifest.engine} backup; the database is {kind}.")
    media = Path(media_root or settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        _extract(archive_path, manifest, root)
        progress("archive verified")
        if kind == "sqlite":
            source = sqlite3.connect(root / SQLITE_FILE)
            try:
                if _compare(manifest.tables, _sqlite_sums(source)):
                    raise BackupError("The database file does not match the manifest.")
                connection.ensure_connection()
                source.backup(connection.connection)
            finally:
                source.close()
        else:
            connection.close()  # no session of ours may hold a lock on what is dropped
            args, env = _pg_env()
            _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                  *args, str(root / PG_FILE)], env)  # fmt: skip
        progress("database restored")
        if (root / MEDIA_DIR).is_dir() or media.is_dir():
            if media.is_dir():
                shutil.rmtree(media)
            if (root / MEDIA_DIR).is_dir():
                shutil.copytree(root / MEDIA_DIR, media)
            progress("media restored")
    mismatched = _compare(manifest.tables, current_sums())
    if mismatched:
        raise BackupError(
            "The restored database differs from the backup in: " + ", ".join(mismatched)
        )
    progress(f"verified {len(manifest.tables)} tables")
    return manifest
