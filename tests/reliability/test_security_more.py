"""Security beyond the gate tests: upload and download routes need the token; no patient data in logs or files."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from nicegui.testing import User

from seilocal.model import Form
from tests.support.app import start_app, stop_app

CPR, CPR_SHOWN, NAME = "0101801235", "010180-1235", "Testa Testesen"
SECRETS = (CPR, CPR_SHOWN, NAME, "Testesen")


@pytest.fixture(scope="module")
def running_app(tmp_path_factory):
    app = start_app(tmp_path_factory.mktemp("routes") / "data")
    yield app
    stop_app(app)


UPLOAD = "/_nicegui/client/{client}/upload/{element}"
ROUTES = [
    ("POST", UPLOAD.format(client="0f2d3c4b-0000-4000-8000-000000000000", element=7)),
    ("GET", "/_nicegui/auto/static/0123456789abcdef/skema-1.pdf"),
    ("GET", "/_nicegui/auto/media/0123456789abcdef/skema-1.pdf"),
]


@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_upload_and_download_routes_refuse_without_the_token(running_app, method, path):
    files = {"file": ("SKScomplete.txt", b"diaDZ000001 ...", "text/plain")} if method == "POST" else None
    response = httpx.request(method, running_app.base + path, files=files)
    assert response.status_code == 401
    assert "Adgang nægtet" in response.text


@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_upload_and_download_routes_refuse_a_foreign_origin_even_with_the_cookie(running_app, method, path):
    # A web page elsewhere could make the browser send the cookie along (cross-site request forgery).
    files = {"file": ("x.txt", b"x", "text/plain")} if method == "POST" else None
    cookies = {f"seilocal_{running_app.port}": running_app.token}
    with httpx.Client(cookies=cookies) as client:
        response = client.request(method, running_app.base + path, files=files,
                                  headers={"Origin": "http://evil.example"})
    assert response.status_code == 403


async def test_a_full_workflow_logs_no_patient_data(app_user: User, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    await app_user.open("/")
    app_user.find(marker="create-form").click()
    await app_user.should_see(marker="patient-cpr")
    app_user.find(marker="patient-cpr").type(CPR)
    app_user.find(marker="patient-name").type(NAME)
    app_user.find(marker="course-start").type("03-11-2026 09:30").trigger("blur")
    app_user.find(marker="course-end").type("04-11-2026 10:00").trigger("blur")
    app_user.find(marker="course-start-marker").trigger("inputValue", "AFV")
    await app_user.should_see(NAME, marker="header-name")
    await app_user.open("/")
    app_user.find(marker="forms-search").type(CPR[:6])
    await app_user.open("/skema/1")
    course = app_user.ctx.store.forms.load(1).form
    assert (course.patient.name, course.course.end) == (NAME, "2026-11-04T10:00:00")  # the workflow really ran
    assert caplog.records, "nothing was logged at all: the check would prove nothing"
    logged = "\n".join(f"{r.name} {r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
    for secret in SECRETS:
        assert secret not in logged


def _form_file(tmp_path: Path) -> Path:
    form = Form()
    form.patient.cpr = CPR
    form.patient.name = NAME
    path = tmp_path / "form.json"
    path.write_text(form.to_json(), encoding="utf-8")
    return path


def test_the_real_app_keeps_patient_data_out_of_its_log_and_files(tmp_path):
    data = tmp_path / "data"
    app = start_app(data)
    try:
        # A form is added while the app runs, then the app renders it (and the list) for a real HTTP client.
        imported = subprocess.run([sys.executable, "-m", "seilocal", "--data-dir", str(data), "import",
                                   str(_form_file(tmp_path))], capture_output=True, text=True, timeout=60)
        assert imported.returncode == 0, imported.stderr
        with httpx.Client(base_url=app.base, cookies={f"seilocal_{app.port}": app.token}) as client:
            page = client.get("/skema/1")
            assert page.status_code == 200
            assert client.get("/").status_code == 200
            assert client.get("/skema/999").status_code in (200, 404)
        assert NAME in page.text  # the page did show the patient: the log check below means something
    finally:
        stop_app(app)
    log = app.log.read_text(encoding="utf-8", errors="replace")
    assert "running at" in log
    for secret in SECRETS:
        assert secret not in log
    # Nothing outside the database holds patient data (NiceGUI storage, instance file, ...).
    database = {"seilocal.sqlite3", "seilocal.sqlite3-wal", "seilocal.sqlite3-shm"}
    for path in data.rglob("*"):
        if path.is_file() and path.name not in database and path.parent.name != "backups":
            content = path.read_bytes()
            for secret in SECRETS:
                assert secret.encode() not in content, f"{secret} found in {path}"
