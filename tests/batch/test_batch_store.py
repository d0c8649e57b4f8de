"""A batch's results into the store, on SQLite and PostgreSQL: the rows an upload of the same file
makes, once per content."""
from __future__ import annotations

from sqlalchemy import func, select

from yusuan.batch.run import BatchOptions, run_batch
from yusuan.batch.state import BatchState
from yusuan.batch.store import store_results
from yusuan.store.schema import AmountRow, Document


def test_batch_results_are_stored_like_uploads(store, corpus, tmp_path, reference_path):
    out = tmp_path / "out"
    summary = run_batch([corpus / "shanxi", corpus / "office", corpus / "bad"], BatchOptions(out=out, workers=2))
    stored = store_results(store, BatchState(out), list(summary.results))
    assert (stored.created, stored.existing) == (3, 0)  # the two unreadable files are not stored
    again = store_results(store, BatchState(out), list(summary.results))
    assert (again.created, again.existing) == (0, 3)
    batch_doc = store.find_by_hash(next(r.sha256 for r in summary.results if r.path.endswith("budget.txt")))
    with store.sessions() as s:
        batch_amounts = s.scalars(select(AmountRow.value_text).where(AmountRow.document_id == batch_doc.id)
                                  .order_by(AmountRow.id)).all()
    # The same file uploaded into a second store gives the same document and amounts.
    from yusuan.store import StoreConfig, open_store

    other = open_store(StoreConfig(data_dir=tmp_path / "other", database_url=None))
    up = other.ingest("ref.txt", reference_path.read_bytes())
    with other.sessions() as s:
        up_amounts = s.scalars(select(AmountRow.value_text).where(AmountRow.document_id == up.id)
                               .order_by(AmountRow.id)).all()
    other.engine.dispose()
    assert batch_amounts == up_amounts and len(batch_amounts) > 500
    assert (batch_doc.errors, batch_doc.warnings, batch_doc.organisation) == (up.errors, up.warnings, up.organisation)
    with store.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 3


def test_a_file_edited_after_the_batch_is_not_stored(store, corpus, tmp_path):
    out = tmp_path / "out"
    summary = run_batch([corpus / "shanxi"], BatchOptions(out=out, workers=1))
    ref = next((corpus / "shanxi").glob("*.txt"))
    ref.write_bytes(ref.read_bytes() + b"\n")
    stored = store_results(store, BatchState(out), list(summary.results))
    assert stored.created == 0 and stored.changed == (summary.results[0].path,)
