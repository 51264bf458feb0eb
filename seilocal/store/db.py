"""Opening the user's SQLite file: refuse what is not ours, back up before migrating, WAL, migrations.

A leaf of the key's life (store/encryption.py, step 5 "connect"): it is given the key. Every connection to a
file goes through `connect` (SQLCipher, keyed first); `key=None` only reads a plain file of the time before
encryption (to check and migrate it). The one exception: a further connection of the running app
(`open_connection`, or `open_database` without a key) takes the key this process has already unlocked
(`keys.unlock`, which then only looks it up).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import cast

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from . import crypto, keys
from .crypto import connect
from .schema import form_migrations

BUSY_TIMEOUT_MS = 5000


class DatabaseRefused(RuntimeError):
    """The database file cannot be used as it is; the message says why in English, the file is untouched."""


def migration_sets() -> list[Migrations]:
    """Every migration set of the app, in the order they are applied."""
    from .bundles import bundles_migrations
    from .catalog.schema import catalog_migrations  # the code catalog lives in the same file
    from .versions_schema import versions_migrations  # submitted versions (issue 7)

    return [form_migrations, catalog_migrations, versions_migrations, bundles_migrations]


def _applied_names(conn: crypto.Connection) -> set[tuple[str, str]]:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", [Migrations.migrations_table]
    ).fetchone()
    if not exists:
        return set()
    rows = conn.execute(f"SELECT migration_set, name FROM {Migrations.migrations_table}").fetchall()
    return {(row[0], row[1]) for row in rows}


def _known_names(sets: Iterable[Migrations]) -> set[tuple[str, str]]:
    return {(s.name, m.name) for s in sets for m in s._migrations}  # noqa: SLF001 - no public accessor


def inspect_schema(path: Path, key: bytes | None = None) -> tuple[bool, bool]:
    """(has pending migrations, is newer than this program) for an existing file, read-only."""
    try:
        conn = connect(path, key, readonly=True)
    except crypto.Error as exc:
        raise DatabaseRefused(f"cannot open {path}: {exc}") from exc
    try:
        applied = _applied_names(conn)
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
    except crypto.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseRefused(f"{path} is locked by another program; close it and try again") from exc
        raise DatabaseRefused(
            f"{path} is damaged or not a SEI-LPR lokal database ({exc}); it was left untouched"
        ) from exc
    except crypto.DatabaseError as exc:
        raise DatabaseRefused(_unreadable(path, exc, key)) from exc
    finally:
        conn.close()
    if tables and not applied:
        raise DatabaseRefused(f"{path} is an SQLite file of another program; it was left untouched")
    known = _known_names(migration_sets())
    newer = bool(applied - known)
    pending = bool(known - applied)
    return pending, newer


def _unreadable(path: Path, exc: Exception, key: bytes | None) -> str:
    if key is not None and "not a database" in str(exc):
        return (f"{path} is damaged or was encrypted with another key ({exc}); it was left untouched")
    return f"{path} is damaged or not a SEI-LPR lokal database ({exc}); it was left untouched"


def backup_before_migration(path: Path, key: bytes | None = None) -> Path:
    """Copy the database with SQLite's backup API next to it, verify the copy, return its path.

    (Not VACUUM INTO: it fails on tables with generated columns in the SQLite versions Python ships.)
    """
    backups = path.parent / "backups"
    backups.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backups / f"{path.stem}-before-migration-{stamp}.sqlite3"
    source = connect(path, key, readonly=True)
    copy = connect(target, key)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    check = connect(target, key, readonly=True)
    try:
        result = check.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        check.close()
    if result != "ok":
        raise DatabaseRefused(
            f"the backup {target} before the upgrade failed its check ({result}); nothing was changed"
        )
    return target


def open_database(path: Path, key: bytes | None = None) -> Database:
    """Open (or create) the user's database: key, checks, backup before migration, WAL, migrations applied.

    Without `key` the key already unlocked for the file's folder in this process is used.
    """
    if key is None:
        key = keys.unlock(path.parent)
    existed = path.exists() and path.stat().st_size > 0
    if existed and crypto.is_plain(path):
        raise DatabaseRefused(f"{path} is not encrypted yet; it is encrypted when SEI-LPR lokal opens its folder")
    if existed:
        pending, newer = inspect_schema(path, key)
        if newer:
            raise DatabaseRefused(
                f"{path} was written by a newer version of SEI-LPR lokal; update the program. "
                "The file was left untouched"
            )
        if pending:
            backup_before_migration(path, key)
    try:
        conn = connect(path, key, timeout=BUSY_TIMEOUT_MS / 1000)
    except crypto.Error as exc:
        raise DatabaseRefused(f"cannot open {path}: {exc}") from exc
    db = Database(_as_sqlite(conn))
    try:
        db.execute(f"PRAGMA cache_size = -{crypto.CACHE_KIB}")  # hot pages stay decrypted (see crypto.py)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.enable_wal()
        db.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL survives a process crash; submissions use FULL
        db.execute("PRAGMA foreign_keys = ON")
        for migrations in migration_sets():
            migrations.apply(db)
        _probe_write(conn)
    except crypto.OperationalError as exc:
        db.close()
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseRefused(f"{path} is locked by another program; close it and try again") from exc
        if "readonly" in str(exc) or "read-only" in str(exc):
            raise DatabaseRefused(f"{path} is read-only; SEI-LPR lokal needs to write to it") from exc
        raise DatabaseRefused(f"cannot use {path}: {exc}") from exc
    except crypto.DatabaseError as exc:
        db.close()
        raise DatabaseRefused(_unreadable(path, exc, key)) from exc
    return db


def _as_sqlite(conn: crypto.Connection) -> sqlite3.Connection:
    """sqlite_utils is typed for sqlite3's connection; sqlcipher3's is a fork of it with the same interface."""
    return cast(sqlite3.Connection, conn)


def _probe_write(conn: crypto.Connection) -> None:
    """Prove the file takes writes now, not at the first save (a read-only file migrates nothing)."""
    conn.execute("SAVEPOINT write_probe")
    try:
        conn.execute("INSERT OR REPLACE INTO prefs (key, value) VALUES ('.write-probe', '')")
    finally:
        conn.execute("ROLLBACK TO write_probe")
        conn.execute("RELEASE write_probe")


def memory_database() -> Database:
    """A migrated in-memory database, for tests and tools."""
    db = Database(memory=True)
    for migrations in migration_sets():
        migrations.apply(db)
    return db


def open_connection(path: Path) -> Database:
    """One more keyed connection to the (already opened and migrated) database, e.g. for a worker thread."""
    db = Database(_as_sqlite(connect(path, keys.unlock(path.parent), timeout=BUSY_TIMEOUT_MS / 1000)))
    db.execute(f"PRAGMA cache_size = -{crypto.CACHE_KIB}")
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    return db
