"""Shared fixtures: the corpus documents bundled in samples/."""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

# A rule raising a finding under another id, or more severe than its catalog entry declares, fails
# the test that runs it (audit/runner.py reports it as a warning outside the tests).
os.environ.setdefault("YUSUAN_STRICT_RULES", "1")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
REFERENCE = SAMPLES / "yangquan-civil-affairs-2025-dept-budget.txt"
PDFS = sorted((SAMPLES / "pdf").glob("*.pdf"))


@pytest.fixture(scope="session")
def reference_path() -> Path:
    return REFERENCE


@pytest.fixture(scope="session")
def reference_raw():
    from yusuan.sources.detect import read_source

    return read_source(REFERENCE)


@pytest.fixture(scope="session")
def reference(reference_raw):
    """The reference disclosure, parsed once per test session."""
    from yusuan.recognize.pipeline import recognize

    return recognize(reference_raw)


@pytest.fixture(scope="session")
def jiangsu_docs():
    """Every bundled Jiangsu file read once: {short name (``cppcc-office-2018-tables``): Disclosure}."""
    from jiangsu_files import JIANGSU_FILES

    from yusuan.ingest import read_disclosure

    return {name: read_disclosure(p) for name, p in JIANGSU_FILES.items()}


# -- store backends: the same tests run on SQLite and on this machine's PostgreSQL ----------------


PG_ADMIN_URL = os.environ.get("YUSUAN_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def _pg_database():
    """Create a throw-away database; yields its URL; drops it afterwards."""
    from sqlalchemy import create_engine, text

    name = f"yusuan_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as c:
            c.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # noqa: BLE001
        admin.dispose()
        if os.environ.get("CI"):
            raise  # CI has PostgreSQL: a failure to reach it is a failure, not a skip
        pytest.skip(f"PostgreSQL not reachable: {exc}")
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_config(request, tmp_path):
    from yusuan.store import StoreConfig

    if request.param == "sqlite":
        yield StoreConfig(data_dir=tmp_path / "data", database_url=None)
        return
    gen = _pg_database()
    url = next(gen)
    yield StoreConfig(data_dir=tmp_path / "data", database_url=url)
    for _ in gen:
        pass


@pytest.fixture
def store(store_config, monkeypatch):
    from yusuan.store import open_store

    monkeypatch.delenv("YUSUAN_DATABASE_URL", raising=False)
    s = open_store(store_config)
    yield s
    s.engine.dispose()
