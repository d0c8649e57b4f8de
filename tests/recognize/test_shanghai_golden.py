"""Two Shanghai PDFs read table by table against fixtures checked by hand on the rendered pages.

tests/golden/shanghai/<file>/tNN.tsv holds one table in the format of tests/golden_harness.py (head,
then role, side, code, label, page, key=printed text …). Each fixture was compared,
number by number, with the page rendered by ``pdftoppm -png -r 70``. To regenerate after a
deliberate change: YUSUAN_REGEN_GOLDEN=1 pytest tests/recognize/test_shanghai_golden.py, and read
every changed table against the rendered pages again before committing.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from golden_harness import assert_matches_fixtures

from yusuan.ingest import read_disclosure
from yusuan.model import MoneyUnit, TableKind
from yusuan.recognize.numbers import parse_amount

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "shanghai"
CHECKED = ("putuo-wanli-2025-dept-budget", "putuo-welfare-home-2024-unit-budget")


@pytest.fixture(scope="module", params=CHECKED)
def document(request):
    return request.param, read_disclosure(ROOT / "samples" / "pdf" / f"{request.param}.pdf")


def test_every_table_has_a_checked_fixture(document):
    name, d = document
    assert sorted(p.stem for p in (GOLDEN / name).glob("t*.tsv")) == [t.id for t in d.tables]
    assert [t.kind for t in d.tables] == [
        TableKind.INCOME_EXPENDITURE_SUMMARY, TableKind.INCOME_SUMMARY, TableKind.EXPENDITURE_SUMMARY,
        TableKind.FISCAL_SUMMARY, TableKind.GENERAL_EXPENDITURE, TableKind.FUND_EXPENDITURE,
        TableKind.STATE_CAPITAL_EXPENDITURE, TableKind.GENERAL_BASIC_ECONOMIC, TableKind.THREE_PUBLIC_AND_RUNNING,
    ]


def test_tables_match_hand_checked_fixtures(document):
    name, d = document
    assert_matches_fixtures(d.tables, GOLDEN / name)


def test_every_amount_is_its_printed_text_in_its_tables_unit(document):
    """元 tables read as 元 and the 三公 table as 万元: a 10,000× slip cannot pass."""
    _, d = document
    for t in d.tables:
        want = MoneyUnit.WAN_YUAN if t.kind is TableKind.THREE_PUBLIC_AND_RUNNING else MoneyUnit.YUAN
        assert t.unit is want, t.title
        for r in t.rows:
            for v in r.values:
                assert v.amount is not None and v.amount.unit is want
                assert v.amount == parse_amount(v.text, want)
                assert v.provenance.column == v.column and v.provenance.page == r.provenance.page


def test_wanli_2025_figures_a_person_would_quote(document):
    name, d = document
    if name != "putuo-wanli-2025-dept-budget":
        pytest.skip("figures of the 万里街道 2025 document")
    gen = d.table(TableKind.GENERAL_EXPENDITURE)
    running = gen.coded_rows()["2120101"]
    assert (running.label, running.number("total"), running.number("basic")) == ("行政运行", Decimal("17887739"),
                                                                                 Decimal("17737739"))
    assert gen.total_row().number("total") == Decimal("189767551")
    three = d.table(TableKind.THREE_PUBLIC_AND_RUNNING).total_row()
    assert {v.column: v.amount.value for v in three.values} == {
        "total": Decimal("37.91"), "abroad": Decimal("0"), "reception": Decimal("1.35"), "vehicles": Decimal("36.56"),
        "vehicle_purchase": Decimal("15"), "vehicle_running": Decimal("21.56"), "agency_running": Decimal("464.64"),
    }
    assert three.amount("total").to(MoneyUnit.YUAN) == Decimal("379100")
