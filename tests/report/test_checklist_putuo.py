"""The 普陀区 公开情况检查表 for 上海市普陀区司法局 2026 (部门 and 单位 in one workbook), compared row by
row with the checklists the district's reviewers filled by hand (samples/checklists/*.review.xlsx):
the same rows, the same verdicts, and every problem they marked present in our 问题描述."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PIL import Image

from yusuan.audit.runner import audit
from yusuan.ingest import read_disclosure
from yusuan.report.checklist import Checked, render_checklists
from yusuan.report.screenshots import PageSource

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "checklists"
LEVELS = ("dept", "unit")
FIRST, LAST = 6, 23  # the reviewers' rows: 及时性 … 项目经费情况说明


def _pdf(level: str) -> Path:
    return SAMPLES / f"putuo-justice-2026-{level}-budget.pdf"


@pytest.fixture(scope="module")
def ours(tmp_path_factory):
    docs = []
    for level in LEVELS:
        d = read_disclosure(_pdf(level))
        docs.append(Checked(audit(d), d, PageSource.read(_pdf(level))))
    path = tmp_path_factory.mktemp("putuo") / "检查表.xlsx"
    render_checklists(docs, path)
    wb = openpyxl.load_workbook(path)
    return {level: wb.worksheets[i] for i, level in enumerate(LEVELS)} | {"book": wb}


@pytest.fixture(scope="module")
def theirs():
    return {level: openpyxl.load_workbook(SAMPLES / f"putuo-justice-2026-{level}-budget.review.xlsx").active
            for level in LEVELS}


def _rows(ws) -> list[tuple]:
    return [(ws.cell(r, 1).value, ws.cell(r, 2).value, ws.cell(r, 4).value) for r in range(FIRST, LAST + 1)]


def _row(ws, title: str) -> int:
    return next(r for r in range(FIRST, LAST + 1) if ws.cell(r, 2).value == title)


@pytest.mark.parametrize("level", LEVELS)
def test_same_rows_headings_and_merges_as_the_reviewers_form(ours, theirs, level):
    mine, form = ours[level], theirs[level]
    assert [r[:2] for r in _rows(mine)] == [r[:2] for r in _rows(form)]
    for cell in ("A1", "A3", "A5", "D5"):
        assert mine[cell].value == form[cell].value
    assert mine["A4"].value.startswith("公开网址：")
    assert (mine["E5"].value, mine["F5"].value) == ("问题描述", "问题截图")
    merged = {str(m) for m in mine.merged_cells.ranges}
    assert {"A5:C5", "A7:A23", "B12:C12", "B23:C23"} <= merged
    assert ours["book"].sheetnames[:2] == ["2026年部门预算", "2026年单位预算"]


# Rows where we find a real problem the reviewers passed over: the unit's 收支总表 splits 基本支出 into
# 人员经费 20,374,181 and 公用经费 1,744,680 while its economic table gives 20,272,981 and 1,845,880.34
# (101,200 moved between the two; cross.personnel_operating_split).
MORE_THAN_THE_REVIEWERS = {"unit": {"《单位财务收支预算总表》"}, "dept": set()}


@pytest.mark.parametrize("level", LEVELS)
def test_same_verdicts_as_the_reviewers(ours, theirs, level):
    mine, form = _rows(ours[level]), _rows(theirs[level])
    extra = MORE_THAN_THE_REVIEWERS[level]
    judged = [(m[1], m[2]) for m in mine if m[1] != f"及时公开{'部门' if level == 'dept' else '单位'}预算"]
    expected = [(f[1], "否" if f[1] in extra else f[2]) for f in form if f[1] in dict(judged)]
    assert judged == expected
    assert all(f[2] == "是" for f in form if f[1] in extra)  # the reviewers did pass these rows


PROBLEMS = [  # (level, row, what the reviewer wrote, words our 问题描述 must hold)
    ("dept", "目录", "目录后有一页多余的空表页", ["第 3 页是空白页"]),
    ("dept", "主要职能", "主要职能中部分文字未正常显示", ["第 4 页", "被裁剪区域遮住", "（八）负责本系统警车管理工作"]),
    pytest.param("dept", "预算编制说明", "5处与上年比较写成了同一年度", ["比2026年"]),
    pytest.param("dept", "预算编制说明", "“工作量增加”后面漏了个句号", ["工作量增加"]),
    ("dept", "预算编制说明", "“支出。。”连续两个句号", ["。。"]),
    ("dept", "预算编制说明", "3845.49 相比 43269.3 不可能是“增加17.62%”", ["17.62%", "-91.11%"]),
    ("dept", "预算编制说明", "医疗卫生与计划生育支出（210类）应为卫生健康支出", ["医疗卫生与计划生育支出", "卫生健康支出"]),
    ("dept", "预算编制说明", "住房公积金208.8万元，后面又写2026年预算安排201.50万元", ["208.8万元", "201.50万元"]),
    ("dept", "项目经费情况说明", "“优秀调解案例”活动”多了一个右引号", ["优秀调解案例”活动", "右引号"]),
    ("unit", "预算编制说明", "“财政拨款收入支出增加（减少）”", ["增加（减少）"]),
    ("unit", "预算编制说明", "1434.89 相比 1690.69 约减少15.13%，不是 1.10%", ["1.10%", "-15.13%"]),
    ("unit", "预算编制说明", "第7项前面写56.12万元，后面又写57.8万元", ["56.12万元", "57.8万元"]),
    ("unit", "预算编制说明", "第13项前面写207万元，后面又写170.03万元、增加21.74%", ["207万元", "170.03万元", "21.74%"]),
    ("unit", "预算编制说明", "医疗卫生与计划生育支出（210类）", ["医疗卫生与计划生育支出"]),
    ("unit", "《单位支出预算总表》", "行政运行合计与基本支出、项目支出之和不等", ["2040601 行政运行", "基本支出 + 项目支出"]),
    ("unit", "《单位一般公共预算支出功能分类预算表》", "行政运行合计与分项之和不等", ["2040601 行政运行", "基本支出 + 项目支出"]),
    ("unit", "其他相关说明", "“主要原因是。”句子残缺", ["主要原因是。", "残缺"]),
    ("unit", "其他相关说明", "单位预算中写成“部门预算安排……”", ["单位预算", "“部门预算”"]),
]


@pytest.mark.parametrize("level,title,reviewer,words", PROBLEMS)
def test_every_reviewer_problem_is_in_our_description(ours, theirs, level, title, reviewer, words):
    ws = ours[level]
    r = _row(ws, title)
    assert theirs[level].cell(r, 4).value == "否"  # the reviewers marked this row
    described = ws.cell(r, 5).value or ""
    assert ws.cell(r, 4).value == "否"
    assert all(w in described for w in words), f"{reviewer}: {described}"


@pytest.mark.parametrize("level", LEVELS)
def test_every_failed_row_has_its_screenshot(ours, level):
    ws = ours[level]
    pictured = {img.anchor._from.row + 1 for img in ws._images if img.anchor._from.col == 5}
    failed = {r for r in range(FIRST, LAST + 1) if ws.cell(r, 4).value == "否"}
    assert failed and failed == pictured
    for img in ws._images:
        picture = Image.open(img.ref)
        assert 100 < picture.width <= 450 and picture.height > 20  # fits the 问题截图 column
