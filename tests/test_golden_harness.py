"""The golden harness writes the locations a reader checks (page, table, row, column), never source lines."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from golden_harness import render

from yusuan.model import Amount, Column, MoneyUnit, Provenance, Row, RowRole, Table, TableKind, Value


def _table(line: int, value_page: int = 3) -> Table:
    """收入预算总表 with its 合计 row starting on source line `line` of page 3."""
    at = Provenance(file="a.pdf", page=3, line=line, table="t02", row=0)
    value = Value("total", "1,200.50", Amount(Decimal("1200.50"), MoneyUnit.YUAN, 2),
                  at.at(column="total", page=value_page))
    row = Row(index=0, role=RowRole.TOTAL, label="合计", code=None, values=(value,), provenance=at, lines=(line,))
    return Table(id="t02", kind=TableKind.INCOME_SUMMARY, title="收入预算总表", unit=MoneyUnit.YUAN,
                 columns=(Column("total", "合计"),), rows=(row,), provenance=at.at(row=None))


def test_text_joined_into_other_lines_renders_the_same_fixture():
    assert render(_table(line=41)) == render(_table(line=57))
    assert render(_table(line=41)).splitlines()[-1] == "total\t\t\t合计\t3\ttotal=1,200.50"


def test_a_value_printed_on_another_page_than_its_row_says_its_page():
    assert render(_table(line=41, value_page=4)).splitlines()[-1] == "total\t\t\t合计\t3\ttotal@4=1,200.50"


def test_a_row_out_of_its_place_is_refused():
    table = _table(line=41)
    moved = replace(table.rows[0], provenance=table.rows[0].provenance.at(row=5))
    with pytest.raises(AssertionError):
        render(replace(table, rows=(moved,)))
