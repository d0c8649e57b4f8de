"""Completeness warnings on real city disclosures (issue 18, "every finding true"): the false ones the pages refute,
gone; the real ones kept, with the page's words. Pages read with ``pdftotext -layout -f N -l N`` (poppler).

The cities folder is not bundled: these run where the shared corpus is (``YUSUAN_CORPUS``).
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
def document(name: str):
    return read_disclosure(CITIES / name)


@lru_cache(maxsize=None)
def findings(name: str):
    return audit(document(name)).findings


def said(name: str, rule: str) -> list[str]:
    return [f.message for f in findings(name) if f.rule == rule and f.severity is not Severity.INFO]


# --- complete.table_entity -------------------------------------------------------------------------------

def test_quanzhou_tables_without_a_department_line_are_said_once_for_the_document():
    # fj-qz-09bdaf86 p8 “2026 年度收支预算总表 / 单位：万元”: no 部门名称 line on any of its 10 tables; the cover names
    # 泉州市市场监管综合监测与技术保障中心. The region's layout, not a slip: one hint for the document, not ten warnings.
    assert said("fj-qz-09bdaf86.pdf", "complete.table_entity") == []
    (f,) = [f for f in findings("fj-qz-09bdaf86.pdf") if f.rule == "complete.table_entity"]
    assert f.severity is Severity.INFO and "全部10张表格均未注明" in f.message


def test_a_unit_budget_naming_itself_with_its_benji_is_the_same_name():
    # js-wx-4de41d2e p14 “单位：无锡市交通运输局（本级）”, the cover “无锡市交通运输局（本级）2026 年度单位预算公开”
    assert said("js-wx-4de41d2e.pdf", "complete.table_entity") == []


def test_xian_department_line_under_a_long_bracketed_qualifier_is_read():
    # sn-xa-49e9fb54 p46: “２０２１年部门综合预算一般公共预算支出明细表” / “（按支出功能分类科目－不含上年结转）” /
    # “预算单位：西安市民政局  单位：元”; p47 prints title, qualifier and header again and goes on at row 29.
    d = document("sn-xa-49e9fb54.pdf")
    t = next(t for t in d.tables if t.provenance.page == 46)
    assert t.entity == "西安市民政局" and t.title.endswith("（按支出功能分类科目-不含上年结转）")
    assert {r.provenance.page for r in t.rows} == {46, 47}  # one table over both pages
    assert said("sn-xa-49e9fb54.pdf", "complete.table_entity") == []


# --- complete.total_row ----------------------------------------------------------------------------------

def test_a_total_printed_in_the_code_column_is_a_total_row():
    # central-ca5db9ed p8 收入决算表: “合计 20,451.35 19,572.91 … 878.44” under 项目/科目代码, the name column empty
    assert said("central-ca5db9ed.pdf", "complete.total_row") == []


def test_guangzhou_three_public_row_is_the_tables_total():
    # gd-gz-14641e5b p19: 行政经费 990.04, “三公”经费 149.77, 其中：（一）因公出国（境）支出 127.00 …
    assert said("gd-gz-14641e5b.pdf", "complete.total_row") == []


def test_xian_fund_table_ends_with_this_years_totals():
    # sn-xa-44854b69 p29 部门综合预算政府性基金收支表: “本年收入合计 | 本年支出合计 | 本年支出合计 | 本年支出合计”
    assert not any("政府性基金" in m for m in said("sn-xa-44854b69.pdf", "complete.total_row"))


def test_a_carry_over_table_without_a_total_is_still_said_as_a_hint():
    # sn-xa-0a2d2c8d p29 财拨结转资金支出表: two projects (9.00, 2.61) listed one by one and no 合计 line under them:
    # a listing whose form needs no total — a hint, not a warning
    assert not any("结转资金支出表" in m for m in said("sn-xa-0a2d2c8d.pdf", "complete.total_row"))
    assert any(f.rule == "complete.total_row" and f.severity is Severity.INFO and "结转资金支出表" in f.message
               for f in findings("sn-xa-0a2d2c8d.pdf"))


# --- complete.empty_table_note ---------------------------------------------------------------------------

def test_a_table_of_zeros_under_a_no_spending_note_is_no_contradiction():
    # fj-qz-09bdaf86 p13: “合计 0.00 0.00 0.00” / “备注：本单位 2026 年没有使用政府性基金预算拨款安排的支出。”
    assert said("fj-qz-09bdaf86.pdf", "complete.empty_table_note") == []


def test_a_standing_if_none_note_is_no_no_data_note():
    # hn-cs-74cd21a2 p20: 合计 0.50 (公务接待费 0.50) / “此表如无数字则表示单位无该项支出。”
    assert said("hn-cs-74cd21a2.pdf", "complete.empty_table_note") == []


def test_xian_list_of_tables_marks_empty_ones_with_a_reason():
    # sn-xa-05218864 p35 目录: “表11  2022年部门综合预算财政拨款上年结转资金支出表  是  不涉及”; p57 prints the header only
    assert said("sn-xa-05218864.pdf", "complete.empty_table_note") == []


def test_shanghai_narrative_saying_the_fund_is_nil_explains_its_empty_tables():
    # sh-55b77dc5 编制说明: “政府性基金拨款支出预算0万元…国有资本经营预算拨款支出预算为0”; pp15-16 both tables empty
    assert said("sh-55b77dc5.pdf", "complete.empty_table_note") == []


def test_an_empty_basic_table_the_document_never_explains_is_still_said():
    # sh-8d85a424 p14 一般公共预算基本支出部门预算经济分类预算表: header and an empty 合计, no note; the 编制说明 says
    # nothing of 基本支出 (all 11,885万元 are 项目支出)
    assert any("基本支出" in m for m in said("sh-8d85a424.pdf", "complete.empty_table_note"))


# --- complete.three_public_items -------------------------------------------------------------------------

def test_three_public_columns_are_judged_by_their_printed_headers():
    # cq-015b6829 p20: “2026年预算数 | 合计 | 因公出国 | 公务用车购置及运行费 … | 公务接待费”
    assert said("cq-015b6829.pdf", "complete.three_public_items") == []
    # sn-xa-0a2d2c8d p32: 2019年 block “合计 | 小计 | 因公出国（境）| 公务接待费 | 公务用车购置及运行维护费 小计 购置经费 运行维护”
    assert said("sn-xa-0a2d2c8d.pdf", "complete.three_public_items") == []


# --- complete.explanation_sections, complete.empty_sections ----------------------------------------------

def test_run_in_headings_are_the_explanations_parts():
    # cq-015b6829 五、其他重要事项的情况说明: “（一）机关运行经费。2026 年一般公共预算财政拨款运行经费 1,815 万元…”,
    # “（二）政府采购情况。…”, “（三）绩效目标设置情况。…”, “（四）国有资产占有使用情况。…”
    assert said("cq-015b6829.pdf", "complete.explanation_sections") == []
    # hn-cs-74cd21a2 六: “（一）机关运行经费：…”, “（二）“三公”经费预算：…”, “（七）预算绩效目标说明：…”
    assert said("hn-cs-74cd21a2.pdf", "complete.explanation_sections") == []


def test_a_list_of_units_read_as_headings_is_no_empty_heading():
    # gd-gz-7ca93e6d p5 三、部门预算构成: “预算单位24个，具体包括：” / “（一）广州市第一人民医院” / “（二）…”
    assert said("gd-gz-7ca93e6d.pdf", "complete.empty_sections") == []


# --- complete.contents_entries ---------------------------------------------------------------------------

def test_contents_entries_worded_a_little_otherwise_are_found():
    # sn-xa-05218864 目录 “九、部门预算绩效目标说明”, “十、机关运行经费安排说明”; body “九、部门预算绩效目标情况说明”,
    # “十、机关运行经费安排情况说明”; 目录 “六、部门预算“三公”经费等情况说明”, body “六、部门预算“三公”经费等预算情况说明”
    assert said("sn-xa-05218864.pdf", "complete.contents_entries") == []


def test_contents_naming_a_table_by_its_short_name_and_a_part_reworded_are_found():
    # hn-cs-74cd21a2 目录 “1、部门收支总表” for the body's “2026年部门收支总体情况表”; “第一部分 2026 年部门预算说明” for
    # “第一部分 部门预算公开说明”. Its “10、部门整体支出绩效目标表” is not printed: the narrative names it, no table follows.
    assert said("hn-cs-74cd21a2.pdf", "complete.contents_entries") == ["目录所列“10、部门整体支出绩效目标表”在正文中未找到。"]


def test_a_contents_entry_for_another_subject_under_the_same_number_is_still_said():
    # sn-xa-1bfd0c2c 目录 “四、部门人员情况说明”; the body's 四 is “四、部门预算收支情况说明”
    assert said("sn-xa-1bfd0c2c.pdf", "complete.contents_entries") == ["目录所列“四、部门人员情况说明”在正文中未找到。"]


def test_xian_list_of_tables_read_as_contents_is_matched_without_its_empty_marks():
    # sn-xa-0a2d2c8d p2 目录 (a list of tables): “表9 2019年部门综合预算政府性基金收支表 是 本单位无政府性基金预算”,
    # “表14 2019年部门整体支出绩效目标表 否”; p33 prints “2019年部门整体支出绩效目标表” over its form
    assert said("sn-xa-0a2d2c8d.pdf", "complete.contents_entries") == []


def test_a_wrapped_part_heading_ends_the_contents():
    # gd-gz-2848e358 p3 opens with “第一部分 广州市人民政府国有资产监督管” / “理委员会概况”: the body, not a 目录 entry
    d = document("gd-gz-2848e358.pdf")
    assert all(e.provenance.page == 2 for e in d.contents)
    assert said("gd-gz-2848e358.pdf", "complete.contents_entries") == []


# --- target.duplicate_form, final.item_statements --------------------------------------------------------

def test_forms_whose_project_name_was_not_read_are_not_duplicates():
    # hn-cs-794e5387 pp24-50 2025年项目支出绩效目标表: one row per project (106001 大型警保卫及基础设施安全保护工作经费
    # 428.69 …), read as forms without a name
    assert said("hn-cs-794e5387.pdf", "target.duplicate_form") == []


def test_final_items_are_found_by_the_code_printed_in_the_code_column():
    # central-ca5db9ed p11 一般公共预算财政拨款支出决算表 “2014001 行政运行 5,757.63”; p21 “1.一般公共服务（类）信访事务（款）
    # 行政运行（项）。…支出决算为 5757.63 万元”. The overall sentence goes on “其中：” to the items, which give the reasons.
    # p22 names “归口管理的行政单位离退休（项）”, the table prints “2080501 行政单位离退休”: a real mismatch of names.
    msgs = said("central-ca5db9ed.pdf", "final.item_statements")
    assert len(msgs) == 1 and "归口管理的行政单位离退休" in msgs[0]


def test_a_contents_entry_worded_a_little_otherwise_does_not_make_the_reading_incomplete():
    # sn-xa-1d514d70 p2 目录 “六、部门预算“三公”经费等情况说明”, the body p11 “六、部门预算“三公”经费等预算情况说明”:
    # the audit found it by meaning, but the reader's own check (exit 3, 健康报告 “incomplete”) did not (11 西安 files)
    from yusuan.ingest import is_incomplete

    d = document("sn-xa-1d514d70.pdf")
    assert [i.message for i in d.issues if i.code == "ingest.contents_not_found"] == []
    assert not is_incomplete(d)


def test_the_reader_and_the_audit_name_the_same_missing_contents_entries():
    # hn-cs-74cd21a2 目录 “10、部门整体支出绩效目标表”: truly not printed (census verdict real); both say so
    d = document("hn-cs-74cd21a2.pdf")
    read = [i.text for i in d.issues if i.code == "ingest.contents_not_found"]
    audited = [f.message for f in findings("hn-cs-74cd21a2.pdf") if f.rule == "complete.contents_entries"]
    assert len(read) == len(audited) == 1 and "部门整体支出绩效目标表" in read[0] and "部门整体支出绩效目标表" in audited[0]


def test_the_tables_part_named_with_the_short_name_of_the_department_is_the_tables():
    # 江苏 人大常委会办公厅 2017 目录 “第二部分 省人大办公厅 2017 年度部门预算表”; p6 prints
    # “第二部分 江苏省人大常委会办公厅 / 2017 年度部门预算表” over its twelve tables
    d = read_disclosure(Path(__file__).resolve().parents[2] / "samples" / "jiangsu" / "js-npc-office-2017-dept-budget-full-520fa5.pdf")
    assert [i.text for i in d.issues if i.code == "ingest.contents_not_found"] == []
    assert [f for f in audit(d).findings if f.rule == "complete.contents_entries"] == []
