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


def stored_bundle(data_dir: Path, name: str) -> bytes | None:
    """The bytes of the bundle kept in a data folder's encrypted database under `name`, or None."""
    conn = connect(Path(data_dir) / "seilocal.sqlite3", readonly=True)
    try:
        row = conn.execute("SELECT data FROM bundles WHERE name = ?", [name]).fetchone()
    finally:
        conn.close()
    return None if row is None else bytes(row[0])


def bundle_names(data_dir: Path) -> list[str]:
    """The names of the bundles kept in a data folder's database, oldest first."""
    conn = connect(Path(data_dir) / "seilocal.sqlite3", readonly=True)
    try:
        return [row[0] for row in conn.execute("SELECT name FROM bundles ORDER BY id")]
    finally:
        conn.close()


def bundle_file(data_dir: Path, name: str, out_dir: Path) -> Path:
    """Write the stored bundle `name` as a plain file in `out_dir` (as an export would); its path."""
    data = stored_bundle(data_dir, name)
    assert data is not None, f"no bundle {name} in {data_dir}"
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / name).write_bytes(data)
    return out_dir / name
