"""Errors the audit raised on real city disclosures that the documents themselves refute, gone; and the
real ones kept, each with the page's arithmetic (issue 17: "an error needs a reading the document
itself confirms"). The pages were read with ``pdftotext -layout -f N -l N`` (poppler, not our reader).

The cities folder is not bundled (51 MB): these run where the shared corpus is (``YUSUAN_CORPUS``).
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import pytest

from yusuan.audit import Severity, audit
from yusuan.ingest import read_disclosure

CITIES = Path(os.environ.get("YUSUAN_CORPUS", "/work/shared/corpus")) / "cities"
pytestmark = pytest.mark.skipif(not CITIES.is_dir(), reason="shared corpus not present")


@lru_cache(maxsize=None)
def findings(name: str):
    return audit(read_disclosure(CITIES / name)).findings


def errors(name: str, *prefixes: str) -> list[str]:
    return [f"{f.rule} {f.message}" for f in findings(name)
            if f.severity is Severity.ERROR and f.rule.startswith(prefixes or ("",))]


def test_chongqing_prints_the_total_over_its_lines_and_counts_carry_over_with_each_source():
    # cq-015b6829 p9 收支总体情况表: 合计 19,230.18 printed first = 一、一般公共预算资金 18,417.70 + 五、事业收入资金 812.48
    # p14 财政拨款收支总体情况表: （一）一般公共预算资金 17,552.65, 二、上年结转 （一）一般公共预算拨款 865.06;
    # p10 收入总体情况表 一般公共预算拨款收入 18,417.70 = 17,552.65 + 865.06 (尾差 0.01): the same money, carried over
    assert errors("cq-015b6829.pdf", "arith.", "cross.") == []


def test_a_stated_count_is_checked_only_against_its_own_list():
    # cq-015b6829 p2: "共设置 24 个内设机构和机关党办、离退休人员工作处" — two bodies besides the 24, not a list of them
    assert errors("cq-015b6829.pdf", "org.stated_counts") == []


def test_xian_nests_1_and_paren_1_under_its_groups_and_of_which_lines_are_no_terms():
    # sn-xa-986dbf11 p25 部门综合预算收支总表: 一、部门预算 303,312,586.17 = 1、财政拨款 303,312,586.17 (its （1）一般公共
    # 预算拨款 303,312,586.17 is under 1、, and "其中：专项资金列入部门预算的项目 170,160,000.00" is part of （1）)
    assert errors("sn-xa-986dbf11.pdf", "arith.", "cross.") == []


def test_xian_lines_between_this_years_total_and_the_grand_total_count():
    # sn-xa-05218864 p36: 支出总计 2,273,583,740.03 = 本年支出合计 2,271,233,740.03 + 结转下年 2,350,000.00;
    # its 支出总表 (p38) is by source with no 项目支出 column: nothing to compare the 专项业务经费表 total with
    assert errors("sn-xa-05218864.pdf", "arith.", "cross.") == []
    # sn-xa-ec8af35b p22: 收入总计 3,444,476,979.18 = 本年收入合计 3,280,825,029.74 + 上年实户资金余额 32,624,907.71
    # + 上年结转 131,027,041.73; the 说明's "当年财政拨款收入337,741.21万元，其中：一般公共预算拨款收入324,638.50万元、
    # 上年结转13,102.70万元" is the 财政拨款收支总表's 收入总计 (p25: 3,377,412,071.47元), carry-over included
    assert errors("sn-xa-ec8af35b.pdf", "arith.", "cross.", "narrative.fiscal_totals") == []


def test_xian_income_table_by_source_counts_carry_over_and_cash_balance_in_its_total():
    # sn-xa-fb1854e3 收入总表: 合计 = 一般公共预算拨款 + … + 上年结转 + 上年实户资金余额, and that 合计 is the
    # 收支总表's 收入总计, not its 本年收入合计
    assert errors("sn-xa-fb1854e3.pdf", "arith.", "cross.") == []


def test_xian_unit_rows_that_leave_out_their_own_carry_over_are_real_errors():
    # sn-xa-1bfd0c2c p30 2020年部门综合预算收入总表: the 合计 row adds up with its 上年结转
    # (182,157.13 = 181,716.56 + 上年结转 90.57 + 其他收入 350), but the unit rows do not:
    # 242001 西安市人力资源和社会保障局 24,417.66 + 上年结转 60.37 = 24,478.03 ≠ 合计 24,417.66
    # 242005 西安市就业服务中心 356.49 + 3.82 = 360.31 ≠ 356.49; 242010 职业介绍服务中心 1,103.37 + 26.38 = 1,129.75
    found = errors("sn-xa-1bfd0c2c.pdf", "arith.income_row_sources")
    assert len(found) == 3
    assert any("应为24478.03万元，实为24417.66万元" in f for f in found)
    # 3010201 津贴补贴 printed under 301 工资福利支出: 西安's own sub-item of 30102, not a malformed code
    assert errors("sn-xa-1bfd0c2c.pdf", "code.valid_format") == []


def test_a_project_named_like_a_unit_is_counted_in_its_unit():
    # gd-gz-57f5d6dd p30-31 项目支出表: 广州市地震监测中心 1,609.89 = 206.90 + 124.90 + "广州市安全生产全民教育体验中心"
    # 789.04 (an indented project) + 86.85 + 31.99 + 104.16 + 228.00 + 0.94 + 6.71 + 18.29 + 12.10 (= 1,609.88)
    assert errors("gd-gz-57f5d6dd.pdf", "arith.") == []
    found = [f for f in findings("gd-gz-57f5d6dd.pdf") if f.rule.startswith("arith.project")]
    # summed as the page means it (issue 18): no reading doubt left, the 0.01 a rounding note
    assert found and all(f.severity is Severity.INFO and "读取存疑" not in f.message for f in found)
    assert any("广州市地震监测中心" in f.message and "11行" in f.message and "尾差" in f.message for f in found)


def test_a_numbered_enumerations_changes_belong_to_each_item_not_its_head():
    # sn-xa-986dbf11 说明 七(二): "一般公共预算支出30,331.26万元，其中：1.行政运行（2010601）4,702.02万元，较上年增加
    # 121.66万元，增长2.66%" — 121.66 ÷ (4,702.02 − 121.66) = 2.66%, the item's own change (was read against 30,331.26)
    assert errors("sn-xa-986dbf11.pdf", "narrative.change_implied") == []


def test_the_central_final_accounts_keep_one_real_error():
    # central-ca5db9ed (国家信访局 2024 决算) p7 收入支出决算总表: 行次 1 … 31 numbers the lines (本年收入合计 is 行次 27,
    # 20,451.35万元); p22 “因公出国（境）费4.69万元，占10.15%；公务用车购置及运行费40.61万元，占87.88%；公务接待费
    # 0.9万元，占1.95%”: shares of the 三公 total (46.21 unrounded), none of them of 4.69.
    # The one real slip, p14: “收、支总计22066.59万元…各增加5834.37万元，增长35.74%”:
    # 5,834.37 ÷ (22,066.59 − 5,834.37 = 16,232.22) = 35.94%, not 35.74%.
    found = errors("central-ca5db9ed.pdf")
    assert len(found) == 1 and found[0].startswith("narrative.change_implied") and "应为35.94%" in found[0]


def test_quanzhou_income_table_counts_carry_over_like_the_summarys_income_total():
    # fj-qz-6502fc55 p10 收支预算总表: 本年收入合计 50,741.63, 收入合计 58,341.63; p11 收入预算总表 合计 总计 58,341.63
    # (上年结转结余 7,600.00 included): the same figure as 收入合计, not as 本年收入合计
    assert errors("fj-qz-6502fc55.pdf", "cross.summary_sources_vs_income_table") == []


def test_items_of_an_enumeration_each_with_its_own_change():
    # fj-qz-6502fc55 说明: "公务用车购置及运行费…1186.00万元，其中：公务用车运行费856.00万元，比上年增加174.00万元，
    # 增长25.51%；公务用车购置费330.00万元，比上年增加0.00万元" — 174 ÷ (856 − 174) = 25.51%, the item's own change
    assert errors("fj-qz-6502fc55.pdf", "narrative.change_implied") == []


def test_a_list_over_a_page_break_is_read_whole_and_matches_its_count():
    # cq-ed11c309 p4: "下属 12 个二级预算单位，分别是…" names 12 units, the list running over the page break
    # ("重庆市水文监测总站（市水质监测— 4 —中心）"); read short it was a warning to look at, read joined (issue 18)
    # it matches its count: no finding at all
    assert [f for f in findings("cq-ed11c309.pdf") if f.rule == "org.stated_counts"] == []


def test_a_year_inside_a_quoted_document_title_is_no_comparison():
    # sn-xa-affc2505 (西安市发改委 2019) p6: "…《关于西安市2018年国民经济和社会发展计划执行情况与2019年国民经济和社会
    # 发展计划草案的报告》" — the report's title, not a comparison with 2019; sn-xa-3f525e76 (2022) p37
    # "用经费预算115.36万元，比2020年增加16.93万元" compares with 2020, not 2021: a real slip, kept
    assert errors("sn-xa-affc2505.pdf", "wording.comparison_year") == []
    assert len(errors("sn-xa-3f525e76.pdf", "wording.comparison_year")) == 1


def test_an_amount_change_is_paired_with_its_own_rate_not_the_next_clauses():
    # gd-gz-2d05a3c6 说明: "机关运行经费安排5,077.89万元，比上年增加948.35万元，增长23%，…如对比2025年年度预算，则减少
    # 64.62万元，下降1.26%" — two pairs, each with its own direction (948.35 was set against 1.26%)
    assert errors("gd-gz-2d05a3c6.pdf", "narrative.change_direction") == []


def test_marks_with_a_taller_box_stay_on_their_line():
    # cq-52ece7fd p15: PDFium gives “、” a box 24 pt tall beside 一's 12 pt, so by its top it read as a line of its
    # own above “一 本年收入” ("、一 本年收入", "( )一 一般公共预算资金"), and the 财政拨款收支总体情况表's sums failed
    from yusuan.sources.detect import read_source

    rows = [line.cells[:3] for line in read_source(CITIES / "cq-52ece7fd.pdf").lines if line.page == 15]
    assert ("一、本年收入", "154,023.82", "一、本年支出") in rows
    assert ("(一)一般公共预算资金", "154,023.82", "(一)一般公共服务支出") in rows
    assert errors("cq-52ece7fd.pdf", "arith.") == [] and errors("cq-f9825b9a.pdf", "arith.") == []


def test_a_title_cut_after_an_enumeration_mark_is_one_title():
    # sn-xa-1c078368 p78 prints "2022年部门综合预算一般公共预算拨款“三公”经费、" / "会议费、培训费表（不含上年结转）":
    # read as its second line alone it was a 会议费培训费表 and the 三公 table "missing" (a false error)
    from yusuan.ingest import read_disclosure

    last = read_disclosure(CITIES / "sn-xa-1c078368.pdf").tables[-1]
    assert last.kind.value == "three_public" and last.title.startswith("2022年部门综合预算一般公共预算拨款“三公”经费、")
    assert errors("sn-xa-1c078368.pdf", "complete.required_tables") == []


def test_xian_2019_headings_without_figures_and_panes_with_labels_of_their_own():
    # sn-xa-0a2d2c8d p6 财政拨款收支总表 (four ways side by side): “一、部门预算” printed without a figure over
    # “1、财政拨款 3,643.37”; the 部门预算经济分类 pane: 1、人员经费和公用经费支出 2,022.39 + 2、专项业务经费支出 1,620.98
    # = 3,643.37 (its “(1)工资福利支出 1,834.69 …” under them are not added again)
    assert errors("sn-xa-0a2d2c8d.pdf", "arith.") == []


def test_a_code_printed_again_beside_another_code_or_under_another_unit_is_no_duplicate():
    # sn-xa-1bfd0c2c 一般公共预算基本支出明细表: "30101 基本工资 | 50101 工资奖金津补贴 | 1242.25" and "30101 基本工资 |
    # 50501 工资福利支出 | 347.14" — one 部门经济 item split by its 政府经济 codes; sn-xa-0a2d2c8d lists the classes
    # again under each unit (125001 …, 125002 …)
    for name in ("sn-xa-1bfd0c2c.pdf", "sn-xa-0a2d2c8d.pdf"):
        assert not [f for f in findings(name) if f.rule == "code.duplicate"]
