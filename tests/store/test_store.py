"""The store on both backends: idempotent ingest, versions, exact money, nothing half-written."""
from decimal import Decimal

import pytest
from sqlalchemy import func, inspect, select

from yusuan.errors import InputError
from yusuan.store.schema import AmountRow, Document


@pytest.fixture(scope="module")
def reference_bytes(reference_path):
    return reference_path.read_bytes()


def count(store, model) -> int:
    with store.sessions() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_ingest_stores_the_file_its_disclosure_and_amounts(store, reference_bytes):
    doc = store.ingest("阳泉市民政局.txt", reference_bytes)
    assert doc.created and doc.version == 1
    assert doc.organisation == "阳泉市民政局" and doc.year == 2025 and doc.template == "shanxi-13"
    name, content = store.content(doc.id)
    assert content == reference_bytes  # the original kept byte for byte
    d = store.disclosure(doc.id)
    assert d.meta.organisation == "阳泉市民政局" and len(d.tables) >= 13


def test_reingesting_the_same_file_is_idempotent(store, reference_bytes):
    first = store.ingest("a.txt", reference_bytes)
    again = store.ingest("renamed.txt", reference_bytes)
    assert again.id == first.id and not again.created
    assert count(store, Document) == 1


def test_a_changed_file_of_the_same_publication_is_a_new_version(store, reference_bytes):
    first = store.ingest("a.txt", reference_bytes)
    changed = reference_bytes.replace("市殡仪馆办公设施购置".encode(), "市殡仪馆办公设备购置".encode())
    second = store.ingest("a-修订.txt", changed)
    assert second.version == 2 and second.publication_key == first.publication_key
    assert [v.version for v in store.versions(first.id)] == [1, 2]


def test_money_is_stored_exactly_never_as_float(store, reference_bytes):
    doc = store.ingest("a.txt", reference_bytes)
    with store.sessions() as s:
        row = s.scalar(select(AmountRow).where(AmountRow.document_id == doc.id, AmountRow.code == "2013299",
                                               AmountRow.table_kind == "income_summary", AmountRow.column_key == "total"))
    assert row.value_text == "1.47" and row.unit == "万元" and row.yuan_fen == 1470000
    assert Decimal(row.value_text) == Decimal("1.47")
    cols = {c["name"]: c["type"] for c in inspect(store.engine).get_columns("amounts")}
    assert "FLOAT" not in str(cols["value_text"]).upper() and "INT" in str(cols["yuan_fen"]).upper()


def test_every_amount_is_stored_once_and_leaves_with_its_document(store, reference_bytes):
    from yusuan.store.amounts import amount_rows

    doc = store.ingest("a.txt", reference_bytes)
    expected = amount_rows(store.disclosure(doc.id))
    with store.sessions() as s:
        stored = s.execute(select(AmountRow.table_id, AmountRow.row_index, AmountRow.column_key, AmountRow.value_text,
                                  AmountRow.unit, AmountRow.yuan_fen, AmountRow.line)
                           .where(AmountRow.document_id == doc.id)).all()
    assert len(expected) > 500
    assert sorted(map(tuple, stored)) == sorted((r["table_id"], r["row_index"], r["column_key"], r["value_text"],
                                                  r["unit"], r["yuan_fen"], r["line"]) for r in expected)
    assert store.delete(doc.id)
    assert count(store, AmountRow) == 0  # the database's cascade, not one ORM delete per row


def test_bad_upload_stores_nothing(store):
    with pytest.raises(InputError):
        store.ingest("empty.txt", b"")
    with pytest.raises(InputError):
        store.ingest("notes.txt", "会议纪要\n".encode())
    assert count(store, Document) == 0 and count(store, AmountRow) == 0


def test_upload_limit(store):
    from dataclasses import replace

    store.config = replace(store.config, max_upload_bytes=10)
    with pytest.raises(InputError, match="文件过大"):
        store.ingest("big.txt", b"x" * 11)


def test_failure_half_way_leaves_nothing_half_written(store, reference_bytes, monkeypatch):
    import yusuan.store.repository as repo

    def boom(d):
        raise RuntimeError("disk full while flattening amounts")

    monkeypatch.setattr(repo, "amount_rows", boom)
    with pytest.raises(RuntimeError):
        store.ingest("a.txt", reference_bytes)
    assert count(store, Document) == 0 and count(store, AmountRow) == 0


def test_list_filters(store, reference_bytes):
    store.ingest("a.txt", reference_bytes)
    assert [d.organisation for d in store.list(search="民政")] == ["阳泉市民政局"]
    assert store.list(year=2024) == []
    assert len(store.list(level="department", template="shanxi-13")) == 1


def test_users_and_passwords(store):
    from yusuan.store.users import add_user, authenticate

    add_user(store, "张审核", "correct horse", "reviewer")
    assert authenticate(store, "张审核", "correct horse").role == "reviewer"
    assert authenticate(store, "张审核", "wrong password") is None
    assert authenticate(store, "nobody", "correct horse") is None
    with pytest.raises(InputError):
        add_user(store, "张审核", "another one", "reviewer")
    with pytest.raises(InputError):
        add_user(store, "x", "short", "viewer")
