"""Tests read and change database files behind the app's back: the files are encrypted, so through this."""

from __future__ import annotations

from pathlib import Path

from seilocal.store import crypto, keys


def folder_of(path: Path) -> Path:
    """The data folder a database or backup file belongs to."""
    return path.parent.parent if path.parent.name == "backups" else path.parent


def connect(path: Path, *, readonly: bool = False, isolation_level: str | None = "") -> crypto.Connection:
    """A keyed connection to a database file of a test's data folder (its key via SEILOCAL_PASSPHRASE)."""
    conn = crypto.connect(Path(path), keys.unlock(folder_of(Path(path))), readonly=readonly)
    conn.isolation_level = isolation_level
    return conn
