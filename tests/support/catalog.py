"""Catalog databases for tests: the catalog schema and, in this order, a starter catalog, an SKS file and a SOR
file. Each combination is built once per test process and copied (SQLite's backup API) for every test, so a test
gets a fresh database it may change, without paying for the imports again (the bundled starter catalog alone is
71,000 codes)."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from seilocal.store.catalog import apply_catalog_schema
from seilocal.store.catalog.sks_import import import_sks
from seilocal.store.catalog.sor_import import import_sor
from seilocal.store.catalog.starter import ensure_starter_catalog

from .env import REPO

DATA = REPO / "tests" / "unit" / "data" / "catalog"  # the test data: starter/, sks_small.txt, sor_small.csv, sor2/
BUNDLED = "bundled"  # starter=BUNDLED: the app's own bundled starter catalog (assets/catalog)

_built: dict[tuple[str, str, str], Database] = {}


def _build(starter: Path | str | None, sks: Path | None, sor: Path | None) -> Database:
    db = Database(memory=True)
    apply_catalog_schema(db)
    if starter is not None:
        ensure_starter_catalog(db, None if starter == BUNDLED else Path(starter))
    if sks is not None:
        import_sks(db, sks)
    if sor is not None:
        import_sor(db, sor)
    return db


def catalog_copy(starter: Path | str | None = None, sks: Path | None = None, sor: Path | None = None) -> Database:
    """A fresh in-memory catalog database with the schema, then `starter` (BUNDLED or a starter folder), the SKS
    file `sks` and the SOR file `sor` loaded; a copy of the one built for that combination in this process."""
    key = (str(starter), str(sks), str(sor))
    if key not in _built:
        _built[key] = _build(starter, sks, sor)
    copy = Database(memory=True)
    _built[key].conn.backup(copy.conn)
    return copy
