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
