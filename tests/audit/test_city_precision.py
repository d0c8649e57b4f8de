"""Warnings the audit raised on real city disclosures that the printed page refutes, gone, and the real ones
kept (issue 18, "every finding true"); pages read with poppler's pdftotext, as in test_city_errors."""
from __future__ import annotations

import pytest
from builders import K, mini_department, relabel
from test_city_errors import CITIES, findings
from test_rules_arith import run

from yusuan.audit import Severity

corpus = pytest.mark.skipif(not CITIES.is_dir(), reason="shared corpus not present")


def flagged(name: str, rule: str) -> list[str]:
    """The warnings and errors of `rule` on a corpus document."""
    return [f.message for f in findings(name) if f.rule == rule and f.severity is not Severity.INFO]


@pytest.mark.parametrize("label", ["二十四、对附属单位补助支出", "二十五、上缴上级支出", "未安排支出的实户资金",
                                   "一、基本支出", "五、上缴上级支出", "1、人员经费和公用经费支出", "(1)工资福利支出",
                                   "(5)资本性支出（基本建设", "栏次", ""])
def test_a_summary_line_by_use_or_economic_class_is_no_function_class(label):
    # 广州 p7 收支总体情况表 (gd-gz-57f5d6dd): 二十三、… then 二十四、对附属单位补助支出, 二十五、上缴上级支出;
    # 长沙 p12 (hn-cs-74cd21a2) lists its expenditure by use only: 一、基本支出 386.73, 二、项目支出 270.00 …;
    # 西安 p29 (sn-xa-1bfd0c2c) prints its 部门经济 pane (1、人员经费和公用经费支出, (1)工资福利支出 …) beside the
    # function pane, and 未安排支出的实户资金 under 结转下年; the 决算 总表 (central-ca5db9ed p7) has a 栏次 line
    d = relabel(mini_department(), K.INCOME_EXPENDITURE_SUMMARY, "二十、住房保障支出", label)
    assert run(d, "code.summary_class_lines") == ()


def test_a_class_printed_without_its_zhichu_is_that_class():
    # 西安 sn-xa-0a2d2c8d p3 2019年部门综合预算收支总表: "1、一般公共服务 … 20、住房保障 157.42 … 23、灾害防治及应急管理
    # 3,271.54": the 类 names without 支出 (24、预备费 … 29、债务发行费用支出 were always found)
    d = relabel(mini_department(), K.INCOME_EXPENDITURE_SUMMARY, "二十、住房保障支出", "20、住房保障")
    assert run(d, "code.summary_class_lines") == ()
    assert run(d, "cross.summary_classes_vs_expenditure") == ()  # still compared as 221, and equal
    # a class name really misprinted is still reported
    d = relabel(mini_department(), K.INCOME_EXPENDITURE_SUMMARY, "二十、住房保障支出", "20、住房")
    assert len(run(d, "code.summary_class_lines")) == 1


@corpus
@pytest.mark.parametrize("name", ["gd-gz-57f5d6dd.pdf", "hn-cs-74cd21a2.pdf", "sn-xa-0a2d2c8d.pdf", "sn-xa-1bfd0c2c.pdf",
                                  "central-ca5db9ed.pdf"])
def test_city_summaries_print_no_unknown_class(name):
    assert flagged(name, "code.summary_class_lines") == []
