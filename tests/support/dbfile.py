"""Tests read and change database files behind the app's back (the files are encrypted, so through this): keyed
connections, stored bundles, a database with forms, damage to a file, a fingerprint of files."""

from __future__ import annotations

import hashlib
from pathlib import Path

from seilocal.settings import db_path
from seilocal.store import crypto, keys, open_store


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


def database_with_forms(data_dir: Path, names: list[str]) -> Path:
    """A closed, checkpointed database in `data_dir` with one form per name; its path."""
    store = open_store(data_dir)
    try:
        for name in names:
            stored = store.forms.create()
            store.forms.save_edit(stored, "patient.name", name)
    finally:
        store.close()
    return db_path(data_dir)


def names_in(path: Path) -> list[str]:
    """The patient names of the forms in a database, by form number (read-only)."""
    conn = connect(path, readonly=True)
    try:
        return [row[0] for row in conn.execute("SELECT name FROM forms ORDER BY form_no")]
    finally:
        conn.close()


def integrity(path: Path) -> str:
    """`PRAGMA integrity_check` of a database file."""
    conn = connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def damage(path: Path, *, page: int = 2) -> None:
    """Overwrite one page (1-based; page 1 holds the schema) with garbage, as a failing disk would."""
    page_size = 4096
    with path.open("r+b") as handle:
        handle.seek((page - 1) * page_size + (100 if page == 1 else 0))
        handle.write(b"\xde\xad\xbe\xef" * 256)


def fingerprint(path: Path) -> dict[str, str]:
    """SHA-256 of the database file and of its -wal, to prove a refusal changed nothing."""
    prints = {}
    for candidate in (path, Path(f"{path}-wal")):
        if candidate.exists() and candidate.stat().st_size:  # an empty WAL holds nothing
            prints[candidate.name] = hashlib.sha256(candidate.read_bytes()).hexdigest()
    return prints
