"""What a user reads in the terminal is Chinese: help panels, the help option, the version, rules,
and times in 北京时间."""
from __future__ import annotations

from datetime import datetime, timezone

from typer.testing import CliRunner

from yusuan import __version__
from yusuan.cli import app
from yusuan.clock import beijing

runner = CliRunner()


def test_help_is_chinese():
    out = runner.invoke(app, ["audit", "--help"], env={"COLUMNS": "160"}).output
    assert "用法：" in out and "参数" in out and "选项" in out and "显示本帮助并退出。" in out
    assert "Show this message" not in out and "Options" not in out and "[default:" not in out


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"yusuan（预算）{__version__}"


def test_rules_list_titles_first_with_chinese_family_and_severity():
    out = runner.invoke(app, ["rules"], env={"COLUMNS": "200"}).output
    header = next(line for line in out.splitlines() if "编号" in line)
    assert header.index("规则") < header.index("编号") < header.index("类别") < header.index("严重程度")
    row = next(line for line in out.splitlines() if "arith.class_sum" in line)
    assert row.index("类 = Σ 款") < row.index("arith.class_sum") and "表内勾稽" in row and "错误" in row
    assert " error " not in out


def test_times_shown_in_beijing_time():
    assert beijing(datetime(2026, 12, 5, 16, 30, tzinfo=timezone.utc)) == "2026-12-06 00:30（北京时间）"
    assert beijing(datetime(2026, 12, 5, 1, 2)) == "2026-12-05 09:02（北京时间）"  # naive = UTC, as stored


def test_build_prints_its_self_check_warnings_with_rule_titles(monkeypatch, reference):
    from rich.console import Console

    from yusuan.audit import Finding, Location, Severity
    from yusuan.audit.runner import Report
    from yusuan.cli import build_cmd

    console = Console(record=True, width=200, color_system=None)
    monkeypatch.setattr(build_cmd, "out", console)
    found = (Finding("arith.class_sum", Severity.ERROR, "类合计不等[1]。", (Location(),)),
             Finding("review.quotes", Severity.WARNING, "多了一个右引号。", (Location(),)),
             Finding("arith.section_sum", Severity.INFO, "属尾差。", (Location(),)))
    build_cmd.print_self_check(Report(reference.meta, reference.source, found, ()))
    text = console.export_text()
    assert "自检：错误 1 条，警告 1 条，提示 1 条" in text
    assert "✗ 类 = Σ 款（arith.class_sum）：类合计不等[1]。" in text
    assert "! 引号成对（review.quotes）：多了一个右引号。" in text and "属尾差" not in text


def test_show_issues_in_chinese_with_page_or_line():
    from pathlib import Path

    pdf = Path(__file__).resolve().parents[2] / "samples" / "checklists" / "putuo-justice-2026-dept-budget.pdf"
    out = runner.invoke(app, ["show", str(pdf), "issues"], env={"COLUMNS": "300"}).output
    assert "【警告】第3页：第 3 页是空白页" in out and "read.blank_page" not in out  # no internal names
    assert "None" not in out and "[warning]" not in out


def test_usage_errors_in_chinese():
    out = runner.invoke(app, ["audit", "-f", "xx", "a.pdf"], env={"COLUMNS": "160"}).output
    assert "参数值无效：" in out and "不是以下之一" in out and "Invalid value" not in out
    out = runner.invoke(app, ["audit", "--bogus", "x"], env={"COLUMNS": "160"}).output
    assert "没有这个选项：--bogus" in out


def test_audit_writes_one_checklist_workbook_for_a_department_and_its_unit(tmp_path):
    from pathlib import Path

    import openpyxl

    folder = Path(__file__).resolve().parents[2] / "samples" / "checklists"
    out = tmp_path / "检查表.xlsx"
    result = runner.invoke(app, ["audit", str(folder / "putuo-justice-2026-dept-budget.pdf"),
                                 str(folder / "putuo-justice-2026-unit-budget.pdf"), "-f", "xlsx", "-o", str(out),
                                 "--url", "https://www.shpt.gov.cn/d.pdf", "--url", "https://www.shpt.gov.cn/u.pdf"])
    assert result.exit_code == 1  # both carry errors
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:2] == ["2026年部门预算", "2026年单位预算"]
    assert [ws["A4"].value for ws in wb.worksheets[:2]] == ["公开网址：https://www.shpt.gov.cn/d.pdf",
                                                            "公开网址：https://www.shpt.gov.cn/u.pdf"]
    assert wb.worksheets[0]._images  # 问题截图 from the PDFs
    generic = tmp_path / "通用.xlsx"
    runner.invoke(app, ["audit", str(folder / "putuo-justice-2026-unit-budget.pdf"), "-f", "xlsx", "-o", str(generic),
                        "--layout", "generic"])
    assert openpyxl.load_workbook(generic).sheetnames[0] == "公开情况检查表"
