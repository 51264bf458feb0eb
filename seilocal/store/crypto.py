"""The one way to connect to a database file: SQLCipher (AES-256, SQLCipher 4 defaults) with a raw 256-bit key.

sqlcipher3 is a fork of Python's sqlite3 module with its own exception classes, so code that must catch a
storage error from either kind of connection (files are SQLCipher, test memory databases plain sqlite3)
catches the tuples below, not sqlite3's classes.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlcipher3
from sqlcipher3 import dbapi2 as cipher

SQLITE_MAGIC = b"SQLite format 3\x00"
KEY_BYTES = 32
# Pages are decrypted when read into SQLite's page cache; a plain file is served by the OS cache instead. A larger
# cache keeps the hot pages (the catalog's FTS index, the forms list) decrypted: memory, not disk.
CACHE_KIB = 65536

Error = (sqlite3.Error, cipher.Error)
DatabaseError = (sqlite3.DatabaseError, cipher.DatabaseError)
OperationalError = (sqlite3.OperationalError, cipher.OperationalError)
IntegrityError = (sqlite3.IntegrityError, cipher.IntegrityError)
Connection = cipher.Connection

_quiet = False


def _silence_library_log() -> None:
    """SQLCipher logs a wrong key to stderr by itself; our own messages say it (once per process)."""
    global _quiet
    if not _quiet:
        probe = sqlcipher3.connect(":memory:")
        try:
            probe.execute("PRAGMA cipher_log_level = NONE")
        finally:
            probe.close()
        _quiet = True


def key_pragma(key: bytes) -> str:
    """`PRAGMA key` with the raw key as a blob literal (no KDF per connection: the key is random, not a word)."""
    if len(key) != KEY_BYTES:
        raise ValueError("a database key is 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def is_plain(path: Path) -> bool:
    """True when the file starts with SQLite's plain header (an unencrypted database)."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def connect(path: Path | str, key: bytes | None, *, readonly: bool = False, timeout: float = 5.0) -> Connection:
    """A connection to `path` keyed with `key` (None: a plain file, only to read or migrate it).

    The key is given before anything else touches the file; a wrong key shows at the first read as
    `file is not a database` (DatabaseError).
    """
    _silence_library_log()
    target = f"file:{Path(path).as_posix()}?mode=ro" if readonly else str(path)
    conn = sqlcipher3.connect(target, uri=readonly, timeout=timeout, check_same_thread=True)
    if key is not None:
        conn.execute(key_pragma(key))
    return conn


def key_opens(path: Path, key: bytes) -> bool:
    """True when `key` decrypts `path` (read-only probe, nothing written)."""
    try:
        conn = connect(path, key, readonly=True)
    except cipher.Error:
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except cipher.DatabaseError:
        return False
    finally:
        conn.close()


def rekey_connection(conn: Connection | sqlite3.Connection, key: bytes) -> None:
    """Re-key the open database of `conn` to `key` in place (one transaction: a kill leaves the old or the new key).

    Only for the running app's own connection during a rekey: other files are re-encrypted by copy and swap.
    """
    if len(key) != KEY_BYTES:
        raise ValueError("a database key is 32 bytes")
    conn.execute(f"PRAGMA rekey = \"x'{key.hex()}'\"")


def export_encrypted(source: Path, target: Path, key: bytes, source_key: bytes | None = None) -> None:
    """Write the whole of `source` (plain, or keyed with `source_key`) into a new file `target` keyed with `key`."""
    if target.exists():
        raise FileExistsError(target)
    conn = connect(source, source_key)
    try:
        conn.execute("ATTACH DATABASE ? AS enc KEY ?", [str(target), f"x'{key.hex()}'"])
        conn.execute("SELECT sqlcipher_export('enc')")
        conn.execute("DETACH DATABASE enc")
    finally:
        conn.close()


def export_plain(source: Path, key: bytes, target: Path) -> None:
    """Write a decrypted copy of `source` to `target` (only for `seilocal encryption` and tests)."""
    if target.exists():
        raise FileExistsError(target)
    conn = connect(source, key)
    try:
        conn.execute("ATTACH DATABASE ? AS plain KEY ''", [str(target)])
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()
