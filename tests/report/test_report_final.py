"""A 决算 file goes through the reports like a budget: the checklist names it a 决算, lists its nine
决算 tables as items and puts its findings in the right rows; the HTML report renders."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from yusuan.audit import audit
from yusuan.ingest import read_disclosure
from yusuan.report import render_checklist

FINAL = Path(__file__).resolve().parents[2] / "samples" / "final" / "putuo-planning-2024-final.pdf"


@pytest.fixture(scope="module")
def read():
    d = read_disclosure(FINAL)
    return d, audit(d)


def test_checklist_of_a_final(read, tmp_path):
    d, report = read
    path = tmp_path / "决算检查表.xlsx"
    render_checklist(report, d, path)
    ws = openpyxl.load_workbook(path)["公开情况检查表"]
    assert ws["A1"].value == "上海市普陀区规划和自然资源局2024年度部门决算公开情况检查表"
    rows = {r[1]: r for r in ws.iter_rows(min_row=4, values_only=True) if r[1]}
    for n, title in enumerate(["收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表",
                               "一般公共预算财政拨款支出决算表", "一般公共预算财政拨款基本支出决算表",
                               "财政拨款“三公”经费支出决算表", "政府性基金预算财政拨款收入支出决算表",
                               "国有资本经营预算财政拨款收入支出决算表"], start=1):
        assert f"表{n}：{title}" in rows, title
    three_public = next(r for k, r in rows.items() if "“三公”经费" in k and k.startswith("编制说明"))
    assert three_public[3] == "否" and "下降（增长）" in three_public[4]
    organisation = rows["机构设置"]
    assert organisation[3] == "否" and "上海市规划和自然资源局" in organisation[4]


def test_html_report_of_a_final(read):
    from yusuan.report import render_html

    d, report = read
    html = render_html(report, d)
    assert "上海市普陀区规划和自然资源局" in html and 'data-rule="final.item_statements"' in html
    assert "决算说明：某项的预算数、决算数、完成率或原因有误" in html
