"""Security headers on every response: a Content-Security-Policy (scripts only from this server, or
inline with this response's nonce), no framing, no content sniffing.

Each request gets a fresh nonce (`request.state.csp_nonce`, and `csp_nonce` in every template); an
inline <script> without it does not run, so markup injected into a page cannot run script.
"""
from __future__ import annotations

import secrets

from starlette.types import ASGIApp, Message, Receive, Scope, Send

POLICY = ("default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
          "form-action 'self'; frame-ancestors 'none'")


def csp_nonce(request) -> dict:
    """Template context: the nonce of this response's inline scripts."""
    return {"csp_nonce": request.state.csp_nonce}


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        nonce = secrets.token_urlsafe(16)
        scope.setdefault("state", {})["csp_nonce"] = nonce

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", ()) if k.lower() not in HEADER_NAMES]
                message = dict(message, headers=headers + [
                    (b"content-security-policy", POLICY.format(nonce=nonce).encode()),
                    (b"x-frame-options", b"DENY"), (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"same-origin")])
            await send(message)

        await self.app(scope, receive, send_with_headers)


HEADER_NAMES = {b"content-security-policy", b"x-frame-options", b"x-content-type-options", b"referrer-policy"}
