"""Migration 0002 on SQLite and PostgreSQL: a store made at 0001, holding data, upgrades and keeps it."""
from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, insert, inspect, select, text
from sqlalchemy.exc import IntegrityError

from yusuan.store.engine import downgrade, make_engine, migrate
from yusuan.store.schema import Acceptance, AmountRow, Document, User

NOW = datetime(2026, 12, 1, 9, 30)
KEY = "阳泉市民政局|2025|department|budget"


def document(n: int, version: int, key: str = KEY) -> dict:
    organisation, year, level, stage = key.split("|")
    return dict(sha256=f"{n:064d}", filename=f"v{n}.txt", format="txt", size=3, content=b"abc", uploaded_at=NOW,
                uploaded_by="张审核", publication_key=key, version=version, organisation=organisation, year=int(year),
                level=level, stage=stage, template="shanxi-13", disclosure_json="{}",
                report_json='{"findings": []}', errors=1, warnings=2, infos=3)


@pytest.fixture
def engine_at_0001(store_config, monkeypatch):
    monkeypatch.delenv("YUSUAN_DATABASE_URL", raising=False)
    engine = make_engine(store_config)
    migrate(engine, "0001")
    yield engine
    engine.dispose()


def fill_0001(engine) -> None:
    """What an 0001 store may hold: a publication two racing uploads both numbered 2, amounts, users."""
    with engine.begin() as conn:
        for n, version in ((1, 1), (2, 2), (3, 2), (4, 1)):
            conn.execute(insert(Document.__table__).values(document(n, version, KEY if n < 4 else "其他|2025|unit|budget")))
        conn.execute(insert(AmountRow.__table__).values(
            [dict(document_id=doc, table_id="t02", table_kind="income_summary", row_index=0, code="208",
                  label="社会保障和就业支出", column_key="total", value_text="1.47", unit="万元", yuan_fen=1470000,
                  line=10, page=None) for doc in (1, 2, 3, 4)]))
        conn.execute(insert(Acceptance.__table__).values(publication_key=KEY, fingerprint="f" * 16, rule="sum.total",
                                                         reason="已核实", accepted_by="张审核", accepted_at=NOW))
        conn.execute(insert(User.__table__).values(username="张审核", password_hash="scrypt$x", role="reviewer",
                                                   created_at=NOW))


def test_upgrading_a_0001_store_keeps_its_data_and_numbers_versions_once(engine_at_0001):
    engine = engine_at_0001
    fill_0001(engine)
    migrate(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0005"  # the head: 0002 (hardening), 0003 (organisation list), 0004 (publication keys), 0005 (deletions)
        versions = conn.execute(select(Document.id, Document.version).order_by(Document.id)).all()
        assert [tuple(v) for v in versions] == [(1, 1), (2, 2), (3, 3), (4, 1)]  # the duplicate 2 became 3
        # nothing lost: rebuilding `documents` on SQLite must not cascade into amounts
        assert conn.execute(select(func.count()).select_from(AmountRow.__table__)).scalar() == 4
        assert conn.execute(select(Document.content, Document.errors).where(Document.id == 3)).first() == (b"abc", 1)
        assert conn.execute(select(Acceptance.reason)).scalar() == "已核实"
        assert conn.execute(select(User.username)).scalar() == "张审核"
    uniques = {tuple(u["column_names"]) for u in inspect(engine).get_unique_constraints("documents")}
    assert ("publication_key", "version") in uniques
    assert "web_sessions" in inspect(engine).get_table_names()
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(insert(Document.__table__).values(document(5, 3)))


def test_after_the_upgrade_sqlite_never_reuses_a_document_id(engine_at_0001):
    engine = engine_at_0001
    fill_0001(engine)
    migrate(engine)
    with engine.begin() as conn:
        conn.execute(Document.__table__.delete().where(Document.id == 4))
        new_id = conn.execute(insert(Document.__table__).values(document(5, 4))).inserted_primary_key[0]
    assert new_id == 5


def test_the_upgrade_is_idempotent_and_leaves_foreign_keys_on(engine_at_0001):
    engine = engine_at_0001
    fill_0001(engine)
    migrate(engine)
    migrate(engine)
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    with engine.begin() as conn:
        conn.execute(Document.__table__.delete().where(Document.id == 1))
    with engine.connect() as conn:  # deleting a document still takes its amounts with it
        assert conn.execute(select(func.count()).select_from(AmountRow.__table__)).scalar() == 3


def test_downgrade_to_0001_keeps_the_documents_and_their_amounts(engine_at_0001):
    engine = engine_at_0001
    fill_0001(engine)
    migrate(engine)
    downgrade(engine, "0001")
    assert "web_sessions" not in inspect(engine).get_table_names()
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Document.__table__)).scalar() == 4
        assert conn.execute(select(func.count()).select_from(AmountRow.__table__)).scalar() == 4


def test_the_migrations_build_exactly_the_schema_the_models_describe(store):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from yusuan.store.schema import Base

    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
