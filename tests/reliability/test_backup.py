"""B10: verified backups, rotation, the daily backup, restore (also over a damaged file) and the CLI."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from seilocal.cli import main
from seilocal.instance import InstanceLock
from seilocal.store import open_store
from seilocal.store.backup import (
    BackupError,
    apply_pending_restore,
    backup_if_due,
    backups_dir_for,
    list_backups,
    make_backup,
    pending_restore,
    restore_backup,
    schedule_restore,
)
from tests.support import dbfile
from tests.support.dbfile import damage, database_with_forms, fingerprint, integrity, names_in

T0 = datetime(2026, 11, 25, 8, 0, 0)


def test_a_backup_is_a_checked_self_contained_copy(tmp_path):
    db = database_with_forms(tmp_path / "data", ["Anna", "Bo"])
    target = make_backup(db, reason="manual")
    assert target.parent == backups_dir_for(db) and target.name.startswith("seilocal-manual-")
    assert names_in(target) == ["Anna", "Bo"] and integrity(target) == "ok"
    conn = dbfile.connect(target)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one file, no -wal needed
    conn.close()
    assert not list(target.parent.glob("*.partial"))


def test_a_backup_sees_only_committed_data_while_another_connection_writes(tmp_path):
    db = database_with_forms(tmp_path / "data", ["Anna"])
    writer = dbfile.connect(db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE forms SET name = 'half-done'")
    try:
        target = make_backup(db)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert names_in(target) == ["Anna"]


def test_rotation_keeps_the_newest_ten_and_never_the_migration_copies(tmp_path):
    db = database_with_forms(tmp_path / "data", ["Anna"])
    migration_copy = make_backup(db, reason="before-migration", now=T0 - timedelta(days=30))
    made = [make_backup(db, reason="daily", now=T0 + timedelta(days=i)) for i in range(13)]
    kept = {b.path for b in list_backups(backups_dir_for(db))}
    assert kept == set(made[3:]) | {migration_copy}


def test_the_daily_backup_is_made_at_most_once_a_day(tmp_path):
    db = database_with_forms(tmp_path / "data", ["Anna"])
    first = backup_if_due(db, now=T0)
    assert first is not None
    assert backup_if_due(db, now=T0 + timedelta(hours=23)) is None
    assert backup_if_due(db, now=T0 + timedelta(hours=25)) is not None
    assert backup_if_due(tmp_path / "nothing" / "seilocal.sqlite3", now=T0) is None


def test_a_damaged_database_is_not_backed_up_and_leaves_no_file(tmp_path):
    db = database_with_forms(tmp_path / "data", [f"Patient {i}" for i in range(300)])
    damage(db, page=3)
    before = fingerprint(db)
    with pytest.raises(BackupError, match="failed"):
        make_backup(db)
    assert list_backups(backups_dir_for(db)) == [] and fingerprint(db) == before


def test_restore_over_a_damaged_file_through_the_cli_keeps_the_damaged_file(tmp_path, capsys):
    data = tmp_path / "data"
    db = database_with_forms(data, ["Anna", "Bo"])
    backup = make_backup(db)
    store = open_store(data)  # later work that the damage takes with it
    store.forms.save_edit(store.forms.load(1), "patient.name", "Later")
    store.close()
    damage(db, page=1)
    damaged = db.read_bytes()
    with pytest.raises(Exception, match="damaged|malformed|not a database"):
        open_store(data)

    assert main(["--data-dir", str(data), "restore", backup.name]) == 0
    out = capsys.readouterr().out
    assert "restored" in out and "kept as" in out
    assert integrity(db) == "ok" and names_in(db) == ["Anna", "Bo"]
    (kept,) = [b for b in list_backups(backups_dir_for(db)) if b.reason == "before-restore"]
    assert kept.path.read_bytes() == damaged
    reopened = open_store(data)
    assert reopened.forms.load(2).form.patient.name == "Bo"
    reopened.close()


def test_a_damaged_backup_is_refused_and_the_database_is_unchanged(tmp_path, capsys):
    data = tmp_path / "data"
    db = database_with_forms(data, [f"Patient {i}" for i in range(300)])
    backup = make_backup(db)
    damage(backup, page=3)
    before = fingerprint(db)
    with pytest.raises(BackupError):
        restore_backup(backup, db)
    assert main(["--data-dir", str(data), "restore", str(backup)]) == 1
    assert "not changed" in capsys.readouterr().err
    assert fingerprint(db) == before
    assert [b.reason for b in list_backups(backups_dir_for(db))] == ["manual"]  # no copy made for nothing


def test_restore_is_refused_while_the_app_runs(tmp_path, capsys):
    data = tmp_path / "data"
    db = database_with_forms(data, ["Anna"])
    backup = make_backup(db)
    lock = InstanceLock(data)
    assert lock.acquire()
    try:
        before = fingerprint(db)
        assert main(["--data-dir", str(data), "restore", str(backup)]) == 1
        assert "running" in capsys.readouterr().err
        assert fingerprint(db) == before
    finally:
        lock.release()


def test_cli_backup_and_backups_list(tmp_path, capsys):
    data = tmp_path / "data"
    database_with_forms(data, ["Anna"])
    assert main(["--data-dir", str(data), "backup"]) == 0
    path = capsys.readouterr().out.strip()
    assert main(["--data-dir", str(data), "backups"]) == 0
    listing = capsys.readouterr().out
    assert path in listing and "manual" in listing
    assert main(["--data-dir", str(tmp_path / "empty"), "backup"]) == 1
    assert "no database" in capsys.readouterr().err
    assert main(["--data-dir", str(data), "restore", "nope.sqlite3"]) == 2


def test_a_scheduled_restore_is_applied_once_at_the_next_start(tmp_path):
    data = tmp_path / "data"
    db = database_with_forms(data, ["Anna"])
    backup = make_backup(db)
    store = open_store(data)
    store.forms.save_edit(store.forms.load(1), "patient.name", "Changed")
    schedule_restore(backup, data)  # while the app still has the database open
    assert pending_restore(data) == backup.resolve()
    store.close()

    assert apply_pending_restore(data, db) == backup.resolve()
    assert names_in(db) == ["Anna"]
    assert pending_restore(data) is None and apply_pending_restore(data, db) is None
