"""Server-side login sessions: a signed cookie alone is not enough, the store must still know it.

The browser's cookie carries a random token; the store keeps its SHA-256 (a copy of the database
gives no one a working cookie). Logging out deletes the row, so a copied cookie stops working at
once; so does deleting the user. Expired rows are removed whenever someone logs in.
"""
from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta, timezone

from sqlalchemy import delete, select

from .schema import User, WebSession
from .users import UserInfo


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def open_session(store, username: str, *, lifetime: timedelta) -> str:
    """Start a session for a user who just proved who they are; returns the token for the cookie."""
    token = secrets.token_urlsafe(32)
    now = _now()
    with store.sessions.begin() as s:
        s.execute(delete(WebSession).where(WebSession.expires_at < now))
        s.add(WebSession(token_hash=_digest(token), username=username, created_at=now, expires_at=now + lifetime))
    return token


def session_user(store, token: str) -> UserInfo | None:
    """The user of a live session with this token (their current role), or None."""
    if not token or not token.isascii() or not token.isprintable():
        return None
    with store.sessions() as s:
        row = s.execute(
            select(User.username, User.role).join(WebSession, WebSession.username == User.username)
            .where(WebSession.token_hash == _digest(token), WebSession.expires_at > _now())
        ).first()
    return UserInfo(row.username, row.role) if row else None


def close_session(store, token: str) -> None:
    """Revoke a session (logout): the cookie that carries this token no longer signs anyone in."""
    if token:
        with store.sessions.begin() as s:
            s.execute(delete(WebSession).where(WebSession.token_hash == _digest(token)))
