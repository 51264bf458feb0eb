"""A large LPR3 document (about 30 MB, just under the element bound) and a raw upload of it to a running app."""

from __future__ import annotations

import re
import socket
from pathlib import Path

from tests.support.app import RunningApp
from tests.support.env import SHARED

SAMPLE = SHARED / "lpr3" / "cda-examples" / "EpisodeOfCare.xml"
SAMPLE_CPR, SAMPLE_NAME = "08119675AG1", "Jakob Soort-Nielsen"


def big_document(mb: int = 30) -> bytes:
    """The official sample with `mb` MB of elements no reader looks at (under the element bound), read in seconds."""
    data = SAMPLE.read_bytes()
    count = 440_000  # under MAX_ELEMENTS (500,000) with the sample's own
    text = b"x" * max(1, (mb * 1024 * 1024) // count - len(b"<pad></pad>"))
    padding = b"<pad>" + text + b"</pad>"
    end = data.rindex(b"</ClinicalDocument>")
    return data[:end] + b"<padding>" + padding * count + b"</padding>" + data[end:]


def upload_url(client) -> str:
    """The forms list's upload route (its »Importér« dialog), from the page's HTML."""
    page = client.get("/")
    assert page.status_code == 200
    match = re.search(r"/_nicegui/client/[0-9a-f-]+/upload/\d+", page.text)
    assert match, "no upload element on the forms list"
    return match.group(0)


def raw_upload(app: RunningApp, url: str, name: str, content: bytes, *, send: int | None = None) -> socket.socket:
    """Send an upload over a raw socket (the first `send` bytes of the file only, when given); the open socket."""
    head = (f'--x\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n").encode()
    tail = b"\r\n--x--\r\n"
    request = (f"POST {url} HTTP/1.1\r\nHost: 127.0.0.1:{app.port}\r\n"
               f"Cookie: seilocal_{app.port}={app.token}\r\nOrigin: {app.base}\r\n"
               "Content-Type: multipart/form-data; boundary=x\r\n"
               f"Content-Length: {len(head) + len(content) + len(tail)}\r\n\r\n").encode()
    sock = socket.create_connection(("127.0.0.1", app.port), timeout=60)
    body = head + content + tail if send is None else head + content[:send]
    sock.sendall(request + body)
    return sock


def imported(client, form_no: int = 1) -> bool:
    """The form exists (its page says »Skema findes ikke« while it does not)."""
    page = client.get(f"/skema/{form_no}")
    return page.status_code == 200 and "Skema findes ikke" not in page.text


def forms_stored(data_dir: Path) -> int:
    """How many forms the running app's database holds, read on a connection of this process (not the app's loop)."""
    from seilocal.settings import db_path
    from seilocal.store.db import open_connection

    db = open_connection(db_path(data_dir))
    try:
        return int(db.execute("SELECT count(*) FROM forms").fetchone()[0])
    finally:
        db.close()
