"""The one golden harness: a recognised table rendered as the text of its hand-checked fixture.

A fixture (tests/golden/<set>/[<file>/]tNN.tsv) holds one table: its head (id, kind, title, caption,
entity, unit, notes, one line per column) then one line per row, in row order: role, side, code,
label, page, ``column=printed text`` …. Locations are the ones a reader of the page uses — the page,
the table, the row (its place in the file) and the column — and never the source line: a change in how
PDF text is joined into lines moves line numbers without changing the reading. That every row and
value carries its own table, row and column is asserted here instead of printed; a value printed on
another page than its row (a row broken over a page break) is written ``column@page=text``.

To regenerate after a deliberate change: YUSUAN_REGEN_GOLDEN=1 pytest tests/recognize -k golden, and read
every changed table against the source (its rendered pages) again before committing.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from yusuan.model import Table


def _value(column: str, text: str, page: int | None, row_page: int | None) -> str:
    return f"{column}={text}" if page == row_page else f"{column}@{page if page is not None else ''}={text}"


def render(table: Table) -> str:
    """The fixture text of `table` (its rows' and values' table, row and column provenance checked)."""
    head = [
        f"# {table.id}\t{table.kind.name}\t{table.title}",
        f"# caption\t{table.caption or ''}",
        f"# entity\t{table.entity or ''}",
        f"# unit\t{table.unit.value}",
        f"# notes\t{' | '.join(table.notes)}",
        *(f"# column\t{c.key}\t{c.kind.value}\t{c.side or ''}\t{c.label}" for c in table.columns),
        "# role\tside\tcode\tlabel\tpage\tvalues (column=printed text)",
    ]
    rows = []
    for index, r in enumerate(table.rows):
        page = r.provenance.page
        assert (r.index, r.provenance.table, r.provenance.row) == (index, table.id, index), (table.id, index, r.label)
        for v in r.values:
            where = (v.provenance.table, v.provenance.row, v.provenance.column)
            assert where == (table.id, index, v.column), (table.id, index, v.column, where)
        rows.append("\t".join([r.role.value, r.side or "", r.code or "", r.label, "" if page is None else str(page),
                               *(_value(v.column, v.text, v.provenance.page, page) for v in r.values)]))
    return "\n".join(head + rows) + "\n"


def assert_matches_fixture(table: Table, folder: Path) -> None:
    """`table` rendered equals its fixture ``folder/<id>.tsv`` (written instead with YUSUAN_REGEN_GOLDEN=1)."""
    path = folder / f"{table.id}.tsv"
    if os.environ.get("YUSUAN_REGEN_GOLDEN"):
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(render(table), encoding="utf-8")
    assert render(table) == path.read_text(encoding="utf-8"), f"{folder.name}/{table.id} {table.title}"


def assert_matches_fixtures(tables: Iterable[Table], folder: Path) -> None:
    """Each table rendered equals its fixture ``folder/<id>.tsv``, and no fixture is left without its table
    (with YUSUAN_REGEN_GOLDEN=1 the fixtures are written instead)."""
    tables = list(tables)
    if os.environ.get("YUSUAN_REGEN_GOLDEN"):
        for stale in folder.glob("t*.tsv"):
            stale.unlink()
    for table in tables:
        assert_matches_fixture(table, folder)
    assert sorted(p.stem for p in folder.glob("t*.tsv")) == [t.id for t in tables]
