"""Issue 22 item 6: a restart on the same port works at once, although the last run's connections are in
TIME_WAIT; a port another program listens on is still refused."""

from __future__ import annotations

import socket

from seilocal.app import find_free_port
from tests.support.app import start_app, stop_app


def _served_and_closed(port: int) -> None:
    """One request the server closes first (Connection: close): its side of the connection waits in TIME_WAIT."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
        while sock.recv(65536):
            pass


def test_a_restart_on_the_same_port_works_at_once(tmp_path):
    port = find_free_port()
    data = tmp_path / "data"
    first = start_app(data, "--port", str(port))
    _served_and_closed(port)
    stop_app(first)
    second = start_app(data, "--port", str(port))  # within the minute of TIME_WAIT
    try:
        assert second.port == port
    finally:
        stop_app(second)


def test_a_port_another_program_listens_on_is_still_refused(tmp_path):
    import subprocess
    import sys

    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "seilocal", "--no-browser", "--data-dir", str(tmp_path / "d"),
                               "--port", str(port)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 3 and "already in use" in done.stderr
