"""Submission bundles kept inside the encrypted database: one row per bundle (its name, SHA-256 and ZIP bytes).

A bundle holds the patient's CPR, name and diagnoses, so it is stored where everything else is: in the
SQLCipher database (and so in every encrypted backup). A plain file is written only when the user exports or
downloads one (`seilocal export --out DIR`, the history page, the month export). Rows are never updated nor
deleted: a bundle once made stays, like the version it belongs to.

Data folders from before this kept plain files in `<data dir>/bundles`; `adopt_plain_bundles` moves them in
at the start (each verified by its checksum before its file is overwritten and removed).
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

PLAIN_FOLDER = "bundles"  # where bundles were written as plain files before they moved into the database

bundles_migrations = Migrations("seilocal.bundles")


@bundles_migrations()
def m001_bundles(db: Database) -> None:
    """Bundles as made at submission (or adopted from the old plain folder); immutable."""
    db.execute(
        """
        CREATE TABLE bundles (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            form_no INTEGER,
            version INTEGER,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            data BLOB NOT NULL,
            stored_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX bundles_version ON bundles(form_no, version)")
    db.execute("CREATE TRIGGER bundles_no_update BEFORE UPDATE ON bundles "
               "BEGIN SELECT RAISE(ABORT, 'a stored bundle is immutable'); END")
    db.execute("CREATE TRIGGER bundles_no_delete BEFORE DELETE ON bundles "
               "BEGIN SELECT RAISE(ABORT, 'a stored bundle is never deleted'); END")


@dataclass(frozen=True)
class StoredBundle:
    """One stored bundle: its file name, form and version, checksum and bytes."""

    name: str
    form_no: int | None
    version: int | None
    sha256: str
    data: bytes


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of `data` in hex."""
    return hashlib.sha256(data).hexdigest()


class BundleStore:
    """The bundles table of one database."""

    def __init__(self, db: Database, clock: Callable[[], datetime] = datetime.now) -> None:
        self.db = db
        self.clock = clock

    def put(self, stem: str, data: bytes, form_no: int | None = None, version: int | None = None) -> str:
        """Store a bundle under `stem`.zip (or the next free `stem-N`.zip); return its name.

        The same bytes under a name already stored are not stored twice (their name is returned). After a
        backup restore the same form and version can be submitted again with other content: that bundle gets
        the next free name, and the first one stays.
        """
        digest = sha256_hex(data)
        with self.db.atomic():  # a savepoint inside a submission's transaction, else its own transaction
            for n in range(1, 1000):
                name = f"{stem}.zip" if n == 1 else f"{stem}-{n}.zip"
                row = self.db.execute("SELECT sha256 FROM bundles WHERE name = ?", [name]).fetchone()
                if row is None:
                    self.db.execute(
                        "INSERT INTO bundles (name, form_no, version, sha256, size, data, stored_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [name, form_no, version, digest, len(data), data,
                         self.clock().replace(microsecond=0).isoformat()])
                    return name
                if row[0] == digest:
                    return name
        raise ValueError(f"no free bundle name for {stem}")

    def get(self, name: str) -> StoredBundle | None:
        """The bundle stored as `name`, verified against its checksum; None when there is none."""
        row = self.db.execute("SELECT name, form_no, version, sha256, data FROM bundles WHERE name = ?",
                              [name]).fetchone()
        return None if row is None else _verified(row)

    def of_version(self, form_no: int, version: int) -> StoredBundle | None:
        """The bundle last stored for a form's version, or None.

        The last: after a restore the bundles of the replaced file are carried over first (`backup.py`), and a
        version submitted again after that stores its own bundle later."""
        row = self.db.execute("SELECT name, form_no, version, sha256, data FROM bundles "
                              "WHERE form_no = ? AND version = ? ORDER BY id DESC LIMIT 1",
                              [form_no, version]).fetchone()
        return None if row is None else _verified(row)

    def names(self) -> list[str]:
        """Every stored bundle's name, oldest first."""
        return [row[0] for row in self.db.execute("SELECT name FROM bundles ORDER BY id")]


def _verified(row: tuple[str, int | None, int | None, str, bytes]) -> StoredBundle:
    name, form_no, version, digest, data = row
    if sha256_hex(data) != digest:
        raise ValueError(f"the stored bundle {name} does not match its checksum")
    return StoredBundle(name, form_no, version, digest, bytes(data))


def _shred(path: Path) -> None:
    """Overwrite a plain file with zeros in place, then remove it (the old blocks do not keep the CPR)."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.write(b"\0" * size)
        handle.flush()
        os.fsync(handle.fileno())
    path.unlink()


def _form_and_version(name: str) -> tuple[int | None, int | None]:
    # seilocal-skema-12-v3.zip or seilocal-skema-12-v3-2.zip (see export/bundle.py's bundle_name)
    parts = name.removesuffix(".zip").split("-")
    try:
        at = parts.index("skema")
        return int(parts[at + 1]), int(parts[at + 2].removeprefix("v"))
    except (ValueError, IndexError):
        return None, None


def adopt_plain_bundles(db: Database, data_dir: Path) -> list[str]:
    """Move every plain `<data dir>/bundles/*.zip` into the database (read back and checked), then shred the file.

    Returns the names moved. A file that cannot be read is left where it is (and reported again next time).
    """
    folder = data_dir / PLAIN_FOLDER
    if not folder.is_dir():
        return []
    store = BundleStore(db)
    moved = []
    for path in sorted(folder.glob("*.zip")):
        try:
            data = path.read_bytes()
        except OSError:
            continue
        form_no, version = _form_and_version(path.name)
        name = store.put(path.stem, data, form_no, version)
        stored = store.get(name)
        if stored is None or stored.data != data:
            continue  # never remove a file that is not safely in the database
        _shred(path)
        moved.append(path.name)
    for leftover in folder.glob(".seilocal-*"):  # staging folders and parts of an interrupted write
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)
    try:
        folder.rmdir()  # only when empty: anything the user put there stays
    except OSError:
        pass
    return moved
