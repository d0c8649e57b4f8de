"""Comparing publications: two years of one street office, a file against itself, different
templates, and the findings of two versions matched by fingerprint."""
from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal as D
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from yusuan.audit import Finding, Location, Severity
from yusuan.audit.compare_docs import compare
from yusuan.audit.compare_findings import finding_changes
from yusuan.audit.runner import Report
from yusuan.cli import app
from yusuan.errors import InputError
from yusuan.ingest import read_disclosure

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
Y2024, Y2025 = SAMPLES / "pdf" / "putuo-wanli-2024-dept-budget.pdf", SAMPLES / "pdf" / "putuo-wanli-2025-dept-budget.pdf"


@pytest.fixture(scope="module")
def wanli():
    return read_disclosure(Y2024), read_disclosure(Y2025)


def test_summary_three_public_and_narrative_side_by_side(wanli):
    c = compare(*wanli)
    assert c.notes == ()
    lines = {ln.key: ln for ln in c.summary.lines}
    total = lines["income:收入总计"]
    assert (total.a, total.b, total.change) == (D("15621.1123"), D("18976.7551"), D("3355.6428"))
    keys = [ln.key for ln in c.summary.lines]
    assert keys.index("income:收入总计") < keys.index("expenditure:一、一般公共服务支出")  # income side first
    three = {ln.key: (ln.a, ln.b) for ln in c.three_public}
    assert three["total"] == (D("47.91"), D("37.91")) and three["purchase"] == (D("25"), D("15"))
    said = {ln.key: (ln.a, ln.b) for ln in c.narrative}
    assert said["机关运行经费"] == (D("443.18"), D("464.64")) and said["政府采购工程"] == (D("815.87"), D("3780.72"))


def test_one_file_against_itself_is_refused(wanli):
    with pytest.raises(InputError, match="完全相同"):
        compare(wanli[0], wanli[0])
    result = CliRunner().invoke(app, ["compare", str(Y2024), str(Y2024)])
    assert isinstance(result.exception, InputError) and "同一个文件" in result.exception.message
    assert result.exception.exit_code == 2  # what `yusuan` exits with (cli.main)


def test_different_templates_are_compared_with_a_note(wanli, reference):
    c = compare(reference, wanli[1])
    assert any("模板不同" in n for n in c.notes) and any("单位名称不同" in n for n in c.notes)
    assert c.summary is not None  # both print a 收支总表


def _finding(rule: str, line: int, message: str = "合计不等。", severity=Severity.ERROR) -> Finding:
    return Finding(rule, severity, message, (Location(line=line, table_kind="income_summary", code="2080201",
                                                       column="total"),))


def test_findings_fixed_new_and_kept_by_fingerprint_not_by_line(wanli):
    d = wanli[0]
    kept_then, kept_now = _finding("arith.section_sum", 120), _finding("arith.section_sum", 131)  # moved down
    fixed, new = _finding("arith.class_sum", 90), _finding("cross.codes", 40, "科目不一致。")
    info = _finding("arith.column_total", 10, "属尾差。", Severity.INFO)
    accepted = _finding("arith.row_sources", 50)
    a = Report(d.meta, d.source, (kept_then, fixed, info), ())
    b = Report(d.meta, d.source, (kept_now, new, accepted), (), accepted=frozenset({accepted.fingerprint}))
    changes = finding_changes(a, b)
    assert (changes.fixed, changes.new, changes.kept) == ((fixed,), (new,), (kept_now,))
    assert finding_changes(a, b, with_infos=True).fixed == (fixed, info)


def test_compare_command_json_and_workbook(tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["compare", str(Y2024), str(Y2025), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["format"] == "yusuan.comparison" and data["unit"] == "万元"
    total = next(ln for ln in data["three_public"] if ln["key"] == "total")
    assert (total["a"], total["b"], total["change"], total["rate"]) == ("47.91", "37.91", "-10.00", "-20.87%")
    assert {"fixed", "new", "kept"} <= set(data["findings"]) and data["findings"]["fixed"]
    out = tmp_path / "比较.xlsx"
    assert runner.invoke(app, ["compare", str(Y2024), str(Y2025), "-f", "xlsx", "-o", str(out)]).exit_code == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[1:3] == ["“三公”经费", "情况说明中的数字"] and "审核发现的变化" in wb.sheetnames
    row = next(r for r in wb["“三公”经费"].iter_rows(min_row=2, values_only=True) if r[1] == "“三公”经费合计")
    assert row[2:6] == (47.91, 37.91, -10.0, "-20.87%")
    text = runner.invoke(app, ["compare", str(Y2024), str(Y2025)], env={"COLUMNS": "120"}).output
    assert "“三公”经费合计" in text and "已改正 2 条" in text and "加 --all 逐表列出" in text


def test_rates_and_missing_sides():
    from yusuan.audit.compare_docs import Line

    assert Line("k", "x", D("200"), D("150")).rate == "-25.00%"
    assert Line("k", "x", None, D("1")).change is None and Line("k", "x", D("0"), D("1")).rate == ""
    assert replace(Line("2080201", "行政运行", None, None)).code == "2080201"
