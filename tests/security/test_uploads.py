"""Uploads (issue 11, finding 5): over 1 MB they stay out of the system temp folder; oversized bodies are refused."""

from __future__ import annotations

import os
import re
import socket

import httpx
import pytest

from seilocal.security import MAX_BODY_BYTES
from tests.support.app import start_app, stop_app

# Installed in the app process through PYTHONPATH: records every file the process opens or creates in the
# folder that TMPDIR names (Python's audit hooks see os.open, open and tempfile's own events).
_SITECUSTOMIZE = '''
import os, sys
_watched = os.environ.get("SEILOCAL_TEST_WATCH")
_log = os.environ.get("SEILOCAL_TEST_WATCH_LOG")
def _hook(event, args):
    if event in ("open", "os.open", "tempfile.mkstemp", "tempfile.mkdtemp") and args:
        path = str(args[0])
        if _watched and path.startswith(_watched):
            with open(_log, "a") as handle:
                handle.write(f"{event} {path}\\n")
if _watched and _log:
    sys.addaudithook(_hook)
'''


@pytest.fixture
def watched_app(tmp_path, monkeypatch):
    """The app with TMPDIR pointing at a watched folder, and a log of what the app opens there."""
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(_SITECUSTOMIZE)
    system_temp = tmp_path / "system-temp"
    system_temp.mkdir()
    watch_log = tmp_path / "opened-in-system-temp.log"
    # The hook first, then what PYTHONPATH named (the worktree under test): the app runs the code under test.
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(p for p in (str(hook), os.environ.get("PYTHONPATH")) if p))
    monkeypatch.setenv("TMPDIR", str(system_temp))
    monkeypatch.setenv("SEILOCAL_TEST_WATCH", str(system_temp))
    monkeypatch.setenv("SEILOCAL_TEST_WATCH_LOG", str(watch_log))
    app = start_app(tmp_path / "data")
    yield app, watch_log
    stop_app(app)


def _upload_url(client: httpx.Client) -> str:
    page = client.get("/indstillinger")
    assert page.status_code == 200
    match = re.search(r"/_nicegui/client/[0-9a-f-]+/upload/\d+", page.text)
    assert match, "no upload element on the settings page"
    return match.group(0)


def test_a_large_upload_never_touches_the_system_temp_folder(watched_app):
    app, watch_log = watched_app
    cookies = {f"seilocal_{app.port}": app.token}
    with httpx.Client(base_url=app.base, cookies=cookies, timeout=60) as client:
        url = _upload_url(client)
        big = b"x" * (3 * 1024 * 1024)  # over the 1 MB where Starlette and NiceGUI spill to disk
        response = client.post(url, files={"file": ("SKScomplete.txt", big, "text/plain")},
                               headers={"Origin": app.base})
    assert response.status_code == 200, response.text
    assert response.json() == {"upload": "success"}
    opened = watch_log.read_text() if watch_log.exists() else ""
    assert opened == "", f"the app wrote into the system temp folder:\n{opened}"
    assert (app.data_dir / "tmp").is_dir()


def _raw_post(app, headers: list[str]) -> str:
    lines = ["POST /_nicegui/client/0f2d3c4b-0000-4000-8000-000000000000/upload/7 HTTP/1.1",
             f"Host: 127.0.0.1:{app.port}", f"Cookie: seilocal_{app.port}={app.token}",
             "Content-Type: multipart/form-data; boundary=x", *headers]
    with socket.create_connection(("127.0.0.1", app.port), timeout=10) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        return sock.recv(200).decode("latin-1").split("\r\n", 1)[0]


def test_a_body_over_the_limit_or_of_unknown_length_is_refused_unread(running_app):
    assert " 413 " in _raw_post(running_app, [f"Content-Length: {MAX_BODY_BYTES + 1}"])
    assert " 413 " in _raw_post(running_app, ["Transfer-Encoding: chunked"])


def test_the_form_import_refuses_a_body_over_its_limit_before_reading_it(running_app):
    """The forms list's upload keeps a file in memory, so it takes no more than an LPR3 document's 32 MB."""
    from seilocal.export.cda.parse import MAX_BYTES
    from tests.support.big_import import upload_url

    cookies = {f"seilocal_{running_app.port}": running_app.token}
    with httpx.Client(base_url=running_app.base, cookies=cookies, timeout=30) as client:
        url = upload_url(client)
    lines = [f"POST {url} HTTP/1.1", f"Host: 127.0.0.1:{running_app.port}",
             f"Cookie: seilocal_{running_app.port}={running_app.token}",
             "Content-Type: multipart/form-data; boundary=x", f"Content-Length: {MAX_BYTES + 1024 * 1024}"]
    with socket.create_connection(("127.0.0.1", running_app.port), timeout=10) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())  # and not one byte of the body
        assert " 413 " in sock.recv(200).decode("latin-1").split("\r\n", 1)[0]
