"""Who is asking, and may they: signed sessions revocable server-side, roles, CSRF tokens.

Open mode (the default, one local user): everyone is the local reviewer. With auth on, uploads,
acceptances and deletions need a reviewer login. A browser session's cookie carries a token the
store must still know (store/sessions.py): logging out revokes it.

CSRF: a browser sends `Origin`, `Sec-Fetch-Site` or `Referer` with a POST/PUT/DELETE; a request from
another site is refused. A browser request from our own pages that carries the session cookie must
also carry the session's CSRF token (form field `csrf_token` or header `X-CSRF-Token`); a session
without a token (a junk or expired cookie) is refused before the body is read, and an upload's
body is read for its token only once the sender is known to be a reviewer. A request
without any of these browser headers comes from a program (curl, requests, a script), not from a
page a user was lured to: it needs no token even if it kept the cookie of a page it fetched. With
auth on, programs sign in with HTTP Basic on every request.
"""
from __future__ import annotations

import base64
import hmac
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import Request

from ..store.sessions import session_user
from .errors import ApiError
from .forms import read_form
from .limits import is_upload
from .throttle import attempt_login

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
    return attempt_login(request, username, password)


def principal(request: Request) -> Principal:
    """Who sends this request (worked out once per request)."""
    if not request.app.state.config.auth:
        return Principal(LOCAL, "reviewer")
    cached = getattr(request.state, "principal", None)
    if cached is None:
        info = session_user(request.app.state.store, request.session.get("sid", "")) or _basic(request)
        cached = Principal(info.username, info.role) if info else Principal("", "anonymous")
        request.state.principal = cached
    return cached


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _from_browser_page(request: Request) -> bool:
    """True for a request a browser sends from a page (ours or another site's); refuses other sites'.
    Browsers mark such requests with Origin and Sec-Fetch-Site (old ones only with Referer)."""
    ours = _origin_of(str(request.base_url))
    origin, referer = request.headers.get("origin"), request.headers.get("referer")
    site = request.headers.get("sec-fetch-site")
    if (origin and _origin_of(origin) != ours) or (referer and _origin_of(referer) != ours) \
            or site in ("cross-site", "same-site"):
        raise ApiError(403, "跨站请求被拒绝（来源不符）。", "auth.csrf")
    return bool(origin or referer) or site in ("same-origin", "none")


async def check_csrf(request: Request) -> None:
    """Refuse a state-changing request from another site, and a browser session's without its token."""
    if request.method in SAFE_METHODS:
        return
    if not _from_browser_page(request) or request.app.state.config.session_cookie not in request.cookies:
        return
    expected = request.session.get("csrf", "")
    sent = request.headers.get("x-csrf-token", "")
    if expected and not sent and "form" in request.headers.get("content-type", ""):
        # the token is in the body: an upload's body is read only for someone who may upload
        if is_upload(request.scope):
            require_reviewer(request)
        sent = str((await read_form(request)).get("csrf_token", ""))
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
