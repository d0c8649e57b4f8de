"""The 13 tables of the reference document, checked against the source text itself.

The line ranges below were read off the source by hand (title line → last grid line); the
printed-number test reads the numbers from those lines with its own pattern, not the parser's.
"""
from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

import pytest

from yusuan.model import MoneyUnit, RowRole, TableKind as K
from yusuan.recognize.claims import Context
from yusuan.recognize.tables import recognize_tables

# id: (kind, first line (title), last line of the table's grid), read from the source by hand.
REGIONS = {
    "t01": (K.INCOME_EXPENDITURE_SUMMARY, 80, 121),
    "t02": (K.INCOME_SUMMARY, 125, 169),
    "t03": (K.EXPENDITURE_SUMMARY, 171, 214),
    "t04": (K.FISCAL_SUMMARY, 216, 261),
    "t05": (K.GENERAL_EXPENDITURE, 263, 302),
    "t06": (K.GENERAL_BASIC_ECONOMIC, 304, 362),
    "t07": (K.FUND_INCOME, 364, 375),
    "t08": (K.FUND_EXPENDITURE, 377, 388),
    "t09": (K.STATE_CAPITAL, 392, 403),
    "t10": (K.THREE_PUBLIC, 407, 420),
    "t11": (K.AGENCY_RUNNING, 422, 432),
    "t12": (K.PROJECTS, 434, 509),
    "t13": (K.PROJECTS_CARRYOVER, 511, 532),
}
# A printed amount in these tables: digits, a decimal point, digits (``4411. 49`` has a space).
PRINTED_AMOUNT = re.compile(r"^\d[\d,]*\.\s*\d+$")
CODE_TABLES = ("t02", "t03", "t05", "t07", "t08")


@pytest.fixture(scope="module")
def tables(reference_raw):
    return {t.id: t for t in recognize_tables(reference_raw.lines, Context(reference_raw.file)).items}


@pytest.fixture(scope="module")
def source(reference_raw):
    return {ln.line: ln for ln in reference_raw.lines}


def test_the_thirteen_tables_in_reading_order(tables):
    assert [(tid, tables[tid].kind) for tid in REGIONS] == [(tid, k) for tid, (k, _, _) in REGIONS.items()]
    assert [tables[tid].provenance.line for tid in REGIONS] == [first for _, first, _ in REGIONS.values()]


@pytest.mark.parametrize("table_id", list(REGIONS))
def test_every_printed_amount_is_one_value_exactly(tables, source, table_id):
    _, first, last = REGIONS[table_id]
    printed = Counter(
        (n, cell.strip()) for n in range(first, last + 1) for cell in source[n].cells
        if PRINTED_AMOUNT.match(cell.strip())
    )
    parsed = Counter(
        (v.provenance.line, v.text) for r in tables[table_id].rows for v in r.values if v.amount is not None
    )
    assert parsed == printed
    for row in tables[table_id].rows:
        for v in row.values:
            if v.amount is not None:
                assert v.amount.value == Decimal(re.sub(r"[\s,]", "", v.text))
                assert (v.provenance.table, v.provenance.row, v.provenance.column) == (table_id, row.index, v.column)
                assert v.amount.unit is MoneyUnit.WAN_YUAN and v.amount.places == 2


@pytest.mark.parametrize("table_id", CODE_TABLES)
def test_every_printed_code_is_a_row_code(tables, source, table_id):
    _, first, last = REGIONS[table_id]
    printed = sorted((n, source[n].cells[0]) for n in range(first, last + 1)
                     if source[n].cells and re.fullmatch(r"\d{3}|\d{5}|\d{7}", source[n].cells[0]))
    assert sorted((r.provenance.line, r.code) for r in tables[table_id].rows if r.code) == printed


def test_two_sided_summary_keeps_codes_out_of_enumerated_labels(tables):
    t01 = tables["t01"]
    row = next(r for r in t01.rows if r.label == "一、一般公共服务支出")
    assert (row.code, row.side, row.number("total"), row.number("current_year")) == (
        None, "expenditure", Decimal("1.47"), Decimal("1.47"))
    roles = {(r.side, r.label): r.role for r in t01.rows}
    assert roles[("income", "本年收入合计")] is RowRole.SUBTOTAL
    assert roles[("expenditure", "本年支出合计")] is RowRole.SUBTOTAL
    assert roles[("income", "收入总计")] is roles[("expenditure", "支出总计")] is RowRole.TOTAL
    assert roles[("income", "上年结转")] is roles[("expenditure", "年终结转")] is RowRole.ITEM


def test_captions_entities_and_units_per_table(tables):
    captions = {tid: t.caption for tid, t in tables.items() if t.caption}
    assert captions == {"t01": "预算公开表1", "t02": "预算公开表2", "t09": "部门公开表9", "t10": "预算公开表10"}
    assert {t.entity for tid, t in tables.items() if tid in REGIONS} == {"阳泉市民政局"}
    assert {t.unit for tid, t in tables.items() if tid in REGIONS} == {MoneyUnit.WAN_YUAN}


def test_project_tables_total_units_and_projects(tables):
    t12 = tables["t12"]
    assert (t12.rows[0].label, t12.rows[0].role) == ("阳泉市民政局", RowRole.TOTAL)
    assert [r.label for r in t12.rows if r.role is RowRole.GROUP] == [
        "阳泉市民政局", "阳泉市社会福利院", "阳泉市救助管理站", "阳泉市城乡居民最低生活保障管理中心", "阳泉市民政事务中心",
    ]
    project = next(r for r in tables["t13"].rows if r.label.startswith("老年失能失智康养介入中心"))
    assert project.role is RowRole.ITEM  # ends like a unit only inside its bracket


def test_fiscal_summary_carry_over_breakdown(tables):
    rows = [r for r in tables["t04"].rows if r.side == "income"]
    i = next(i for i, r in enumerate(rows) if r.label == "上年财政拨款结转")
    assert rows[i].role is RowRole.GROUP
    assert [(r.label, r.role, r.number("amount")) for r in rows[i + 1:i + 4]] == [
        ("一、一般公共预算", RowRole.ITEM, 0), ("二、政府性基金预算", RowRole.ITEM, Decimal("489.07")),
        ("三、国有资本经营预算", RowRole.ITEM, 0),
    ]


def test_pipeline_recognises_the_tables(reference):
    assert [t.kind for t in reference.tables][:13] == [k for k, _, _ in REGIONS.values()]




def test_table_lines_are_claimed_and_nothing_else(reference_raw):
    claim = recognize_tables(reference_raw.lines, Context(reference_raw.file))
    expected = {n for _, first, last in REGIONS.values() for n in range(first, last + 1)}
    expected |= {78, 123, 390, 405} | set(range(2180, 2217))  # captions; the 续表 grid
    blank = {ln.line for ln in reference_raw.lines if ln.is_blank}
    assert claim.consumed - blank == expected - blank
    assert not claim.consumed & set(range(1, 77))  # 目录 and 概况
    assert not claim.consumed & set(range(533, 2180))  # narrative and the 绩效目标表 forms


def test_the_only_issue_is_the_catalogue_kept_as_no_budget_table(reference_raw):
    """The 续表 at line 2180 is the 政府购买服务指导性目录 (代码 | 一级目录 … 四级目录): no figure, no budget table."""
    claim = recognize_tables(reference_raw.lines, Context(reference_raw.file))
    assert [(i.code, i.provenance.line) for i in claim.issues] == [("ingest.table_not_budget", 2180)]
    assert [t.not_budget for t in claim.items if t.kind.value == "generic"] == ["不含金额的列表"]
