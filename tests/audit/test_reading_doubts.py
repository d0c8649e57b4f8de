"""A table's own identities check the reading (issue 17): where one fails and the reading gives a reason
for doubt (a cell not under any column, a page of the table not read, its rows going on in a table
not joined), the arithmetic finding is a 提示 (info, never a warning: issue 18) marked 读取存疑 and the table gets a reading note
(read.table_uncertain); the same failure on a reading nothing doubts stays an error."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from builders import FILE, K, disclosure, group, item, table, total

from yusuan.audit import Severity, audit
from yusuan.model import IngestIssue, Provenance
from yusuan.recognize.claims import Context
from yusuan.recognize.tables import recognize_tables
from yusuan.sources.text import read_text

ROW_RULES = {"arith.expenditure_row_basic_project", "arith.class_sum", "arith.section_sum", "arith.total_of_classes"}


def expenditure(**kw):
    # 2081005: 814.48 ≠ 259.60 + 500.00 as read (the document prints 554.88 for 项目支出)
    return table(K.GENERAL_EXPENDITURE, "total basic project", [
        total("合计", "814.48", "259.60", "554.88"),
        group("208", "社会保障和就业支出", "814.48", "259.60", "554.88"),
        group("20810", "社会福利", "814.48", "259.60", "554.88"),
        item("2081005", "社会福利事业单位", "814.48", "259.60", "500.00"),
    ], **kw)


def on_pages(t, *pages):
    rows = tuple(replace(r, provenance=replace(r.provenance, page=p)) for r, p in zip(t.rows, pages))
    return replace(t, rows=rows, provenance=replace(t.provenance, page=pages[0]))


def issue(code, line, page=None):
    return IngestIssue(code=code, severity="warning", message="…", provenance=Provenance(file=FILE, page=page, line=line),
                       text="2081005\t社会福利事业单位\t814.48\t259.60\t500.00\t54.88")


def row_findings(d, rule="arith.expenditure_row_basic_project"):
    report = audit(d, only={*ROW_RULES, "ingest.issue"})
    notes = [f for f in report.findings if "read.table_uncertain" in f.message]
    return [f for f in report.findings if f.rule == rule], notes


def test_a_failing_row_the_reader_could_not_place_a_cell_of_is_doubtful_not_wrong():
    (f,), (note,) = row_findings(disclosure(expenditure(), issues=(issue("ingest.cell_unplaced", 103),)))
    assert f.severity is Severity.INFO and "读取存疑" in f.message and "列可能错位" in f.message
    assert note.severity is Severity.INFO and "《一般公共预算支出表》的读取存疑" in note.message


def test_the_same_failure_on_a_reading_nothing_doubts_is_an_error():
    (f,), notes = row_findings(disclosure(expenditure()))
    assert f.severity is Severity.ERROR and "读取存疑" not in f.message and notes == []
    # a doubt about another table's row does not soften this one
    (f,), _ = row_findings(disclosure(expenditure(), issues=(issue("ingest.cell_unplaced", 999),)))
    assert f.severity is Severity.ERROR


def test_a_page_of_the_table_not_read_makes_its_sums_doubtful():
    t = on_pages(table(K.GENERAL_EXPENDITURE, "total basic project", [
        total("合计", "1402.81", "0", "1402.81"), group("213", "农林水支出", "1402.81", "0", "1402.81"),
        group("21301", "农业农村", "1402.81", "0", "1402.81"), item("2130101", "行政运行", "477.81", "0", "477.81"),
        item("2130199", "其他农业农村支出", "298.45", "0", "298.45"),
    ]), 31, 31, 31, 31, 33)  # p32 (2130104 事业运行 626.55) was not read
    found, (note,) = row_findings(disclosure(t), "arith.section_sum")
    assert found and all(f.severity is Severity.INFO and "第32页没有读到任何一行" in f.message for f in found)
    assert "read.table_uncertain" in note.message


def test_a_table_going_on_in_the_next_page_s_table_makes_both_doubtful():
    head = on_pages(table(K.GENERAL_EXPENDITURE, "total basic project", [
        total("合计", "1402.81", "0", "1402.81"), group("213", "农林水支出", "1402.81", "0", "1402.81"),
        group("21301", "农业农村", "1402.81", "0", "1402.81"), item("2130101", "行政运行", "477.81", "0", "477.81"),
    ]), 31, 31, 31, 31)
    rest = on_pages(table(K.GENERAL_EXPENDITURE, "total basic project", [
        item("2130104", "事业运行", "626.55", "0", "626.55"), item("2130199", "其他农业农村支出", "298.45", "0", "298.45"),
    ], id="t02", first_line=120), 32, 32)
    found, _ = row_findings(disclosure(head, rest), "arith.section_sum")
    assert found and all(f.severity is Severity.INFO and "未能合并" in f.message for f in found)


# 上海市职业能力考试院 2026年预算 (cities/sh-7cc63e19.pdf) p17 prints ``19349,057``, ``2603,760`` …: figures the
# reader cannot read (not a number), so 工资福利支出 read as 0 against its items' 1,358,273 read.
SH_P17 = [
    "2026年预算单位一般公共预算基本支出部门预算经济分类预算表", "编制单位：上海市职业能力考试院|单位：元",
    "项目|||一般公共预算基本支出||", "经济分类科目编码||部门经济分类科目名称|合计|人员经费|公用经费", "类|款||||",
    "301||工资福利支出|19349,057|19349,057|", "301|01|基本工资|2603,760|2603,760|", "301|02|津贴补贴|278,220|278,220|",
    "301|07|绩效工资|10360,707|10360,707|", "301|08|机关事业单位基本养老保险缴费|2116,344|2116,344|",
    "301|09|职业年金缴费|1058,172|1058,172|", "301|10|职工基本医疗保险缴费|1851,801|1851,801|",
    "301|12|其他社会保障缴费|92,592|92,592|", "301|13|住房公积金|925,901|925,901|", "301|99|其他工资福利支出|61,560|61,560|",
]


def test_shanghai_sums_over_figures_the_reader_could_not_read_are_doubtful():
    text = "\n".join(ln.replace("|", "\t") for ln in SH_P17) + "\n"
    raw = read_text(Path(FILE), data=text.encode("utf-8"))
    claim = recognize_tables(raw.lines, Context(FILE))
    report = audit(disclosure(*claim.items, template="shanghai-9", issues=claim.issues),
                   only={"arith.economic_group_sum", "ingest.issue"})
    found = report.by_rule("arith.economic_group_sum")
    assert found and not report.errors
    assert all(f.severity is Severity.INFO and "读取存疑" in f.message and "未能读为数字" in f.message for f in found)
    assert any("read.table_uncertain" in f.message and "工资福利支出" in f.message for f in report.findings)
