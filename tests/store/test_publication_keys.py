"""Issue 19 on both backends: unrelated documents never become versions of one publication nor share
acceptances; the long and short forms of one organisation do; a 45-digit misprint is stored."""
from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import insert, select

from yusuan.store.engine import make_engine, migrate
from yusuan.store.schema import Acceptance, AmountRow, Document

ORG = "阳泉市民政局"


@pytest.fixture(scope="module")
def reference_text(reference_path):
    return reference_path.read_text(encoding="utf-8")


def as_org(text: str, org: str, extra: str = "") -> bytes:
    return (text.replace(ORG, org) + extra).encode()


def first_error(store, doc_id):
    return next(f for f in store.report_data(doc_id)["findings"] if f["severity"] == "error")


def test_files_without_a_recognised_organisation_are_publications_of_their_own(store, reference_text):
    a = store.ingest("甲.txt", as_org(reference_text, ""))
    b = store.ingest("乙.txt", as_org(reference_text, "", "\n乙单位另附说明。\n"))
    assert store.get(a.id).organisation == "" and (a.version, b.version) == (1, 1)
    assert a.publication_key and a.publication_key != b.publication_key
    assert [v.id for v in store.versions(b.id)] == [b.id]


def test_accepting_a_finding_of_one_unrecognised_file_leaves_another_open(store, reference_text):
    a = store.ingest("甲.txt", as_org(reference_text, ""))
    b = store.ingest("乙.txt", as_org(reference_text, "", "\n乙单位另附说明。\n"))
    f = first_error(store, a.id)
    assert store.accept(a.id, f["fingerprint"], reason="已核实", user="审核")
    assert store.get(a.id).errors == a.errors - 1
    same_in_b = next(x for x in store.report_data(b.id)["findings"] if x["fingerprint"] == f["fingerprint"])
    assert same_in_b["accepted"] is False and store.get(b.id).errors == b.errors


def test_the_party_prefix_does_not_split_an_organisation(store, reference_text):
    short = store.ingest("短.txt", as_org(reference_text, "江苏省委办公厅"))
    long = store.ingest("长.txt", as_org(reference_text, "中共江苏省委办公厅"))
    longest = store.ingest("全.txt", as_org(reference_text, "中国共产党江苏省委员会办公厅"))
    assert short.publication_key == long.publication_key == longest.publication_key
    assert (short.version, long.version, longest.version) == (1, 2, 3)


def test_a_45_digit_amount_is_stored_exactly_without_an_integer(store, reference_text):
    huge = "999999999999999999999999999999999999999999999.00"
    doc = store.ingest("t05.txt", reference_text.replace("\t3008.67\t", f"\t{huge}\t", 1).encode())
    with store.sessions() as s:
        row = s.execute(select(AmountRow.value_text, AmountRow.yuan_fen)
                        .where(AmountRow.document_id == doc.id, AmountRow.value_text == huge)).first()
    assert row == (huge, None)


# -- the migration re-keys what an older store holds --------------------------------------------

NOW = datetime(2026, 12, 1, 9, 30)


def stored(n: int, key: str, version: int, org: str, fingerprints: list[str]) -> dict:
    findings = ",".join(f'{{"fingerprint": "{fp}", "severity": "error"}}' for fp in fingerprints)
    return dict(sha256=f"{n:064d}", filename=f"{n}.txt", format="txt", size=3, content=b"abc", uploaded_at=NOW,
                uploaded_by="张", publication_key=key, version=version, organisation=org, year=2025,
                level="department", stage="budget", template="shanxi-13", disclosure_json="{}",
                report_json=f'{{"findings": [{findings}]}}', errors=1, warnings=0, infos=0)


def test_the_migration_splits_the_empty_key_and_joins_the_party_prefix(store_config, monkeypatch):
    monkeypatch.delenv("YUSUAN_DATABASE_URL", raising=False)
    engine = make_engine(store_config)
    migrate(engine, "0003")
    empty = "|2025|department|budget"
    with engine.begin() as conn:
        conn.execute(insert(Document.__table__).values([
            stored(1, empty, 1, "", ["f1"]), stored(2, empty, 2, "", ["f2"]),
            stored(3, "江苏省委办公厅|2025|department|budget", 1, "江苏省委办公厅", ["f3"]),
            stored(4, "中共江苏省委办公厅|2025|department|budget", 1, "中共江苏省委办公厅", ["f3"])]))
        conn.execute(insert(Acceptance.__table__).values(publication_key=empty, fingerprint="f2", rule="r",
                                                         reason="已核实", accepted_by="张", accepted_at=NOW))
    migrate(engine)
    with engine.connect() as conn:
        rows = {r.id: (r.publication_key, r.version) for r in conn.execute(select(Document.__table__))}
        accepted = conn.execute(select(Acceptance.publication_key, Acceptance.fingerprint)).all()
    engine.dispose()
    assert rows[1] == (f"sha256:{1:064d}", 1) and rows[2] == (f"sha256:{2:064d}", 1)
    assert rows[3][0] == rows[4][0] and (rows[3][1], rows[4][1]) == (1, 2)
    assert [tuple(a) for a in accepted] == [(f"sha256:{2:064d}", "f2")]  # only where that finding is
