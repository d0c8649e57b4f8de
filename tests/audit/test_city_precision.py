"""Warnings the audit raised on real city disclosures that the printed page refutes, gone, and the real ones
kept (issue 18, "every finding true"); pages read with poppler's pdftotext, as in test_city_errors."""
from __future__ import annotations

from decimal import Decimal

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


def _general_basic_economic(*rows):
    from builders import disclosure, table

    return disclosure(table(K.GENERAL_BASIC_ECONOMIC, "total personnel operating", list(rows)))


def test_an_economic_code_printed_again_beside_another_government_code_is_not_out_of_order():
    # 西安 sn-xa-05218864 p47 基本支出明细表: "30101 基本工资 50101 工资奖金津补贴 10874417.40" then
    # "30101 基本工资 50501 工资福利支出 14365260.00" — one 部门经济 code split by its 政府经济 codes
    from builders import group, item, total

    d = _general_basic_economic(
        total("合计", "25239677.40", "25239677.40", ""), group("301", "工资福利支出", "25239677.40", "25239677.40", ""),
        item("30101", "基本工资", "10874417.40", "10874417.40", ""), item("30101", "基本工资", "14365260.00", "14365260.00", ""))
    assert run(d, "code.order") == ()


def test_each_unit_of_a_table_listed_by_unit_starts_the_codes_again():
    # 西安 sn-xa-0a2d2c8d p20 基本支出明细表: 125001 西安市安全生产监督管理局 … 303 … 30304 抚恤金 0.36, then
    # 125002 西安市安全生产宣传教育中心 276.60 and its 301 工资福利支出 248.49 from the start
    from builders import group, item, total

    d = _general_basic_economic(
        total("合计", "279.11", "279.11", ""), item("西安市安全生产监督管理局", "2.51", "2.51", ""),
        group("303", "对个人和家庭的补助", "2.51", "2.51", ""), item("30304", "抚恤金", "2.51", "2.51", ""),
        item("西安市安全生产宣传教育中心", "276.60", "276.60", ""), group("301", "工资福利支出", "276.60", "276.60", ""),
        item("30101", "基本工资", "276.60", "276.60", ""))
    assert run(d, "code.order") == ()
    # within one unit, a code before a smaller one is still out of order (长沙 hn-cs-794e5387 p18: 2040220 执法办案
    # 1,740.93 printed before 2040202 一般行政管理事务 36,490.02)
    d = _general_basic_economic(
        total("合计", "2.51", "2.51", ""), group("303", "对个人和家庭的补助", "2.51", "2.51", ""),
        item("30304", "抚恤金", "2.15", "2.15", ""), item("30302", "退休费", "0.36", "0.36", ""))
    assert len(run(d, "code.order")) == 1


@corpus
def test_city_tables_out_of_code_order_are_the_printed_ones():
    for name in ("sn-xa-05218864.pdf", "sn-xa-0a2d2c8d.pdf", "js-wx-7a2e13fd.pdf"):
        assert flagged(name, "code.order") == [], name
    # js-wx-7a2e13fd p14 prints "21999 其他支出 502.00" twice under 219: a duplicate, still reported as one
    assert len(flagged("js-wx-7a2e13fd.pdf", "code.duplicate")) == 3
    # real: sn-xa-1bfd0c2c p33 prints 2011007 博士后日常经费 7 before 2011004 政府特殊津贴 16.32
    (f,) = flagged("sn-xa-1bfd0c2c.pdf", "code.order")
    assert "2011004" in f and "2011007" in f


@corpus
def test_a_three_public_item_above_the_basic_table_s_is_no_warning():
    # 重庆经信委 cq-f9825b9a p26 2026年财政拨款“三公”经费支出情况表: 因公出国（境）费 207.50; p24 一般公共预算基本支出
    # 情况表 30212 因公出国（境）费用 8: the other 199.50 is projects' (the 三公 table counts all 财政拨款)
    assert flagged("cq-f9825b9a.pdf", "cross.three_public_vs_economic") == []
    (f,) = [f for f in findings("cq-f9825b9a.pdf") if f.rule == "cross.three_public_vs_economic"]
    assert f.severity is Severity.INFO and "项目支出" in f.message and f.difference == Decimal("199.50")


def _projects(*rows):
    from builders import disclosure, table

    return disclosure(table(K.PROJECTS, "total general_public", list(rows), title="部门预算项目支出及其他支出预算表"))


def _project_findings(d):
    from yusuan.audit import audit

    found = audit(d, only={"arith.project_unit_sum", "arith.project_total", "ingest.issue"}).findings
    return [f for f in found if f.severity is not Severity.INFO or "读取存疑" in f.message]


def test_a_project_named_like_a_unit_is_summed_with_its_unit():
    # 广州 gd-gz-2cbc7738 p24-26 表12: 广州市规划和自然资源局 21,182.33 holds its projects; one of them, printed
    # indented with its 绩效目标, is “广州市城市规划展览中心” 1,250.00 (read as a unit): 21,182.33 = the 11 rows
    # before it (3,532.50) + 1,250.00 + the 24 rows after it (16,399.82), to 0.01 of rounding
    from builders import group, item, total

    d = _projects(
        total("合计", "21207.33", "5525.53"), group("广州市规划和自然资源局", "21182.33", "5500.53"),
        item("其他运行经费", "3532.50", "1408.43"), group("广州市城市规划展览中心", "1250.00", "1250.00"),
        item("土地出让合同印花税", "16399.82", "2842.10"),
        group("广州市不动产登记中心", "25.00", "25.00"), item("业务用房物业管理费", "25.00", "25.00"))
    assert _project_findings(d) == []
    # the same unit short of a project is wrong, and said so
    d = _projects(
        total("合计", "21207.33", "5525.53"), group("广州市规划和自然资源局", "21182.33", "5500.53"),
        item("其他运行经费", "3532.50", "1408.43"), group("广州市城市规划展览中心", "1250.00", "1250.00"),
        item("土地出让合同印花税", "16300.82", "2842.10"),
        group("广州市不动产登记中心", "25.00", "25.00"), item("业务用房物业管理费", "25.00", "25.00"))
    assert any(f.rule == "arith.project_unit_sum" and f.severity is Severity.ERROR and "广州市规划和自然资源局" in f.message
               for f in _project_findings(d))


def test_a_unit_whose_name_wraps_round_its_figures_is_a_unit_not_a_project():
    # 广州 gd-gz-2cbc7738 p32-33: 广州市房地产交易登记中心 1,543.30 = 223.76 + 859.20 + 70.00 + 215.69 + 100.00 + 45.69
    # + 28.95 (= 1,543.29); then "广州市地质调查院（广州市 / 5,457.24 / 海洋发展促进中心）" (read as a project) = its rows
    from builders import group, item, total

    d = _projects(
        total("合计", "2543.30", ""), group("广州市房地产交易登记中心", "1543.30", ""),
        item("业务用房物业管理费", "223.76", ""), item("机构运行辅助经费", "859.20", ""), item("不动产登记经费", "70.00", ""),
        item("不动产登记服务保障专项经费", "215.69", ""), item("历年结余职工福利基金", "100.00", ""),
        item("广州市房地产交易登记中心2025-2026年信息化运维项目", "45.69", ""),
        item("广州市房地产交易登记中心2026-2027年信息化运维项目", "28.95", ""),
        item("广州市地质调查院（广州市海洋发展促进中心）", "1000.00", ""), item("车船运行维护费", "195.33", ""),
        item("地质调查和灾害防治", "486.61", ""), item("海洋资源调查监测", "188.19", ""), item("其他运行经费", "129.87", ""))
    assert _project_findings(d) == []


@corpus
def test_guangzhou_project_tables_add_up_as_printed():
    assert [f.message for f in findings("gd-gz-2cbc7738.pdf")
            if f.rule.startswith("arith.project") and "读取存疑" in f.message] == []
    assert not [f for f in findings("gd-gz-2cbc7738.pdf") if "read.table_uncertain" in f.message]


def test_a_total_printed_in_the_unit_code_column_tells_whether_the_carry_over_counts():
    # 西安 sn-xa-5a4c42d2 p23 部门综合预算收入总表 (元): “合计” is centred over 单位编码 and 单位名称, and read into the code's
    # column; 合计 42,034,723.58 = 一般公共预算拨款 40,052,896.08 + 上年实户资金余额 981,827.50 + 其他收入 1,000,000.00
    from test_city_layouts import read

    from yusuan.audit import audit

    d = read("部门综合预算收入总表", "单位：元", "单位编码|单位名称|合计|一般公共预算拨款|上年结转|上年实户资金余额|其他收入",
             "合计||42,034,723.58|40,052,896.08||981,827.50|1,000,000.00",
             "117|西安市审计局|42,034,723.58|40,052,896.08||981,827.50|1,000,000.00")
    assert audit(d, only={"arith.income_row_sources"}).findings == ()
    # a unit row that leaves out its 上年实户资金余额 is still reported — as a 提示, the 合计 row having no name
    d = read("部门综合预算收入总表", "单位：元", "单位编码|单位名称|合计|一般公共预算拨款|上年结转|上年实户资金余额|其他收入",
             "合计||42,034,723.58|40,052,896.08||981,827.50|1,000,000.00",
             "117|西安市审计局|41,052,896.08|40,052,896.08||981,827.50|1,000,000.00")
    (f,) = audit(d, only={"arith.income_row_sources"}).findings
    assert f.severity is Severity.INFO and "西安市审计局" in f.message and "读取存疑" in f.message


@corpus
def test_xian_income_tables_add_up_with_their_cash_balance():
    assert [f.message for f in findings("sn-xa-5a4c42d2.pdf") if f.rule == "arith.income_row_sources"] == []


def test_an_economic_sub_item_with_no_kuan_above_it_counts_in_its_class():
    # 西安 sn-xa-0a2d2c8d p20 基本支出明细表 (西安市安全生产宣传教育中心): 301 工资福利支出 248.49 = 30101 基本工资 68.47
    # + 3010201 津贴补贴 29.32 + 3010202 改革性补贴 6.61 (no 30102 printed) + 30107 40.67 + 30108 22.12 + 30110 5.80
    # + 30112 0.50 + 30113 19.80 + 30199 55.20
    from builders import group, item

    rows = [("30101", "基本工资", "68.47"), ("3010201", "津贴补贴", "29.32"), ("3010202", "改革性补贴", "6.61"),
            ("30107", "绩效工资", "40.67"), ("30108", "机关事业单位基本养老保险缴费", "22.12"),
            ("30110", "职工基本医疗保险缴费", "5.80"), ("30112", "其他社会保障缴费", "0.50"), ("30113", "住房公积金", "19.80"),
            ("30199", "其他工资福利支出", "55.20")]
    d = _general_basic_economic(group("301", "工资福利支出", "248.49", "248.49", ""),
                                *(item(c, n, v, v, "") for c, n, v in rows))
    assert run(d, "arith.economic_group_sum") == ()
    # where the region prints 30102 above them, they are its, not the class's
    d = _general_basic_economic(group("301", "工资福利支出", "104.40", "104.40", ""), item("30101", "基本工资", "68.47", "68.47", ""),
                                group("30102", "津贴补贴", "35.93", "35.93", ""), item("3010201", "津贴补贴", "29.32", "29.32", ""),
                                item("3010202", "改革性补贴", "6.61", "6.61", ""))
    assert run(d, "arith.economic_group_sum") == ()


@corpus
def test_xian_economic_classes_add_up_with_their_regional_sub_items():
    assert [f.message for f in findings("sn-xa-0a2d2c8d.pdf") if f.rule == "arith.economic_group_sum"
            and "读取存疑" in f.message] == []


@corpus
def test_xian_project_units_add_up_through_their_headings():
    # sn-xa-05218864 p51: 253002 西安市散装水泥发展服务中心 537,000 = 通用项目 313,000 (→ 购买服务（审计、绩效、ppp项目评价）
    # 313,000 → 行业管理检查 313,000) + 专用项目 224,000 (→ 其他履职尽责专项业务费 224,000 → 安全生产管理 224,000)
    found = [f.message for f in findings("sn-xa-05218864.pdf") if f.rule == "arith.project_unit_sum"]
    assert not [m for m in found if "西安市散装水泥发展服务中心" in m or "西安市住房和城乡建设局" in m]


def test_a_unit_short_of_a_project_finds_no_outline_among_equal_projects():
    # headings stand at the top only (通用项目, 专用项目): three projects of 1.00 under a unit of 2.00 are not
    # "a heading of 1.00 over a project of 1.00, and a project"
    from builders import group, item, total

    d = _projects(total("合计", "2.00", ""), group("某单位", "2.00", ""), *(item(f"项目{i}", "1.00", "") for i in range(3)))
    assert [f.rule for f in _project_findings(d) if f.severity is Severity.ERROR] == ["arith.project_unit_sum"]


def test_a_unit_read_as_a_project_and_a_project_read_as_a_unit_in_one_stretch():
    # 广州 gd-gz-d34a51d3 p44-47: 广州市固体废物管理中心 163.39 = 13.30 + 76.08 + 23.99 + 38.98 + 11.03; then the unit
    # 广州市环境技术中心（广州市美丽城市建设中心）811.59 read as its project, and among that unit's projects the indented
    # “广州市生态环境科技协同创新中心” 13.40 read as a unit (figures shortened here)
    from builders import group, item, total

    d = _projects(
        total("合计", "183.39", ""), group("广州市固体废物管理中心", "163.39", ""), item("民安大厦物业管理费", "13.30", ""),
        item("固废管理专项工作经费", "76.08", ""), item("信息化运维项目", "23.99", ""), item("一体化平台建设项目", "38.98", ""),
        item("2026-2027年信息化运维项目", "11.03", ""), item("广州市环境技术中心（广州市美丽城市建设中心）", "20.00", ""),
        item("机构运行辅助经费", "5.00", ""), group("广州市生态环境科技协同创新中心", "7.00", ""), item("业务用房物业管理费", "8.00", ""))
    assert _project_findings(d) == []


@corpus
def test_guangzhou_ecology_project_table_adds_up_as_printed():
    assert [f.message for f in findings("gd-gz-d34a51d3.pdf")
            if f.rule.startswith("arith.project") and "读取存疑" in f.message] == []
