"""The printed layout every renderer shares: stub headers, merged header cells, two-sided lines."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from yusuan.model import Amount, Column, MoneyUnit, Provenance, Row, RowRole, Table, TableKind, Value
from yusuan.render.grid import layout
from yusuan.render.headers import HeaderCell, header_cells


def test_spanning_header_and_vertical_stub():
    depth, cells = header_cells([("项目", "科目编码"), ("项目", "科目名称"), ("本年收入", "合计"),
                                 ("本年收入", "一般公共预算"), ("上年结转",)])
    assert depth == 2
    assert HeaderCell(0, 0, "项目", 1, 2) in cells
    assert HeaderCell(0, 2, "本年收入", 1, 2) in cells
    assert HeaderCell(0, 4, "上年结转", 2, 1) in cells  # spans down to the last header row
    assert HeaderCell(1, 3, "一般公共预算", 1, 1) in cells


def test_same_leaf_labels_side_by_side_are_not_merged():
    _, cells = header_cells([("合计",), ("合计",)])
    assert [c.colspan for c in cells] == [1, 1]


def test_reference_income_summary_prints_code_and_name_under_xiangmu(reference):
    pt = layout(reference.table(TableKind.INCOME_SUMMARY))
    assert [c.path for c in pt.columns[:3]] == [("项目", "科目编码"), ("项目", "科目名称"), ("本年收入", "合计")]
    assert pt.lines[0].cells[1].text == "合计"
    assert pt.lines[0].cells[2].text == "3922.42"


def test_extracted_spaces_in_amounts_are_not_printed(reference):
    pt = layout(reference.table(TableKind.EXPENDITURE_SUMMARY))  # the text form prints "4411. 49"
    assert pt.lines[0].cells[2].text == "4411.49"


def test_two_sided_summary_pairs_rows_by_source_line(reference):
    pt = layout(reference.table(TableKind.INCOME_EXPENDITURE_SUMMARY))
    last = pt.lines[-1].cells
    assert [c.text for c in last[:3]] == ["收入总计", "4411.49", "支出总计"]
    assert len(pt.lines) == 33  # 30 function classes + 本年/结转/总计, as printed


def _amount(text: str) -> Amount:
    return Amount(Decimal(text), MoneyUnit.WAN_YUAN, 2)


def test_two_sided_rows_without_source_lines_put_totals_side_by_side_at_the_foot():
    p = Provenance()
    cols = (Column("amount", "收入/金额", side="income"), Column("total", "支出/金额", side="expenditure"))
    def row(i, side, label, role, key, text):
        return Row(i, role, label, None, (Value(key, text, _amount(text), p),), p, side=side)
    rows = (
        row(0, "income", "一、一般公共预算", RowRole.ITEM, "amount", "10.00"),
        row(1, "income", "收入总计", RowRole.TOTAL, "amount", "10.00"),
        row(2, "expenditure", "一、一般公共服务支出", RowRole.ITEM, "total", "4.00"),
        row(3, "expenditure", "二、外交支出", RowRole.ITEM, "total", "6.00"),
        row(4, "expenditure", "支出总计", RowRole.TOTAL, "total", "10.00"),
    )
    t = Table("t1", TableKind.INCOME_EXPENDITURE_SUMMARY, "收支总表", MoneyUnit.WAN_YUAN, cols, rows, p)
    lines = [[c.text for c in ln.cells] for ln in layout(t).lines]
    assert lines == [
        ["一、一般公共预算", "10.00", "一、一般公共服务支出", "4.00"],
        ["", "", "二、外交支出", "6.00"],
        ["收入总计", "10.00", "支出总计", "10.00"],
    ]
    assert layout(replace(t, rows=rows)).lines[-1].role is RowRole.TOTAL
