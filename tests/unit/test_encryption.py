"""Encryption at rest: new folders encrypted, plain ones migrated, keys wrapped, wrong keys refused untouched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from seilocal.cli import main
from seilocal.settings import db_path
from seilocal.store import DatabaseRefused, crypto, file_encryption, keys, open_store
from seilocal.store.backup import make_backup
from seilocal.store.encryption import encrypt_plain_backups, folder_key, rekey
from tests.support import dbfile
from tests.support.dbfile import fingerprint

CPR = "0101701234"


def _with_patient(data_dir: Path, name: str = "Anna Hansen") -> Path:
    store = open_store(data_dir)
    stored = store.forms.create()
    store.forms.save_edit(stored, "patient.name", name)
    store.forms.save_edit(stored, "patient.cpr", CPR)
    store.close()
    return db_path(data_dir)


def _all_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def _names(path: Path) -> list[str]:
    conn = dbfile.connect(path, readonly=True)
    try:
        return [row[0] for row in conn.execute("SELECT name FROM forms ORDER BY form_no")]
    finally:
        conn.close()


def _plain_folder(tmp_path: Path, names: list[str]) -> Path:
    """A data folder as the program before encryption left it: a plain database, a plain backup, no key file."""
    source = tmp_path / "source"
    for name in names:
        store = open_store(source)
        store.forms.save_edit(store.forms.create(), "patient.name", name)
        store.close()
    make_backup(db_path(source))
    folder = tmp_path / "plain"
    (folder / "backups").mkdir(parents=True)
    crypto.export_plain(db_path(source), keys.unlock(source), db_path(folder))
    for backup in (source / "backups").glob("*.sqlite3"):
        crypto.export_plain(backup, keys.unlock(source), folder / "backups" / backup.name)
    keys.forget_all()
    return folder


def test_a_new_folder_is_encrypted_and_no_file_holds_the_cpr_or_the_name(tmp_path):
    data = tmp_path / "data"
    path = _with_patient(data)
    make_backup(path)
    assert path.read_bytes()[:16] != crypto.SQLITE_MAGIC
    everything = _all_bytes(data)
    assert CPR.encode() not in everything and b"Anna Hansen" not in everything
    assert CPR[:6].encode() + b"-" + CPR[6:].encode() not in everything
    with pytest.raises(sqlite3.DatabaseError):  # a plain SQLite cannot read it
        sqlite3.connect(path).execute("SELECT count(*) FROM sqlite_master").fetchone()


def test_fts5_search_and_migrations_work_over_the_encrypted_file(tmp_path):
    store = open_store(tmp_path / "data")
    try:
        assert store.catalog.search("diabetes")  # the catalog's FTS5 index
        applied = store.db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
        assert applied >= 3
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")
    finally:
        store.close()


def test_the_key_file_keeps_no_secret_in_the_clear(tmp_path):
    data = tmp_path / "data"
    _with_patient(data)
    key = keys.unlock(data)
    text = keys.key_file(data).read_text()
    assert key.hex() not in text and "test passphrase" not in text
    assert (keys.key_file(data).stat().st_mode & 0o777) == 0o600


def test_a_wrong_passphrase_is_refused_and_changes_nothing(tmp_path, monkeypatch):
    data = tmp_path / "data"
    path = _with_patient(data)
    keys.forget_all()
    before = fingerprint(path) | {"key": keys.key_file(data).read_text()}
    monkeypatch.setenv(keys.ENV_PASSPHRASE, "not the passphrase")
    with pytest.raises(keys.WrongKey):
        open_store(data)
    assert fingerprint(path) | {"key": keys.key_file(data).read_text()} == before


def test_without_passphrase_or_keyring_the_cli_exits_2_with_a_clear_message(tmp_path, monkeypatch, capsys):
    data = tmp_path / "data"
    _with_patient(data)
    keys.forget_all()
    monkeypatch.delenv(keys.ENV_PASSPHRASE)
    monkeypatch.setattr(keys, "keyring_load", lambda check: None)
    assert main(["--data-dir", str(data), "show", "1"]) == 2
    assert "encrypted" in capsys.readouterr().err


def test_a_new_folder_without_keyring_or_passphrase_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.delenv(keys.ENV_PASSPHRASE)
    monkeypatch.setattr(keys, "keyring_store", lambda check, key: False)
    with pytest.raises(keys.KeyNeeded) as needed:
        open_store(tmp_path / "data")
    assert needed.value.new
    assert not db_path(tmp_path / "data").exists() and not keys.key_file(tmp_path / "data").exists()


def test_the_keyring_keeps_the_key_when_there_is_one(tmp_path, monkeypatch):
    ring: dict[str, str] = {}
    monkeypatch.delenv(keys.ENV_PASSPHRASE)
    monkeypatch.setattr(keys, "keyring_store", lambda check, key: ring.update({check: key.hex()}) or True)
    monkeypatch.setattr(keys, "keyring_load", lambda check: bytes.fromhex(ring[check]) if check in ring else None)
    data = tmp_path / "data"
    _with_patient(data)
    keys.forget_all()
    assert keys.read_envelope(data).passphrase is None  # nothing to type for a double-click
    assert open_store(data).forms.load(1).form.patient.name == "Anna Hansen"
    ring.clear()  # the keyring refuses or lost it: the folder is locked, not lost
    keys.forget_all()
    with pytest.raises(keys.KeyNeeded):
        open_store(data)


def test_the_recovery_key_opens_a_copied_folder_without_its_key_file(tmp_path, monkeypatch):
    data = tmp_path / "data"
    path = _with_patient(data)
    make_backup(path)
    recovery = keys.pending_recovery(data, keys.unlock(data))
    assert recovery and len(recovery) == 39
    copy = tmp_path / "other-machine"
    copy.mkdir()
    for item in [path, *(data / "backups").glob("*")]:
        target = copy / item.relative_to(data)
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(item.read_bytes())
    keys.forget_all()
    monkeypatch.setenv(keys.ENV_PASSPHRASE, "a new machine's passphrase")
    with pytest.raises(DatabaseRefused, match="recover"):
        open_store(copy)
    with pytest.raises(keys.WrongKey):
        open_store(copy, recovery="AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")
    assert not keys.key_file(copy).exists()
    store = open_store(copy, recovery=recovery.lower().replace("-", " "))
    assert store.forms.load(1).form.patient.name == "Anna Hansen"
    store.close()
    keys.forget_all()
    reopened = open_store(copy)  # the new machine's passphrase now wraps the key
    reopened.close()


def test_a_plain_folder_is_migrated_with_nothing_lost_and_its_backups_encrypted(tmp_path):
    folder = _plain_folder(tmp_path, ["Anna", "Bo", "Carl"])
    assert crypto.is_plain(db_path(folder))
    store = open_store(folder)
    try:
        assert [store.forms.load(n).form.patient.name for n in (1, 2, 3)] == ["Anna", "Bo", "Carl"]
    finally:
        store.close()
    assert not crypto.is_plain(db_path(folder))
    backups = list((folder / "backups").glob("*.sqlite3"))
    assert len(backups) == 2  # the old one and the verified copy made before the migration
    assert not any(crypto.is_plain(b) for b in backups)
    assert all(_names(b) == ["Anna", "Bo", "Carl"] for b in backups)
    assert b"Carl" not in _all_bytes(folder)
    assert not list(folder.rglob("*.encrypt*"))


def test_a_foreign_plain_file_is_not_migrated(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    conn = sqlite3.connect(db_path(folder))
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    before = fingerprint(db_path(folder))
    with pytest.raises(DatabaseRefused, match="another program"):
        open_store(folder)
    assert fingerprint(db_path(folder)) == before and not keys.key_file(folder).exists()


def test_rekey_makes_a_new_recovery_key_and_keeps_every_form(tmp_path):
    data = tmp_path / "data"
    path = _with_patient(data)
    make_backup(path)
    old_key = keys.unlock(data)
    old_recovery = keys.pending_recovery(data, old_key)
    new_recovery = rekey(data, old_key)
    assert new_recovery != old_recovery
    keys.forget_all()
    assert not crypto.key_opens(path, old_key)
    assert _names(path) == ["Anna Hansen"]
    assert all(_names(b) == ["Anna Hansen"] for b in (data / "backups").glob("*.sqlite3"))
    keys.forget_all()
    with pytest.raises(keys.WrongKey):
        folder_key(data, recovery=old_recovery)


def test_plain_backups_left_over_are_replaced_by_checked_encrypted_ones(tmp_path):
    folder = _plain_folder(tmp_path, ["Anna"])
    open_store(folder).close()
    stray = folder / "backups" / "seilocal-manual-20200101-000000.sqlite3"
    crypto.export_plain(db_path(folder), keys.unlock(folder), stray)
    assert encrypt_plain_backups(folder / "backups", keys.unlock(folder)) == [stray]
    assert not crypto.is_plain(stray) and _names(stray) == ["Anna"]


def test_the_cli_changes_the_passphrase_and_refuses_a_wrong_old_one(tmp_path, monkeypatch, capsys):
    import io

    data = tmp_path / "data"
    _with_patient(data)
    before = keys.key_file(data).read_text()
    monkeypatch.setattr("sys.stdin", io.StringIO("wrong one\nnew passphrase 1\nnew passphrase 1\n"))
    assert main(["--data-dir", str(data), "encryption", "passphrase"]) == 2
    assert "not this data folder's passphrase" in capsys.readouterr().err
    assert keys.key_file(data).read_text() == before
    monkeypatch.setattr("sys.stdin", io.StringIO("test passphrase\nnew passphrase 1\nnew passphrase 1\n"))
    assert main(["--data-dir", str(data), "encryption", "passphrase"]) == 0
    keys.forget_all()
    with pytest.raises(keys.WrongKey):
        keys.unlock(data, "test passphrase")
    monkeypatch.setenv(keys.ENV_PASSPHRASE, "new passphrase 1")
    store = open_store(data)
    try:
        assert store.forms.search()[0].name == "Anna Hansen"
    finally:
        store.close()


def _interrupted_rekey(data: Path, *, database_keyed: bool, backup: bool = False) -> tuple[Path, str, bytes]:
    """A folder whose rekey was killed: the new key recorded (wrapped by the old), and, with `database_keyed`,
    the database already keyed with it; the backups and the key file not yet. (database path, the *old*
    recovery key, the new recovery secret)."""
    path = _with_patient(data)
    if backup:
        make_backup(path)
    old_key = keys.unlock(data)
    old_recovery = keys.pending_recovery(data, old_key)
    assert old_recovery is not None
    secret = keys.start_rekey(data, old_key)
    if database_keyed:
        file_encryption.reencrypt([path], old_key, keys.key_from_recovery(secret))
        assert not crypto.key_opens(path, old_key)
    keys.forget_all()
    return path, old_recovery, secret


def test_the_old_recovery_key_finishes_a_rekey_interrupted_after_the_database_was_keyed_anew(tmp_path):
    data = tmp_path / "data"
    path, old_recovery, secret = _interrupted_rekey(data, database_keyed=True, backup=True)
    new_key = keys.key_from_recovery(secret)

    unlocked = folder_key(data, passphrase="a new passphrase 1", recovery=old_recovery)

    assert unlocked.key == new_key and unlocked.recovery == keys.format_recovery(secret)  # shown, as after a rekey
    assert _names(path) == ["Anna Hansen"]
    backups = list((data / "backups").glob("*.sqlite3"))
    assert backups and all(crypto.key_opens(b, new_key) and _names(b) == ["Anna Hansen"] for b in backups)
    keys.forget_all()
    assert keys.unlock(data, "a new passphrase 1") == new_key and keys.rekey_secret(data, new_key) is None


def test_the_old_recovery_key_finishes_a_rekey_interrupted_before_the_database_was_keyed_anew(tmp_path):
    data = tmp_path / "data"
    path, old_recovery, secret = _interrupted_rekey(data, database_keyed=False)

    unlocked = folder_key(data, passphrase="a new passphrase 1", recovery=old_recovery)

    assert unlocked.key == keys.key_from_recovery(secret) and crypto.key_opens(path, unlocked.key)
    assert _names(path) == ["Anna Hansen"]


def test_the_cli_recover_says_when_it_finished_an_interrupted_rekey(tmp_path, capsys):
    data = tmp_path / "data"
    _path, old_recovery, secret = _interrupted_rekey(data, database_keyed=True)

    assert main(["--data-dir", str(data), "encryption", "recover", "--recovery-key", old_recovery]) == 0

    out = capsys.readouterr().out
    assert "an interrupted rekey was finished" in out and "recovery-key" in out
    assert keys.pending_recovery(data, keys.unlock(data)) == keys.format_recovery(secret)  # still to be shown
