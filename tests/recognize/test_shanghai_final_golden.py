"""The two Putuo 2024 决算 PDFs read table by table against fixtures checked by hand on the rendered pages.

tests/golden/shanghai_final/<file>/tNN.tsv holds one table in the format of tests/golden_harness.py (head,
then role, side, code, label, page, key=printed text …). Each fixture was compared number by
number with its page rendered by ``pdftoppm -r 60 -png -f N -l N`` (planning: pages 7–19, social work:
pages 5–16), and with poppler's own text of the page. Regenerate after a deliberate change with
YUSUAN_REGEN_GOLDEN=1 and read every changed table against the rendered pages again.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from golden_harness import assert_matches_fixtures

from yusuan.ingest import read_disclosure
from yusuan.model import MoneyUnit, RowRole, Stage, TableKind as K
from yusuan.recognize.numbers import parse_amount

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "shanghai_final"
FINAL = ("putuo-planning-2024-final", "putuo-socialwork-2024-final")
KINDS = [K.INCOME_EXPENDITURE_SUMMARY, K.INCOME_SUMMARY, K.EXPENDITURE_SUMMARY, K.FISCAL_SUMMARY,
         K.GENERAL_EXPENDITURE, K.GENERAL_BASIC_ECONOMIC, K.THREE_PUBLIC, K.FUND_EXPENDITURE,
         K.STATE_CAPITAL_EXPENDITURE]
TABLE_ISSUES = {"ingest.table_generic", "ingest.table_by_header", "ingest.table_header_misfit", "ingest.column_unmatched",
                "ingest.cell_unplaced", "ingest.row_unlabelled", "ingest.missing_table", "ingest.table_unit_missing",
                "ingest.not_a_number"}
PAGES = {"putuo-planning-2024-final": [7, 8, 10, 12, 14, 16, 17, 18, 19],
         "putuo-socialwork-2024-final": [5, 6, 8, 10, 12, 13, 14, 15, 16]}


@pytest.fixture(scope="module", params=FINAL)
def document(request):
    return request.param, read_disclosure(ROOT / "samples" / "final" / f"{request.param}.pdf")


def test_every_table_is_typed_on_its_page(document):
    name, d = document
    assert d.meta.stage is Stage.FINAL_ACCOUNTS and d.meta.template == "shanghai-final-9" and d.meta.year == 2024
    assert [t.kind for t in d.tables] == KINDS
    assert [t.provenance.page for t in d.tables] == PAGES[name]
    assert sorted(p.stem for p in (GOLDEN / name).glob("t*.tsv")) == [t.id for t in d.tables]
    assert not [i for i in d.issues if i.code in TABLE_ISSUES]


def test_tables_match_hand_checked_fixtures(document):
    name, d = document
    assert_matches_fixtures(d.tables, GOLDEN / name)


def test_every_amount_is_its_printed_text_in_wan_yuan(document):
    _, d = document
    for t in d.tables:
        assert t.unit is MoneyUnit.WAN_YUAN, t.title
        for r in t.rows:
            for v in r.values:
                assert v.amount == parse_amount(v.text, MoneyUnit.WAN_YUAN)


def test_the_final_accounts_shape_is_read_by_meaning():
    d = read_disclosure(ROOT / "samples" / "final" / "putuo-planning-2024-final.pdf")
    assert d.meta.organisation == "上海市普陀区规划和自然资源局"
    summary = d.table(K.INCOME_EXPENDITURE_SUMMARY)
    opening = next(r for r in summary.rows if r.label == "年初结转和结余")
    closing = next(r for r in summary.rows if r.label == "年末结转和结余")
    assert (opening.side, str(opening.amount("amount").value)) == ("income", "112.88")
    assert (closing.side, str(closing.amount("total").value)) == ("expenditure", "100.00")
    three = d.table(K.THREE_PUBLIC)
    (row,) = three.rows
    assert (str(row.amount("total_budget").value), str(row.amount("total").value)) == ("2.85", "0.39")
    assert str(row.amount("reception_budget").value) == "2.85"
    basic = d.table(K.GENERAL_BASIC_ECONOMIC)  # two panes: 301, 303 | 302, 310
    assert [r.code for r in basic.rows if r.code and len(r.code) == 3] == ["301", "303", "302", "310"]
    assert [(r.label, str(r.amount("total").value)) for r in basic.rows if r.role is RowRole.SUBTOTAL] == [
        ("人员经费合计", "4884.09"), ("公用经费合计", "480.66")]
    fund = d.table(K.FUND_EXPENDITURE)
    assert fund.is_empty and any("本表无数据" in n for n in fund.notes)
    assert {c.key for c in fund.columns} >= {"opening", "income", "total", "basic", "project", "closing"}
