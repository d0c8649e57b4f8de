"""The store: documents, their disclosures, audit reports, acceptances and users (SQLAlchemy 2).

SQLite in the user's data directory by default; PostgreSQL with YUSUAN_DATABASE_URL. Money is
stored exactly: Decimal text with its unit, and integer 分 where the value has at most 2 places in 元.
SQLAlchemy is imported when the store is opened: a batch's workers use `store.amounts` alone.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .config import StoreConfig

if TYPE_CHECKING:
    from .engine import open_store

__all__ = ["StoreConfig", "open_store"]


def __getattr__(name: str):
    if name == "open_store":
        from .engine import open_store

        return open_store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
