"""The whole parse of the reference's tables against fixtures checked by hand, table by table.

tests/golden/reference_tables/tNN.tsv holds one table in the format of tests/golden_harness.py (head, then
role, side, code, label, page — empty, the reference is plain text — and column=printed text …).
To regenerate after a deliberate change: YUSUAN_REGEN_GOLDEN=1 pytest tests/recognize/test_tables_golden.py
and read every changed table against the source again before committing.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from golden_harness import assert_matches_fixture

from yusuan.recognize.claims import Context
from yusuan.recognize.tables import recognize_tables

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "reference_tables"


@pytest.fixture(scope="module")
def tables(reference_raw):
    return recognize_tables(reference_raw.lines, Context(reference_raw.file)).items


def test_golden_files_cover_every_table(tables):
    assert sorted(p.stem for p in GOLDEN.glob("t*.tsv")) == [t.id for t in tables]


@pytest.mark.parametrize("table_id", [f"t{i:02d}" for i in range(1, 15)])
def test_table_matches_hand_checked_fixture(tables, table_id):
    assert_matches_fixture(next(t for t in tables if t.id == table_id), GOLDEN)
