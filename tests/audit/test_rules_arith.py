"""Arithmetic rules: each fires where one figure of the miniature department is changed, and only
there; the miniature itself is silent; rounding is information."""
from __future__ import annotations

from decimal import Decimal

import pytest
from builders import K, drop_row, edit, mini_department

from yusuan.audit import Severity, audit, default_catalog

IN, EX = "income", "expenditure"


def run(d, rule_id):
    rep = audit(d, only={rule_id})
    assert rep.outcomes[0].status == "ran", rep.outcomes[0]
    return rep.findings


def fires_at(findings, kind, row, column, severity=Severity.ERROR):
    """Some finding of `severity` whose first location is (table kind, row code/label, column)."""
    for f in findings:
        loc = f.locations[0]
        if f.severity is severity and loc.table_kind == kind.value and row in (loc.code, loc.row_label) \
                and loc.column == column:
            return f
    raise AssertionError(f"no {severity.value} at {kind.value}/{row}/{column}: {[f.message for f in findings]}")


# (rule, mutation of the miniature, where the finding must point: table, row, column)
CASES = [
    ("arith.class_sum", lambda d: edit(d, K.INCOME_SUMMARY, "20802", "total", "28.50"), (K.INCOME_SUMMARY, "208", "total")),
    ("arith.section_sum", lambda d: edit(d, K.EXPENDITURE_SUMMARY, "2080201", "basic", "21.00"),
     (K.EXPENDITURE_SUMMARY, "20802", "basic")),
    ("arith.total_of_classes", lambda d: edit(d, K.GENERAL_EXPENDITURE, "合计", "total", "31.00"),
     (K.GENERAL_EXPENDITURE, "合计", "total")),
    ("arith.income_row_sources", lambda d: edit(d, K.INCOME_SUMMARY, "2080201", "general_public", "19.00"),
     (K.INCOME_SUMMARY, "2080201", "total")),
    ("arith.expenditure_row_basic_project", lambda d: edit(d, K.EXPENDITURE_SUMMARY, "2080202", "project", "9.00"),
     (K.EXPENDITURE_SUMMARY, "2080202", "total")),
    ("arith.economic_row_personnel_operating", lambda d: edit(d, K.GENERAL_BASIC_ECONOMIC, "基本工资", "personnel", "15.00"),
     (K.GENERAL_BASIC_ECONOMIC, "基本工资", "total")),
    ("arith.summary_row_current_carryover",
     lambda d: edit(d, K.INCOME_EXPENDITURE_SUMMARY, "二十五、其他支出", "current_year", "11.00", side=EX),
     (K.INCOME_EXPENDITURE_SUMMARY, "二十五、其他支出", "total")),
    ("arith.fiscal_row_sources",
     lambda d: edit(d, K.FISCAL_SUMMARY, "八、社会保障和就业支出", "general_public", "27.00", side=EX),
     (K.FISCAL_SUMMARY, "八、社会保障和就业支出", "total")),
    ("arith.three_public_row_sources", lambda d: edit(d, K.THREE_PUBLIC, "公务接待费", "general_public", "0.20"),
     (K.THREE_PUBLIC, "公务接待费", "total")),
    ("arith.agency_row_sources", lambda d: edit(d, K.AGENCY_RUNNING, "阳泉市民政局", "general_public", "2.00"),
     (K.AGENCY_RUNNING, "阳泉市民政局", "total")),
    ("arith.project_row_sources", lambda d: edit(d, K.PROJECTS, "福彩公益项目", "gov_fund", "9.00"),
     (K.PROJECTS, "福彩公益项目", "total")),
    ("arith.summary_income_subtotal",
     lambda d: edit(d, K.INCOME_EXPENDITURE_SUMMARY, "二、政府性基金预算", "amount", "11.00", side=IN),
     (K.INCOME_EXPENDITURE_SUMMARY, "本年收入合计", "amount")),
    ("arith.summary_income_total", lambda d: edit(d, K.INCOME_EXPENDITURE_SUMMARY, "上年结转", "amount", "6.00", side=IN),
     (K.INCOME_EXPENDITURE_SUMMARY, "收入总计", "amount")),
    ("arith.summary_expenditure_subtotal",
     lambda d: edit(d, K.INCOME_EXPENDITURE_SUMMARY, "二十、住房保障支出", "total", "3.00", side=EX),
     (K.INCOME_EXPENDITURE_SUMMARY, "本年支出合计", "total")),
    ("arith.summary_expenditure_total", lambda d: edit(d, K.INCOME_EXPENDITURE_SUMMARY, "年终结转", "total", "1.00", side=EX),
     (K.INCOME_EXPENDITURE_SUMMARY, "支出总计", "total")),
    ("arith.fiscal_income_subtotal", lambda d: edit(d, K.FISCAL_SUMMARY, "一、一般公共预算", "amount", "31.00", side=IN),
     (K.FISCAL_SUMMARY, "本年收入合计", "amount")),
    ("arith.fiscal_income_total", lambda d: edit(d, K.FISCAL_SUMMARY, "收入总计", "amount", "46.00", side=IN),
     (K.FISCAL_SUMMARY, "收入总计", "amount")),
    ("arith.fiscal_expenditure_subtotal", lambda d: edit(d, K.FISCAL_SUMMARY, "二十五、其他支出", "gov_fund", "14.00", side=EX),
     (K.FISCAL_SUMMARY, "本年支出合计", "gov_fund")),
    ("arith.fiscal_expenditure_total", lambda d: edit(d, K.FISCAL_SUMMARY, "支出总计", "general_public", "31.00", side=EX),
     (K.FISCAL_SUMMARY, "支出总计", "general_public")),
    ("arith.fiscal_carryover_breakdown", lambda d: edit(d, K.FISCAL_SUMMARY, "上年财政拨款结转", "amount", "6.00", side=IN),
     (K.FISCAL_SUMMARY, "上年财政拨款结转", "amount")),
    ("arith.economic_group_sum", lambda d: edit(d, K.GENERAL_BASIC_ECONOMIC, "办公费", "total", "2.50"),
     (K.GENERAL_BASIC_ECONOMIC, "商品和服务支出", "total")),
    ("arith.economic_total", lambda d: edit(d, K.GENERAL_BASIC_ECONOMIC, "合计", "personnel", "19.00"),
     (K.GENERAL_BASIC_ECONOMIC, "合计", "personnel")),
    ("arith.project_unit_sum", lambda d: edit(d, K.PROJECTS, "一般行政管理事务经费", "general_public", "7.00"),
     (K.PROJECTS, "阳泉市民政局", "general_public")),
    ("arith.project_total", lambda d: edit(d, K.PROJECTS_CARRYOVER, "阳泉市民政局", "total", "6.00"),
     (K.PROJECTS_CARRYOVER, "阳泉市民政局", "total")),
    ("arith.agency_running_total", lambda d: edit(d, K.AGENCY_RUNNING, "部门合计", "total", "4.00"),
     (K.AGENCY_RUNNING, "部门合计", "total")),
    ("arith.three_public_total", lambda d: edit(d, K.THREE_PUBLIC, "合计", "total", "2.00"), (K.THREE_PUBLIC, "合计", "total")),
    ("arith.three_public_vehicles", lambda d: edit(d, K.THREE_PUBLIC, "②公务用车运行维护费", "total", "1.40"),
     (K.THREE_PUBLIC, "公务用车购置及运行费", "total")),
]


@pytest.fixture(scope="module")
def mini():
    return mini_department()


@pytest.mark.parametrize("rule_id, mutate, where", CASES, ids=[c[0] for c in CASES])
def test_rule_fires_where_the_figure_was_changed(mini, rule_id, mutate, where):
    f = fires_at(run(mutate(mini), rule_id), *where)
    assert f.rule == rule_id and f.difference and abs(f.difference) > f.tolerance
    assert "超出" in f.message and "万元" in f.message


@pytest.mark.parametrize("rule_id", [c[0] for c in CASES])
def test_rule_is_silent_on_the_consistent_miniature(mini, rule_id):
    assert run(mini, rule_id) == ()


SHANGHAI_ONLY = {"arith.summary_source_groups"}  # tested below on a Shanghai-shaped 收支总表
JIANGSU_ONLY = {"arith.three_public_row_meetings"}  # tested in test_jiangsu_audit.py on a Jiangsu 三公 table


def test_every_arith_rule_has_a_case():
    assert {r.id for r in default_catalog() if r.family == "arith"} == {c[0] for c in CASES} | SHANGHAI_ONLY | JIANGSU_ONLY


def test_rounding_difference_is_info_and_called_tail_difference(mini):
    d = edit(mini, K.GENERAL_BASIC_ECONOMIC, "合计", "total", "22.01")
    f = fires_at(run(d, "arith.economic_row_personnel_operating"), K.GENERAL_BASIC_ECONOMIC, "合计", "total", Severity.INFO)
    assert "尾差" in f.message and f.difference == Decimal("0.01") and f.tolerance == Decimal("0.015")


def test_reference_style_class_rounding_is_info(mini):
    # 2895.74 printed for 款 summing to 2895.75: five 款 and the 类 each ±0.005
    d = edit(mini, K.EXPENDITURE_SUMMARY, "208", "total", "28.01")
    f = fires_at(run(d, "arith.class_sum"), K.EXPENDITURE_SUMMARY, "208", "total", Severity.INFO)
    assert f.severity is Severity.INFO and f.actual == Decimal("28.01")


def test_missing_total_row_is_not_applicable_for_that_table_only(mini):
    d = drop_row(mini, K.PROJECTS_CARRYOVER, "阳泉市民政局")
    d = edit(d, K.PROJECTS, "阳泉市民政局", "total", "19.00")
    found = run(d, "arith.project_total")
    assert [f.locations[0].table_kind for f in found] == [K.PROJECTS.value]
    both = drop_row(d, K.PROJECTS, "阳泉市民政局")
    assert audit(both, only={"arith.project_total"}).outcomes[0].status == "not_applicable"


def test_empty_cells_read_as_zero(mini):
    d = edit(mini, K.EXPENDITURE_SUMMARY, "2080202", "project", "")
    f = fires_at(run(d, "arith.expenditure_row_basic_project"), K.EXPENDITURE_SUMMARY, "2080202", "total")
    assert f.expected == Decimal("0") and f.actual == Decimal("8.00")


# --- Shanghai layouts: a 收支总表 without 本年合计 lines, a 三公 table with its items as columns ---

def shanghai_summary(fiscal="91.00", general="91.00", total_in="91.00"):
    from builders import group, item, total, two_sided

    return two_sided(K.INCOME_EXPENDITURE_SUMMARY, (("amount", "本年收入/预算数"),), (("total", "本年支出/预算数"),), [
        group("一、财政拨款收入", fiscal), item("1.一般公共预算资金", general), item("2.政府性基金", ""),
        item("3.国有资本经营预算", ""), item("二、事业收入", ""), item("三、其他收入", ""), total("收入总计", total_in),
    ], [
        item("一、一般公共服务支出", "82.00"), item("二、社会保障和就业支出", "9.00"), total("支出总计", "91.00"),
    ], unit=MoneyUnit.YUAN)


def shanghai_three_public(total="867.50", abroad="839.00", reception="28.50", vehicles="", purchase="", running="",
                          agency="213.28"):
    from builders import columns, table
    from builders import total as total_row

    cols = columns("total abroad reception vehicles vehicle_purchase vehicle_running agency_running")
    return table(K.THREE_PUBLIC_AND_RUNNING, cols,
                 [total_row("", total, abroad, reception, vehicles, purchase, running, agency)])


from yusuan.model import MoneyUnit  # noqa: E402


def test_shanghai_summary_source_group_and_totals_without_subtotals():
    from builders import disclosure

    d = disclosure(shanghai_summary())
    for rule_id in ("arith.summary_source_groups", "arith.summary_income_total", "arith.summary_expenditure_total"):
        assert run(d, rule_id) == ()
    d = disclosure(shanghai_summary(general="90.00"))
    fires_at(run(d, "arith.summary_source_groups"), K.INCOME_EXPENDITURE_SUMMARY, "一、财政拨款收入", "amount")
    d = disclosure(shanghai_summary(total_in="92.00"))
    fires_at(run(d, "arith.summary_income_total"), K.INCOME_EXPENDITURE_SUMMARY, "收入总计", "amount")


def test_shanghai_three_public_columns_are_summed_across():
    from builders import disclosure

    assert run(disclosure(shanghai_three_public()), "arith.three_public_total") == ()
    f = fires_at(run(disclosure(shanghai_three_public(total="877.50")), "arith.three_public_total"),
                 K.THREE_PUBLIC_AND_RUNNING, "", "total")
    assert "因公出国" in f.message or "abroad" in f.message
    d = disclosure(shanghai_three_public(total="47.91", abroad="0", reception="1.35", vehicles="46.56", purchase="25",
                                         running="21.56"))
    assert run(d, "arith.three_public_vehicles") == ()
    d = disclosure(shanghai_three_public(total="47.91", abroad="0", reception="1.35", vehicles="46.56", purchase="25",
                                         running="20.56"))
    fires_at(run(d, "arith.three_public_vehicles"), K.THREE_PUBLIC_AND_RUNNING, "", "vehicles")
