"""Users and passwords: scrypt (memory-hard, in the standard library), constant-time comparison."""
from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import select

from ..errors import InputError
from .schema import User

ROLES = ("reviewer", "viewer")
_N, _R, _P = 2**14, 8, 1  # OWASP's scrypt minimum (N=2^17 is stronger but slow for tests)


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(password.encode("utf-8", "surrogatepass"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        got = hashlib.scrypt(password.encode("utf-8", "surrogatepass"), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                             dklen=len(base64.b64decode(digest)))
        return hmac.compare_digest(got, base64.b64decode(digest))
    except (ValueError, TypeError):
        return False


@dataclass(frozen=True)
class UserInfo:
    username: str
    role: str


def add_user(store, username: str, password: str, role: str = "reviewer") -> UserInfo:
    if role not in ROLES:
        raise InputError(f"角色必须是 {' 或 '.join(ROLES)}。")
    if len(password) < 8:
        raise InputError("密码至少需要 8 个字符。")
    if not valid_username(username):
        raise InputError("用户名须为 1–100 个可显示的字符（不含控制字符）。")
    with store.sessions.begin() as s:
        if s.scalar(select(User).where(User.username == username)):
            raise InputError(f"用户“{username}”已存在。")
        s.add(User(username=username, password_hash=hash_password(password), role=role,
                   created_at=datetime.now(timezone.utc).replace(tzinfo=None)))
    return UserInfo(username, role)


def valid_username(username: str) -> bool:
    """Printable and short: NUL and control characters never reach the database (PostgreSQL refuses NUL)."""
    return 0 < len(username) <= 100 and username.isprintable()


def authenticate(store, username: str, password: str) -> UserInfo | None:
    if not valid_username(username):
        hash_password(password)  # same work as for a real user name
        return None
    with store.sessions() as s:
        u = s.scalar(select(User).where(User.username == username))
        if u is None:
            hash_password(password)  # same work either way: no timing hint that the user exists
            return None
        return UserInfo(u.username, u.role) if verify_password(password, u.password_hash) else None
