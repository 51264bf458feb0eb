"""The token cookie reaches every 127.0.0.1 port (issue 11, finding 4): a caught token is useless to other users."""

from __future__ import annotations

import os
import socket
import struct
import sys

import pytest

from seilocal import peer_user
from tests.support.app import start_app, stop_app

linux_only = pytest.mark.skipif(not peer_user.supported(), reason="the socket owner is read from Linux's /proc")

HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"


def _v4(ip: str, port: int) -> str:
    return f"{struct.unpack('=I', socket.inet_aton(ip))[0]:08X}:{port:04X}"


def test_owner_is_read_from_the_matching_line_only(tmp_path):
    table = tmp_path / "tcp"
    server, client = ("127.0.0.1", 8123), ("127.0.0.1", 50000)
    table.write_text(HEADER + "".join(
        f"   {i}: {local} {remote} 01 00000000:00000000 00:00000000 00000000  {uid}        0 {1000 + i} 1\n"
        for i, (local, remote, uid) in enumerate([
            (_v4(*server), _v4(*client), 1000),          # the server's end: not the client's owner
            (_v4("127.0.0.1", 50001), _v4(*server), 1001),  # another connection
            (_v4(*client), _v4(*server), 1002),          # the client's end: this one
        ])))
    assert peer_user.owner_of(client, server, {4: table, 6: table}) == 1002
    assert peer_user.owner_of(("127.0.0.1", 50002), server, {4: table, 6: table}) == peer_user.UNKNOWN
    assert peer_user.owner_of(("not an ip", 1), server, {4: table, 6: table}) == peer_user.UNKNOWN


@linux_only
def test_a_real_loopback_connection_is_owned_by_this_user():
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        with socket.create_connection(listener.getsockname()) as client:
            accepted, _ = listener.accept()
            with accepted:
                assert peer_user.owner_of(client.getsockname(), listener.getsockname()) == os.getuid()
                assert peer_user.is_own_user(client.getsockname(), listener.getsockname())


@pytest.fixture(scope="module")
def running_app(tmp_path_factory):
    app = start_app(tmp_path_factory.mktemp("peer") / "data")
    yield app
    stop_app(app)


def _status_as(uid: int | None, app) -> str:
    """The status line of GET / with the right token cookie, sent by a process running as `uid`."""
    request = (f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{app.port}\r\nCookie: seilocal_{app.port}={app.token}\r\n"
               "Connection: close\r\n\r\n").encode()
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        try:
            os.close(read_end)
            if uid is not None:
                os.setgid(uid)
                os.setuid(uid)
            with socket.create_connection(("127.0.0.1", app.port), timeout=10) as sock:
                sock.sendall(request)
                line = sock.recv(200).split(b"\r\n", 1)[0]
            os.write(write_end, line)
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        line = pipe.read().decode("latin-1")
    os.waitpid(child, 0)
    return line


@linux_only
@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to act as another user")
def test_another_user_with_the_right_token_is_refused(running_app):
    assert " 200 " in _status_as(None, running_app)
    assert " 403 " in _status_as(65534, running_app)  # nobody: the token alone is not enough


@linux_only
def test_checking_the_owner_costs_little(running_app):
    import time

    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        with socket.create_connection(listener.getsockname()) as client:
            start = time.perf_counter()
            for _ in range(200):
                peer_user.is_own_user(client.getsockname(), listener.getsockname())
            per_call = (time.perf_counter() - start) / 200
    print(f"BENCH peer_user_check seconds_per_call={per_call:.6f}", file=sys.stderr)
    assert per_call < 0.05
