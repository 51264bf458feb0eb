"""Issue 22's done-when in one data folder: a form submitted and backed up, a form imported in the app, then a
kill -9 in the middle of a second (30 MB) import. No file of the folder holds a CPR or a name, and the next start
opens the folder with the forms it had: the killed import stored nothing."""

from __future__ import annotations

import os
import signal
import time
from datetime import datetime
from pathlib import Path

import httpx
import pytest

from seilocal.cli import main
from seilocal.store import open_store
from tests.support.app import start_app, stop_app
from tests.support.big_import import SAMPLE, SAMPLE_CPR, SAMPLE_NAME, big_document, raw_upload, upload_url
from tests.support.patient_data import NEEDLES
from tests.support.patient_data import files_with_patient_data as _files_with_patient_data
from tests.support.patient_data import proc_io as _proc
from tests.support.submit_helpers import clean_form, set_practice


def _count(data: Path) -> int:
    store = open_store(data)
    try:
        return store.db.execute("SELECT count(*) FROM forms").fetchone()[0]
    finally:
        store.close()


@pytest.mark.skipif(not Path("/proc/self/io").exists() or not SAMPLE.exists(),
                    reason="needs Linux's /proc/PID and the official LPR3 samples")
def test_submit_backup_import_and_a_kill_mid_import_leave_nothing_in_clear(tmp_path, monkeypatch):
    import seilocal.cli.forms as cli_forms

    monkeypatch.setattr(cli_forms, "_clock", lambda: datetime(2026, 11, 25, 10, 30))
    data = tmp_path / "data"
    store = open_store(data)
    set_practice(store)  # the reporting unit and CVR the LPR3 document needs (else the submission is refused)
    store.forms.create(clean_form())
    store.close()
    assert main(["--data-dir", str(data), "submit", "1"]) == 0
    assert main(["--data-dir", str(data), "backup"]) == 0

    imported = clean_form()
    imported.course.id = "c0ffee00-0000-4000-8000-000000000022"
    app = start_app(data)
    try:
        cookies = {f"seilocal_{app.port}": app.token}
        with httpx.Client(base_url=app.base, cookies=cookies, timeout=60) as client:
            url = upload_url(client)
            answer = client.post(url, headers={"Origin": app.base},
                                 files={"file": ("form.json", imported.to_json().encode(), "application/json")})
            assert answer.status_code == 200
            deadline = time.monotonic() + 30
            while "Skema findes ikke" in client.get("/skema/2").text and time.monotonic() < deadline:
                time.sleep(0.05)
            url = upload_url(client)
        document = big_document()
        read_before, _cpu = _proc(app.process.pid)
        with raw_upload(app, url, "stor.xml", document):
            deadline = time.monotonic() + 60
            while _proc(app.process.pid)[0] - read_before < len(document) and time.monotonic() < deadline:
                time.sleep(0.01)
            _read, cpu = _proc(app.process.pid)
            while _proc(app.process.pid)[1] - cpu < 0.3 and time.monotonic() < deadline:
                time.sleep(0.01)
            os.kill(app.process.pid, signal.SIGKILL)
            app.process.wait(timeout=10)
    finally:
        if app.process.poll() is None:
            stop_app(app)

    needles = [*NEEDLES, SAMPLE_CPR.encode(), SAMPLE_NAME.encode()]
    assert _files_with_patient_data(data, needles) == []
    assert any(p.parent.name == "backups" for p in data.rglob("*") if p.is_file())  # the grep saw a backup
    assert _count(data) == 2  # the submitted one and the imported one; the killed import stored nothing

    again = start_app(data)  # the next start opens the folder as it was
    try:
        with httpx.Client(base_url=again.base, cookies={f"seilocal_{again.port}": again.token}, timeout=60) as c:
            assert "Skema findes ikke" not in c.get("/skema/2").text
            assert "Skema findes ikke" in c.get("/skema/3").text
    finally:
        stop_app(again)
    assert _files_with_patient_data(data, needles) == []
