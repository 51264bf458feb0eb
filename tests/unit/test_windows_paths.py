"""The branches that differ on Windows (issue 24.8), each run on both sides here by injecting the platform.

The tests run on Linux, so the Windows side of the instance lock talks to a stand-in for `msvcrt` that
behaves as Windows documents it (a byte range per file, LK_NBLCK fails at once when another handle holds it);
the POSIX side uses the real flock. The keyring is exercised through `store.keys`' public functions with
backends shaped like Windows' Credential Manager and keyring's fail and null backends.
"""

from __future__ import annotations

import os
import socket
import stat
import sys
from pathlib import Path
from types import SimpleNamespace

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null

from seilocal import peer_user
from seilocal.app import WINDOWS_SO_EXCLUSIVEADDRUSE, _probe_option
from seilocal.instance import INFO_FILE, LOCK_FILE, InstanceLock, running_url
from seilocal.settings import prepare_data_dir, restrict_data_dir
from seilocal.store import keys

posix_only = pytest.mark.skipif(os.name != "posix", reason="the POSIX side uses the real flock and chmod")


# --- instance lock --------------------------------------------------------------------------------------

class FakeMsvcrt:
    """msvcrt.locking as Windows documents it: the range starts at the file's position; a range held by another
    handle of the same file makes LK_NBLCK fail at once with OSError; LK_UNLCK gives it back."""

    LK_UNLCK, LK_NBLCK = 0, 2

    def __init__(self) -> None:
        self.held: dict[tuple[str, int], int] = {}  # (file, first byte) -> the fd holding it
        self.calls: list[tuple[int, int, int]] = []  # (mode, first byte, length)

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        position = os.lseek(fd, 0, os.SEEK_CUR)
        self.calls.append((mode, position, nbytes))
        where = (os.path.realpath(f"/proc/self/fd/{fd}"), position)
        if mode == self.LK_NBLCK:
            if where in self.held:
                raise PermissionError(13, "Permission denied")  # what Windows raises (EACCES)
            self.held[where] = fd
        elif mode == self.LK_UNLCK:
            if self.held.get(where) != fd:
                raise PermissionError(13, "Permission denied")
            del self.held[where]


@pytest.fixture
def fake_msvcrt(monkeypatch: pytest.MonkeyPatch) -> FakeMsvcrt:
    fake = FakeMsvcrt()
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    return fake


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="the stand-in names files through /proc")
def test_windows_lock_is_one_byte_at_the_start_and_a_second_instance_is_refused(tmp_path, fake_msvcrt):
    (tmp_path / LOCK_FILE).write_bytes(b"left by an earlier run")  # "a+b" opens at the end: must seek back
    first, second = InstanceLock(tmp_path, platform="win32"), InstanceLock(tmp_path, platform="win32")
    assert first.acquire()
    assert fake_msvcrt.calls == [(FakeMsvcrt.LK_NBLCK, 0, 1)]
    assert not second.acquire()  # the other handle's byte 0 is held
    first.release()
    assert fake_msvcrt.calls[-1] == (FakeMsvcrt.LK_UNLCK, 0, 1)  # given back at once, not "when resources allow"
    assert second.acquire()  # a start right after the first one stopped
    second.release()


@posix_only
def test_posix_lock_refuses_a_second_instance_until_the_first_releases(tmp_path, fake_msvcrt):
    first, second = InstanceLock(tmp_path, platform="linux"), InstanceLock(tmp_path, platform="linux")
    assert first.acquire()
    assert not second.acquire()
    first.release()
    assert second.acquire()
    second.release()
    assert fake_msvcrt.calls == []  # the POSIX side never touches msvcrt


def test_a_url_file_left_by_a_hard_stop_is_overwritten_by_the_next_instance(tmp_path):
    # Windows' TerminateProcess (and kill -9) skip the shutdown hooks: instance.json stays behind.
    (tmp_path / INFO_FILE).write_text('{"url": "http://127.0.0.1:1/?token=old", "pid": 1}', encoding="utf-8")
    lock = InstanceLock(tmp_path)
    assert lock.acquire()  # the dead process's lock is gone with it
    lock.publish("http://127.0.0.1:2/?token=new")
    assert running_url(tmp_path) == "http://127.0.0.1:2/?token=new"
    lock.release()
    assert running_url(tmp_path) is None


@pytest.mark.parametrize("content", ["not json", "[1, 2]", '{"url": 5}', '"a string"'])
def test_an_unreadable_url_file_means_no_url(tmp_path, content):
    (tmp_path / INFO_FILE).write_text(content, encoding="utf-8")
    assert running_url(tmp_path) is None


# --- file permissions -----------------------------------------------------------------------------------

def _loose_tree(root: Path) -> Path:
    root.mkdir()
    root.chmod(0o755)
    (root / "seilocal.sqlite3").write_bytes(b"x")
    (root / "seilocal.sqlite3").chmod(0o644)
    return root / "seilocal.sqlite3"


@posix_only
def test_windows_side_leaves_the_modes_alone(tmp_path):
    database = _loose_tree(tmp_path / "data")
    assert restrict_data_dir(tmp_path / "data", os_name="nt") == 0
    assert stat.S_IMODE(database.stat().st_mode) == 0o644  # chmod means little there: the profile's ACL guards it
    assert stat.S_IMODE((tmp_path / "data").stat().st_mode) == 0o755


@posix_only
def test_posix_side_tightens_the_modes(tmp_path):
    database = _loose_tree(tmp_path / "data")
    assert restrict_data_dir(tmp_path / "data", os_name="posix") == 2
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "data").stat().st_mode) == 0o700


@posix_only
def test_prepare_on_windows_side_creates_and_probes_but_sets_no_umask(tmp_path):
    before = os.umask(0o022)
    try:
        assert prepare_data_dir(tmp_path / "new" / "data", os_name="nt") == tmp_path / "new" / "data"
        assert os.umask(0o022) == 0o022  # untouched (Windows has no umask worth setting)
        assert list((tmp_path / "new" / "data").iterdir()) == []  # the write probe is gone
    finally:
        os.umask(before)


# --- the port probe -------------------------------------------------------------------------------------

def test_port_probe_asks_for_exclusive_use_on_windows_and_reuse_elsewhere():
    assert _probe_option("win32") == WINDOWS_SO_EXCLUSIVEADDRUSE == getattr(socket, "SO_EXCLUSIVEADDRUSE", -5)
    assert WINDOWS_SO_EXCLUSIVEADDRUSE != socket.SO_REUSEADDR  # reuse would let the probe share a taken port
    assert _probe_option("linux") == _probe_option("darwin") == socket.SO_REUSEADDR


# --- the socket owner check (security gate) -------------------------------------------------------------

def test_windows_and_macos_skip_the_socket_owner_check():
    unlisted = (("127.0.0.1", 1), ("127.0.0.1", 2))  # a connection no table lists
    assert not peer_user.supported("win32") and not peer_user.supported("darwin")
    assert peer_user.is_own_user(*unlisted, platform="win32")  # the token alone guards the app there
    assert peer_user.is_own_user(*unlisted, platform="darwin")


@pytest.mark.skipif(not peer_user.supported(), reason="the Linux side reads /proc/net/tcp")
def test_linux_refuses_a_connection_whose_owner_is_not_this_user():
    assert not peer_user.is_own_user(("127.0.0.1", 1), ("127.0.0.1", 2), platform="linux")
    assert not peer_user.is_own_user(None, ("127.0.0.1", 2), platform="linux")


# --- the OS keyring -------------------------------------------------------------------------------------

class VaultLike(KeyringBackend):
    """Shaped like keyring's Windows backend (Credential Manager): priority 5, an in-memory vault."""

    priority = 5  # Windows.WinVaultKeyring.priority

    def __init__(self, refuse: bool = False) -> None:
        super().__init__()
        self.vault: dict[tuple[str, str], str] = {}
        self.refuse = refuse

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.refuse:  # a locked or policy-restricted vault
            raise keyring.errors.PasswordSetError("refused")
        self.vault[(service, username)] = password

    def get_password(self, service: str, username: str) -> str | None:
        if self.refuse:
            raise keyring.errors.KeyringLocked("locked")
        return self.vault.get((service, username))


VaultLike.__module__ = "keyring.backends.Windows"


@pytest.fixture
def ring():
    before = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(before)


def test_a_windows_vault_keeps_and_returns_the_key(ring):
    vault = VaultLike()
    ring(vault)
    key = bytes(range(32))
    check = keys.check_value(key)
    assert keys.keyring_available()
    assert keys.keyring_store(check, key)
    assert len(vault.vault[(keys.KEYRING_SERVICE, check)]) <= 2560  # Credential Manager's blob limit
    assert keys.keyring_load(check) == key
    assert keys.keyring_load(keys.check_value(bytes(32))) is None  # not this folder's key


def test_a_refusing_vault_means_no_key_there(ring):
    ring(VaultLike(refuse=True))
    key = bytes(range(32))
    assert keys.keyring_available()  # there, but locked: the passphrase page takes over
    assert not keys.keyring_store(keys.check_value(key), key)
    assert keys.keyring_load(keys.check_value(key)) is None


def test_a_key_of_another_folder_in_the_vault_is_not_returned(ring):
    vault = VaultLike()
    ring(vault)
    key = bytes(range(32))
    vault.vault[(keys.KEYRING_SERVICE, keys.check_value(key))] = bytes(32).hex()  # tampered or stale
    assert keys.keyring_load(keys.check_value(key)) is None


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()], ids=["fail", "null"])
def test_no_usable_keyring_means_none(ring, backend):
    ring(backend)
    key = bytes(range(32))
    assert not keys.keyring_available()
    assert not keys.keyring_store(keys.check_value(key), key)
    assert keys.keyring_load(keys.check_value(key)) is None


# --- the prepared catalog's cache folder ----------------------------------------------------------------

@pytest.mark.parametrize(("platform", "env", "expected"), [
    ("win32", {"LOCALAPPDATA": "/profile/AppData/Local"}, Path("/profile/AppData/Local/seilocal")),
    ("win32", {}, Path.home() / "AppData" / "Local" / "seilocal"),
    ("darwin", {}, Path.home() / "Library" / "Caches" / "seilocal"),
    ("linux", {"XDG_CACHE_HOME": "/xdg/cache"}, Path("/xdg/cache/seilocal")),
    ("linux", {}, Path.home() / ".cache" / "seilocal"),
])
def test_catalog_cache_folder_per_system(monkeypatch, platform, env, expected):
    from seilocal.store.catalog import prepared

    # The module's own `sys` name only: the interpreter's sys.platform stays as it is for everything else.
    monkeypatch.setattr(prepared, "sys", SimpleNamespace(platform=platform))
    for name in ("SEILOCAL_CATALOG_CACHE", "LOCALAPPDATA", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert prepared.cache_dir() == expected
    monkeypatch.setenv("SEILOCAL_CATALOG_CACHE", "/override")
    assert prepared.cache_dir() == Path("/override")  # on every system
