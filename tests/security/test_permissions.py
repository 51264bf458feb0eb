"""Patient data readable by its user only (issue 11, finding 2): data dir 0700, every file in it 0600."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from seilocal.model import Form
from seilocal.settings import prepare_data_dir
from seilocal.store import open_store
from seilocal.store.backup import make_backup

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


@pytest.fixture
def loose_umask():
    """The usual desktop umask (022): what the app must not rely on."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _everything(data: Path) -> list[Path]:
    return [data, *sorted(data.rglob("*"))]


def _assert_private(data: Path) -> None:
    wrong = [(str(p.relative_to(data.parent)), oct(_mode(p))) for p in _everything(data)
             if _mode(p) != (0o700 if p.is_dir() else 0o600)]
    assert not wrong, wrong


def test_a_new_data_dir_and_every_file_in_it_are_private(tmp_path, loose_umask):
    data = tmp_path / "data"
    store = open_store(data)
    try:
        form = Form()
        form.patient.cpr = "0101801235"
        store.forms.import_form(form)
        make_backup(store.path, reason="manual")
        names = {p.name for p in data.rglob("*")}
        assert {"seilocal.sqlite3", "seilocal.sqlite3-wal", "seilocal.sqlite3-shm"} <= names, names
        assert any(p.parent.name == "backups" for p in data.rglob("*.sqlite3*")), names
        _assert_private(data)
    finally:
        store.close()


def test_files_left_readable_by_an_older_version_are_tightened_with_a_note(tmp_path, loose_umask, capsys):
    data = tmp_path / "data"
    (data / "backups").mkdir(parents=True)
    for name in ("seilocal.sqlite3", "seilocal.sqlite3-wal", "backups/seilocal-2026-11-01.sqlite3", "instance.json"):
        (data / name).write_bytes(b"0101801235")
    for path in _everything(data):
        path.chmod(0o755 if path.is_dir() else 0o644)
    prepare_data_dir(data)
    _assert_private(data)
    note = capsys.readouterr().err
    assert "6 file(s) and folder(s)" in note
    assert "0101801235" not in note and "seilocal.sqlite3" not in note
    prepare_data_dir(data)  # nothing left to fix: no note again
    assert capsys.readouterr().err == ""


def test_the_command_line_leaves_only_private_files(tmp_path, loose_umask):
    data = tmp_path / "data"
    source = tmp_path / "form.json"
    source.write_text(Form().to_json(), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "seilocal", "import", str(source), "--data-dir", str(data)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # a fresh data dir needs no note
    _assert_private(data)


def test_two_runs_probing_the_data_dir_at_once_do_not_fail_each_other(tmp_path, monkeypatch):
    """Issue 11, finding 6: a second run's probe written and removed between this run's write and remove."""
    data = tmp_path / "data"
    data.mkdir()
    original = Path.write_bytes
    nested = []

    def write_then_let_another_run_probe(self: Path, payload: bytes) -> int:
        written = original(self, payload)
        if not nested:
            nested.append(self.name)
            prepare_data_dir(data)  # the other run: same folder, same moment
        return written

    monkeypatch.setattr(Path, "write_bytes", write_then_let_another_run_probe)
    assert prepare_data_dir(data) == data
    assert nested and not any(p.name.startswith(".write-test") for p in data.iterdir())
