"""Encrypting a data folder: the key at the start, the migration of a plain database and of plain backups.

Every swap of a file for its encrypted copy is crash-safe: the copy is written as `NAME.encrypting`, checked,
renamed to `NAME.encrypted` (which therefore is always complete and checked), then copied over NAME in place
(so the plain bytes are overwritten, not merely unlinked) and removed. A kill leaves NAME as it was, or a
`NAME.encrypted` that the next start finishes with (`finish_interrupted`).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from seilocal.settings import db_path, prepare_data_dir

from . import crypto, keys
from .db import DatabaseRefused, backup_before_migration, inspect_schema

PAGE_SIZE = 4096  # SQLCipher 4's default
WRITING = ".encrypting"
DONE = ".encrypted"


class KeyFileMissing(DatabaseRefused):
    """Not a plain database and no key file: a foreign file, or an encrypted one whose key file is lost."""


@dataclass(frozen=True)
class Unlocked:
    """The key of a folder and, on the folder's first start, the recovery key to show once."""

    key: bytes
    recovery: str | None


def folder_key(data_dir: Path, passphrase: str | None = None, recovery: str | None = None) -> Unlocked:
    """The folder's key (made on a new folder); migrates a plain database to an encrypted one first.

    Raises keys.KeyNeeded / keys.WrongKey when the key cannot be had; DatabaseRefused for a database that is
    not ours. Nothing is changed by a refusal.
    """
    path = db_path(prepare_data_dir(data_dir))
    envelope = keys.read_envelope(data_dir)
    exists = path.exists() and path.stat().st_size > 0
    if exists and not crypto.is_plain(path) and envelope is None and recovery is None:
        if not (path.with_name(path.name + DONE)).exists():
            # An SQLCipher file is whole pages: then it may be ours with its key file lost (ask for the recovery
            # key); anything else is simply not ours.
            kind = KeyFileMissing if path.stat().st_size % PAGE_SIZE == 0 else DatabaseRefused
            raise kind(
                f"{path} is not a SEI-LPR lokal database (not an SQLite file), or an encrypted one whose key "
                f"file {keys.KEY_FILE} is missing; it was left untouched. If it is yours, "
                "`seilocal encryption recover` opens it with the recovery key")
    if exists and crypto.is_plain(path):
        _refuse_foreign_plain(path)
    if recovery is not None:
        key = keys.unlock_with_recovery(data_dir, recovery)
        if exists and not crypto.is_plain(path) and not crypto.key_opens(path, key):
            raise keys.WrongKey("the recovery key does not open this database")
        if envelope is None or envelope.check != keys.check_value(key) or passphrase is not None:
            keys.adopt_key(data_dir, key, passphrase)
        shown = None
    elif envelope is None:
        key, shown = keys.new_key(data_dir, passphrase)
    else:
        key = keys.unlock(data_dir, passphrase)
        if keys.rekey_secret(data_dir, key) is not None:
            rekey(data_dir, key, passphrase)  # a kill stopped a rekey: finish it before anything opens
            key = keys.unlock(data_dir, passphrase)
        shown = keys.pending_recovery(data_dir, key)
    finish_interrupted(path, key)
    if path.exists() and path.stat().st_size > 0 and crypto.is_plain(path):
        migrate_database(path, key)
    encrypt_plain_backups(path.parent / "backups", key)
    return Unlocked(key, shown)


def _refuse_foreign_plain(path: Path) -> None:
    pending, newer = inspect_schema(path)  # refuses a file of another program, a damaged one, a locked one
    del pending
    if newer:
        raise DatabaseRefused(f"{path} was written by a newer version of SEI-LPR lokal; update the program. "
                              "The file was left untouched")


def _verify(path: Path, key: bytes) -> None:
    conn = crypto.connect(path, key, readonly=True)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    if result != "ok":
        raise DatabaseRefused(f"the encrypted copy {path} failed its check ({result}); the original is kept")


def _counts(path: Path, key: bytes | None) -> dict[str, int]:
    conn = crypto.connect(path, key, readonly=True)
    try:
        tables = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL%'")]
        return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in tables}
    finally:
        conn.close()


def _remove(path: Path) -> None:
    for candidate in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        candidate.unlink(missing_ok=True)


def _overwrite_in_place(source: Path, target: Path) -> None:
    """Copy `source`'s bytes over `target` (same file, so its old blocks are overwritten), then sync."""
    with source.open("rb") as src, target.open("r+b") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
        dst.truncate()
        dst.flush()
        os.fsync(dst.fileno())


def _swap(path: Path, done: Path) -> None:
    # The plain WAL was checkpointed into the file before the export; what is left of it is empty or stale.
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    _overwrite_in_place(done, path)
    done.unlink()


def finish_interrupted(path: Path, *candidates: bytes) -> None:
    """Finish or drop a swap that a kill interrupted, for the database and its backups.

    A `.encrypted` file is complete and was checked before its rename, so it is copied over its original again
    (the kill may have come during that copy). It is never deleted unless it opens with one of `candidates`
    and has been copied; one that opens with none of them stops the start (nothing is lost).
    """
    folders = [path.parent, path.parent / "backups"]
    for folder in folders:
        if not folder.is_dir():
            continue
        for partial in folder.glob(f"*{WRITING}"):
            _remove(partial)  # not yet checked: the original is intact
        for done in folder.glob(f"*{DONE}"):
            target = done.with_name(done.name[: -len(DONE)])
            if not any(crypto.key_opens(done, key) for key in candidates):
                raise DatabaseRefused(f"{done} is left from an interrupted encryption and opens with no known key; "
                                      f"{target} and it were left untouched")
            if target.exists():
                _swap(target, done)
            else:
                os.replace(done, target)


def _checkpoint_plain(path: Path) -> None:
    """Move a plain database's WAL into its file and leave it in rollback mode, so the file is the whole."""
    conn = crypto.connect(path, None)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()


def encrypt_file(path: Path, key: bytes, source_key: bytes | None = None) -> None:
    """Replace `path` (plain, or keyed with source_key) by a checked copy keyed with `key`, crash-safely."""
    writing = path.with_name(path.name + WRITING)
    done = path.with_name(path.name + DONE)
    _remove(writing)
    before = _counts(path, source_key)
    crypto.export_encrypted(path, writing, key, source_key)
    _verify(writing, key)
    if _counts(writing, key) != before:
        _remove(writing)
        raise DatabaseRefused(f"the encrypted copy of {path} differs from it; the original is kept")
    os.replace(writing, done)
    _swap(path, done)


def migrate_database(path: Path, key: bytes) -> Path:
    """Encrypt a plain database after a verified (plain) backup; return the backup, which is encrypted next."""
    _checkpoint_plain(path)
    backup = backup_before_migration(path)
    encrypt_file(path, key)
    return backup


def encrypt_plain_backups(folder: Path, key: bytes) -> list[Path]:
    """Replace every plain backup in `folder` by an encrypted one (checked first); return those replaced."""
    if not folder.is_dir():
        return []
    done = []
    for backup in sorted(folder.glob("*.sqlite3")):
        if crypto.is_plain(backup):
            if any(Path(f"{backup}{suffix}").exists() for suffix in ("-wal", "-journal", "-shm")):
                # Left by a kill (a copy or a checkpoint cut short): a read-only connection cannot recover a hot
                # journal or a WAL ("attempt to write a readonly database"), a read-write one does it first.
                _checkpoint_plain(backup)
            encrypt_file(backup, key)
            done.append(backup)
    return done


def rekey(data_dir: Path, key: bytes, passphrase: str | None = None, live: Any = None) -> str:
    """A new database key and recovery key: the database and its backups re-encrypted; the new recovery key.

    Crash-safe: the new key is recorded (wrapped by the old) first, each file is swapped as above, and the
    key file follows last; a start after a kill finishes the rekey (`folder_key`). Backups keyed with an
    older key (from before an earlier rekey) are left as they are: their own recovery key opens them.

    `live`: the running app's open connection to the database. Its file cannot be swapped under it, so it is
    re-encrypted through that connection (`PRAGMA rekey`, one transaction: a kill leaves it keyed with the
    old or the new key, and the next start finishes the rest). Other connections open a new one afterwards
    (they take the key from `keys.unlock`, which knows the new key once the key file follows).
    """
    secret = keys.start_rekey(data_dir, key)
    new = keys.key_from_recovery(secret)
    path = db_path(data_dir)
    finish_interrupted(path, key, new)
    if live is not None:
        live.execute(f"PRAGMA rekey = \"x'{new.hex()}'\"")
    files = ([] if live is not None else [path]) + sorted((path.parent / "backups").glob("*.sqlite3"))
    for file in files:
        if file.exists() and not crypto.is_plain(file) and not crypto.key_opens(file, new) \
                and crypto.key_opens(file, key):
            encrypt_file(file, new, key)
    keys.finish_rekey(data_dir, secret, passphrase)
    return keys.format_recovery(secret)


@dataclass(frozen=True)
class FolderStatus:
    """What the settings page and `seilocal encryption status` say about a folder's encryption."""

    encrypted: bool
    keyring: bool
    passphrase: bool
    recovery_pending: bool
    backups: int
    plain_backups: int


def folder_status(data_dir: Path) -> FolderStatus:
    """The encryption of a data folder as it is on disk (reads the key file and the files' first bytes)."""
    path = db_path(data_dir)
    envelope = keys.read_envelope(data_dir)
    backups = sorted((data_dir / "backups").glob("*.sqlite3"))
    return FolderStatus(
        encrypted=path.exists() and not crypto.is_plain(path),
        keyring=bool(envelope and envelope.keyring),
        passphrase=bool(envelope and envelope.passphrase is not None),
        recovery_pending=bool(envelope and envelope.recovery_pending is not None),
        backups=len(backups),
        plain_backups=sum(1 for b in backups if crypto.is_plain(b)),
    )


def backups_opened_by(data_dir: Path, recovery: str) -> list[Path]:
    """The backups of the folder that `recovery` opens, newest first (a backup keeps the key it was made with)."""
    from .backup import backups_dir_for, list_backups

    secret = keys.parse_recovery(recovery)
    if secret is None:
        raise keys.WrongKey("a recovery key has 32 letters and digits (eight groups of four)")
    key = keys.key_from_recovery(secret)
    return [info.path for info in list_backups(backups_dir_for(db_path(data_dir)))
            if not crypto.is_plain(info.path) and crypto.key_opens(info.path, key)]


def restore_with_recovery(data_dir: Path, backup: Path, recovery: str, passphrase: str | None = None) -> Path | None:
    """Put `backup` in place of a database whose key is lost, opened by `recovery`; return the kept old file.

    The database that no known key opens is never overwritten: `restore_backup` keeps it in the backups folder
    first. The key file then holds the backup's key (keyring, or `passphrase`); KeyNeeded(new=True) when there is
    neither, WrongKey when the recovery key does not open the backup: nothing written in both cases.
    """
    from .backup import restore_backup

    if backup not in backups_opened_by(data_dir, recovery):
        raise keys.WrongKey("the recovery key does not open this backup")
    keys.adopt_key(data_dir, keys.key_from_recovery(keys.parse_recovery(recovery)), passphrase)
    return restore_backup(backup, db_path(data_dir))
