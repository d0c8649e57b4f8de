"""The store: documents, their disclosures, audit reports, acceptances and users (SQLAlchemy 2).

SQLite in the user's data directory by default; PostgreSQL with YUSUAN_DATABASE_URL. Money is
stored exactly: Decimal text with its unit, and integer 分 where the value has at most 2 places in 元.
"""
from .config import StoreConfig
from .engine import open_store

__all__ = ["StoreConfig", "open_store"]
