"""Jiangsu provincial budgets (2017–2018) read table by table: a third region's variant of the
Ministry's standard tables, read by the same recogniser through its profile (recognize/tables/jiangsu.py).

tests/golden/jiangsu/<file>/tNN.tsv holds one table in the format of tests/golden_harness.py (head, then
role, side, code, label, page, key=printed text …). Verified by hand: every page holding a table was
rendered with ``pdftoppm -r 60 -png -f N -l N file.pdf`` and each fixture compared with the page, row
by row and figure by figure (titles, 部门 line, the 单位：万元 line, every amount and its column, the
row roles). Pages compared: 省政协 2018 all 12; 省法院 2017 pages 11–18; 省检察院 2018 pages 13, 14,
16, 19 (the other pages print the same kinds of table, their figures checked against the text layer);
省人大 2017 pages 7, 8, 11, 12, 20. Four files: two full publications (说明 + tables: the 省法院 2017, numbered 一、…十二、
with the unit on its own line and no 部门 line; the 省检察院 2018, ``公开01表：`` titles), one
tables-only file (省政协办公厅 2018, 公开NN表 captions) and the 省人大办公厅 2017 (rows broken over
page breaks; its page 11 text layer also holds two tables placed below the page's foot, which the
rendered page does not show and the reader leaves out).
To regenerate after a deliberate change: YUSUAN_REGEN_GOLDEN=1 pytest tests/recognize/test_jiangsu_golden.py,
and read every changed table against the rendered pages again before committing.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from golden_harness import assert_matches_fixtures

from yusuan.ingest import read_disclosure
from yusuan.model import MoneyUnit, TableKind as K
from yusuan.recognize.numbers import parse_amount

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "jiangsu"
GOLDEN = ROOT / "tests" / "golden" / "jiangsu"
CHECKED = (
    "js-high-court-2017-dept-budget-full-324795",
    "js-procuratorate-2018-dept-budget-full-b6f855",
    "js-cppcc-office-2018-dept-budget-tables-600311",
    "js-npc-office-2017-dept-budget-full-520fa5",
)
WITH_TABLES = sorted(p.stem for p in SAMPLES.glob("*.pdf") if "-narrative-" not in p.name)
# The twelve tables of a Jiangsu publication, in the order most departments print them.
TWELVE = (
    K.INCOME_EXPENDITURE_SUMMARY, K.INCOME_SUMMARY, K.EXPENDITURE_SUMMARY, K.FISCAL_SUMMARY,
    K.FISCAL_EXPENDITURE, K.FISCAL_BASIC_ECONOMIC, K.FUND_EXPENDITURE, K.GENERAL_EXPENDITURE,
    K.GENERAL_BASIC_ECONOMIC, K.AGENCY_RUNNING, K.THREE_PUBLIC, K.PROCUREMENT,
)


@pytest.fixture(scope="module", params=WITH_TABLES)
def any_document(request):
    return request.param, read_disclosure(SAMPLES / f"{request.param}.pdf")


@pytest.fixture(scope="module", params=CHECKED)
def document(request):
    return request.param, read_disclosure(SAMPLES / f"{request.param}.pdf")


def test_every_printed_table_is_typed(any_document):
    """Each of the twelve tables is found and typed (whatever order the department prints them in)."""
    name, d = any_document
    kinds = [t.kind for t in d.tables]
    assert K.GENERIC not in kinds, [t.title for t in d.tables if t.kind is K.GENERIC]
    assert set(kinds) == set(TWELVE), name
    assert d.meta.template == "jiangsu-12"


def test_every_amount_is_read_in_wan_yuan(any_document):
    """Every page prints 单位：万元 (under the title, beside 部门：, or on its own line): no table may
    be read in 元, and each amount is exactly its printed text in 万元."""
    _, d = any_document
    for t in d.tables:
        assert t.unit is MoneyUnit.WAN_YUAN, t.title
        for r in t.rows:
            for v in r.values:
                if v.amount is not None:
                    assert v.amount == parse_amount(v.text, MoneyUnit.WAN_YUAN), (t.title, r.label, v.text)


def test_tables_match_hand_checked_fixtures(document):
    name, d = document
    assert_matches_fixtures(d.tables, GOLDEN / name)


def test_expenditure_is_split_three_ways_and_sums(document):
    """支出预算总表: 合计 = 基本支出 + 项目支出 + 单位预留机动经费 (+ 结转下年资金), read by column meaning."""
    _, d = document
    t = d.table(K.EXPENDITURE_SUMMARY)
    total = t.total_row()
    parts = [total.amount(k) for k in ("basic", "project", "reserve", "next_year_carry")]
    assert total.amount("total").value == sum(p.value for p in parts if p is not None)
    assert t.column("reserve").label == "单位预留机动经费"


def test_summary_prints_function_and_use_sides(document):
    """收支预算总表: the function columns are their own side; 支出合计 stands under 支出用途 and names its amount."""
    _, d = document
    t = d.table(K.INCOME_EXPENDITURE_SUMMARY)
    assert {r.side for r in t.rows} == {"income", "expenditure_function", "expenditure"}
    total = t.total_row("expenditure")
    assert total.label == "支出合计" and total.amount("total") == t.total_row("income").amount("amount")
