"""Cross-table rules: each fires, pointing at both cells, where one table of the miniature is
changed; the miniature is silent."""
from __future__ import annotations

from decimal import Decimal

import pytest
from builders import K, drop_row, edit, mini_department
from test_rules_arith import fires_at, run

from yusuan.audit import Severity, default_catalog

IN, EX = "income", "expenditure"
W = Severity.WARNING

# (rule, mutation, (table, row, column) of the first location, severity, table kind of the second location)
CASES = [
    ("cross.summary_balance", lambda d: edit(d, K.INCOME_EXPENDITURE_SUMMARY, "支出总计", "total", "46.00", side=EX),
     (K.INCOME_EXPENDITURE_SUMMARY, "收入总计", "amount"), Severity.ERROR, K.INCOME_EXPENDITURE_SUMMARY),
    ("cross.fiscal_balance", lambda d: edit(d, K.FISCAL_SUMMARY, "收入总计", "amount", "46.00", side=IN),
     (K.FISCAL_SUMMARY, "收入总计", "amount"), Severity.ERROR, K.FISCAL_SUMMARY),
    ("cross.summary_current_vs_income",
     lambda d: edit(d, K.INCOME_EXPENDITURE_SUMMARY, "本年支出合计", "current_year", "41.00", side=EX),
     (K.INCOME_EXPENDITURE_SUMMARY, "本年收入合计", "amount"), Severity.ERROR, K.INCOME_EXPENDITURE_SUMMARY),
    ("cross.summary_sources_vs_income_table", lambda d: edit(d, K.INCOME_SUMMARY, "合计", "gov_fund", "11.00"),
     (K.INCOME_EXPENDITURE_SUMMARY, "二、政府性基金预算", "amount"), Severity.ERROR, K.INCOME_SUMMARY),
    ("cross.fiscal_sources_vs_income_table",
     lambda d: edit(d, K.FISCAL_SUMMARY, "二、政府性基金预算", "amount", "11.00", side=IN),
     (K.FISCAL_SUMMARY, "二、政府性基金预算", "amount"), Severity.ERROR, K.INCOME_SUMMARY),
    ("cross.fiscal_carryover_vs_summary", lambda d: edit(d, K.FISCAL_SUMMARY, "上年财政拨款结转", "amount", "6.00", side=IN),
     (K.INCOME_EXPENDITURE_SUMMARY, "上年结转", "amount"), Severity.ERROR, K.FISCAL_SUMMARY),
    ("cross.income_vs_expenditure_by_code", lambda d: edit(d, K.EXPENDITURE_SUMMARY, "2296002", "total", "16.00"),
     (K.EXPENDITURE_SUMMARY, "2296002", "total"), Severity.ERROR, K.INCOME_SUMMARY),
    ("cross.general_vs_income_column", lambda d: edit(d, K.GENERAL_EXPENDITURE, "2080201", "total", "21.00"),
     (K.GENERAL_EXPENDITURE, "2080201", "total"), Severity.ERROR, K.INCOME_SUMMARY),
    ("cross.fund_vs_income_column", lambda d: edit(d, K.FUND_EXPENDITURE, "2296002", "total", "9.00"),
     (K.FUND_EXPENDITURE, "2296002", "total"), Severity.ERROR, K.INCOME_SUMMARY),
    ("cross.expenditure_vs_summary", lambda d: edit(d, K.EXPENDITURE_SUMMARY, "合计", "total", "46.00"),
     (K.INCOME_EXPENDITURE_SUMMARY, "本年支出合计", "total"), Severity.ERROR, K.EXPENDITURE_SUMMARY),
    ("cross.general_basic_vs_economic", lambda d: edit(d, K.GENERAL_BASIC_ECONOMIC, "合计", "total", "23.00"),
     (K.GENERAL_EXPENDITURE, "合计", "basic"), Severity.ERROR, K.GENERAL_BASIC_ECONOMIC),
    ("cross.fiscal_general_vs_general_table", lambda d: edit(d, K.GENERAL_EXPENDITURE, "合计", "total", "29.00"),
     (K.FISCAL_SUMMARY, "本年支出合计", "general_public"), Severity.ERROR, K.GENERAL_EXPENDITURE),
    ("cross.fiscal_fund_vs_fund_table", lambda d: edit(d, K.FUND_EXPENDITURE, "合计", "total", "9.00"),
     (K.FISCAL_SUMMARY, "本年支出合计", "gov_fund"), Severity.ERROR, K.FUND_EXPENDITURE),
    ("cross.fund_income_vs_expenditure", lambda d: edit(d, K.FUND_INCOME, "合计", "amount", "11.00"),
     (K.FUND_INCOME, "合计", "amount"), Severity.ERROR, K.FUND_EXPENDITURE),
    ("cross.fund_income_vs_fiscal", lambda d: edit(d, K.FUND_INCOME, "合计", "amount", "11.00"),
     (K.FISCAL_SUMMARY, "二、政府性基金预算", "amount"), Severity.ERROR, K.FUND_INCOME),
    ("cross.general_table_vs_fiscal_income", lambda d: edit(d, K.GENERAL_EXPENDITURE, "合计", "total", "29.00"),
     (K.FISCAL_SUMMARY, "一、一般公共预算", "amount"), Severity.ERROR, K.GENERAL_EXPENDITURE),
    ("cross.projects_vs_expenditure", lambda d: edit(d, K.PROJECTS_CARRYOVER, "阳泉市民政局", "total", "6.00"),
     (K.EXPENDITURE_SUMMARY, "合计", "project"), Severity.ERROR, K.PROJECTS),
    ("cross.projects_general_vs_general_table", lambda d: edit(d, K.PROJECTS, "阳泉市民政局", "general_public", "7.00"),
     (K.GENERAL_EXPENDITURE, "合计", "project"), Severity.ERROR, K.PROJECTS),
    ("cross.projects_fund_vs_fund_table", lambda d: edit(d, K.PROJECTS, "阳泉市民政局", "gov_fund", "9.00"),
     (K.FUND_EXPENDITURE, "合计", "project"), Severity.ERROR, K.PROJECTS),
    ("cross.carryover_projects_vs_summary", lambda d: edit(d, K.PROJECTS_CARRYOVER, "阳泉市民政局", "total", "6.00"),
     (K.INCOME_EXPENDITURE_SUMMARY, "上年结转", "amount"), Severity.ERROR, K.PROJECTS_CARRYOVER),
    ("cross.three_public_vs_economic", lambda d: edit(d, K.GENERAL_BASIC_ECONOMIC, "公务用车运行维护费", "total", "2.00"),
     (K.THREE_PUBLIC, "②公务用车运行维护费", "total"), W, K.GENERAL_BASIC_ECONOMIC),
    ("cross.agency_running_vs_operating", lambda d: edit(d, K.AGENCY_RUNNING, "部门合计", "total", "5.00"),
     (K.AGENCY_RUNNING, "部门合计", "total"), W, K.GENERAL_BASIC_ECONOMIC),
    ("cross.summary_classes_vs_expenditure",
     lambda d: edit(d, K.INCOME_EXPENDITURE_SUMMARY, "八、社会保障和就业支出", "total", "27.00", side=EX),
     (K.INCOME_EXPENDITURE_SUMMARY, "八、社会保障和就业支出", "total"), Severity.ERROR, K.EXPENDITURE_SUMMARY),
    ("cross.summary_classes_vs_income", lambda d: edit(d, K.INCOME_SUMMARY, "229", "carry_over", "4.00"),
     (K.INCOME_EXPENDITURE_SUMMARY, "二十五、其他支出", "carry_over"), Severity.ERROR, K.INCOME_SUMMARY),
    ("cross.fiscal_classes_vs_general", lambda d: edit(d, K.FISCAL_SUMMARY, "二十、住房保障支出", "general_public", "3.00", side=EX),
     (K.FISCAL_SUMMARY, "二十、住房保障支出", "general_public"), Severity.ERROR, K.GENERAL_EXPENDITURE),
]


@pytest.fixture(scope="module")
def mini():
    return mini_department()


@pytest.mark.parametrize("rule_id, mutate, where, severity, other", CASES, ids=[c[0] for c in CASES])
def test_rule_fires_and_points_at_both_tables(mini, rule_id, mutate, where, severity, other):
    f = fires_at(run(mutate(mini), rule_id), *where, severity=severity)
    assert len(f.locations) == 2 and f.locations[1].table_kind == other.value


@pytest.mark.parametrize("rule_id", [c[0] for c in CASES])
def test_rule_is_silent_on_the_consistent_miniature(mini, rule_id):
    assert run(mini, rule_id) == ()


# Rules the Shanxi miniature cannot exercise, each with its cases in the named test module.
TESTED_ELSEWHERE = {"cross.personnel_operating_split": "test_rules_reviewer"}  # needs 人员/公用 in the 收支总表


def test_every_cross_rule_has_a_case():
    assert {r.id for r in default_catalog() if r.family == "cross"} == {c[0] for c in CASES} | set(TESTED_ELSEWHERE)


def test_three_public_above_basic_spending_is_a_note_that_names_project_spending(mini):
    # the 三公 table counts what projects spend too (重庆 cq-f9825b9a p26 财政拨款“三公”经费: 因公出国（境）费 207.50,
    # p24 基本支出情况表 30212 因公出国（境）费用 8): more than the basic item is no evidence of a slip (issue 18)
    d = edit(mini, K.THREE_PUBLIC, "②公务用车运行维护费", "total", "1.80")
    f = fires_at(run(d, "cross.three_public_vs_economic"), K.THREE_PUBLIC, "②公务用车运行维护费", "total", Severity.INFO)
    assert "项目支出" in f.message
    # less than the basic item cannot be: the 三公 figure holds the basic one
    d = edit(mini, K.THREE_PUBLIC, "②公务用车运行维护费", "total", "1.20")
    f = fires_at(run(d, "cross.three_public_vs_economic"), K.THREE_PUBLIC, "②公务用车运行维护费", "total", W)
    assert "不应少于基本支出" in f.message


def test_three_public_difference_the_table_note_attributes_to_projects_is_silent(mini):
    """A compiled book prints “注：公务用车运行维护费含项目支出安排…” under the 三公 table: the difference
    is accounted for; a note stating another amount does not silence the warning."""
    from dataclasses import replace

    d = edit(mini, K.THREE_PUBLIC, "②公务用车运行维护费", "total", "1.80")
    (f,) = run(d, "cross.three_public_vs_economic")

    def noted(amount) -> object:
        tables = tuple(replace(t, notes=(f"注：公务用车运行维护费含项目支出安排{amount}万元。",))
                       if t.kind is K.THREE_PUBLIC else t for t in d.tables)
        return replace(d, tables=tables)

    assert run(noted(abs(f.difference)), "cross.three_public_vs_economic") == ()
    fires_at(run(noted(abs(f.difference) + 1), "cross.three_public_vs_economic"),
             K.THREE_PUBLIC, "②公务用车运行维护费", "total", W)


def test_smaller_fiscal_carryover_is_plausible_and_silent(mini):
    d = edit(mini, K.FISCAL_SUMMARY, "上年财政拨款结转", "amount", "4.00", side=IN)
    assert run(d, "cross.fiscal_carryover_vs_summary") == ()


def test_code_listed_with_money_in_one_table_only_is_an_error(mini):
    d = drop_row(mini, K.EXPENDITURE_SUMMARY, "2210201")
    (f,) = [f for f in run(d, "cross.income_vs_expenditure_by_code") if f.locations[0].code == "2210201"]
    assert f.severity is Severity.ERROR and "没有科目" in f.message and f.locations[0].table_kind == K.INCOME_SUMMARY.value


def test_fiscal_classes_with_general_carryover_only_warn(mini):
    # 一般公共预算 carried over from last year may be spent in a 类: the difference is then a warning
    d = edit(mini, K.FISCAL_SUMMARY, "一、一般公共预算", "amount", "1.00", side=IN, nth=1)
    d = edit(d, K.FISCAL_SUMMARY, "二十、住房保障支出", "general_public", "3.00", side=EX)
    f = fires_at(run(d, "cross.fiscal_classes_vs_general"), K.FISCAL_SUMMARY, "二十、住房保障支出", "general_public", W)
    assert "结转" in f.message


def test_totals_reached_by_different_sums_may_differ_by_rounding(mini):
    # The economic table may print its 合计 as the sum of its five rounded items: 0.01 off is 尾差 …
    d = edit(mini, K.GENERAL_BASIC_ECONOMIC, "合计", "total", "22.01")
    f = fires_at(run(d, "cross.general_basic_vs_economic"), K.GENERAL_EXPENDITURE, "合计", "basic", Severity.INFO)
    assert "尾差" in f.message and "±0.03万元" in f.message
    assert f.tolerance == Decimal("0.035")  # hard bound: 2 printed + 5 hidden roundings of ±0.005
    # … but not 0.05: seven roundings of ±0.005 cannot add up to that
    d = edit(mini, K.GENERAL_BASIC_ECONOMIC, "合计", "total", "22.05")
    fires_at(run(d, "cross.general_basic_vs_economic"), K.GENERAL_EXPENDITURE, "合计", "basic", Severity.ERROR)


def test_leaf_figures_printed_twice_have_no_rounding_room(mini):
    d = edit(mini, K.GENERAL_EXPENDITURE, "2080201", "total", "20.01")
    f = fires_at(run(d, "cross.general_vs_income_column"), K.GENERAL_EXPENDITURE, "2080201", "total")
    assert f.tolerance == 0


def _shanghai_economic(reception="185,000.00", operating="2,132,777.54"):
    from builders import columns, group, item, table, total
    from yusuan.model import MoneyUnit

    return table(K.GENERAL_BASIC_ECONOMIC, columns("total personnel operating"), [
        group("302", "商品和服务支出", operating, "", operating), item("30217", "公务接待费", reception, "", reception),
        total("合计", operating, "", operating)], unit=MoneyUnit.YUAN)


def test_shanghai_three_public_columns_against_the_economic_table_in_yuan():
    from builders import disclosure
    from test_rules_arith import shanghai_three_public

    d = disclosure(shanghai_three_public(reception="18.50"), _shanghai_economic())
    assert run(d, "cross.three_public_vs_economic") == ()
    d = disclosure(shanghai_three_public(reception="28.50"), _shanghai_economic())
    f = fires_at(run(d, "cross.three_public_vs_economic"), K.THREE_PUBLIC_AND_RUNNING, "", "reception", Severity.INFO)
    assert f.difference == Decimal("10.00") and f.unit == "万元"
    # the note a compiled book prints under the table (普陀区人民政府办公室 2025: 公务接待费 28.50 = 18.50 + 10.00)
    from dataclasses import replace

    noted = replace(shanghai_three_public(reception="28.50"),
                    notes=("注：因公出国（境）费含项目支出安排839.00万元，公务接待费含项目支出安排10.00万元。",))
    assert run(disclosure(noted, _shanghai_economic()), "cross.three_public_vs_economic") == ()


def test_agency_running_in_wan_yuan_within_its_rounding_of_operating_in_yuan_is_silent():
    from builders import disclosure
    from test_rules_arith import shanghai_three_public

    # 213.28万元 stands for anything from 2,132,750 to 2,132,850 元: not above 2,132,777.54 元
    assert run(disclosure(shanghai_three_public(), _shanghai_economic()), "cross.agency_running_vs_operating") == ()
    d = disclosure(shanghai_three_public(agency="214.28"), _shanghai_economic())
    fires_at(run(d, "cross.agency_running_vs_operating"), K.THREE_PUBLIC_AND_RUNNING, "", "agency_running", W)
