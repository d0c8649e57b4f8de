"""Layouts cities print that the rules must read as the document means them, each with its arithmetic:
a 款 printed by its own digits, a unit's code among the classification codes, （一） lines under 一、
headings, a 总计 that includes 上年结转, project tables nested deeper than their names tell."""
from __future__ import annotations

from pathlib import Path

from yusuan.audit import Severity, audit
from yusuan.recognize.pipeline import recognize
from yusuan.sources.text import read_text


def read(*lines: str):
    text = "\n".join(ln.replace("|", "\t") for ln in lines) + "\n"
    return recognize(read_text(Path("inline.txt"), data=text.encode("utf-8")))


def errors(d, *rules: str):
    return [f for f in audit(d, only=set(rules)).findings if f.severity is Severity.ERROR]


def test_a_kuan_printed_by_its_own_digits_is_its_class_s_kuan():
    # 长沙 hn-cs-74cd21a2 p13 prints ``| 03 |`` in the 款 column under 205; 西安 sn-xa-0a2d2c8d p7 prints ``05`` under 208
    d = read("2026年部门支出总体情况表", "单位：万元", "科目编码|科目名称|合计|基本支出|项目支出",
             "208|社会保障和就业支出|113.28|113.28|", "05|行政事业单位养老支出|113.28|113.28|",
             "2080505|机关事业单位基本养老保险缴费支出|113.28|113.28|")
    assert [r.code for r in d.tables[0].rows] == ["208", "20805", "2080505"]
    assert errors(d, "code.valid_format", "code.hierarchy") == []


def test_a_budget_units_code_is_not_a_classification_code():
    # 西安 sn-xa-0a2d2c8d p7: ``125001 | 西安市安全生产监督管理局`` heads its unit's rows
    d = read("2019年部门综合预算一般公共预算支出明细表（按支出功能分类科目）", "单位：万元",
             "功能科目编码|功能科目名称|合计|人员经费支出|公用经费支出|专项业务经费支出",
             "125001|西安市安全生产监督管理局|2080.32|972.99|98.88|1008.45")
    row = d.tables[0].rows[0]
    assert (row.code, row.text("unit_code")) == (None, "125001")
    assert errors(d, "code.valid_format") == []


def test_numbered_lines_under_a_heading_are_not_added_twice():
    # 重庆 cq-54c6fc73 p15: 支出合计 = 一、本年支出 + 二、结转下年; the （一）… lines are 一、's parts
    d = read("2026年财政拨款收支总体情况表", "单位：万元", "收入||支出|", "项目|预算数|项目|预算数",
             "一、本年收入|100.00|一、本年支出|100.00", "（一）一般公共预算资金|100.00|（一）一般公共服务支出|60.00",
             "||（二）教育支出|40.00", "二、上年结转||二、结转下年|", "收入合计|100.00|支出合计|100.00")
    assert errors(d, "arith.fiscal_expenditure_total", "arith.fiscal_income_total") == []
    wrong = read("2026年财政拨款收支总体情况表", "单位：万元", "收入||支出|", "项目|预算数|项目|预算数",
                 "一、本年收入|100.00|一、本年支出|100.00", "（一）一般公共预算资金|100.00|（一）一般公共服务支出|60.00",
                 "||（二）教育支出|40.00", "二、上年结转||二、结转下年|", "收入合计|100.00|支出合计|90.00")
    assert [f.rule for f in errors(wrong, "arith.fiscal_expenditure_total")] == ["arith.fiscal_expenditure_total"]


def test_a_grand_total_includes_the_carried_over_money():
    # 泉州 fj-qz-568290e6 p9: 总计 81206.56 = 本年 73606.56 + 上年结转结余 7600.00 (no 本年收入 column)
    d = read("2026年度收入预算总表", "单位：万元", "单位名称|总计|一般公共预算拨款收入|事业收入|上年结转结余",
             "合计|81206.56|73606.56||7600.00")
    assert errors(d, "arith.income_row_sources") == []
    # the reference prints 本年收入/合计 beside 上年结转: there the carried-over money stays out
    ref = read("2025年收入总表", "单位：万元", "科目编码|科目名称|本年收入||上年结转", "||合计|一般公共预算|",
               "201|一般公共服务支出|10.00|10.00|5.00")
    assert errors(ref, "arith.income_row_sources") == []


def test_a_project_table_nested_deeper_than_its_names_adds_up_level_by_level():
    # 西安 sn-xa-05218864 p51: unit → 通用项目 → 专项购置 → project, all printed flush left; each heading is exactly
    # the rows under it, and the unit its top rows (issue 18: summed as the page means it, no doubt left)
    def table(unit: str, special: str):
        return read("2022年部门综合预算专项业务经费支出表", "单位：元", "单位编码|单位（项目）名称|项目金额",
                    f"|合计|{unit}", f"253001|西安市住房和城乡建设局|{unit}", "|通用项目|100.00", "|专项购置|100.00",
                    "|办公设备购置经费|100.00", f"|专用项目|{special}", "|绩效评价及评估费|200.00", "|农村危房改造补助资金|300.00")

    found = audit(table("600.00", "500.00"), only={"arith.project_unit_sum", "arith.project_total", "ingest.issue"}).findings
    assert [f.message for f in found if f.rule != "ingest.issue" or "table_uncertain" in f.message] == []
    # a unit that is not its top rows closes no outline: the reading stays in doubt, a 提示
    found = audit(table("650.00", "500.00"), only={"arith.project_unit_sum", "arith.project_total"}).findings
    assert found and all(f.severity is Severity.INFO for f in found)
    notes = audit(table("650.00", "500.00"), only={"arith.project_unit_sum", "ingest.issue"}).findings
    assert any("read.table_uncertain" in f.message and "分组层次" in f.message for f in notes)
