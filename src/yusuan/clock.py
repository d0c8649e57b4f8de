"""Times as users read them: 北京时间 (UTC+8, no daylight saving), whatever the server's zone.

Stored times stay in UTC; only what is shown is turned into Beijing time. A fixed offset needs no
time-zone database (Windows machines in a government network often have none).
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

BEIJING = timezone(timedelta(hours=8), "北京时间")


def beijing(moment: datetime | None = None) -> str:
    """``2026-12-05 16:09（北京时间）``; a naive time is taken as UTC (as the store keeps it)."""
    moment = moment or datetime.now(timezone.utc)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return f"{moment.astimezone(BEIJING):%Y-%m-%d %H:%M}（北京时间）"
