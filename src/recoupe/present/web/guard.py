"""What stands between the network and the pages: the Host check (against DNS rebinding) and the security headers
set on every response, errors and refusals included. Both are plain ASGI middleware (no per-request task)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

RETRY_AFTER = 5  # seconds a client is told to wait when a build holds the store
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
ANY_ADDRESS = ("0.0.0.0", "::", "")  # addresses to listen on, not names a browser sends


def security_headers(csp: str) -> dict[str, str]:
    return {"Content-Security-Policy": csp, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
            "X-Frame-Options": "DENY", "Cross-Origin-Resource-Policy": "same-origin"}


def allowed_hosts(hosts: Iterable[str] | None) -> frozenset[str]:
    """The host names to answer to: the local names, and those given (a bound address, a name on the network).
    "*" allows any (for a server behind a proxy that checks the name itself)."""
    out = set(LOCAL_HOSTS)
    for h in hosts or ():
        h = h.strip().lower().strip("[]")
        if h and h not in ANY_ADDRESS:
            out.add(h)
    return frozenset(out)


def host_name(header: str) -> str:
    """The name in a Host header, without its port: "example.org:8000" -> "example.org", "[::1]:8000" -> "::1"."""
    h = header.strip().lower()
    if h.startswith("["):
        return h[1:h.find("]")] if "]" in h else ""
    if h.count(":") == 1:
        h = h.split(":", 1)[0]
    return h.rstrip(".")


class HostCheck:
    """Refuse (400, one clear line) a request whose Host is not one of the allowed names: a page of another site
    whose name was made to resolve to 127.0.0.1 (DNS rebinding) sends its own name, and is refused."""

    def __init__(self, app: Any, allowed: frozenset[str]) -> None:
        self.app, self.allowed = app, allowed

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket") or "*" in self.allowed:
            await self.app(scope, receive, send)
            return
        raw = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
        name = host_name(raw)
        if name in self.allowed:
            await self.app(scope, receive, send)
            return
        shown = "".join(c if c.isprintable() and c.isascii() else "?" for c in raw)[:100]
        message = (f"host {shown!r} is not served here (allowed: {', '.join(sorted(self.allowed))}); "
                   f"start recoupe serve with --allowed-host NAME to answer to another name")
        if scope["type"] != "http":
            await send({"type": "websocket.close", "code": 1008})
            return
        if scope.get("path", "").startswith("/api/"):
            body, media = json.dumps({"error": {"status": 400, "message": message}}).encode(), b"application/json"
        else:
            body, media = (message + "\n").encode(), b"text/plain; charset=utf-8"
        await send({"type": "http.response.start", "status": 400,
                    "headers": [(b"content-type", media), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """Set the security headers on every response that passes through (the server-error handler sets them too)."""

    def __init__(self, app: Any, headers: dict[str, str]) -> None:
        self.app = app
        self.headers = [(k.lower().encode(), v.encode()) for k, v in headers.items()]
        self.names = {k for k, _ in self.headers}

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def sending(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in self.names]
                message = {**message, "headers": kept + self.headers}
            await send(message)

        await self.app(scope, receive, sending)
