"""The security baseline against the real app process: loopback only, token, Host, Origin, one instance."""

from __future__ import annotations

import base64
import os
import socket
import subprocess
import sys

import httpx
import pytest

from tests.support.app import start_app, stop_app


@pytest.fixture(scope="module")
def running_app(tmp_path_factory):
    """One app process for the whole module: these tests only read."""
    app = start_app(tmp_path_factory.mktemp("gate") / "data")
    yield app
    stop_app(app)


def _get(app, path="/", *, host=None, cookie=True, headers=None, follow=False):
    all_headers = dict(headers or {})
    if host:
        all_headers["Host"] = host
    cookies = {f"seilocal_{app.port}": app.token} if cookie else {}
    with httpx.Client(base_url=app.base, cookies=cookies, follow_redirects=follow) as client:
        return client.get(path, headers=all_headers)


def test_token_in_url_sets_cookie_and_redirects_away_from_the_token(running_app):
    response = httpx.get(running_app.url, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/"
    assert f"seilocal_{running_app.port}={running_app.token}" in response.headers["set-cookie"]
    assert "HttpOnly" in response.headers["set-cookie"]
    with httpx.Client(follow_redirects=True) as client:
        page = client.get(running_app.url)
        assert page.status_code == 200 and "SEI-LPR lokal" in page.text


def test_request_without_token_is_refused_with_a_danish_page(running_app):
    response = _get(running_app, cookie=False)
    assert response.status_code == 401
    assert "Adgang nægtet" in response.text


def test_wrong_token_is_refused(running_app):
    response = httpx.get(f"{running_app.base}/?token=guess")
    assert response.status_code == 401
    with httpx.Client(base_url=running_app.base, cookies={f"seilocal_{running_app.port}": "guess"}) as client:
        assert client.get("/").status_code == 401


@pytest.mark.parametrize("path", ["/", "/skema/1", "/_nicegui/3.18.0/static/quasar.umd.prod.js", "/nope",
                                  "/_nicegui_ws/socket.io/?EIO=4&transport=polling"])
def test_every_route_needs_the_token(running_app, path):
    assert _get(running_app, path, cookie=False).status_code == 401


@pytest.mark.parametrize("host", ["evil.example:{port}", "127.0.0.1:1", "192.168.1.2:{port}", "localhost"])
def test_foreign_host_is_refused_even_with_the_token(running_app, host):
    response = _get(running_app, host=host.format(port=running_app.port))
    assert response.status_code == 403


def test_localhost_host_is_accepted(running_app):
    assert _get(running_app, host=f"localhost:{running_app.port}").status_code == 200


def test_foreign_origin_is_refused_for_socketio_polling(running_app):
    path = "/_nicegui_ws/socket.io/?EIO=4&transport=polling"
    assert _get(running_app, path, headers={"Origin": "http://evil.example"}).status_code == 403
    assert _get(running_app, path, headers={"Origin": running_app.base}).status_code == 200


def _websocket_status(app, origin: str, with_cookie: bool = True) -> str:
    key = base64.b64encode(os.urandom(16)).decode()
    lines = [
        "GET /_nicegui_ws/socket.io/?EIO=4&transport=websocket HTTP/1.1",
        f"Host: 127.0.0.1:{app.port}",
        "Upgrade: websocket",
        "Connection: Upgrade",
        f"Sec-WebSocket-Key: {key}",
        "Sec-WebSocket-Version: 13",
        f"Origin: {origin}",
    ]
    if with_cookie:
        lines.append(f"Cookie: seilocal_{app.port}={app.token}")
    with socket.create_connection(("127.0.0.1", app.port), timeout=5) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        return sock.recv(200).decode("latin-1").split("\r\n", 1)[0]


def test_websocket_with_foreign_origin_is_refused(running_app):
    assert " 101 " in _websocket_status(running_app, running_app.base)
    assert " 101 " not in _websocket_status(running_app, "http://evil.example")
    assert " 101 " not in _websocket_status(running_app, running_app.base, with_cookie=False)


@pytest.mark.skipif(not os.path.exists("/proc/net/tcp"), reason="Linux only")
def test_server_listens_on_loopback_only(running_app):
    listening = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        with open(table) as handle:
            for line in handle.readlines()[1:]:
                local, state = line.split()[1], line.split()[3]
                address, port = local.rsplit(":", 1)
                if state == "0A" and int(port, 16) == running_app.port:
                    listening.append(address)
    assert listening == ["0100007F"]  # 127.0.0.1, and nothing on IPv6 or 0.0.0.0


def test_second_start_points_at_the_first_and_exits_zero(running_app):
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}
    result = subprocess.run(
        [sys.executable, "-m", "seilocal", "--no-browser", "--data-dir", str(running_app.data_dir)],
        capture_output=True, text=True, timeout=30, env=env,
    )
    assert result.returncode == 0
    assert running_app.url in result.stdout and "already running" in result.stdout


def test_no_patient_data_in_app_storage_or_log(running_app):
    with httpx.Client(base_url=running_app.base, cookies={f"seilocal_{running_app.port}": running_app.token}) as c:
        assert c.get("/").status_code == 200
    storage = running_app.data_dir / ".nicegui"
    for path in storage.rglob("*") if storage.exists() else []:
        if path.is_file():
            assert "0101801235" not in path.read_text(errors="ignore")
    assert running_app.token not in running_app.log.read_text().replace(running_app.url, "")


def test_a_refused_database_gets_a_danish_page_when_started_for_a_browser(tmp_path):
    """Double-clicked with a database it must refuse: the browser shows why (the file stays as it was)."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "seilocal.sqlite3").write_bytes(b"not a database")
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}
    env["BROWSER"] = "true"  # webbrowser.open runs `true` instead of a real browser
    log = tmp_path / "refused.log"
    with log.open("w") as handle:
        process = subprocess.Popen([sys.executable, "-m", "seilocal", "--data-dir", str(data)],
                                   stdout=handle, stderr=subprocess.STDOUT, env=env)
    try:
        import re
        import time

        url = None
        for _ in range(300):
            match = re.search(r"running at (\S+)", log.read_text())
            if match:
                url = match.group(1)
                break
            time.sleep(0.1)
        assert url, log.read_text()
        page = httpx.get(url, follow_redirects=True)
        assert "kan ikke åbne databasen" in page.text
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert (data / "seilocal.sqlite3").read_bytes() == b"not a database"
    assert "not an SQLite file" in log.read_text()
