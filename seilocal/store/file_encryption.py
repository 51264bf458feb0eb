"""Encrypting one database file crash-safely: the copy, its check, the swap, and finishing a swap a kill cut short.

A leaf of the key's life (store/encryption.py): it is given the key and never asks for one (no key file, no
keyring, no passphrase here). Every swap of a file for its encrypted copy is crash-safe: the copy is written as
`NAME.encrypting`, checked, renamed to `NAME.encrypted` (which therefore is always complete and checked), then
copied over NAME in place (so the plain bytes are overwritten, not merely unlinked) and removed. A kill leaves
NAME as it was, or a `NAME.encrypted` that the next start finishes with (`finish_interrupted`).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from . import crypto
from .db import DatabaseRefused, backup_before_migration

WRITING = ".encrypting"
DONE = ".encrypted"


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
        return {name: int(conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]) for name in tables}
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


def has_interrupted_swap(path: Path) -> bool:
    """True when a swap of `path` left its checked copy (`NAME.encrypted`): a kill came during the swap."""
    return path.with_name(path.name + DONE).exists()


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


def reencrypt(files: list[Path], old: bytes, new: bytes) -> None:
    """Re-key every file of `files` still keyed with `old` to `new` (a file already on `new` is done: skipped)."""
    for file in files:
        if file.exists() and not crypto.is_plain(file) and not crypto.key_opens(file, new) \
                and crypto.key_opens(file, old):
            encrypt_file(file, new, old)
