"""Where the store lives and what it accepts."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def default_data_dir() -> Path:
    env = os.environ.get("YUSUAN_DATA_DIR")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("yusuan", appauthor=False))


@dataclass(frozen=True)
class StoreConfig:
    """data_dir: the only folder the store writes files in; database_url: SQLAlchemy URL
    (default: SQLite file ``yusuan.db`` in data_dir); max_upload_bytes / max_pages: upload limits."""

    data_dir: Path = field(default_factory=default_data_dir)
    database_url: str | None = None
    max_upload_bytes: int = 50 * 1024 * 1024
    max_pages: int = 300

    @property
    def url(self) -> str:
        url = self.database_url or os.environ.get("YUSUAN_DATABASE_URL")
        return url or f"sqlite:///{(self.data_dir / 'yusuan.db').as_posix()}"
