"""Issue 20's first start: a new data folder is made while the UI imports, without a backup of its bare catalog."""

from __future__ import annotations

from seilocal.settings import db_path
from seilocal.store import open_store
from seilocal.store.backup import list_backups
from tests.support.app import start_app, stop_app


def test_a_new_database_gets_its_catalog_without_going_through_the_wal_and_stays_in_wal_mode(tmp_path):
    data = tmp_path / "data"
    store = open_store(data)
    try:
        assert store.db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.catalog.get("DC509") is not None  # the bundled catalog is there
        wal = db_path(data).with_name(db_path(data).name + "-wal")
        # The 25 MB catalog was written once into the file, not into the WAL first (a WAL keeps its size while
        # the connection is open).
        assert db_path(data).stat().st_size > 10_000_000
        assert not wal.exists() or wal.stat().st_size < 1_000_000
    finally:
        store.close()
    again = open_store(data)
    try:
        assert again.catalog.get("DC509") is not None
    finally:
        again.close()


def test_the_first_start_of_a_new_folder_makes_no_backup_and_the_next_start_does(tmp_path):
    data = tmp_path / "data"
    app = start_app(data)
    stop_app(app)
    backups = data / "backups"
    assert not backups.exists() or list_backups(backups) == []  # only the bundled catalog: nothing to keep yet
    store = open_store(data)  # the folder the worker thread made opens with its key, catalog and forms table
    try:
        assert store.catalog.get("DC509") is not None
        assert store.forms.create().form.form_no == 1
    finally:
        store.close()
    app = start_app(data)
    stop_app(app)
    assert [b.reason for b in list_backups(backups)] == ["daily"]
