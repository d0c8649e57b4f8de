"""What a comparison may say depends on what the two publications are to each other: findings fixed and
new only between versions (or consecutive years) of one organisation's publication; a department with its
unit is a 部门–单位 comparison; labels tell A from B; row names match across "1." and "1、"; only the
differences on request; the narratives paragraph by paragraph."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from yusuan.audit import Finding, Location, Severity
from yusuan.audit.compare_docs import compare, label_key
from yusuan.audit.compare_findings import finding_changes
from yusuan.audit.compare_relation import Relation
from yusuan.audit.compare_text import spans, text_changes
from yusuan.audit.runner import Report
from yusuan.cli import app
from yusuan.ingest import read_disclosure
from yusuan.report.compare_report import sections

PDF = Path(__file__).resolve().parents[2] / "samples" / "pdf"
DEPT, UNIT = PDF / "putuo-govoffice-2025-dept-budget.pdf", PDF / "putuo-govoffice-2025-unit-budget.pdf"
W2024, W2025 = PDF / "putuo-wanli-2024-dept-budget.pdf", PDF / "putuo-wanli-2025-dept-budget.pdf"


@pytest.fixture(scope="module")
def docs():
    return {p.stem: read_disclosure(p) for p in (DEPT, UNIT, W2024, W2025)}


def _second_version(d):
    """The same publication re-issued: another file, other bytes, the same organisation, year and level."""
    return replace(d, source=replace(d.source, file="第二版.pdf", sha256="0" * 64))


def test_department_with_its_unit_says_nothing_of_fixed_or_new_findings():
    result = CliRunner().invoke(app, ["compare", str(DEPT), str(UNIT)], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    assert "已改正" not in result.output and "新出现" not in result.output and "仍存在" not in result.output
    assert "部门与单位的比较" in result.output and "部门–单位口径核对" in result.output
    assert "2025年部门（万元）" in result.output and "2025年单位（万元）" in result.output
    data = json.loads(CliRunner().invoke(app, ["compare", str(DEPT), str(UNIT), "-f", "json"]).output)
    assert "findings" not in data and data["relation"] == "department_unit"


def test_relations_and_labels(docs):
    dept, unit, y24, y25 = (docs[p.stem] for p in (DEPT, UNIT, W2024, W2025))
    assert compare(y24, y25).pairing.relation is Relation.CONSECUTIVE and compare(y24, y25).labels == ("2024年", "2025年")
    assert compare(dept, unit).pairing.relation is Relation.DEPARTMENT_UNIT
    other = compare(dept, y25, report_a=Report(dept.meta, dept.source, (), ()),
                    report_b=Report(y25.meta, y25.source, (), ()))
    assert other.pairing.relation is Relation.OTHER and other.findings is None
    assert any("不比较两者的审核发现" in n for n in other.notes)
    assert other.labels[0] != other.labels[1] and "人民政府办公室" in other.labels[0]
    versions = compare(y25, _second_version(y25))
    assert versions.pairing.relation is Relation.VERSIONS
    assert versions.labels == ("2025年（版本1）", "2025年（版本2）") and versions.text == ()


def _finding(sentence: str, actual: str) -> Finding:
    return Finding("narrative.change_amount", Severity.ERROR, f"说明写为{actual}万元，与表中数据不符。",
                   (Location(line=10, section="s3.2", sentence=sentence),))


def test_a_reworded_finding_between_versions_remains_not_fixed_and_new(docs):
    d = docs[W2025.stem]
    before = _finding("比上年增加1.18万元。", "1.18")
    after = _finding("“三公”经费比上年增加1.19万元。", "1.19")  # the sentence was edited, the problem stays
    changes = finding_changes(Report(d.meta, d.source, (before,), ()), Report(d.meta, d.source, (after,), ()))
    assert (changes.fixed, changes.new, changes.kept) == ((), (), (after,))


def test_row_names_match_across_numbering_styles():
    assert label_key("1.一般公共预算资金") == label_key("1、一般公共预算资金") == label_key("1．一般公共预算资金")
    assert label_key("（一）财政拨款") == label_key("(一)财政拨款")
    assert label_key("1.一般公共预算资金") != label_key("2.一般公共预算资金")


def test_only_differences(docs):
    c = compare(docs[W2024.stem], docs[W2025.stem])
    every, only = dict(sections(c)), dict(sections(c, only_diff=True))
    assert any(ln.a == ln.b for ln in every["“三公”经费"])  # 公务接待费 1.35 both years
    assert only["“三公”经费"] and all(ln.a != ln.b for lines in only.values() for ln in lines)
    out = CliRunner().invoke(app, ["compare", str(W2024), str(W2025), "--only-diff"], env={"COLUMNS": "100"}).output
    assert "只列数字不同的行" in out and "公务接待费" not in out.split("“三公”经费")[1].split("情况说明中的数字")[0]


def test_narrative_paragraphs_compared(docs, tmp_path):
    changes = text_changes(docs[W2024.stem], docs[W2025.stem])
    edited = next(t for t in changes if t.kind == "修改" and t.a and "收入预算" in t.a)
    pieces = spans(edited.a, edited.b)
    assert ("-", "15621.11") in pieces and ("+", "18,976.76") in pieces  # a figure changes as a whole
    assert {t.kind for t in changes} >= {"修改", "新增", "删除"}
    out = CliRunner().invoke(app, ["compare", str(W2024), str(W2025)], env={"COLUMNS": "100"}).output
    assert "说明文字的变化：修改" in out and "【15621.11】" in out and "【18,976.76】" in out
    book = tmp_path / "比较.xlsx"
    assert CliRunner().invoke(app, ["compare", str(W2024), str(W2025), "-f", "xlsx", "-o", str(book)]).exit_code == 0
    sheet = openpyxl.load_workbook(book)["说明文字的变化"]
    assert [c.value for c in sheet[1]] == ["变化", "部分", "2024年", "2025年"] and sheet.max_row > 10
    data = json.loads(CliRunner().invoke(app, ["compare", str(W2024), str(W2025), "-f", "json"]).output)
    assert data["labels"] == ["2024年", "2025年"] and any(t["kind"] == "修改" for t in data["text_changes"])


def test_html_page_shows_the_narrative_changes_marked(docs):
    from yusuan.report.compare_html import render_compare_html

    page = render_compare_html(compare(docs[W2024.stem], docs[W2025.stem]), only_diff=True)
    assert "<del>15621.11</del><ins>18,976.76</ins>" in page and "只列数字不同的行" in page
    assert "<th>2024年（万元）</th><th>2025年（万元）</th>" in page
    unit = render_compare_html(compare(docs[DEPT.stem], docs[UNIT.stem]))
    assert "已改正" not in unit and "部门与单位的比较" in unit
