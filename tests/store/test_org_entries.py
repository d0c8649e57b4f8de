"""Migration 0003 (the organisation list) on SQLite and PostgreSQL: the schema it makes is the
model's, it goes down cleanly, and a list saved is the list loaded."""
from __future__ import annotations

from sqlalchemy import inspect

from yusuan.orgs import parse_rows
from yusuan.store.orgs import load_tree, save_tree


def test_migrations_make_the_models_schema(store):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from yusuan.store.org_schema import OrgEntry
    from yusuan.store.schema import Base

    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert [d for d in diff if "org_entries" in str(d)] == []
    assert "org_entries" in inspect(store.engine).get_table_names() and OrgEntry.__tablename__ == "org_entries"


def test_0003_goes_down_and_up_again(store):
    from alembic import command

    from yusuan.store.engine import alembic_config, migrate

    cfg = alembic_config()
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    assert "org_entries" not in inspect(store.engine).get_table_names()
    migrate(store.engine)
    assert "org_entries" in inspect(store.engine).get_table_names()


def test_a_saved_list_loads_back_in_its_order_and_replaces_the_old_one(store):
    assert load_tree(store) is None
    first = parse_rows([["部门", "单位"], ["乙局", ""], ["甲局", "甲局所属中心"]])
    save_tree(store, first)
    assert load_tree(store) == first
    second = parse_rows([["部门"], ["丙局"]])
    save_tree(store, second)
    assert load_tree(store) == second
