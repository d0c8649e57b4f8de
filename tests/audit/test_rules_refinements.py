"""Refinements of three rules: a 编制说明 项 found by its full path in any function table (names with
（室） read too), 上年 as the base of a 执行数 comparison, and non-standard funding labels kept out of
the sum of the sources. Each fires where it should and stays silent where it should, inline and on
the real documents."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from builders import K, disclosure, group, item, section, table, total
from test_rules_narrative import run
from test_rules_shanghai import said as said_in
from test_rules_target import doc, form, funding

from yusuan.audit import Severity
from yusuan.ingest import read_disclosure
from yusuan.model import FundingLine, MoneyUnit, Provenance

PDFS = Path(__file__).resolve().parents[2] / "samples" / "pdf"
Y = MoneyUnit.YUAN
ITEM = "narrative.shanghai_item_amount"


def pdf(name: str):
    return read_disclosure(PDFS / f"{name}.pdf")


# --- narrative.shanghai_item_amount ---------------------------------------------------------------

GENERAL = table(K.GENERAL_EXPENDITURE, "total", [
    total("合计", "13,029,500"),
    group("201", "一般公共服务支出", "12,029,500"),
    group("20103", "政府办公厅（室）及相关机构事务", "12,029,500"),
    item("2010301", "行政运行", "12,029,500"),
    group("229", "其他支出", "1,000,000"),
    group("22999", "其他支出", "1,000,000"),
    item("2299999", "其他支出", "1,000,000")], id="t06", unit=Y)
FUND = table(K.FUND_EXPENDITURE, "total", [
    total("合计", "300,000"),
    group("229", "其他支出", "300,000"),
    group("22960", "彩票公益金安排的支出", "300,000"),
    item("2296099", "其他支出", "300,000")], id="t07", unit=Y)


def explained(*paragraphs: str, tables=(GENERAL, FUND)):
    return disclosure(*tables, template="shanghai-9",
                      sections=(section("s4", "2025年部门预算编制说明", *paragraphs),))


def test_a_fund_item_named_like_a_general_one_is_found_by_its_path():
    # the general table's only 项 named 其他支出 (100.00万元) is not the 彩票公益金 one (30.00万元)
    lottery = "“其他支出（类）彩票公益金安排的支出（款）其他支出（项）”科目{}万元，主要用于社会福利。"
    assert run(ITEM, explained(lottery.format("30.00"))) == ()
    (f,) = run(ITEM, explained(lottery.format("31.00")))
    assert f.severity is Severity.ERROR and f.actual == Decimal("31.00")
    assert f.locations[1].table == "t07" and f.locations[1].code == "2296099"


def test_a_name_holding_shi_in_brackets_is_read():
    office = "“一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）”科目{}万元，主要用于运转。"
    assert run(ITEM, explained(office.format("1,202.95"))) == ()
    (f,) = run(ITEM, explained(office.format("1,212.95")))
    assert f.severity is Severity.ERROR and f.locations[1].code == "2010301"
    assert "政府办公厅（室）及相关机构事务（款）" in f.locations[0].sentence


def test_one_path_in_two_tables_is_the_row_the_statement_agrees_with():
    both = replace(FUND, rows=tuple(replace(r, label={"22960": "其他支出", "2296099": "其他支出"}.get(r.code, r.label))
                                    for r in FUND.rows))
    general_part = "“其他支出（类）其他支出（款）其他支出（项）”科目100.00万元，主要用于其他。"
    fund_part = "“其他支出（类）其他支出（款）其他支出（项）”科目{}万元，主要用于其他。"
    assert run(ITEM, explained(general_part, fund_part.format("30.00"), tables=(GENERAL, both))) == ()
    (f,) = run(ITEM, explained(general_part, fund_part.format("31.00"), tables=(GENERAL, both)))
    assert f.severity is Severity.ERROR and f.actual == Decimal("31.00")


def test_an_item_in_no_table_is_still_a_warning():
    (f,) = run(ITEM, explained("“其他支出（类）彩票公益金安排的支出（款）用于社会福利的彩票公益金支出（项）”科目30.00万元。"))
    assert f.severity is Severity.WARNING


@pytest.fixture(scope="module")
def govoffice():
    return pdf("putuo-govoffice-2025-dept-budget")


def test_govoffice_items_printed_with_lei_kuan_xiang_marks(govoffice):
    dash = "“一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”"
    marked = "“一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）”"
    assert run(ITEM, said_in(govoffice, dash, marked)) == ()
    (f,) = run(ITEM, said_in(govoffice, dash + "科目1,202.95万元", marked + "科目1,212.95万元"))
    assert f.severity is Severity.ERROR and f.locations[1].code == "2010301"


# --- wording.foreign_year -------------------------------------------------------------------------

def test_last_year_as_the_base_of_the_execution_comparison_is_silent():
    base = "2024年当年预算执行数为15.00万元，2025年预算安排30.00万元，比2024年预算执行数增加100.00%。"
    assert run("wording.foreign_year", explained(base)) == ()
    (f,) = run("wording.foreign_year", explained("2024年部门预算收入4,411.49万元。"))
    assert f.severity is Severity.INFO
    (g,) = run("wording.foreign_year", explained(base.replace("2024年当年", "2023年当年")))
    assert g.severity is Severity.WARNING and "2023年" in g.message


@pytest.mark.parametrize("name", ["putuo-wanli-2024-dept-budget", "putuo-welfare-home-2024-unit-budget"])
def test_shanghai_execution_sentences_raise_no_year_finding(name):
    # 万里 2024 states 33 “2023年当年预算执行数为…”, the 福利院 2024 six
    assert run("wording.foreign_year", pdf(name)) == ()


# --- target.funding_sources_sum -------------------------------------------------------------------

def lines(*pairs: tuple[str, str]) -> tuple[FundingLine, ...]:
    return tuple(FundingLine(label, funding(amount).total, Provenance(file="inline.txt", line=701)) for label, amount in pairs)


SPLITS = lines(("财政拨款", "201943.3"), ("其他小类财政拨款", "0"), ("财政专户收入", "0"),
               ("其他(非)财政专户", "201943.3"), ("债券(债务)", "0"))


def test_sources_under_other_labels_are_not_added_to_the_standard_ones():
    year = replace(funding("201943.3", "", "", "201943.3", "", ""), lines=SPLITS)
    target = form("pt14", "挡墙边坡加固治理项目尾款", "阳泉市社会福利院", "201943.3")
    assert run("target.funding_sources_sum", doc(replace(target, funding_year=year))) == ()
    short = replace(funding("201943.3", "", "", "100000", "", ""), lines=SPLITS)
    (f,) = run("target.funding_sources_sum", doc(replace(target, funding_year=short)))
    assert f.severity is Severity.ERROR and f.expected == Decimal("100000") and f.actual == Decimal("201943.3")


def test_reference_pt14_prints_two_splits_of_one_sum_and_is_silent(reference):
    pt14 = next(t for t in reference.targets if t.id == "pt14")
    assert {ln.label for ln in pt14.funding_year.lines} >= {"财政拨款", "其他(非)财政专户"}
    assert [f for f in run("target.funding_sources_sum", reference) if f.locations[0].target == "pt14"] == []
    # with its one standard source filled in as the total, the two splits still do not count
    filled = replace(pt14, funding_year=replace(pt14.funding_year, total=pt14.funding_year.lines[0].amount,
                                                local=pt14.funding_year.lines[0].amount))
    d = replace(reference, targets=tuple(filled if t is pt14 else t for t in reference.targets))
    assert [f for f in run("target.funding_sources_sum", d) if f.locations[0].target == "pt14"] == []
