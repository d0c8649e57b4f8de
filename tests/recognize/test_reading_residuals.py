"""Tables the reading-health report left untyped or half read, each read by its meaning on its real page.

- 西安 2019's 专项业务经费支出表 prints a row of ``**`` under its header (no column numbers): a column-mark
  row, not a second header level, so 单位（项目）名称 / 项目金额 keep their meaning and the table is typed.
- The national 决算 form (国家信访局 2024) heads its code column 项目 / 科目代码 and numbers its summaries'
  lines (行次, 栏次 1 | 栏次 2): codes and line numbers are no amounts.
- 西安's 政府采购预算表 prints the economic codes' 类 / 款 under 部门预算支出 without the word 编码, and a
  数量 column: codes are text, quantities are counts.
- Performance forms (绩效自评表, 绩效指标表) and a list printing no figure stay generic and say why.
"""
from __future__ import annotations

from pathlib import Path

from yusuan.audit import audit
from yusuan.ingest import read_disclosure
from yusuan.model import ColumnKind, RowRole, TableKind as K
from yusuan.recognize.claims import Context
from yusuan.recognize.tables import recognize_tables
from yusuan.report.health import measure
from yusuan.sources.text import read_text

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
XIAN_2019_PROJECTS = SAMPLES / "pages" / "sn-xa-2019-projects-p25-28.pdf"
XIAN_2021_PROCUREMENT = SAMPLES / "pages" / "sn-xa-2021-procurement-p72.pdf"
CENTRAL_FINAL = SAMPLES / "cities" / "central-ca5db9ed.pdf"


def _read(*lines: str):
    text = "\n".join(ln.replace("|", "\t") for ln in lines) + "\n"
    raw = read_text(Path("inline.txt"), data=text.encode("utf-8"))
    return recognize_tables(raw.lines, Context(raw.file))


def test_a_row_of_column_marks_under_the_header_is_no_header_level():
    d = read_disclosure(XIAN_2019_PROJECTS)
    (t,) = d.tables
    assert t.kind is K.PROJECTS
    assert [(c.key, c.label, c.kind) for c in t.columns] == [
        ("unit_code", "单位编码", ColumnKind.TEXT), ("total", "项目金额", ColumnKind.AMOUNT),
        ("text4", "项目简介", ColumnKind.TEXT),
    ]
    assert (t.rows[0].role, t.rows[0].label, str(t.rows[0].number("total"))) == (RowRole.TOTAL, "合计", "1620.98")
    assert [(r.text("unit_code"), str(r.number("total"))) for r in t.rows_by_role(RowRole.GROUP)] == [
        ("125", "1620.98"), ("125001", "1008.45"), ("125002", "185.20"), ("125003", "279.16"), ("125004", "148.17"),
    ]


def test_a_department_row_over_its_units_sums_the_units_not_their_projects():
    """125 西安市安全生产监督管理局 1,620.98 heads the units 125001 … 125004 (1,008.45 + 185.20 + 279.16 + 148.17),
    which head the projects: the page adds up, level by level, so no error."""
    report = audit(read_disclosure(XIAN_2019_PROJECTS))
    assert [f.message for f in report.findings if f.rule.startswith("arith.project")] == []
    ran = {o.rule: o.status for o in report.outcomes}
    assert (ran["arith.project_total"], ran["arith.project_unit_sum"]) == ("ran", "ran")


def test_marks_number_a_two_sided_table_and_stand_alone():
    claim = _read("收入支出决算总表", "单位：万元", "收入|||支出||", "项目|行次|金额|项目|行次|金额", "栏次||1|栏次||2",
                  "一、财政拨款收入|1|19,572.91|一、一般公共服务支出|32|10,685.56")
    (t,) = claim.items
    assert [(r.side, r.label) for r in t.rows] == [("income", "一、财政拨款收入"), ("expenditure", "一、一般公共服务支出")]
    assert [v.text for r in t.rows for v in r.values if v.amount is not None] == ["19,572.91", "10,685.56"]


def test_the_national_final_accounts_codes_and_line_numbers_are_no_amounts():
    d = read_disclosure(CENTRAL_FINAL)
    by_kind = {t.kind: t for t in d.tables}
    for kind in (K.INCOME_SUMMARY, K.EXPENDITURE_SUMMARY, K.GENERAL_EXPENDITURE):
        t = by_kind[kind]
        assert not [c.label for c in t.columns if "代码" in c.label], t.title
        assert [(r.code, r.label) for r in t.rows[1:3]] == [("201", "一般公共服务支出"), ("20140", "信访事务")]
    assert str(by_kind[K.GENERAL_EXPENDITURE].total_row().number("total")) == "13733.80"  # 本年支出 / 小计
    summary = by_kind[K.FISCAL_SUMMARY]
    assert {c.key: c.kind for c in summary.columns}["line_number"] is ColumnKind.TEXT
    assert [v.column for r in summary.rows[:2] for v in r.values if v.amount is not None] == ["amount", "total", "general_public"]


def test_an_amount_involved_in_some_projects_is_not_the_years_total():
    """“…等3个项目开展了部门评价，涉及一般公共预算支出1639.34万元” (p24) is what three projects involve,
    not the 一般公共预算当年支出 the 支出决算表 totals (13,733.80)."""
    d = read_disclosure(CENTRAL_FINAL)
    assert [f.message for f in audit(d).findings if f.rule == "narrative.general_total"] == []


def test_performance_forms_are_no_budget_tables_and_health_counts_them_apart():
    d = read_disclosure(CENTRAL_FINAL)
    aside = [(t.provenance.page, t.not_budget) for t in d.tables if t.not_budget]
    assert aside == [(p, "项目绩效表") for p in (30, 32, 34, 35, 46, 48)]
    h = measure(d, ms=0.0)
    assert (h.typed, h.tables, h.not_budget, h.number_text) == (9, 9, 6, 0)


def test_procurement_codes_by_class_are_no_amounts():
    (t,) = read_disclosure(XIAN_2021_PROCUREMENT).tables
    assert t.kind is K.PROCUREMENT
    codes = [c for c in t.columns if c.label.endswith(("/类", "/款"))]
    assert [c.label for c in codes] == ["部门预算支出/类", "部门预算支出/款", "政府预算支出/类", "政府预算支出/款"]
    assert all(c.kind is ColumnKind.TEXT for c in codes)
    assert [c.key for c in t.amount_columns()] == ["total"]


def test_quantities_are_counts_not_numbers_left_as_text():
    d = read_disclosure(XIAN_2021_PROCUREMENT)
    assert [c.label for c in d.tables[0].columns if c.counts] == ["序号", "数量"]
    assert measure(d, ms=0.0).number_text == 0  # 267851.5 in 数量 is a count, as its header says


FORM = ("专项资金情况（万元）|资金总额：|237.50", "绩效目标指标|一级指标|二级指标|三级指标|目标值",
        "|成本指标|经济成本指标|资金使用率|100%")


def test_the_tail_of_a_wrapped_form_title_is_no_table_title():
    """泉州 wraps a 绩效目标表's title (p28: “301008_泉州市公安局台商投资区分局_科技兴警绩效” / “目标表”): the tail
    alone looked like a table's title; with its head it names a form the table reader leaves alone, as it
    leaves the same document's other 绩效目标表."""
    assert _read("301008_泉州市公安局台商投资区分局_科技兴警绩效", "目标表", *FORM).items == ()
    assert len(_read("2026年一般公共预算拨款支出预算", "表", "单位：万元", "科目编码|科目名称|合计",
                     "201|一般公共服务支出|12.00").items) == 1  # a budget table's title wrapped the same way


def test_an_indicator_grid_under_any_title_is_no_budget_table():
    claim = _read("目标表", *FORM)
    assert [t.not_budget for t in claim.items] == ["项目绩效表"]


def test_a_table_in_three_panes_is_read_pane_by_pane():
    """The national 决算's 基本支出决算表 (p12) prints 科目代码 科目名称 决算数 three times: 人员经费, then
    公用经费 over two panes, its 公用经费合计 spanning both with the figure in the last."""
    d = read_disclosure(CENTRAL_FINAL)
    t = next(t for t in d.tables if t.kind is K.GENERAL_BASIC_ECONOMIC)
    assert [c.key for c in t.amount_columns()] == ["total"]
    coded = t.coded_rows()
    assert [(c, str(coded[c].number("total"))) for c in ("301", "302", "310", "31002", "31099")] == [
        ("301", "6982.75"), ("302", "2239.41"), ("310", "27.24"), ("31002", "24.67"), ("31099", "2.58")]
    subtotals = [(r.label, str(r.number("total"))) for r in t.rows_by_role(RowRole.SUBTOTAL)]
    assert subtotals == [("人员经费合计", "7967.72"), ("公用经费合计", "2266.65")]
    assert t.rows[-1].label == "公用经费合计"  # after 307, 310 and 399, which it sums
