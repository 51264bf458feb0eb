"""Everything SQLite: the user's database, forms, audit log, preferences and the code catalog."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from seilocal.settings import db_path

from .catalog import CatalogStore
from .catalog.starter import ensure_starter_catalog
from .db import DatabaseRefused, memory_database
from .forms import FormNotFound, FormStore, FormSummary, Prefs, StaleForm, StoredForm


@dataclass
class Store:
    """The opened database of one user and the stores over it."""

    db: Database
    path: Path | None
    forms: FormStore
    prefs: Prefs
    catalog: CatalogStore
    recovery: str | None = None  # a recovery key not yet shown to the user (first start), else None

    def close(self) -> None:
        """Close the connection."""
        self.db.close()


def _wrap(db: Database, path: Path | None) -> Store:
    ensure_starter_catalog(db)  # first start and upgrades load the bundled codes; otherwise a cheap no-op
    return Store(db=db, path=path, forms=FormStore(db), prefs=Prefs(db), catalog=CatalogStore(db))


def open_store(data_dir: Path, passphrase: str | None = None, recovery: str | None = None) -> Store:
    """Open the user's encrypted database in `data_dir` (created, encrypted and migrated as needed).

    The key comes from `passphrase` / `recovery` when given, else SEILOCAL_PASSPHRASE, else the OS keyring;
    keys.KeyNeeded or keys.WrongKey when none fits (nothing changed).
    """
    from .encryption import open_folder  # the key's life, top to bottom

    opened = open_folder(data_dir, passphrase, recovery)
    store = _wrap(opened.db, db_path(data_dir))
    store.recovery = opened.recovery
    from .bundles import adopt_plain_bundles

    adopt_plain_bundles(store.db, data_dir)  # bundles of older versions: into the encrypted database
    return store


def memory_store() -> Store:
    """A store over a fresh in-memory database (tests, tools)."""
    return _wrap(memory_database(), None)


__all__ = [
    "CatalogStore", "DatabaseRefused", "FormNotFound", "FormStore", "FormSummary", "Prefs", "StaleForm", "Store",
    "StoredForm", "memory_store", "open_store",
]
