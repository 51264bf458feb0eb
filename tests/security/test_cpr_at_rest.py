"""Issue 16's done-when: after a form with a CPR is created and submitted, no file of the data folder holds it.

The bundle of a submission holds the CPR too; it is kept inside the encrypted database, not as a plain file.
"""

from __future__ import annotations

import os
import time
from datetime import datetime
from pathlib import Path

import pytest

from seilocal.cli import main
from seilocal.store import open_store
from tests.support.big_import import SAMPLE, SAMPLE_CPR, SAMPLE_NAME, big_document, imported, raw_upload, upload_url
from tests.support.patient_data import files_with_patient_data as _files_with_patient_data
from tests.support.patient_data import proc_io as _proc
from tests.support.submit_helpers import clean_form, set_practice


def test_no_file_of_the_data_folder_holds_the_cpr_after_a_submission(tmp_path, monkeypatch):
    import seilocal.cli.forms as cli_forms

    monkeypatch.setattr(cli_forms, "_clock", lambda: datetime(2026, 11, 25, 10, 30))
    data = tmp_path / "data"
    store = open_store(data)
    set_practice(store)
    store.forms.create(clean_form())
    store.close()
    assert main(["--data-dir", str(data), "submit", "1"]) == 0
    assert main(["--data-dir", str(data), "backup"]) == 0
    store = open_store(data)  # open: its WAL and SHM are on disk too
    try:
        assert store.db.execute("SELECT count(*) FROM bundles").fetchone()[0] == 1  # the bundle is kept ...
        assert _files_with_patient_data(data) == []  # ... but nowhere in the clear, not even in the WAL
    finally:
        store.close()
    assert _files_with_patient_data(data) == []
    files = [p for p in data.rglob("*") if p.is_file()]
    assert any(p.parent.name == "backups" for p in files)  # the grep did look at a backup


def test_an_export_writes_the_plain_bundle_only_outside_the_data_folder(tmp_path, monkeypatch, capsys):
    import seilocal.cli.forms as cli_forms

    monkeypatch.setattr(cli_forms, "_clock", lambda: datetime(2026, 11, 25, 10, 30))
    data = tmp_path / "data"
    store = open_store(data)
    set_practice(store)
    store.forms.create(clean_form())
    store.close()
    assert main(["--data-dir", str(data), "submit", "1"]) == 0
    out = tmp_path / "out"
    assert main(["--data-dir", str(data), "export", "--form", "1", "--out", str(out)]) == 0
    assert "not encrypted" in capsys.readouterr().err
    assert _files_with_patient_data(data) == []
    assert _files_with_patient_data(out) != []  # the bundle itself is plain: it is meant to be sent


# --- Issue 22: an import never puts the upload in clear into the data folder, not even while it runs ---------------

# Installed in the app process through PYTHONPATH: logs every file that Python code of the app opens for writing
# inside the data folder (SQLite's own files are written by C code and are encrypted).
_SITECUSTOMIZE = '''
import os, sys
_watched = os.environ.get("SEILOCAL_TEST_WATCH")
_log = os.environ.get("SEILOCAL_TEST_WATCH_LOG")
_WRITE = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND
def _hook(event, args):
    if event in ("open", "os.open", "tempfile.mkstemp") and args:
        path = str(args[0])
        mode = args[1] if len(args) > 1 else None
        flags = args[2] if len(args) > 2 else 0
        writes = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            isinstance(flags, int) and flags & _WRITE) or event == "tempfile.mkstemp"
        if writes and path.startswith(_watched):
            with open(_log, "a") as handle:
                handle.write(f"{event} {path}\\n")
if _watched and _log:
    sys.addaudithook(_hook)
'''


def _watch(tmp_path: Path, monkeypatch, data: Path) -> Path:
    """Start-up settings for an app process whose writes into `data` are logged; the log's path."""
    import os

    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(_SITECUSTOMIZE)
    log = tmp_path / "written-in-data-folder.log"
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(p for p in (str(hook), os.environ.get("PYTHONPATH")) if p))
    monkeypatch.setenv("SEILOCAL_TEST_WATCH", str(data))
    monkeypatch.setenv("SEILOCAL_TEST_WATCH_LOG", str(log))
    return log


def _big_form_file() -> bytes:
    """A form file of ours over 1 MB (where NiceGUI and Starlette used to spool an upload to disk)."""
    return clean_form().to_json().encode() + b" " * (3 * 1024 * 1024)


def _forms_in(data: Path) -> int:
    store = open_store(data)
    try:
        return store.db.execute("SELECT count(*) FROM forms").fetchone()[0]
    finally:
        store.close()


def test_a_ui_import_writes_nothing_in_clear_while_it_runs(tmp_path, monkeypatch):
    import httpx

    from tests.support.app import start_app, stop_app

    data = tmp_path / "data"
    log = _watch(tmp_path, monkeypatch, data)
    app = start_app(data)
    try:
        with httpx.Client(base_url=app.base, cookies={f"seilocal_{app.port}": app.token}, timeout=60) as client:
            url = upload_url(client)
            log.unlink(missing_ok=True)  # what the start wrote (lock, key file): watched from here on
            response = client.post(url, headers={"Origin": app.base},
                                   files={"file": ("0101801233-test-testesen.json", _big_form_file(),
                                                   "application/json")})
            assert response.status_code == 200, response.text
            # The import itself runs after the upload's answer: the form's page exists once it is stored.
            deadline = time.monotonic() + 30
            while not imported(client) and time.monotonic() < deadline:
                time.sleep(0.05)
        assert _files_with_patient_data(data) == []
    finally:
        stop_app(app)
    written = [line for line in (log.read_text().splitlines() if log.exists() else [])
               if f"{os.sep}.nicegui{os.sep}" not in line]  # NiceGUI's storage: no patient data (app.storage)
    assert written == [], "the app wrote files into the data folder during the import:\n" + "\n".join(written)
    assert _forms_in(data) == 1  # the import did happen
    assert _files_with_patient_data(data) == []


@pytest.mark.skipif(not Path("/proc/self/io").exists() or not SAMPLE.exists(),
                    reason="needs Linux's /proc/PID and the official LPR3 samples")
def test_a_kill_in_the_middle_of_an_import_leaves_nothing_in_clear(tmp_path):
    """kill -9 while a 30 MB LPR3 document is being read: no file of the data folder holds its patient."""
    import signal

    import httpx

    from tests.support.app import start_app, stop_app

    data = tmp_path / "data"
    document = big_document()
    app = start_app(data)
    try:
        with httpx.Client(base_url=app.base, cookies={f"seilocal_{app.port}": app.token}, timeout=60) as client:
            url = upload_url(client)
        read_before, _cpu = _proc(app.process.pid)
        with raw_upload(app, url, "08119675AG1.xml", document):
            deadline = time.monotonic() + 60
            while _proc(app.process.pid)[0] - read_before < len(document) and time.monotonic() < deadline:
                time.sleep(0.01)  # until the app has the whole upload ...
            _read, cpu = _proc(app.process.pid)
            while _proc(app.process.pid)[1] - cpu < 0.3 and time.monotonic() < deadline:
                time.sleep(0.01)  # ... and has worked on it for a while: it is reading the document now
            os.kill(app.process.pid, signal.SIGKILL)
            app.process.wait(timeout=10)
    finally:
        if app.process.poll() is None:
            stop_app(app)
    needles = [SAMPLE_CPR.encode(), SAMPLE_NAME.encode()]
    assert _files_with_patient_data(data, needles) == []
    assert _forms_in(data) == 0  # killed before the import was stored: it was in the middle


def test_a_cli_import_writes_nothing_in_clear(tmp_path):
    data = tmp_path / "data"
    form_file = tmp_path / "outside" / "form.json"
    form_file.parent.mkdir()
    form_file.write_bytes(clean_form().to_json().encode())
    assert main(["--data-dir", str(data), "import", str(form_file)]) == 0
    assert _forms_in(data) == 1
    assert _files_with_patient_data(data) == []
