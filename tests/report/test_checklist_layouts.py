"""Checklist layouts are data: a bureau's form is a YAML file; the bundled ones are chosen by template."""
from __future__ import annotations

from dataclasses import replace

import openpyxl
import pytest
from report_sample import sample

from yusuan.errors import InputError
from yusuan.report.checklist import render_checklist
from yusuan.report.layout import choose, load, names, sheet_rows

OTHER_BUREAU = """
name: example-district
label: 示例区检查表
templates: []
sheet: "{level}预算检查"
title: "{year}年度示例区{level}预算公开检查表"
header:
  - {text: "单位：{organisation}", span: 3}
columns:
  - {key: group, label: 类别, width: 10}
  - {key: title, label: 检查项目, width: 30}
  - {key: verdict, label: 是否合格, width: 10}
  - {key: problems, label: 存在问题, width: 60}
groups:
  - name: 报表
    rows:
      - {title: 收入总表, items: [table.income_summary]}
      - {title: 其他报表, items: [table.income_expenditure_summary, table.expenditure_summary]}
  - name: 文字
    rows:
      - {title: 情况说明, items: [n.three_public, n.overall]}
      - {title: 公开时间, manual: 请人工核对。}
"""


def test_another_bureaus_form_is_a_file(tmp_path):
    path = tmp_path / "example.yaml"
    path.write_text(OTHER_BUREAU, encoding="utf-8")
    d, report = sample()
    out = tmp_path / "x.xlsx"
    render_checklist(report, d, out, layout=str(path))
    ws = openpyxl.load_workbook(out)["部门预算检查"]
    assert ws["A1"].value == "2025年度示例区部门预算公开检查表" and ws["A2"].value == "单位：阳泉市民政局"
    assert [c.value for c in ws[3]] == ["类别", "检查项目", "是否合格", "存在问题"]
    body = [tuple(c.value for c in r) for r in ws.iter_rows(min_row=4)]
    assert [r[:3] for r in body] == [("报表", "收入总表", "否"), (None, "其他报表", "是"), ("文字", "情况说明", "否"),
                                     (None, "公开时间", None)]
    assert "应为2895.75万元" in body[0][3] and body[3][3] == "请人工核对。"
    assert {str(m) for m in ws.merged_cells.ranges} >= {"A4:A5", "A6:A7"}


def test_a_layout_with_an_unknown_column_or_an_empty_row_is_refused(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(OTHER_BUREAU.replace("key: verdict", "key: verdikt"), encoding="utf-8")
    with pytest.raises(InputError, match="未知的列"):
        load(str(bad))
    empty = tmp_path / "empty.yaml"
    empty.write_text(OTHER_BUREAU.replace("manual: 请人工核对。", "items: []"), encoding="utf-8")
    with pytest.raises(InputError, match="没有对应的检查项目"):
        load(str(empty))
    with pytest.raises(InputError, match="shanghai-putuo"):
        load("no-such-layout")


def test_bundled_layouts_chosen_by_template():
    d, _ = sample()
    assert set(names()) >= {"generic", "shanghai-putuo"}
    assert choose(d).name == "generic"
    shanghai = replace(d, meta=replace(d.meta, template="shanghai-9"))
    assert choose(shanghai).name == "shanghai-putuo"
    assert choose(shanghai, "generic").name == "generic"
    rows = sheet_rows(load("shanghai-putuo"), shanghai)
    assert [r.title for r in rows][:3] == ["及时公开部门预算", "封面", "目录"] and len(rows) == 18
    # the generic layout has a row per template table, named as the document prints it
    assert [r.title for r in sheet_rows(load("generic"), d)][17] == "表1：2025年预算收支总表"


def test_a_projects_own_performance_heading_stays_with_the_project():
    from yusuan.audit import Finding, Location, Severity
    from yusuan.model import Section
    from yusuan.report.checklist_place import Placer

    d, _ = sample()
    sec = lambda id, title: Section(id, "", "", 2, title, (), d.sections[0].provenance)  # noqa: E731
    d = replace(d, sections=(sec("s7", "人民调解项目经费情况说明"), sec("s7.7", "绩效目标"), sec("s6.4", "绩效目标设置情况")))
    place = lambda s: Placer(d).item_for(Finding("review.x", Severity.WARNING, "x", (Location(section=s),)))  # noqa: E731
    assert (place("s7.7"), place("s6.4")) == ("targets", "n.performance")
