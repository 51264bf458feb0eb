"""A prepared catalog: the bundled catalog loaded once into a plain SQLite file, copied into each new database.

Loading 71,000 SKS codes and building their two FTS indexes takes about a second; copying the finished tables
(and the FTS indexes' own tables) takes a fraction of that. The file holds public SKS data only (no patient data),
ships inside the executable (`make dist` builds it into `assets/prepared/`), else lives in the user's cache folder
(`SEILOCAL_CATALOG_CACHE` overrides it), built at the first start, and is named by the checksum of the
bundled files, so a new version of the app never copies an older catalog. It is written to a temporary name and
renamed, so a second process starting at the same moment sees either no file or a whole one.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from seilocal.resources import asset_path

from .schema import CODES, GRAMS_FTS, LIST_EVIDENCE, LISTS, SOR, WORDS_FTS, apply_catalog_schema

# Copied in this order; an FTS5 index with external content is its _data, _idx and _docsize tables (_config is
# written by CREATE VIRTUAL TABLE and is the same in both files).
TABLES = (CODES, LISTS, LIST_EVIDENCE, SOR) + tuple(
    f"{fts}_{part}" for fts in (WORDS_FTS, GRAMS_FTS) for part in ("data", "idx", "docsize")
)


def cache_dir() -> Path:
    """Where prepared catalogs are kept: SEILOCAL_CATALOG_CACHE, else the platform's per-user cache folder."""
    override = os.environ.get("SEILOCAL_CATALOG_CACHE")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "seilocal"


def file_name(stamp: str) -> str:
    """The prepared catalog's file name for a stamp of the bundled files."""
    return f"catalog-{stamp[:24]}.sqlite"


def shipped(stamp: str) -> Path | None:
    """The prepared catalog that `make dist` put into the executable's assets, when it is for `stamp`."""
    path = asset_path("prepared", file_name(stamp))
    return path if path.is_file() else None


def write_prepared(folder: Path, stamp: str, build: Callable[[Database], None]) -> Path:
    """Build the prepared catalog for `stamp` into `folder` (a temporary name, then renamed); its path."""
    target = folder / file_name(stamp)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    temp = folder / f".{target.name}.{os.getpid()}.tmp"
    temp.unlink(missing_ok=True)
    db = Database(temp)
    try:
        apply_catalog_schema(db)
        build(db)
        db.conn.commit()
    finally:
        db.close()
    os.replace(temp, target)
    return target


def prepared_file(stamp: str, build: Callable[[Database], None]) -> Path | None:
    """The prepared catalog for `stamp`: the one shipped with the executable, else the one in the cache folder
    (built with `build` when missing); None when no cache folder can be written."""
    bundled = shipped(stamp)
    if bundled is not None:
        return bundled
    folder = cache_dir()
    target = folder / file_name(stamp)
    if target.is_file():
        return target
    try:
        write_prepared(folder, stamp, build)
    except (OSError, sqlite3.Error):
        return None  # a read-only or full cache folder: the caller loads the catalog the slow way
    for old in folder.glob("catalog-*.sqlite"):
        if old != target:
            try:
                old.unlink(missing_ok=True)  # an older version's catalog: never copied again
            except OSError:
                pass  # in use by an older version's process (Windows): removed next time
    return target


def copy_prepared(db: Database, source: Path) -> None:
    """Copy the prepared catalog's tables into `db`'s empty catalog, inside the caller's transaction."""
    # The FTS triggers would index every copied row again; the copied FTS tables already hold that index.
    triggers = db.conn.execute(
        "SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (CODES,)
    ).fetchall()
    for name, _ in triggers:
        db.execute(f"DROP TRIGGER main.{name}")
    for table in TABLES:
        # Named columns: table_xinfo marks generated columns (hidden 2 or 3), which take no values.
        cols = ", ".join(
            row[1] for row in db.conn.execute(f"PRAGMA main.table_xinfo({table})") if row[6] in (0, 1)
        )
        db.execute(f"DELETE FROM main.{table}")
        db.execute(f"INSERT INTO main.{table} ({cols}) SELECT {cols} FROM prepared.{table}")
    for _, sql in triggers:
        db.execute(sql)


def attach(db: Database, source: Path) -> None:
    """Attach the prepared (plain) file as `prepared`; a SQLCipher connection needs an explicit empty key."""
    if isinstance(db.conn, sqlite3.Connection):
        db.execute("ATTACH DATABASE ? AS prepared", (str(source),))
    else:
        db.execute("ATTACH DATABASE ? AS prepared KEY ''", (str(source),))


def detach(db: Database) -> None:
    """Detach the prepared file again."""
    db.execute("DETACH DATABASE prepared")
