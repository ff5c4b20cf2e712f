"""The workbench's guards, as one ASGI middleware in front of every route:

- the token (when set): every request carries it (cookie, ``Authorization: Bearer`` or,
  once, ``?token=``), compared in constant time;
- the Host header is one the server is meant to be reached by (DNS rebinding);
- every POST: the Origin (or Referer) is this server; form posts carry the CSRF token;
  API posts are JSON (so no other site can send them without a CORS preflight);
- request bodies are limited in size, also when sent in chunks;
- every response carries the CSP (no inline script or style, nothing from elsewhere)
  and the usual security headers.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from compliance.web.settings import Settings

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    # not no-referrer: with it Chrome sends "Origin: null" on the editor's form posts
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]
COOKIE = "wb_token"
CSRF_FIELD = "_csrf"
CSRF_HEADER = b"x-csrf-token"


# headers whose meaning a second copy would change (the dict above keeps only the last)
SINGLE_HEADERS = frozenset({b"host", b"origin", b"referer", b"content-type", b"content-length",
                            b"authorization", b"x-csrf-token"})


class Guard:
    def __init__(self, app: Any, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        self.hosts = settings.hosts()
        self._token = settings.token.encode() if settings.token else None
        self._cookie = (hashlib.sha256(b"wb-cookie" + self._token).hexdigest()
                        if self._token else None)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        raw = [(k.lower(), v) for k, v in scope.get("headers", [])]
        headers = dict(raw)
        twice = sorted({k for k, _ in raw if k in SINGLE_HEADERS and sum(1 for n, _ in raw if n == k) > 1})
        if twice:  # which one counts would differ between a proxy and this server: neither does
            await _plain(send, 400, f"header {twice[0].decode('latin-1')} given more than once")
            return
        host = headers.get(b"host", b"").decode("latin-1")
        if self.hosts and _hostname(host) not in self.hosts:
            await _plain(send, 400, "unexpected Host header")
            return
        if self._token is not None:
            redirect = self._token_redirect(scope)
            if redirect is not None:
                await send({"type": "http.response.start", "status": 303, "headers": [
                    (b"location", redirect.encode()),
                    (b"set-cookie", f"{COOKIE}={self._cookie}; HttpOnly; SameSite=Strict; Path=/"
                     .encode()), *HEADERS]})
                await send({"type": "http.response.body", "body": b""})
                return
            if not self._authorised(headers):
                await _plain(send, 401, "this workbench needs its token: open the address "
                                        "printed by `compliance serve`")
                return
        if scope["method"] not in ("GET", "HEAD", "POST"):
            await _plain(send, 405, "method not allowed")
            return
        if scope["method"] == "POST":
            problem = self._post_problem(scope, headers, host)
            if problem:
                await _json(send, 403, problem)
                return
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.settings.max_body):
            await _json(send, 413, f"request body over {self.settings.max_body} bytes")
            return
        if scope["method"] == "POST":
            # Read the whole (small) body first, so a chunked upload over the limit is
            # refused before any route parses it.
            chunks: list[bytes] = []
            size = 0
            more = True
            while more:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
                if size > self.settings.max_body:
                    await _json(send, 413, f"request body over {self.settings.max_body} bytes")
                    return
                more = message.get("more_body", False)
            body = b"".join(chunks)
            sent = False

            async def replay() -> dict[str, Any]:
                nonlocal sent
                if sent:
                    return await receive()
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}

            receive = replay

        async def secured(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [h for h in HEADERS if h[0] not in names]
                if b"cache-control" not in names:
                    extra.append((b"cache-control", b"no-store"))
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, secured)

    def _token_redirect(self, scope: dict[str, Any]) -> str | None:
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        given = query.get("token")
        if not given or not self._token or scope["method"] != "GET":
            return None
        if not hmac.compare_digest(given[-1].encode(), self._token):
            return None
        rest = {k: v for k, v in query.items() if k != "token"}
        # a path of this server only: "//host/x" or "/\\host" would leave it (open redirect)
        path = "/" + str(scope.get("path", "/")).lstrip("/\\")
        return path + (f"?{urlencode(rest, doseq=True)}" if rest else "")

    def _authorised(self, headers: dict[bytes, bytes]) -> bool:
        assert self._token is not None and self._cookie is not None
        ok = False
        auth = headers.get(b"authorization", b"")
        if auth.lower().startswith(b"bearer "):
            ok |= hmac.compare_digest(auth[7:].strip(), self._token)
        for part in headers.get(b"cookie", b"").split(b";"):
            name, _, value = part.strip().partition(b"=")
            if name == COOKIE.encode():
                ok |= hmac.compare_digest(value, self._cookie.encode())
        return ok

    def _post_problem(self, scope: dict[str, Any], headers: dict[bytes, bytes], host: str) -> str | None:
        origin = headers.get(b"origin") or headers.get(b"referer")
        if origin is not None:
            parts = urlsplit(origin.decode("latin-1"))
            if parts.netloc != host:
                return "cross-origin request refused"
        elif not headers.get(CSRF_HEADER) and not scope["path"].startswith("/api/"):
            return "request without Origin refused"
        if scope["path"].startswith("/api/"):
            kind = headers.get(b"content-type", b"").split(b";")[0].strip()
            if kind != b"application/json":
                return "the API accepts JSON bodies only (Content-Type: application/json)"
        return None


def new_csrf_token() -> str:
    """One CSRF token per server process: there are no accounts, and another site cannot
    read a page of this one to learn it."""
    return secrets.token_urlsafe(32)


def csrf_ok(expected: str, value: str | None) -> bool:
    return bool(value) and hmac.compare_digest(value.encode(), expected.encode())  # type: ignore[union-attr]


def _hostname(host: str) -> str:
    if host.startswith("["):
        return host[: host.find("]") + 1]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


async def _plain(send: Any, status: int, text: str) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), *HEADERS]})
    await send({"type": "http.response.body", "body": text.encode()})


async def _json(send: Any, status: int, text: str) -> None:
    body = json.dumps({"errors": [{"file": "request", "line": 1, "column": 1, "problem": text,
                                   "fix": ""}]}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), *HEADERS]})
    await send({"type": "http.response.body", "body": body})
