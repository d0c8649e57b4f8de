"""``yusuan demo``: read (and, where the audit is installed, check) the bundled reference document."""
from __future__ import annotations

from pathlib import Path

import typer

from ..errors import InputError
from ..ingest import read_disclosure
from ..samples import REFERENCE_BOOK as SAMPLE_BOOK, REFERENCE_DISCLOSURE as SAMPLE
from .root import app
from .show_cmd import out, render_table
from .summary import print_summary


@app.command("demo")
def demo(
    output: Path = typer.Option(Path("out"), "-o", "--output", help="示例输出目录"),
    full: bool = typer.Option(False, "--full", help="编制示例时也生成 DOCX 和 PDF（较慢）"),
) -> None:
    """读取并检查随附的示例文件（阳泉市民政局2025年部门预算公开），再由随附的预算编制簿编制一份公开文件。"""
    if not SAMPLE.exists():
        raise InputError(f"找不到随附的示例文件：{SAMPLE}")
    d = read_disclosure(SAMPLE)
    print_summary(d, out)
    if d.tables:
        out.print(render_table(d.tables[0], out.width))
    from ..ingest import write_disclosure

    target = output / "reference.json"
    write_disclosure(d, target)
    out.print(f"结构化结果已写入 {target}")
    from .audit_cmd import run_demo_audit

    run_demo_audit(d, output)
    build_sample(output / "built", full)


def build_sample(output: Path, full: bool) -> None:
    """The other half of the job: write the publication from the bundled budget book."""
    from ..audit.runner import audit
    from ..render import render
    from .build_cmd import _load

    out.rule("由预算编制簿编制公开文件")
    d = _load(SAMPLE_BOOK)
    formats = ["xlsx", "html", "json"] + (["docx", "pdf"] if full else [])
    for path in render(d, formats, output):
        out.print(f"已生成 {path}")
    s = audit(d).summary
    out.print(f"编制结果自检：错误 {s['error']} 条，警告 {s['warning']} 条，提示 {s['info']} 条"
              + ("" if full else "（加 --full 另生成 DOCX 与 PDF）"))
