"""Verified backups of the user's database (B10): make, list, rotate, restore, and a restore on next start.

Backups are encrypted with the database's own key (restore needs it). They are made with SQLite's backup API
(not VACUUM INTO: it fails on tables with generated columns),
written to a temporary name, checked with `PRAGMA integrity_check`, and only then renamed into place, so a
file in the backups folder is always a complete, checked copy. Rotation keeps the newest `KEEP` daily and
manual backups; copies made before a migration or before a restore are never rotated away (they are rare
and are the way back from a bad upgrade or a wrong restore).

A restore replaces the database file, so it runs only while no app holds the database open: the CLI
checks the instance lock; the app schedules it (`schedule_restore`) and applies it at its next start
(`apply_pending_restore`, called before the database is opened).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import cast

from seilocal.clock import now as clock_now

from . import crypto, keys
from .db import DatabaseRefused, inspect_schema

BACKUPS_DIR = "backups"
KEEP = 10
DAILY = timedelta(days=1)
PENDING_FILE = "restore-pending.json"
ROTATED_REASONS = ("daily", "manual")
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+?)-(?P<reason>[a-z][a-z-]*?)-(?P<stamp>\d{8}-\d{6})(?:-\d+)?\.sqlite3$")


class BackupError(RuntimeError):
    """A backup could not be made, checked or restored; the message says why (English) and what was kept."""


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: its path, why it was made, when, and its size in bytes."""

    path: Path
    reason: str
    created: datetime
    size: int


def backups_dir_for(db_path: Path) -> Path:
    """The backups folder next to the database (the same one the migration backup uses)."""
    return db_path.parent / BACKUPS_DIR


def key_for_folder(data_dir: Path) -> bytes:
    """The key of a data folder (unlocked in this process, SEILOCAL_PASSPHRASE or the keyring).

    KeyNeeded when none is at hand (the command line asks for the passphrase); BackupError for a wrong one.
    """
    try:
        return keys.unlock(data_dir)
    except keys.WrongKey as exc:
        raise BackupError(str(exc)) from exc


def _connect_ro(path: Path, key: bytes) -> crypto.Connection:
    return crypto.connect(path, key, readonly=True)


def verify_backup(path: Path, key: bytes | None = None) -> None:
    """Raise BackupError unless `path` is a complete, undamaged database this program opens with `key`.

    Without `key`: the key of the data folder the backups folder belongs to.
    """
    try:
        with path.open("rb") as handle:
            handle.read(16)
    except OSError as exc:
        raise BackupError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if key is None:
        key = key_for_folder(path.parent.parent if path.parent.name == BACKUPS_DIR else path.parent)
    if crypto.is_plain(path):
        raise BackupError(f"{path} is not encrypted (a backup from before encryption; start the app to encrypt it)")
    try:
        conn = _connect_ro(path, key)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
    except crypto.DatabaseError as exc:
        raise BackupError(f"{path} is damaged or not encrypted with this folder's key ({exc})") from exc
    if result != "ok":
        raise BackupError(f"{path} failed its integrity check ({result})")
    try:
        pending, newer = inspect_schema(path, key)
    except DatabaseRefused as exc:
        raise BackupError(str(exc)) from exc
    if newer:
        raise BackupError(f"{path} was written by a newer version of SEI-LPR lokal")


def _unique_target(folder: Path, stem: str, reason: str, now: datetime) -> Path:
    base = f"{stem}-{reason}-{now.strftime(_STAMP)}"
    target = folder / f"{base}.sqlite3"
    n = 1
    while target.exists():  # two backups within one second (tests, a double click)
        target = folder / f"{base}-{n}.sqlite3"
        n += 1
    return target


def make_backup(db_path: Path, backups_dir: Path | None = None, reason: str = "manual", *, keep: int = KEEP,
                now: datetime | None = None) -> Path:
    """Copy the database with SQLite's backup API, verify the copy, rotate old ones; return the new file."""
    if not re.fullmatch(r"[a-z][a-z-]*", reason):
        raise ValueError(f"reason {reason!r} must be lower-case letters and dashes")
    folder = backups_dir or backups_dir_for(db_path)
    if not db_path.exists():
        raise BackupError(f"there is no database at {db_path} to back up")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"cannot create the backups folder {folder}: {exc.strerror or exc}") from exc
    key = key_for_folder(db_path.parent)
    target = _unique_target(folder, db_path.stem, reason, now or clock_now())
    partial = target.with_name(target.name + ".partial")
    try:
        source = _connect_ro(db_path, key)
        copy = crypto.connect(partial, key)
        try:
            source.backup(copy)  # one step: a consistent snapshot even while the app writes
            # The copy inherits WAL mode from page 1; make it one self-contained file.
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
            source.close()
        verify_backup(partial, key)
        os.replace(partial, target)
    except (*crypto.Error, OSError, BackupError) as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"the backup of {db_path} failed ({exc}); the database was not changed") from exc
    prune_backups(folder, keep)
    return target


def list_backups(backups_dir: Path) -> list[BackupInfo]:
    """The backups in the folder, newest first (files that do not look like our backups are ignored)."""
    if not backups_dir.is_dir():
        return []
    found = []
    for path in backups_dir.glob("*.sqlite3"):
        match = _NAME.match(path.name)
        if not match:
            continue
        try:
            created = datetime.strptime(match["stamp"], _STAMP)
            size = path.stat().st_size
        except (ValueError, OSError):
            continue
        found.append(BackupInfo(path, match["reason"], created, size))
    return sorted(found, key=lambda b: (b.created, b.path.name), reverse=True)


def prune_backups(backups_dir: Path, keep: int = KEEP) -> list[Path]:
    """Delete daily and manual backups beyond the newest `keep`; return what was deleted."""
    rotated = [b for b in list_backups(backups_dir) if b.reason in ROTATED_REASONS]
    removed = []
    for old in rotated[keep:]:
        try:
            old.path.unlink()
        except OSError:
            continue  # a backup we cannot delete is harmless; try again next time
        removed.append(old.path)
    return removed


def backup_if_due(db_path: Path, *, now: datetime | None = None, interval: timedelta = DAILY) -> Path | None:
    """Make a daily backup when the newest daily or manual backup is older than `interval`; else None."""
    now = now or clock_now()
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    recent = [b for b in list_backups(backups_dir_for(db_path)) if b.reason in ROTATED_REASONS]
    if recent and now - recent[0].created < interval:
        return None
    return make_backup(db_path, reason="daily", now=now)


def _copy_current(db_path: Path, now: datetime) -> Path | None:
    """Keep the file about to be replaced, byte for byte with its WAL (it may be damaged: no SQLite here)."""
    if not db_path.exists():
        return None
    folder = backups_dir_for(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    target = _unique_target(folder, db_path.stem, "before-restore", now)
    shutil.copy2(db_path, target)
    wal = Path(f"{db_path}-wal")
    if wal.exists() and wal.stat().st_size:
        shutil.copy2(wal, Path(f"{target}-wal"))  # opening the copy replays it, as it would have the original
    return target


def restore_backup(backup: Path, db_path: Path, *, now: datetime | None = None) -> Path | None:
    """Put a verified backup in place of the database; return the kept copy of the replaced file (or None).

    Only while no program has the database open (the caller checks the instance lock).
    """
    backup = Path(backup)
    verify_backup(backup, key_for_folder(db_path.parent))
    try:
        kept = _copy_current(db_path, now or clock_now())
    except OSError as exc:
        raise BackupError(f"cannot keep a copy of {db_path} ({exc}); nothing was restored") from exc
    incoming = db_path.with_name(db_path.name + ".restoring")
    try:
        shutil.copyfile(backup, incoming)
        with incoming.open("rb+") as handle:
            os.fsync(handle.fileno())
        # The old WAL belongs to the old file: replayed onto the restored one it would damage it. It is kept
        # in the copy above, so removing it first loses nothing even if we stop right here.
        for suffix in ("-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        os.replace(incoming, db_path)
    except OSError as exc:
        incoming.unlink(missing_ok=True)
        where = f"; the previous file is kept as {kept}" if kept else ""
        raise BackupError(f"restoring {backup} failed ({exc.strerror or exc}){where}") from exc
    if kept is not None:
        carry_bundles(kept, db_path, key_for_folder(db_path.parent))
    return kept


def carry_bundles(previous: Path, db_path: Path, key: bytes) -> int:
    """Copy into the restored database the versions and bundles it lacks from the file it replaced; return how
    many bundles.

    A version and its bundle may already have been sent to the authority: a restore to an older backup must not
    lose them, nor issue their numbers again (`carry.py`). Best effort: the replaced file is kept in the
    backups folder whatever happens here.
    """
    from sqlite_utils import Database

    from .bundles import BundleStore, bundles_migrations
    from .carry import carry_versions, read_versions

    try:
        old = crypto.connect(previous, key, readonly=True)
        try:
            issued = read_versions(old)
            rows = old.execute("SELECT name, form_no, version, sha256, data FROM bundles ORDER BY id").fetchall()
        finally:
            old.close()
    except (*crypto.Error, MemoryError):  # SQLCipher may report a damaged page as out of memory
        return 0  # an older file without the table, or a damaged one: nothing to carry
    if not rows and not issued:
        return 0
    # sqlcipher3 is a fork of the sqlite3 module: its Connection has the same API, which is all sqlite-utils uses.
    db = Database(cast(sqlite3.Connection, crypto.connect(db_path, key)))
    try:
        bundles_migrations.apply(db)  # a backup from before bundles were kept in the database
        if issued:
            carry_versions(db, issued, clock_now().replace(microsecond=0).isoformat())
        have = {row[0] for row in db.execute("SELECT sha256 FROM bundles")}
        store = BundleStore(db)
        carried = 0
        for name, form_no, version, digest, data in rows:
            if digest not in have:
                store.put(name.removesuffix(".zip"), bytes(data), form_no, version)
                carried += 1
        return carried
    finally:
        db.close()


def hidden_by_restore(backup: Path, db_path: Path) -> list[tuple[int, int]]:
    """(form, version) of every submitted version the current database has and `backup` lacks: what a restore
    would hide if it did not carry them over. Shown before a restore runs; [] when it cannot be read."""
    from .carry import hidden_versions, read_versions

    if not db_path.exists():
        return []
    try:
        key = key_for_folder(db_path.parent)
        lists = []
        for path in (db_path, backup):
            conn = _connect_ro(path, key)
            try:
                lists.append(read_versions(conn))
            finally:
                conn.close()
    except (*crypto.Error, MemoryError, BackupError, OSError):
        return []
    return [(v.form_no, v.version) for v in hidden_versions(lists[0], lists[1])]


def schedule_restore(backup: Path, data_dir: Path) -> None:
    """Remember to restore `backup` at the next start (the running app keeps the database open)."""
    verify_backup(backup, key_for_folder(data_dir))
    path = data_dir / PENDING_FILE
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps({"backup": str(Path(backup).resolve())}), encoding="utf-8")
    os.replace(partial, path)


def pending_restore(data_dir: Path) -> Path | None:
    """The backup a restore is scheduled for, if any."""
    try:
        return Path(json.loads((data_dir / PENDING_FILE).read_text(encoding="utf-8"))["backup"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def cancel_restore(data_dir: Path) -> None:
    """Forget a scheduled restore."""
    (data_dir / PENDING_FILE).unlink(missing_ok=True)


def apply_pending_restore(data_dir: Path, db_path: Path) -> Path | None:
    """At start, before the database is opened: do a scheduled restore; return the backup restored, or None.

    The schedule is removed first, so a backup that fails is not retried at every start; BackupError says why.
    """
    backup = pending_restore(data_dir)
    if backup is not None:
        keys.unlock(data_dir)  # KeyNeeded before anything is touched: the restore waits for the unlock
    if (data_dir / PENDING_FILE).exists():
        cancel_restore(data_dir)
    if backup is None:
        return None
    restore_backup(backup, db_path)
    return backup


def recovery_hint(db_path: Path) -> str:
    """The way out of a refused database, for the command line: which backup to restore and how (English)."""
    backups = list_backups(backups_dir_for(db_path))
    if not backups:
        return (f"No backup of {db_path.name} was found in {backups_dir_for(db_path)}; "
                "keep the file and ask for help before deleting anything.")
    newest = backups[0]
    return (f"The way out: close SEI-LPR lokal, then run `seilocal restore {newest.path.name}` to go back to the "
            f"backup of {newest.created:%Y-%m-%d %H:%M} (the current file is kept); `seilocal backups` lists all.")
