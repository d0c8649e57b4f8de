"""``yusuan demo``: read (and, where the audit is installed, check) the bundled reference document."""
from __future__ import annotations

from pathlib import Path

import typer

from ..errors import InputError
from ..ingest import read_disclosure
from . import app
from .show_cmd import out, render_table
from .summary import print_summary

REPO = Path(__file__).resolve().parents[3]
SAMPLE = REPO / "samples" / "yangquan-civil-affairs-2025-dept-budget.txt"


@app.command("demo")
def demo(
    output: Path = typer.Option(Path("out"), "-o", "--output", help="示例输出目录"),
) -> None:
    """读取随附的示例文件（阳泉市民政局2025年部门预算公开），显示摘要并写出 JSON。"""
    if not SAMPLE.exists():
        raise InputError(f"找不到随附的示例文件：{SAMPLE}")
    d = read_disclosure(SAMPLE)
    print_summary(d, out)
    if d.tables:
        out.print(render_table(d.tables[0]))
    from ..ingest import write_disclosure

    target = output / "reference.json"
    write_disclosure(d, target)
    out.print(f"结构化结果已写入 {target}")
    try:
        from .audit_cmd import run_demo_audit
    except ImportError:
        return
    run_demo_audit(d, output)
