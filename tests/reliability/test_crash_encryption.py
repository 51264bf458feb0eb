"""Kill -9 during the migration to an encrypted database or during a rekey: the old or the new file is whole.

Each round starts from the same folder, runs `seilocal encryption migrate` (or `rekey`) as a child and
SIGKILLs it at a random moment of its run; then the folder must hold every form, readable either as it was
or as it was meant to become, and the next run must finish the job with nothing lost.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from seilocal.settings import db_path
from seilocal.store import crypto, keys, open_store
from seilocal.store.encryption import DONE
from tests.support.dbfile import integrity

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

NAMES = [f"Patient {i}" for i in range(40)]
# What "Lav ny gendannelsesnøgle" on the settings page does: the store open, re-encrypted through its connection.
LIVE_REKEY = """
import sys
from pathlib import Path
from seilocal.store import keys, open_store
from seilocal.store.encryption import rekey
folder = Path(sys.argv[1])
store = open_store(folder)
store.forms.search()
rekey(folder, keys.unlock(folder), live=store.db)
store.close()
"""
ROUNDS = 5


def _child(folder: Path, action: str, kill_after: float | None) -> tuple[bool, float]:
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}
    started = time.monotonic()
    argv = [sys.executable, "-c", LIVE_REKEY, str(folder)] if action == "live-rekey" else \
        [sys.executable, "-m", "seilocal", "--data-dir", str(folder), "encryption", action]
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    try:
        proc.wait(timeout=kill_after)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    proc.stderr.close()
    killed = proc.returncode == -signal.SIGKILL
    assert killed or proc.returncode == 0, stderr
    return killed, time.monotonic() - started


def _fill(folder: Path) -> None:
    """A folder with forms. The bundled catalog a first start loads makes the file ~26 MB, enough that the swap
    takes most of the child's second (until 2026-12 the test added 20 MB of rows of its own, from when the
    catalog was small: they doubled the test's time and moved no kill out of the child's start-up)."""
    store = open_store(folder)
    for name in NAMES:
        store.forms.save_edit(store.forms.create(), "patient.name", name)
    store.close()


def _readable_names(path: Path, candidates: list[bytes | None]) -> list[str] | None:
    for key in candidates:
        if key is None and not crypto.is_plain(path):
            continue
        try:
            conn = crypto.connect(path, key, readonly=True)
            try:
                if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                    continue
                return [row[0] for row in conn.execute("SELECT name FROM forms ORDER BY form_no")]
            finally:
                conn.close()
        except crypto.DatabaseError:
            continue
    return None


def _assert_whole(folder: Path, candidates: list[bytes | None]) -> None:
    """The database, or the checked copy that the next start puts in its place, holds every form."""
    path = db_path(folder)
    done = path.with_name(path.name + DONE)
    whole = _readable_names(path, candidates)
    if whole is None and done.exists():
        whole = _readable_names(done, candidates)
    assert whole == NAMES


def _rounds(tmp_path: Path, pristine: Path, action: str, candidates) -> int:
    probe = tmp_path / "probe"
    shutil.copytree(pristine, probe)
    _, full = _child(probe, action, None)
    rng = random.Random(16)
    kills = 0
    for n in range(ROUNDS):
        folder = tmp_path / f"round{n}"
        shutil.copytree(pristine, folder)
        keys.forget_all()
        killed, _ = _child(folder, action, rng.uniform(0.3 * full, full))
        kills += killed
        _assert_whole(folder, candidates(folder))
        _child(folder, action if action == "migrate" else "status", None)  # the next start finishes the job
        keys.forget_all()
        store = open_store(folder)
        try:
            assert [store.forms.load(i + 1).form.patient.name for i in range(len(NAMES))] == NAMES
        finally:
            store.close()
        assert not crypto.is_plain(db_path(folder)) and integrity(db_path(folder)) == "ok"
        assert not list(folder.rglob(f"*{DONE}")) and not list(folder.rglob("*.encrypting"))
    return kills


def test_kill_9_during_the_migration_of_a_plain_database(tmp_path):
    source = tmp_path / "source"
    _fill(source)
    pristine = tmp_path / "pristine"
    pristine.mkdir()
    crypto.export_plain(db_path(source), keys.unlock(source), db_path(pristine))

    def candidates(folder: Path) -> list[bytes | None]:
        try:
            return [None, keys.unlock(folder)]
        except keys.KeyProblem:
            return [None]  # killed before the key file was written: the file must still be the plain one

    kills = _rounds(tmp_path, pristine, "migrate", candidates)
    assert kills >= ROUNDS // 2


def test_kill_9_during_a_rekey(tmp_path):
    pristine = tmp_path / "pristine"
    _fill(pristine)
    old = keys.unlock(pristine)

    def candidates(folder: Path) -> list[bytes | None]:
        secret = keys.rekey_secret(folder, old)
        return [old] + ([keys.key_from_recovery(secret)] if secret else []) + [keys.unlock(folder)]

    # `status` opens nothing, so a store opened afterwards (open_store) is what finishes an interrupted rekey.
    kills = _rounds(tmp_path, pristine, "rekey", candidates)
    assert kills >= ROUNDS // 2


def test_kill_9_during_a_rekey_in_the_running_app(tmp_path):
    pristine = tmp_path / "pristine"
    _fill(pristine)
    old = keys.unlock(pristine)

    def candidates(folder: Path) -> list[bytes | None]:
        secret = keys.rekey_secret(folder, old)
        return [old] + ([keys.key_from_recovery(secret)] if secret else []) + [keys.unlock(folder)]

    kills = _rounds(tmp_path, pristine, "live-rekey", candidates)
    assert kills >= ROUNDS // 2
