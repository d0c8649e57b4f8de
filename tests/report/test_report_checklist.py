"""The reviewer's 公开情况检查表: items in reviewers' order, 是/否, problems in the right rows."""
from __future__ import annotations

from dataclasses import replace

import openpyxl
import pytest
from report_sample import sample

from yusuan.audit import Finding, Location, Severity
from yusuan.model import Section
from yusuan.report import render_checklist
from yusuan.report.checklist_place import Placer

SHANXI_TABLES = ["收支总表", "收入总表", "支出总表", "财政拨款收支总表", "一般公共预算支出表",
                 "一般公共预算基本支出分经济科目表", "政府性基金预算收入表", "政府性基金预算支出表",
                 "国有资本经营预算收支表", "“三公”经费表", "机关运行经费表", "项目支出表（本年）", "项目支出表（上年结转）"]


@pytest.fixture
def workbook(tmp_path):
    d, report = sample()
    path = tmp_path / "检查表.xlsx"
    render_checklist(report, d, path)
    return openpyxl.load_workbook(path)


def _rows(ws, first: int) -> dict[str, tuple]:
    return {r[1]: r for r in ws.iter_rows(min_row=first, values_only=True) if r[1]}


def test_sheets_header_and_print_setup(workbook):
    assert workbook.sheetnames == ["公开情况检查表", "全部问题", "规则运行情况"]
    ws = workbook["公开情况检查表"]
    assert ws["A1"].value == "阳泉市民政局2025年度部门预算公开情况检查表"
    assert "模板：山西13表" in ws["A2"].value  # what people call it, not the program's name for it
    assert [c.value for c in ws[3]] == ["序号", "检查项目", "检查内容", "符合要求", "存在问题", "涉及规则"]
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.print_title_rows == "$3:$3"
    assert ws["E4"].alignment.wrap_text


def test_items_in_reviewers_order_with_every_template_table(workbook):
    titles = [r[1] for r in workbook["公开情况检查表"].iter_rows(min_row=4, values_only=True)]
    assert titles[:5] == ["封面", "目录", "职能职责（部门职责）", "机构设置", "名词解释"]
    assert titles[5] == "编制说明：收支总体情况" and titles[16] == "编制说明：其他说明"
    tables = titles[17:30]
    assert tables[0] == "表1：2025年预算收支总表" and tables[1] == "表2：2025年预算收入总表"
    # tables the document lacks still get their row, named by kind, in the template's order
    assert [t.split("：", 1)[1] for t in tables[2:]] == SHANXI_TABLES[2:]
    assert titles[30:] == ["项目说明/绩效目标表", "其他问题"]


def test_problems_land_on_their_items(workbook):
    rows = _rows(workbook["公开情况检查表"], 4)
    income = rows["表2：2025年预算收入总表"]
    assert income[3] == "否"
    assert "1.《2025年预算收入总表》“合计”行“本年收入/合计”列应为2895.75万元" in income[4]
    assert "\n2.科目2080201的名称" in income[4] and "警告" not in income[4]  # as a reviewer writes it
    assert "另有尾差提示 1 条" in income[4]  # the rounding info is counted, not listed
    assert "arith." not in income[5] and "code." not in income[5]  # the rules by their titles, never their ids
    assert rows["编制说明：“三公”经费"][3] == "否" and "与表中数据不符" in rows["编制说明：“三公”经费"][4]
    assert rows["项目说明/绩效目标表"][3] == "否"
    # a missing table named in an ingest message goes to that table's row
    fund = rows["表8：政府性基金预算支出表"]
    assert fund[3] == "否" and "未找到“政府性基金预算支出表”" in fund[4]
    assert rows["封面"][3] == "是" and rows["封面"][4] in (None, "")
    assert rows["其他问题"][3] == "是"


def test_findings_and_outcomes_sheets(workbook):
    ws = workbook["全部问题"]
    head = [c.value for c in ws[1]]
    assert head[:6] == ["序号", "检查项目", "严重程度", "问题", "位置", "原文"]
    first = [c.value for c in ws[2]]
    assert first[1:3] == ["表2：2025年预算收入总表", "错误"]
    assert first[6:10] == ["2,895.75", "2,895.74", "-0.01", "万元"]  # exact, as text
    assert ws.max_row == 7  # header + the six findings
    assert [c.value for c in ws["C"]][1:] == ["错误", "错误", "警告", "警告", "警告", "提示"]  # open errors first
    outcomes = list(workbook["规则运行情况"].iter_rows(min_row=3, values_only=True))
    assert outcomes[0][1:3] == ("已运行", 1)
    assert outcomes[-1][1:4] == ("不适用", 0, "缺少政府性基金预算支出表")
    assert not any("arith." in str(v) for row in outcomes for v in row)


def test_accepted_error_leaves_its_item_compliant(tmp_path):
    d, report = sample()
    (narrative,) = [f for f in report.findings if f.rule.startswith("narrative")]
    _, accepted = sample(frozenset({narrative.fingerprint}))
    render_checklist(accepted, d, tmp_path / "x.xlsx")
    rows = _rows(openpyxl.load_workbook(tmp_path / "x.xlsx")["公开情况检查表"], 4)
    assert rows["编制说明：“三公”经费"][3] == "是" and "已接受 1 条" in rows["编制说明：“三公”经费"][4]


def _placed(d, *locations: Location, rule: str = "narrative.x") -> str:
    return Placer(d).item_for(Finding(rule, Severity.ERROR, "错误。", locations))


def test_narrative_sections_placed_by_their_headings_and_parents():
    d, _ = sample()
    sec = lambda id, title: Section(id, "第三部分", "", 2, title, (), d.sections[0].provenance)  # noqa: E731
    d = replace(d, sections=(sec("s3.4", "财政拨款收支预算总体情况说明"), sec("s3.5", "一般公共预算支出情况说明"),
                             sec("s3.5.1", "一般公共预算当年支出规模变化情况"), sec("s3.6", "一般公共预算基本支出情况说明"),
                             sec("s3.1", "部门预算收支数据变动情况及原因"), sec("s1.2", "机构设置情况")))
    assert _placed(d, Location(section="s3.4")) == "n.fiscal"
    assert _placed(d, Location(section="s3.5.1")) == "n.general"
    assert _placed(d, Location(section="s3.6")) == "n.basic"
    assert _placed(d, Location(section="s3.1")) == "n.overall"
    assert _placed(d, Location(section="s1.2")) == "organisation"
    # a narrative finding belongs with its sentence even when it also points at a table cell
    cell = Location(table="t02", row=0, column="total")
    assert _placed(d, cell, Location(section="s3.4", sentence="……")) == "n.fiscal"
    assert _placed(d, cell, Location(section="s3.4"), rule="cross.x") == "table.income_summary"
    assert _placed(d, Location(), rule="org.unit_names") == "organisation"
    # a project statement's part, wherever its heading sits, is the projects' business, not 其他说明
    d2 = replace(d, sections=(sec("s8", "其他相关情况说明"), sec("s8.3", "实施方案"), sec("s8.4", "立项依据")))
    assert _placed(d2, Location(section="s8.3")) == "targets" and _placed(d2, Location(section="s8.4")) == "targets"
    assert _placed(d, Location(line=3)) == "other"


def test_target_findings_go_to_the_forms_and_stray_lines_to_their_table():
    d, _ = sample()
    project_row = Location(table="t02", row=3, line=203)
    assert _placed(d, project_row, rule="target.project_without_form") == "targets"
    stray = Finding("ingest.issue", Severity.WARNING, "此行内容未能归入任何表格或章节。（ingest.unplaced_line）",
                    (Location(line=202, sentence="20802\t民政管理事务"),))
    assert Placer(d).item_for(stray) == "table.income_summary"
    in_section = replace(stray, locations=(Location(line=11, sentence="……"),))  # s3.7 starts on line 10
    assert Placer(d).item_for(in_section) == "n.three_public"


def test_long_problem_lists_are_cut_and_counted(tmp_path):
    d, report = sample()
    many = tuple(Finding("ingest.issue", Severity.WARNING, f"第{i}行未能归位。", (Location(sentence=f"残行{i}"),))
                 for i in range(45))
    render_checklist(replace(report, findings=report.findings + many), d, tmp_path / "x.xlsx")
    other = _rows(openpyxl.load_workbook(tmp_path / "x.xlsx")["公开情况检查表"], 4)["其他问题"]
    assert other[3] == "否" and "1.第0行未能归位。" in other[4]
    listed = other[4].count("未能归位")
    assert 10 < listed < 45 and other[4].endswith(f"……另有 {45 - listed} 条，见“全部问题”表。")
