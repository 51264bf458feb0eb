"""Small helpers of the reliability tests: a database with forms, damage to a file, a fingerprint of files."""

from __future__ import annotations

import hashlib
from pathlib import Path

from seilocal.settings import db_path
from seilocal.store import open_store
from tests import dbfile


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
    conn = dbfile.connect(path, readonly=True)
    try:
        return [row[0] for row in conn.execute("SELECT name FROM forms ORDER BY form_no")]
    finally:
        conn.close()


def integrity(path: Path) -> str:
    """`PRAGMA integrity_check` of a database file."""
    conn = dbfile.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
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
