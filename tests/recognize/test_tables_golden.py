"""The whole parse of the reference's tables against fixtures checked by hand, table by table.

tests/golden/reference_tables/tNN.tsv holds one table: its head (kind, title, caption, entity,
unit, notes, columns) then one line per row: role, side, code, label, source line, key=text ….
To regenerate after a deliberate change: YUSUAN_REGEN_GOLDEN=1 pytest tests/recognize/test_tables_golden.py
and read every changed table against the source again before committing.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from yusuan.model import Table
from yusuan.recognize.claims import Context
from yusuan.recognize.tables import recognize_tables

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "reference_tables"


def render(table: Table) -> str:
    head = [
        f"# {table.id}\t{table.kind.name}\t{table.title}",
        f"# caption\t{table.caption or ''}",
        f"# entity\t{table.entity or ''}",
        f"# unit\t{table.unit.value}",
        f"# notes\t{' | '.join(table.notes)}",
        *(f"# column\t{c.key}\t{c.kind.value}\t{c.side or ''}\t{c.label}" for c in table.columns),
        "# role\tside\tcode\tlabel\tline\tvalues (column=printed text)",
    ]
    rows = [
        "\t".join([r.role.value, r.side or "", r.code or "", r.label, str(r.provenance.line),
                   *(f"{v.column}={v.text}" for v in r.values)])
        for r in table.rows
    ]
    return "\n".join(head + rows) + "\n"


@pytest.fixture(scope="module")
def tables(reference_raw):
    return recognize_tables(reference_raw.lines, Context(reference_raw.file)).items


def test_golden_files_cover_every_table(tables):
    assert sorted(p.stem for p in GOLDEN.glob("t*.tsv")) == [t.id for t in tables]


@pytest.mark.parametrize("table_id", [f"t{i:02d}" for i in range(1, 15)])
def test_table_matches_hand_checked_fixture(tables, table_id):
    table = next(t for t in tables if t.id == table_id)
    path = GOLDEN / f"{table_id}.tsv"
    if os.environ.get("YUSUAN_REGEN_GOLDEN"):
        GOLDEN.mkdir(parents=True, exist_ok=True)
        path.write_text(render(table), encoding="utf-8")
    assert render(table) == path.read_text(encoding="utf-8")
