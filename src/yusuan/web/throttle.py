"""Login throttling: after too many failed logins for one user name, or from one address, within a
window, further attempts are refused (429) until the oldest failure leaves the window.

Both the login form and HTTP Basic count. The check comes before the password is verified, so a
locked account cannot be probed even with the right password. A successful login clears the
user's failures; the address keeps its own count (else one valid account would reset an
attacker's address). Counts live in the server's memory — `yusuan serve` is one process — and
start afresh when it restarts. X-Forwarded-For is not believed (anyone can send it) unless
`yusuan serve --trusted-proxy` names the proxy it comes from (web/serving.py).
"""
from __future__ import annotations

import math
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Callable

from fastapi import Request

from .errors import ApiError

MAX_KEYS = 100_000  # bound on the memory a spray of invented user names can take


@dataclass(frozen=True)
class LoginLimits:
    """per_user / per_address: failed logins allowed within window_seconds (0 turns a limit off)."""

    per_user: int = 5
    per_address: int = 20
    window_seconds: int = 15 * 60

    def __post_init__(self) -> None:
        if min(self.per_user, self.per_address) < 0 or self.window_seconds <= 0:
            raise ValueError("login limits must be non-negative and the window positive")


class LoginThrottle:
    def __init__(self, limits: LoginLimits, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits, self._clock = limits, clock
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def _keys(self, username: str, address: str) -> list[tuple[tuple[str, str], int]]:
        return [(("user", username.casefold()), self.limits.per_user), (("address", address), self.limits.per_address)]

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        times = self._failures.get(key, deque())
        while times and times[0] <= now - self.limits.window_seconds:
            times.popleft()
        return times

    def retry_after(self, username: str, address: str) -> int:
        """Seconds until this user may try again from this address; 0 if now."""
        now = self._clock()
        wait = 0.0
        with self._lock:
            for key, limit in self._keys(username, address):
                times = self._recent(key, now)
                if limit and len(times) >= limit:
                    wait = max(wait, times[len(times) - limit] + self.limits.window_seconds - now)
        return math.ceil(wait)

    def failed(self, username: str, address: str) -> None:
        now = self._clock()
        with self._lock:
            if len(self._failures) >= MAX_KEYS:
                self._prune(now)
            for key, _ in self._keys(username, address):
                self._failures[key] = self._recent(key, now)
                self._failures[key].append(now)

    def succeeded(self, username: str) -> None:
        with self._lock:
            self._failures.pop(("user", username.casefold()), None)

    def _prune(self, now: float) -> None:
        for key in list(self._failures):
            if not self._recent(key, now):
                del self._failures[key]
        while len(self._failures) >= MAX_KEYS:  # all still recent: forget the oldest
            del self._failures[next(iter(self._failures))]


def client_address(request: Request) -> str:
    return request.client.host if request.client else ""


def throttled_message(seconds: int) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    return f"登录失败次数过多，已暂时锁定。请在 {minutes} 分钟后再试，或联系管理员。"


def check_login_allowed(request: Request, username: str) -> None:
    """Raise 429 (the one error shape, with retry_after seconds in detail) if logins are throttled."""
    wait = request.app.state.throttle.retry_after(username, client_address(request))
    if wait:
        raise ApiError(429, throttled_message(wait), "auth.throttled", {"retry_after": wait})


def attempt_login(request: Request, username: str, password: str):
    """Check a user name and password, counting failures; 429 while throttled. UserInfo or None."""
    from ..store.users import authenticate

    check_login_allowed(request, username)
    info = authenticate(request.app.state.store, username, password)
    if info is None:
        request.app.state.throttle.failed(username, client_address(request))
    else:
        request.app.state.throttle.succeeded(username)
    return info
