"""A database encrypted with a key that is lost (key file gone, its recovery key gone): the unlock page offers
the backups, and the recovery key that opens one of them restores it; the database is never overwritten."""

from __future__ import annotations

import shutil

import pytest
from nicegui.testing import User

from seilocal.settings import db_path
from seilocal.store import Store, crypto, keys, open_store
from seilocal.store.backup import backups_dir_for, make_backup
from seilocal.store.encryption import KeyFileMissing, rekey
from tests.support.user import marked_input as _input
from tests.support.user import until as _until


@pytest.fixture
def lost_key_folder(tmp_path):
    """A folder whose database is keyed with a lost key; one backup keyed with the old recovery key R1.

    Made so: R1's key, a backup with "Anna"; a new recovery key R2 (database re-keyed, R2 then lost) and
    "Bent" added; the key file deleted. Returns (data dir, R1, the backup made with R1's key).
    """
    data = tmp_path / "data"
    store = open_store(data)
    store.forms.save_edit(store.forms.create(), "patient.name", "Anna")
    r1 = keys.pending_recovery(data, keys.unlock(data))
    store.close()
    backup = make_backup(db_path(data), reason="manual")
    aside = tmp_path / backup.name
    shutil.copy(backup, aside)  # rekey re-encrypts the backups in the folder: keep one with R1's key
    rekey(data, keys.unlock(data))
    store = open_store(data)
    store.forms.save_edit(store.forms.create(), "patient.name", "Bent")
    store.close()
    backup.unlink()
    shutil.copy(aside, backup)
    keys.key_file(data).unlink()
    keys.forget_all()
    return data, r1, backup


async def test_a_lost_key_offers_the_backups_and_restores_one_without_overwriting_the_database(
        user: User, lost_key_folder) -> None:
    from seilocal.pages.unlock import unlock_page

    data, r1, backup = lost_key_folder
    with pytest.raises(KeyFileMissing) as missing:
        open_store(data)
    current = db_path(data).read_bytes()
    opened: list[Store] = []
    unlock_page(data, False, lambda: open_store(data), opened.append, str(missing.value))
    await user.open("/")
    await user.should_see(marker="unlock-key-file-missing")
    await user.should_see("aldrig overskrevet")
    await user.should_see("kB)", marker="lost-key-backups")  # the backup in the folder is listed

    _input(user, "unlock-passphrase").value = r1  # the old recovery key: not the database's ...
    user.find(marker="unlock-submit").click()
    await user.should_see("Gendannelsesnøglen passer ikke", retries=100)
    await user.should_see(marker=f"lost-key-restore-{backup.stem}", retries=100)
    assert db_path(data).read_bytes() == current and not keys.key_file(data).exists()  # nothing changed yet

    user.find(marker=f"lost-key-restore-{backup.stem}").click()  # ... but it opens the backup
    await _until(lambda: opened)
    assert [f.name for f in opened[0].forms.search()] == ["Anna"]
    opened[0].close()
    kept = [p for p in backups_dir_for(db_path(data)).glob("*before-restore*.sqlite3")]
    assert len(kept) == 1 and kept[0].read_bytes() == current  # the database with the lost key, byte for byte
    assert crypto.key_opens(db_path(data), keys.key_from_recovery(keys.parse_recovery(r1)))


async def test_a_lost_key_without_backups_says_so(user: User, lost_key_folder) -> None:
    from seilocal.pages.unlock import unlock_page

    data, _r1, backup = lost_key_folder
    backup.unlink()
    with pytest.raises(KeyFileMissing) as missing:
        open_store(data)
    unlock_page(data, False, lambda: open_store(data), lambda _s: None, str(missing.value))
    await user.open("/")
    await user.should_see("Der er ingen backups i mappen.", marker="lost-key-no-backups")


async def test_without_a_keyring_the_restored_backup_gets_a_passphrase_chosen_on_the_page(
        user: User, lost_key_folder, monkeypatch) -> None:
    from seilocal.pages.unlock import unlock_page

    data, r1, backup = lost_key_folder
    monkeypatch.delenv(keys.ENV_PASSPHRASE)
    monkeypatch.setattr(keys, "keyring_available", lambda: False)
    monkeypatch.setattr(keys, "keyring_store", lambda check, key: False)
    with pytest.raises(KeyFileMissing) as missing:
        open_store(data)
    current = db_path(data).read_bytes()
    opened: list[Store] = []
    unlock_page(data, False, lambda: open_store(data), opened.append, str(missing.value))
    await user.open("/")
    _input(user, "unlock-passphrase").value = r1
    user.find(marker="unlock-submit").click()
    await user.should_see(marker="lost-key-new", retries=100)
    _input(user, "lost-key-new").value = "kort"
    _input(user, "lost-key-again").value = "kort"
    user.find(marker=f"lost-key-restore-{backup.stem}").click()
    await user.should_see("mindst 12 tegn", marker="lost-key-message")
    assert db_path(data).read_bytes() == current and not keys.key_file(data).exists()  # nothing written
    _input(user, "lost-key-new").value = "den nye adgangssætning"
    _input(user, "lost-key-again").value = "den nye adgangssætning"
    user.find(marker=f"lost-key-restore-{backup.stem}").click()
    await _until(lambda: opened)
    opened[0].close()
    keys.forget_all()
    store = open_store(data, passphrase="den nye adgangssætning")
    try:
        assert [f.name for f in store.forms.search()] == ["Anna"]
    finally:
        store.close()
