"""The Danish passphrase page before anything opens, and the recovery key shown once (user fixture)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from nicegui.testing import User

from seilocal.settings import db_path
from seilocal.store import Store, crypto, keys, open_store
from seilocal.store.encryption import folder_key
from tests.support.dbfile import fingerprint
from tests.support.user import marked_input as _input
from tests.support.user import until as _until


@pytest.fixture
def no_key_at_hand(monkeypatch):
    """A bare Linux: no SEILOCAL_PASSPHRASE, no keyring."""
    monkeypatch.delenv(keys.ENV_PASSPHRASE)
    monkeypatch.setattr(keys, "keyring_store", lambda check, key: False)
    monkeypatch.setattr(keys, "keyring_load", lambda check: None)
    keys.forget_all()


def _register(data_dir: Path, new: bool, opened: list[Store]) -> None:
    from seilocal.pages.unlock import unlock_page

    unlock_page(data_dir, new, lambda: open_store(data_dir), opened.append)


async def test_a_new_folder_without_keyring_asks_for_a_passphrase_first(user: User, tmp_path, no_key_at_hand):
    data = tmp_path / "data"
    data.mkdir()
    opened: list[Store] = []
    _register(data, True, opened)
    await user.open("/")
    await user.should_see(marker="unlock-page")
    assert not db_path(data).exists()  # nothing is created before the passphrase
    _input(user, "unlock-new").value = "kort"
    _input(user, "unlock-again").value = "kort"
    user.find(marker="unlock-create").click()
    await user.should_see("mindst 12 tegn")
    _input(user, "unlock-new").value = "klinikkens hemmelighed"
    _input(user, "unlock-again").value = "klinikkens hemmelighe"
    user.find(marker="unlock-create").click()
    await user.should_see("ikke ens")
    assert not db_path(data).exists() and not keys.key_file(data).exists()
    _input(user, "unlock-again").value = "klinikkens hemmelighed"
    user.find(marker="unlock-create").click()
    await _until(lambda: opened)
    opened[0].close()
    assert not crypto.is_plain(db_path(data))
    keys.forget_all()
    assert open_store(data, passphrase="klinikkens hemmelighed").forms is not None


async def test_three_wrong_passphrases_change_nothing_then_the_right_one_opens(user: User, tmp_path, monkeypatch):
    data = tmp_path / "data"
    open_store(data, passphrase="den rigtige sætning").close()
    monkeypatch.delenv(keys.ENV_PASSPHRASE)
    monkeypatch.setattr(keys, "keyring_load", lambda check: None)
    keys.forget_all()
    before = fingerprint(db_path(data)) | {"key": keys.key_file(data).read_text()}
    opened: list[Store] = []
    _register(data, False, opened)
    await user.open("/")
    for left in (2, 1):
        _input(user, "unlock-passphrase").value = "forkert"
        user.find(marker="unlock-submit").click()
        await user.should_see(f"{left} forsøg tilbage")
    _input(user, "unlock-passphrase").value = "forkert igen"
    user.find(marker="unlock-submit").click()
    await user.should_see("Forkert tre gange")
    _input(user, "unlock-passphrase").value = "den rigtige sætning"
    user.find(marker="unlock-submit").click()  # no fourth try
    await asyncio.sleep(0.3)
    assert opened == []
    assert fingerprint(db_path(data)) | {"key": keys.key_file(data).read_text()} == before


async def test_the_recovery_key_opens_the_folder_on_the_unlock_page(user: User, tmp_path, monkeypatch):
    data = tmp_path / "data"
    store = open_store(data, passphrase="glemt sætning")
    recovery = keys.pending_recovery(data, keys.unlock(data))
    store.close()
    monkeypatch.delenv(keys.ENV_PASSPHRASE)
    monkeypatch.setattr(keys, "keyring_load", lambda check: None)
    monkeypatch.setattr(keys, "keyring_store", lambda check, key: True)  # this machine has a keyring
    keys.forget_all()
    opened: list[Store] = []
    _register(data, False, opened)
    await user.open("/")
    _input(user, "unlock-passphrase").value = recovery
    user.find(marker="unlock-submit").click()
    await _until(lambda: opened)
    opened[0].close()


async def test_the_recovery_key_is_shown_once_and_needs_a_tick(user: User, tmp_path):
    from seilocal.pages.unlock import recovery_page

    data = tmp_path / "data"
    unlocked = folder_key(data)
    assert unlocked.recovery
    done: list[int] = []
    recovery_page(data, unlocked.recovery, lambda: done.append(1))
    await user.open("/")
    await user.should_see(unlocked.recovery, marker="recovery-key")
    await user.should_see("klinikkens papirer")
    user.find(marker="recovery-done").click()
    await user.should_see("Sæt kryds")
    assert done == [] and keys.pending_recovery(data, unlocked.key) == unlocked.recovery
    user.find(marker="recovery-confirm").click()
    user.find(marker="recovery-done").click()
    await _until(lambda: done)
    assert keys.pending_recovery(data, unlocked.key) is None


async def test_a_copied_folder_without_its_key_file_opens_with_the_recovery_key(user: User, tmp_path, no_key_at_hand,
                                                                                 monkeypatch):
    from seilocal.pages.unlock import unlock_page
    from seilocal.store.encryption import KeyFileMissing

    source = tmp_path / "source"
    monkeypatch.setenv(keys.ENV_PASSPHRASE, "den gamle computer")
    store = open_store(source)
    store.forms.save_edit(store.forms.create(), "patient.name", "Anna")
    recovery = keys.pending_recovery(source, keys.unlock(source))
    store.close()
    monkeypatch.delenv(keys.ENV_PASSPHRASE)
    keys.forget_all()
    data = tmp_path / "copy"
    data.mkdir()
    db_path(data).write_bytes(db_path(source).read_bytes())  # the database only, as a careless copy leaves it
    with pytest.raises(KeyFileMissing) as missing:
        open_store(data)
    before = fingerprint(db_path(data))
    opened: list[Store] = []
    unlock_page(data, False, lambda: open_store(data), opened.append, str(missing.value))
    await user.open("/")
    await user.should_see(marker="unlock-key-file-missing")
    _input(user, "unlock-passphrase").value = "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH"
    user.find(marker="unlock-submit").click()
    await user.should_see("Gendannelsesnøglen passer ikke", retries=100)
    assert fingerprint(db_path(data)) == before and not keys.key_file(data).exists()
    _input(user, "unlock-passphrase").value = recovery
    user.find(marker="unlock-submit").click()
    await user.should_see(marker="unlock-new", retries=100)  # no keyring here: a passphrase for this computer
    _input(user, "unlock-new").value = "den nye computer"
    _input(user, "unlock-again").value = "den nye computer"
    user.find(marker="unlock-create").click()
    await _until(lambda: opened)
    assert opened[0].forms.load(1).form.patient.name == "Anna"
    opened[0].close()
    keys.forget_all()
    open_store(data, passphrase="den nye computer").close()


async def test_enter_in_gentag_creates_the_database(user: User, tmp_path, no_key_at_hand):
    """The keyboard path of the first start: type, Enter, type again, Enter (issue 21)."""
    data = tmp_path / "data"
    data.mkdir()
    opened: list[Store] = []
    _register(data, True, opened)
    await user.open("/")
    await user.should_see(marker="unlock-page")
    _input(user, "unlock-new").value = "klinikkens hemmelighed"
    user.find(marker="unlock-new").trigger("keydown.enter")
    _input(user, "unlock-again").value = "klinikkens hemmelighed"
    user.find(marker="unlock-again").trigger("keydown.enter")
    await _until(lambda: opened)
    opened[0].close()
    assert not crypto.is_plain(db_path(data))
