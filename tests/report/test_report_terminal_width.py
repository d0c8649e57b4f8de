"""`yusuan audit` and `yusuan show` in an 80-column terminal: a document with no errors fits a screen,
wrapped lines keep their hanging indent, Chinese folds between characters, tables fit the width."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from yusuan.report.fold import fold, hanging

ROOT = Path(__file__).resolve().parents[2]
PUTUO_NO_ERRORS = ROOT / "samples" / "pdf" / "putuo-govoffice-2025-dept-budget.pdf"  # 0 errors, 1 warning
REFERENCE = ROOT / "samples" / "yangquan-civil-affairs-2025-dept-budget.txt"


def _yusuan(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "YUSUAN_DEBUG"} | {"COLUMNS": "80"}
    return subprocess.run([sys.executable, "-m", "yusuan", *args], capture_output=True, text=True, env=env,
                          timeout=300)


def test_audit_of_a_putuo_budget_without_errors_fits_80_lines_of_80_columns():
    r = _yusuan("audit", str(PUTUO_NO_ERRORS))
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) <= 80 and all(cell_len(ln.rstrip()) <= 80 for ln in lines)
    # the one warning: a 项目经费情况说明 without its amount (a 三公 item above the basic table's is a 提示 now)
    assert "警告（1 条）" in r.stdout and "错误 0 条" in lines[2]
    assert "cross." not in r.stdout and "complete." not in r.stdout  # no rule ids
    # every line under a finding's mark hangs: it starts at column 6, never at column 0
    start = next(i for i, ln in enumerate(lines) if ln.startswith("    ! "))
    body = lines[start + 1:next(i for i, ln in enumerate(lines) if ln.startswith("另有"))]
    assert len(body) >= 4 and all(ln.startswith("      ") and ln[6] != " " for ln in body)


def test_all_lists_the_hints_the_default_counts():
    quiet, every = _yusuan("audit", str(REFERENCE)), _yusuan("audit", str(REFERENCE), "--all")
    heading = re.compile(r"^提示（\d+ 条）", re.M)
    assert not heading.search(quiet.stdout) and re.search(r"另有 \d+ 条提示（其中尾差 \d+ 条", quiet.stdout)
    assert heading.search(every.stdout) and "未列出；加 --all 显示" not in every.stdout and len(every.stdout.splitlines()) > len(quiet.stdout.splitlines())


def test_show_two_sided_summary_table_fits_80_columns_with_names_whole():
    r = _yusuan("show", str(REFERENCE), "t01")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert all(cell_len(ln.rstrip()) <= 80 for ln in lines)
    assert "收入名称" in r.stdout and "支出名称" in r.stdout and "…" not in r.stdout
    assert "一般公共预算" in r.stdout and "社会保障和就业支出" in r.stdout and "4411.49" in r.stdout


def test_show_wide_table_continues_its_columns_below():
    r = _yusuan("show", str(REFERENCE), "t02")  # 收入总表: 合计 and seven sources of income
    lines = r.stdout.splitlines()
    assert all(cell_len(ln.rstrip()) <= 80 for ln in lines) and "…" not in r.stdout
    assert "（续）" in r.stdout and "单位资金" in r.stdout and "一般公共预算" in r.stdout


def test_fold_breaks_chinese_anywhere_but_not_inside_figures_or_before_closing_marks():
    text = Text("《2024年预算单位收入预算总表》“2101102 事业单位医疗”行列有503,724元，但没有科目“2101102”。")
    lines = [ln.plain for ln in fold(text, 20)]
    assert all(cell_len(ln) <= 20 for ln in lines) and "".join(lines).replace(" ", "") == text.plain.replace(" ", "")
    assert any("503,724元" in ln for ln in lines)
    assert not any(ln[0] in "，。”）》" or ln[-1] in "“（《" for ln in lines)


def test_hanging_indent_keeps_wrapped_lines_under_the_text():
    console = Console(width=30, record=True, color_system=None)
    console.print(hanging(Text("! "), [Text("一二三四五六七八九十" * 5)], 4, 30))
    out = console.export_text().splitlines()
    assert out[0].startswith("    ! 一") and all(ln.startswith("      ") for ln in out[1:]) and len(out) > 2
