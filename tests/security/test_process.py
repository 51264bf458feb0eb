"""The app process under misuse (issue 11, finding 5): odd tokens, taken ports, SIGTERM, URLs in the log."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys

import httpx
import pytest

from tests.support.app import start_app, stop_app


@pytest.fixture(scope="module")
def running_app(tmp_path_factory):
    app = start_app(tmp_path_factory.mktemp("process") / "data")
    yield app
    stop_app(app)


def test_a_non_ascii_token_or_cookie_is_refused_with_401(running_app):
    assert httpx.get(f"{running_app.base}/?token=%C3%A6%C3%B8%C3%A5").status_code == 401
    assert httpx.get(f"{running_app.base}/?token=%ED%A0%80").status_code == 401  # a lone surrogate
    cookie = f"seilocal_{running_app.port}=".encode() + "æøå".encode("latin-1")
    response = httpx.get(running_app.base + "/", headers=[(b"cookie", cookie)])
    assert response.status_code == 401
    response = httpx.get(running_app.base + "/", headers=[(b"cookie", cookie + "ø".encode())])
    assert response.status_code == 401
    assert "Traceback" not in running_app.log.read_text()


def test_a_url_with_the_token_never_reaches_the_app(running_app):
    cookies = {f"seilocal_{running_app.port}": running_app.token}
    with httpx.Client(base_url=running_app.base, cookies=cookies) as client:
        with_token = client.get(f"/nope-one?token={running_app.token}&q=0101801235")
        assert with_token.status_code == 303  # answered by the gate, even with a valid cookie
        assert running_app.token not in with_token.headers["location"]
        assert "q=0101801235" in with_token.headers["location"]  # the rest of the address is kept
        assert client.get("/nope-two?q=0101801235&name=Testesen").status_code == 404
    log = running_app.log.read_text()
    assert "0101801235" not in log and "Testesen" not in log
    assert running_app.token not in log.replace(running_app.url, "")


def test_the_log_filter_cuts_query_strings_off_urls(caplog):
    """NiceGUI's own 404 handler logs `<full url> not found` (the app's Danish 404 page now answers first;
    the filter stays for every other line that names a URL)."""
    import logging

    from seilocal.security import install_log_filter

    install_log_filter()
    caplog.set_level(logging.DEBUG)
    logging.getLogger("nicegui").warning("%s not found", "http://127.0.0.1:8123/nope?token=SECRET&q=0101801235")
    logging.getLogger("uvicorn.error").error("GET http://127.0.0.1:8123/skema/1#x?token=SECRET failed")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "http://127.0.0.1:8123/nope not found" in logged
    assert "SECRET" not in logged and "0101801235" not in logged


def _fake_browser(tmp_path):
    opened = tmp_path / "browser-opened"
    script = tmp_path / "browser.sh"
    script.write_text(f'#!/bin/sh\necho "$@" > "{opened}"\n')
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script), opened


@pytest.mark.skipif(os.name != "posix", reason="a shell script stands in for the browser")
def test_a_taken_port_is_named_and_no_token_is_printed_or_opened(tmp_path):
    browser, opened = _fake_browser(tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTEST_CURRENT_TEST", "SEILOCAL_DATA_DIR")}
    env["BROWSER"] = browser
    with socket.socket() as other:  # another program listening on the port
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "seilocal", "--port", str(port),
                               "--data-dir", str(tmp_path / "data")],
                              capture_output=True, text=True, timeout=60, env=env)
    output = done.stdout + done.stderr
    assert done.returncode == 3, output
    assert f"port {port}" in output and "already in use" in output
    assert "token" not in output and "running at" not in output
    assert not opened.exists()
    assert not (tmp_path / "data" / "instance.json").exists()


def test_sigterm_removes_the_published_url(tmp_path):
    app = start_app(tmp_path / "data")
    info = app.data_dir / "instance.json"
    assert info.exists()
    app.process.terminate()  # SIGTERM, as a service manager or `kill` sends it
    app.process.wait(timeout=20)
    assert not info.exists()
    stop_app(app)
