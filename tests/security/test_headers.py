"""Browser hardening headers on every HTTP response (issue 11, findings 1 and 5): CSP, no framing, nonces."""

from __future__ import annotations

import re

import httpx
import pytest

from seilocal.pages.timeline import timeline_options
from seilocal.security import add_nonce, content_security_policy
from tests.support.app import start_app, stop_app
from tests.support.env import FIXED_NOW


@pytest.fixture(scope="module")
def running_app(tmp_path_factory):
    app = start_app(tmp_path_factory.mktemp("headers") / "data")
    yield app
    stop_app(app)


def _directives(policy: str) -> dict[str, list[str]]:
    parts = [p.split() for p in policy.split(";") if p.strip()]
    return {p[0]: p[1:] for p in parts}


def _responses(app):
    cookies = {f"seilocal_{app.port}": app.token}
    with httpx.Client(base_url=app.base, cookies=cookies) as client:
        yield "page", client.get("/")
        yield "static", client.get("/_nicegui/3.18.0/static/nicegui.js")
        yield "missing", client.get("/nope")
        yield "form page", client.get("/skema/1")
        yield "head", client.head("/")
    yield "token redirect", httpx.get(app.url)
    yield "no token", httpx.get(app.base + "/")
    yield "foreign host", httpx.get(app.base + "/", headers={"Host": "evil.example"})


def test_every_response_forbids_framing_and_foreign_connections(running_app):
    seen = []
    for what, response in _responses(running_app):
        seen.append((what, response.status_code))
        assert response.headers.get("x-frame-options") == "DENY", what
        assert response.headers.get("x-content-type-options") == "nosniff", what
        policy = _directives(response.headers["content-security-policy"])
        assert policy["frame-ancestors"] == ["'none'"], what
        assert policy["connect-src"][0] == "'self'", what
        assert all(src == "'self'" or src.startswith(("ws://127.0.0.1:", "ws://localhost:"))
                   for src in policy["connect-src"]), what
        assert "'unsafe-inline'" not in policy["script-src"], what
        assert policy["object-src"] == ["'none'"], what
    assert {status for _, status in seen} >= {200, 303, 401, 403, 404}, seen


def test_every_script_of_a_page_carries_the_nonce_of_its_policy(running_app):
    cookies = {f"seilocal_{running_app.port}": running_app.token}
    with httpx.Client(base_url=running_app.base, cookies=cookies) as client:
        first, second = client.get("/"), client.get("/")
    nonce = re.search(r"'nonce-([^']+)'", first.headers["content-security-policy"]).group(1)
    tags = re.findall(r"<script[^>]*>", first.text, flags=re.IGNORECASE)
    assert len(tags) >= 5
    assert all(f'nonce="{nonce}"' in tag for tag in tags), tags
    assert nonce not in second.headers["content-security-policy"]  # fresh for every response


def test_add_nonce_touches_script_tags_only():
    html = b'<script>a</script><SCRIPT type="module">b</SCRIPT><scripts><noscript>'
    assert add_nonce(html, "N") == (b'<script nonce="N">a</script><script nonce="N" type="module">b</SCRIPT>'
                                    b"<scripts><noscript>")
    assert "'nonce-N'" in content_security_policy(8000, "N")


def test_timeline_tooltips_hold_codes_as_escaped_text():
    from seilocal.model import Form
    from seilocal.model.form import Marker, Procedure

    form = Form()
    form.markers.append(Marker(code="<img src=x onerror=alert(1)>", time="2026-11-02T10:00:00"))
    form.procedures.append(Procedure(code="a&b\"'", start="2026-11-03T10:00:00"))
    options = timeline_options(form, FIXED_NOW)
    labels = [item["label"] for series in options["series"] for item in series["data"]]
    assert any("&lt;img src=x onerror=alert(1)&gt;" in label for label in labels), labels
    assert any("a&amp;b&quot;&#x27;" in label for label in labels), labels
    assert not any("<" in label for label in labels)
