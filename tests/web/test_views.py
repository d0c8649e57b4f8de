"""Page view models on real documents: charts and year-over-year comparison."""
from decimal import Decimal
from pathlib import Path

import pytest

from yusuan.ingest import read_disclosure
from yusuan.model import TableKind
from yusuan.web.views import charts, compare_tables

PDF = Path(__file__).resolve().parents[2] / "samples" / "pdf"


@pytest.fixture(scope="module")
def wanli():
    return read_disclosure(PDF / "putuo-wanli-2024-dept-budget.pdf"), read_disclosure(PDF / "putuo-wanli-2025-dept-budget.pdf")


def test_three_public_chart_reads_the_columns_of_the_shanghai_table(wanli):
    items = {i["name"]: i["value"] for i in charts(wanli[1])["three_public"]}
    assert set(items) <= {"因公出国(境)费", "公务接待费", "购置费", "运行费"} and len(items) >= 2


def test_three_public_chart_reads_the_rows_of_the_shanxi_table(reference):
    items = {i["name"]: i["value"] for i in charts(reference)["three_public"]}
    assert items["公务接待费"] == 0.8 and items["公务用车购置及运行费"] == 18.5


def test_comparison_fills_both_sides_of_the_summary_table(wanli):
    summary = next(rows for kind, _, rows in compare_tables(*wanli) if kind is TableKind.INCOME_EXPENDITURE_SUMMARY)
    income = next(r for r in summary if "财政拨款收入" in r.label and r.key.startswith("income"))
    assert income.a == Decimal("15621.1123") and income.b == Decimal("18976.7551")
    assert income.change == income.b - income.a and income.rate.endswith("%")
