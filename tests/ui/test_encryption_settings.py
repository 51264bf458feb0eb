"""Settings, "Kryptering": encryption shown as on, the passphrase changed, a new recovery key (user fixture).

Each test asserts the effect on disk: which passphrase and which recovery key open the folder afterwards.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from nicegui.testing import User

from seilocal.settings import db_path
from seilocal.store import crypto, keys
from seilocal.store.backup import make_backup
from tests.support.submit_helpers import clean_form
from tests.support.user import marked_input as _input
from tests.support.user import until as _until

OLD = "test passphrase"  # tests/conftest.py's SEILOCAL_PASSPHRASE
NEW = "en helt ny adgangssætning"


def _text(user: User, mark: str) -> str:
    (element,) = user.find(marker=mark).elements
    return element.text


def _passphrase_opens(data: Path, passphrase: str) -> bool:
    envelope = keys.read_envelope(data)
    key = keys.unwrap_with_passphrase(envelope.passphrase, passphrase)
    return key is not None and crypto.key_opens(db_path(data), key)


def _recovery_opens(path: Path, recovery: str) -> bool:
    return crypto.key_opens(path, keys.key_from_recovery(keys.parse_recovery(recovery)))


async def test_the_settings_page_says_encryption_is_on_and_where_the_key_is(app_user: User) -> None:
    await app_user.open("/indstillinger")
    await app_user.should_see("SQLCipher", marker="encryption-status")
    assert "AES-256" in _text(app_user, "encryption-status")
    assert _text(app_user, "encryption-key-place") == "Nøglen opbevares med en adgangssætning."


async def test_a_wrong_old_passphrase_three_times_changes_nothing(app_user: User, store) -> None:
    data = store.path.parent
    before = keys.key_file(data).read_bytes()
    await app_user.open("/indstillinger")
    for left in (2, 1):
        _input(app_user, "passphrase-old").value = "forkert gæt"
        _input(app_user, "passphrase-new").value = NEW
        _input(app_user, "passphrase-again").value = NEW
        app_user.find(marker="passphrase-submit").click()
        await _until(lambda n=left: f"{n} forsøg tilbage" in _text(app_user, "passphrase-message"))
    _input(app_user, "passphrase-old").value = "forkert igen"
    app_user.find(marker="passphrase-submit").click()
    await _until(lambda: "tre gange" in _text(app_user, "passphrase-message"))
    _input(app_user, "passphrase-old").value = OLD  # a fourth try is not taken
    app_user.find(marker="passphrase-submit").click()
    await asyncio.sleep(0)
    assert keys.key_file(data).read_bytes() == before
    assert _passphrase_opens(data, OLD) and not _passphrase_opens(data, NEW)


async def test_changing_the_passphrase_the_old_one_no_longer_opens_the_new_one_does(app_user: User, store) -> None:
    data = store.path.parent
    await app_user.open("/indstillinger")
    _input(app_user, "passphrase-old").value = OLD
    _input(app_user, "passphrase-new").value = NEW
    _input(app_user, "passphrase-again").value = NEW + "x"
    app_user.find(marker="passphrase-submit").click()
    await app_user.should_see("ikke ens", marker="passphrase-message")
    assert _passphrase_opens(data, OLD)
    _input(app_user, "passphrase-again").value = NEW
    app_user.find(marker="passphrase-submit").click()
    await _until(lambda: "er skiftet" in _text(app_user, "passphrase-message"))
    assert not _passphrase_opens(data, OLD) and _passphrase_opens(data, NEW)
    assert store.forms.search() == []  # the running app goes on


async def test_a_new_recovery_key_replaces_the_old_one_for_the_database_and_its_backups(
        app_user: User, store) -> None:
    data = store.path.parent
    old_recovery = store.recovery  # made at the first start
    assert old_recovery and _recovery_opens(db_path(data), old_recovery)
    backup = make_backup(db_path(data), reason="manual")
    stored = store.forms.create(clean_form())

    await app_user.open("/indstillinger")
    app_user.find(marker="recovery-new").click()
    await app_user.should_see(marker="recovery-new-dialog")
    app_user.find(marker="recovery-new-abort").click()  # "Fortryd": nothing happens
    await app_user.should_not_see(marker="recovery-new-dialog")
    assert _recovery_opens(db_path(data), old_recovery)

    app_user.find(marker="recovery-new").click()
    await app_user.should_see(marker="recovery-new-dialog")
    _input(app_user, "recovery-new-passphrase").value = "forkert gæt"
    app_user.find(marker="recovery-new-confirm").click()
    await _until(lambda: "2 forsøg tilbage" in _text(app_user, "recovery-new-message"))
    assert _recovery_opens(db_path(data), old_recovery)  # nothing changed

    _input(app_user, "recovery-new-passphrase").value = OLD
    app_user.find(marker="recovery-new-confirm").click()
    await app_user.should_see(marker="recovery-new-key", retries=100)
    new_recovery = _text(app_user, "recovery-new-key")
    await app_user.should_see("praksis' papirer")
    assert keys.parse_recovery(new_recovery) is not None and new_recovery != old_recovery
    for path in (db_path(data), backup):
        assert not _recovery_opens(path, old_recovery), f"the old recovery key still opens {path.name}"
        assert _recovery_opens(path, new_recovery), f"the new recovery key does not open {path.name}"
    try:
        keys.unlock_with_recovery(data, old_recovery)
        raise AssertionError("the old recovery key was accepted")
    except keys.WrongKey:
        pass
    assert _passphrase_opens(data, OLD)  # the passphrase stays; it wraps the new key now
    assert store.forms.load(stored.form.form_no).form.patient.name  # the app's connection still reads
    assert keys.pending_recovery(data, keys.unlock(data)) == new_recovery  # until the user says it is on paper
    app_user.find(marker="recovery-new-done").click()
    await _until(lambda: keys.read_envelope(data).recovery_pending is None)
