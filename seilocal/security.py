"""The security gate in front of every route: loopback Host, per-launch token cookie, same-origin WebSockets.

A plain ASGI middleware (not Starlette's BaseHTTPMiddleware) so it also guards WebSocket handshakes and
the Socket.IO app that NiceGUI mounts. It also checks the socket's owner (Linux), caps request bodies and
puts the hardening headers (CSP with script nonces, no framing) on every response; docs/security.md.
"""

from __future__ import annotations

import logging
import re
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode

from seilocal.peer_user import is_own_user

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

TOKEN_PARAM = "token"
LOOPBACK_NAMES = ("127.0.0.1", "localhost")

_REFUSED_PAGE = """<!doctype html><html lang="da"><head><meta charset="utf-8"><title>SEI-LPR lokal</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto">
<h1>Adgang nægtet</h1>
<p>SEI-LPR lokal åbnes kun fra programmet selv. Start programmet (eller dobbeltklik på det igen): det åbner
browseren med den rigtige adresse. Står programmet allerede og kører, så brug den adresse, det viste, da det
startede.</p></body></html>"""

_FOREIGN_HOST_PAGE = """<!doctype html><html lang="da"><head><meta charset="utf-8"><title>SEI-LPR lokal</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto">
<h1>Forkert adresse</h1><p>SEI-LPR lokal svarer kun på adressen 127.0.0.1 eller localhost på denne computer.</p>
</body></html>"""


# NiceGUI's own versioned JavaScript and CSS: no user data, so they skip the (slower) socket-owner check.
_PUBLIC_ASSET = re.compile(r"/_nicegui/\d+\.\d+\.\d+/(static|libraries|components|esm)/")
_HARDENING_NAMES = {b"content-security-policy", b"x-frame-options", b"x-content-type-options", b"referrer-policy"}
_SCRIPT_TAG = re.compile(rb"<script(?=[\s>])", re.IGNORECASE)


# The largest request body: a code-list upload (SKScomplete.txt is about 30 MB, a full SOR extract more).
MAX_BODY_BYTES = 200 * 1024 * 1024

_TOO_LARGE_PAGE = """<!doctype html><html lang="da"><head><meta charset="utf-8"><title>SEI-LPR lokal</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto"><h1>Filen er for stor</h1>
<p>SEI-LPR lokal modtager højst 200 MB ad gangen.</p></body></html>"""


def _body_allowed(headers: dict[str, str]) -> bool:
    """A POST must say its length (browsers always do), and stay under MAX_BODY_BYTES; h11 holds it to it."""
    length = headers.get("content-length", "")
    return length.isdigit() and int(length) <= MAX_BODY_BYTES and "transfer-encoding" not in headers


def content_security_policy(port: int, nonce: str | None) -> str:
    """The page's CSP: scripts only from the app itself, no connection to any other server, never framed.

    NiceGUI 3 needs 'unsafe-eval' (Vue compiles its templates and dynamic props in the browser) and inline
    styles; its inline <script> blocks get a per-response nonce instead of 'unsafe-inline', so an injected
    `onerror=` attribute or <script> does not run even if a value ever escaped unescaped.
    """
    scripts = "'self' 'unsafe-eval'" + (f" 'nonce-{nonce}'" if nonce else "")
    sockets = " ".join(f"ws://{host}:{port}" for host in LOOPBACK_NAMES)
    return (f"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; "
            f"img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' {sockets}; "
            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def hardening_headers(port: int, nonce: str | None) -> list[tuple[bytes, bytes]]:
    """The headers every HTTP response carries."""
    return [
        (b"content-security-policy", content_security_policy(port, nonce).encode("latin-1")),
        (b"x-frame-options", b"DENY"),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
    ]


def add_nonce(html: bytes, nonce: str) -> bytes:
    """Give every <script> tag of a page the nonce (NiceGUI escapes `<` in user values, so all tags are its own)."""
    return _SCRIPT_TAG.sub(b'<script nonce="' + nonce.encode("ascii") + b'"', html)


def same_secret(given: str, token: str) -> bool:
    """Constant-time comparison that also takes non-ASCII input (compare_digest raises TypeError on such str)."""
    return secrets.compare_digest(given.encode("utf-8", "surrogatepass"), token.encode("utf-8"))


_OTHER_USER_PAGE = """<!doctype html><html lang="da"><head><meta charset="utf-8"><title>SEI-LPR lokal</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto"><h1>Adgang nægtet</h1>
<p>SEI-LPR lokal svarer kun programmer, der kører som den bruger, der startede det.</p></body></html>"""


# What a browser says of where a request comes from (Fetch Metadata): "same-origin" from the app's own pages,
# "none" from the address bar, a bookmark or the program opening its URL. Another port of 127.0.0.1 is
# "same-site" (cookies do not separate ports), another web site "cross-site".
OWN_SITES = ("same-origin", "none")


def from_own_pages(headers: Any) -> bool:
    """Whether a request comes from the app's own pages or the user's own navigation (not another page's <img>).

    A client that sends no Sec-Fetch-Site is not a current browser (a script holding the token): it counts.
    """
    site = headers.get("sec-fetch-site")
    return site is None or site.lower() in OWN_SITES


def new_token() -> str:
    """A fresh random token for one launch."""
    return secrets.token_urlsafe(32)


def cookie_name(port: int) -> str:
    """Cookies do not separate ports, so two instances on one machine need their own cookie names."""
    return f"seilocal_{port}"


def local_path(path: str) -> str:
    """A redirect target that stays on this server: one leading slash, and every character a header may hold.

    `//evil.example/` (or `/\\evil.example/`) is another site to a browser, and a CR LF decoded from `%0d%0a`
    would end the header (h11 refuses it with a traceback and drops the connection), issue 22.
    """
    return "/" + quote(path.lstrip("/\\"), safe="/:@!$&'()*+,;=-._~")


class SecurityGate:
    """Refuse foreign Hosts and Origins, and any request without the launch token (URL once, then cookie)."""

    def __init__(self, app: ASGIApp, *, port: int, token: str, check_peer: bool = True) -> None:
        self.app = app
        self.port = port
        self.token = token
        self.allowed_hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
        self.allowed_origins = {f"http://{host}" for host in self.allowed_hosts}
        self.cookie = cookie_name(port)
        self.check_peer = check_peer

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        if kind not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        if kind == "http":
            # Every answer, refusals included, carries the hardening headers (HEAD: no body to give nonces).
            send = self._with_headers(send, nonces=scope.get("method") != "HEAD")
        if self.check_peer and not _PUBLIC_ASSET.match(scope.get("path", "")) and not is_own_user(
                scope.get("client"), scope.get("server")):
            # Another user's program, even one holding the token (docs/security.md, issue 11 finding 4).
            await self._refuse(scope, receive, send, 403, _OTHER_USER_PAGE)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if headers.get("host", "") not in self.allowed_hosts:
            await self._refuse(scope, receive, send, 403, _FOREIGN_HOST_PAGE)
            return
        origin = headers.get("origin")
        if origin is not None and origin not in self.allowed_origins:
            await self._refuse(scope, receive, send, 403, _FOREIGN_HOST_PAGE)
            return
        if kind == "http" and self._token_in_query(scope):
            # Even with the cookie: a URL holding the token never reaches the app (nor its log lines).
            await self._accept_token(scope, send)
            return
        if self._has_cookie(headers.get("cookie", "")):
            if kind == "http" and scope.get("method") == "POST" and not _body_allowed(headers):
                await self._refuse(scope, receive, send, 413, _TOO_LARGE_PAGE)
                return
            await self.app(scope, receive, send)
            return
        await self._refuse(scope, receive, send, 401, _REFUSED_PAGE)

    def _with_headers(self, send: Send, nonces: bool = True) -> Send:
        """Add the browser's hardening headers to every HTTP response and a fresh nonce to an HTML page's scripts."""
        nonce = secrets.token_urlsafe(18)
        held: list[Message] = []

        async def send_hardened(message: Message) -> None:
            if message["type"] == "http.response.start":
                raw = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _HARDENING_NAMES]
                names = {k.lower(): v.lower() for k, v in raw}
                # gzip sits outside this gate; a body already encoded could not be given nonces (never seen)
                is_html = (nonces and names.get(b"content-type", b"").startswith(b"text/html")
                           and b"content-encoding" not in names)
                message = {**message, "headers": raw + hardening_headers(self.port, nonce if is_html else None)}
                if is_html:
                    held.append(message)  # sent with the body, once its length with the nonces is known
                    return
                await send(message)
                return
            if message["type"] == "http.response.body" and held:
                held.append(message)
                if message.get("more_body", False):
                    return
                start, body = held[0], b"".join(m.get("body", b"") for m in held[1:])
                held.clear()
                body = add_nonce(body, nonce)
                start["headers"] = [(k, v) for k, v in start["headers"] if k.lower() != b"content-length"]
                start["headers"].append((b"content-length", str(len(body)).encode()))
                await send(start)
                await send({"type": "http.response.body", "body": body})
                return
            await send(message)

        return send_hardened

    def _has_cookie(self, raw: str) -> bool:
        cookies = SimpleCookie()
        try:
            cookies.load(raw)
        except Exception:  # a malformed Cookie header is simply no token
            return False
        morsel = cookies.get(self.cookie)
        return morsel is not None and same_secret(morsel.value, self.token)

    def _token_in_query(self, scope: Scope) -> bool:
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        given = query.get(TOKEN_PARAM)
        return given is not None and same_secret(given, self.token)

    async def _accept_token(self, scope: Scope, send: Send) -> None:
        """Set the cookie and redirect to the same page without the token, so it leaves the address bar."""
        rest = [(k, v) for k, v in parse_qsl(scope.get("query_string", b"").decode("latin-1")) if k != TOKEN_PARAM]
        location = local_path(scope.get("path", "/")) + (f"?{urlencode(rest)}" if rest else "")
        cookie = f"{self.cookie}={self.token}; Path=/; HttpOnly; SameSite=Strict"
        await send({
            "type": "http.response.start",
            "status": 303,
            "headers": [
                (b"location", location.encode("latin-1")),
                (b"set-cookie", cookie.encode("latin-1")),
                (b"cache-control", b"no-store"),
                (b"content-length", b"0"),
            ],
        })
        await send({"type": "http.response.body", "body": b""})

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, status: int, page: str) -> None:
        if scope["type"] == "websocket":
            await receive()  # the websocket.connect message
            await send({"type": "websocket.close", "code": 1008})
            return
        body = page.encode("utf-8")
        await send({
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/html; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"cache-control", b"no-store"),
            ],
        })
        await send({"type": "http.response.body", "body": body})


_URL_QUERY = re.compile(r"(https?://[^\s?#]+)[?#]\S*")


class NoQueryInLog(logging.Filter):
    """Cut the query off every URL in a log line (NiceGUI logs `<url> not found` in full): no token in a log."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = _URL_QUERY.sub(r"\1", message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def install_log_filter() -> None:
    """Put `NoQueryInLog` on the loggers that write request URLs."""
    for name in ("nicegui", "uvicorn", "uvicorn.error", "uvicorn.access", "fastapi", "starlette"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, NoQueryInLog) for f in logger.filters):
            logger.addFilter(NoQueryInLog())
