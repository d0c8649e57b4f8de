"""Who is asking, and may they: signed sessions, roles, CSRF tokens.

Open mode (the default, one local user): everyone is the local reviewer. With auth on, uploads,
acceptances and deletions need a reviewer login. A request that carries the session cookie and
changes something must carry the session's CSRF token (form field or X-CSRF-Token header); API
clients without a cookie authenticate with HTTP Basic and need no token.
"""
from __future__ import annotations

import base64
import hmac
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from fastapi import Request

from ..store.users import authenticate
from .errors import ApiError

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
LOCAL = "本机用户"


@dataclass(frozen=True)
class Principal:
    username: str
    role: str  # reviewer | viewer | anonymous

    @property
    def can_write(self) -> bool:
        return self.role == "reviewer"


def session_secret(data_dir: Path) -> str:
    """A per-installation signing key kept in the data directory (created once, mode 600)."""
    path = data_dir / "session.key"
    if path.exists():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(key)
    return key


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(24)
        request.session["csrf"] = token
    return token


def _basic(request: Request):
    header = request.headers.get("authorization", "")
    if not header.lower().startswith("basic "):
        return None
    try:
        username, _, password = base64.b64decode(header[6:]).decode().partition(":")
    except (ValueError, UnicodeDecodeError):
        return None
    return authenticate(request.app.state.store, username, password)


def principal(request: Request) -> Principal:
    if not request.app.state.config.auth:
        return Principal(LOCAL, "reviewer")
    user = request.session.get("user")
    if user:
        return Principal(user["username"], user["role"])
    info = _basic(request)
    if info:
        return Principal(info.username, info.role)
    return Principal("", "anonymous")


async def check_csrf(request: Request) -> None:
    """Refuse a state-changing request from a browser session without the session's token."""
    if request.method in SAFE_METHODS:
        return
    origin = request.headers.get("origin")
    if origin and origin.rstrip("/") != str(request.base_url).rstrip("/"):
        raise ApiError(403, "跨站请求被拒绝（来源不符）。", "auth.csrf")
    if request.app.state.config.session_cookie not in request.cookies:
        return
    expected = request.session.get("csrf", "")
    sent = request.headers.get("x-csrf-token", "")
    if not sent and "form" in request.headers.get("content-type", ""):
        form = await request.form()
        sent = str(form.get("csrf_token", ""))
    if not expected or not hmac.compare_digest(expected, sent):
        raise ApiError(403, "表单已过期或缺少安全令牌，请刷新页面后重试。", "auth.csrf")


def require_reviewer(request: Request) -> Principal:
    who = principal(request)
    if who.role == "anonymous":
        raise ApiError(401, "请先登录。", "auth.required")
    if not who.can_write:
        raise ApiError(403, "只有审核人员可以执行此操作。", "auth.forbidden")
    return who


def require_reader(request: Request) -> Principal:
    """Reading is open in open mode; with auth on, any logged-in user may read."""
    who = principal(request)
    if request.app.state.config.auth and who.role == "anonymous":
        raise ApiError(401, "请先登录。", "auth.required")
    return who
