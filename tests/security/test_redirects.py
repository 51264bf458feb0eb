"""Issue 22 item 6: the token's redirect stays on this server and survives any path (`//evil.example`, CR LF)."""

from __future__ import annotations

import socket

import pytest

from seilocal.security import local_path


@pytest.mark.parametrize(("path", "expected"), [
    ("/", "/"),
    ("/skema/3", "/skema/3"),
    ("//evil.example/", "/evil.example/"),
    ("///evil.example", "/evil.example"),
    ("/\\evil.example/", "/evil.example/"),
    ("/a\r\nSet-Cookie: x=1", "/a%0D%0ASet-Cookie:%20x=1"),
    ("/æ", "/%C3%A6"),
    ("/%0d", "/%250d"),
])
def test_a_redirect_target_is_a_path_on_this_server(path, expected):
    assert local_path(path) == expected


def _raw_get(app, target: str, cookie: bool = False) -> bytes:
    lines = [f"GET {target} HTTP/1.1", f"Host: 127.0.0.1:{app.port}", "Connection: close"]
    if cookie:
        lines.append(f"Cookie: seilocal_{app.port}={app.token}")
    with socket.create_connection(("127.0.0.1", app.port), timeout=10) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
        return answer


def test_the_running_app_answers_such_paths_with_a_local_redirect(running_app):
    app = running_app
    answer = _raw_get(app, f"//evil.example/?token={app.token}")
    assert answer.startswith(b"HTTP/1.1 303 ")
    location = next(line for line in answer.split(b"\r\n") if line.lower().startswith(b"location:"))
    assert location == b"location: /evil.example/"
    for cookie in (False, True):
        answer = _raw_get(app, f"/a%0d%0aSet-Cookie:%20x=1?token={app.token}", cookie=cookie)
        assert answer.startswith(b"HTTP/1.1 303 "), answer[:200]  # answered, not a dropped connection
        assert b"\r\nSet-Cookie: x=1" not in answer
    answer = _raw_get(app, "/a%0d%0aSet-Cookie:%20x=1", cookie=True)
    assert answer.startswith(b"HTTP/1.1 "), answer[:200]
    assert b"\r\nSet-Cookie: x=1" not in answer
    assert "Traceback" not in app.log.read_text()
