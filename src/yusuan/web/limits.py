"""Bounds on what one request may send, enforced before and while its body is read.

Every request body is capped: a form or JSON body at `body_bytes`, an upload (the routes in
UPLOAD_ROUTES) at `upload_files` files of at most the store's per-file limit and at
`upload_bytes` in all. A body that announces more (Content-Length) is refused with a 413 before
one byte of it is read; one that sends more than it announced, or more than the cap without
announcing, is cut off at the cap. A body that stalls (slow-loris) is cut off after
`body_idle_seconds` without a byte, or `body_seconds` in all.
"""
from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import ApiError, _respond

UPLOAD_ROUTES = frozenset({"/api/documents", "/upload", "/orgs/upload", "/orgs/list", "/catalogue/import"})
KB, MB = 1024, 1024 * 1024


@dataclass(frozen=True)
class RequestLimits:
    """body_bytes / fields: any form or JSON body; upload_files / upload_bytes: one upload request
    (each file also within the store's max_upload_bytes); the body timeouts in seconds."""

    body_bytes: int = 512 * KB
    fields: int = 1000
    upload_files: int = 20
    upload_bytes: int = 200 * MB
    body_idle_seconds: float = 30.0
    body_seconds: float = 120.0
    upload_seconds: float = 900.0


def is_upload(scope: Scope) -> bool:
    return scope.get("method") == "POST" and scope.get("path") in UPLOAD_ROUTES


def cap_of(scope: Scope, limits: RequestLimits) -> int:
    return limits.upload_bytes if is_upload(scope) else limits.body_bytes


def size_text(n: int) -> str:
    return f"{n // MB} MB" if n >= MB else f"{max(1, n // KB)} KB"


def too_large(cap: int) -> ApiError:
    return ApiError(413, f"请求内容过大，上限为 {size_text(cap)}。", "request.too_large", {"limit_bytes": cap})


class BodyLimit:
    """ASGI middleware: refuses an announced oversize body at once, cuts off one that grows past its
    cap or stalls. The refusal is an ApiError, so it has the one error shape."""

    def __init__(self, app: ASGIApp, limits: RequestLimits) -> None:
        self.app, self.limits = app, limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cap = cap_of(scope, self.limits)
        announced = dict(scope.get("headers") or ()).get(b"content-length", b"")
        if announced.strip().isdigit() and int(announced) > cap:
            request = Request(scope)
            exc = too_large(cap)
            await _respond(request, exc.status, exc.code, exc.message, exc.detail)(scope, receive, send)
            return
        await self.app(scope, self._guarded(scope, receive, cap), send)

    def _guarded(self, scope: Scope, receive: Receive, cap: int) -> Receive:
        limits = self.limits
        deadline = time.monotonic() + (limits.upload_seconds if is_upload(scope) else limits.body_seconds)
        state = {"seen": 0, "done": False}

        async def guarded() -> Message:
            if state["done"]:  # the body is in: later calls only wait for a disconnect
                return await receive()
            wait = min(limits.body_idle_seconds, deadline - time.monotonic())
            try:
                message = await asyncio.wait_for(receive(), timeout=max(wait, 0.001))
            except asyncio.TimeoutError:
                raise ApiError(408, "请求内容发送过慢，已中止。", "request.timeout") from None
            if message["type"] == "http.request":
                state["seen"] += len(message.get("body", b""))
                state["done"] = not message.get("more_body", False)
                if state["seen"] > cap:
                    raise too_large(cap)
            else:
                state["done"] = True
            return message

        return guarded
