"""``yusuan audit`` / ``accept`` / ``rules``: check a disclosure, accept false alarms, list the rules."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer
from rich.table import Table as RichTable

from ..errors import InputError
from ..files import write_text_atomic
from ..ingest import read_disclosure
from ..model import Disclosure
from . import app, err
from .show_cmd import out


class Format(str, Enum):
    text = "text"
    json = "json"
    html = "html"
    xlsx = "xlsx"


def run_audit(d: Disclosure, sidecar: Path | None, previous: Path | None = None, only: str | None = None):
    from ..audit.runner import audit
    from ..report.acceptance import apply_accepted, load_accepted

    last = read_disclosure(previous) if previous else None
    report = audit(d, previous=last, only=set(only.split(",")) if only else None)
    return apply_accepted(report, load_accepted(sidecar)) if sidecar else report


def write_report(report, d: Disclosure, fmt: Format, output: Path | None, verbose: bool = False) -> None:
    from ..report.json_report import dumps as report_dumps

    if fmt is Format.text:
        from ..report.text import render_text

        render_text(report, out, disclosure=d, verbose=verbose)
        return
    if fmt is Format.xlsx:
        if output is None:
            raise InputError("XLSX 格式需要用 -o 指定输出文件。")
        from ..report.checklist import render_checklist

        output.parent.mkdir(parents=True, exist_ok=True)
        tmp = output.with_name(f".{output.name}.tmp.xlsx")
        render_checklist(report, d, tmp)
        tmp.replace(output)
    else:
        if fmt is Format.json:
            text = report_dumps(report, d)
        else:
            from ..report.html import render_html

            text = render_html(report, d)
        if output is None:
            typer.echo(text)
            return
        write_text_atomic(output, text)
    err.print(f"已写入 {output}")


@app.command("audit")
def audit_cmd(
    paths: List[str] = typer.Argument(..., help="预算公开文件（.txt/.pdf/.docx/.xlsx）或 ingest 输出的 JSON；可多个，也可为目录或通配符"),
    fmt: Format = typer.Option(Format.text, "--format", "-f", help="输出格式：text、json、html、xlsx（公开情况检查表）"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="输出文件；text 格式总是显示在终端"),
    accepted: Optional[Path] = typer.Option(None, "--accepted", help="已接受发现的记录文件（默认：文件旁的 .yusuan-accepted.json）"),
    previous: Optional[Path] = typer.Option(None, "--previous", help="上年的预算公开文件，用于同比核对"),
    only: Optional[str] = typer.Option(None, "--only", help="只运行这些规则（逗号分隔的规则编号）"),
    verbose: bool = typer.Option(False, "-v", "--verbose", help="列出每条规则的运行情况"),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="文本文件的编码"),
) -> None:
    """检查预算公开文件（一个或多个）。退出码：0 无错误，1 发现错误，2 文件无法读取（多个文件时取最严重者）。"""
    from ..report.acceptance import exit_code, sidecar_path

    if len(paths) > 1 or not Path(paths[0]).is_file():
        from .audit_many import audit_many

        raise typer.Exit(audit_many(paths, fmt, output, previous, only, verbose, encoding))
    path = Path(paths[0])
    d = read_disclosure(path, encoding=encoding)
    report = run_audit(d, accepted or sidecar_path(path), previous, only)
    write_report(report, d, fmt, output, verbose)
    raise typer.Exit(exit_code(report))


@app.command("accept")
def accept_cmd(
    path: Path = typer.Argument(..., help="被检查的文件"),
    fingerprint: str = typer.Argument(..., help="发现的指纹（审核报告中的 fingerprint）"),
    reason: str = typer.Option("", "--reason", "-r", help="接受理由"),
    by: str = typer.Option("", "--by", help="审核人"),
    accepted: Optional[Path] = typer.Option(None, "--accepted", help="记录文件（默认在被检查文件旁）"),
) -> None:
    """将一条发现标记为已接受（误报）；以后重新检查时保持此标记。"""
    from ..report.acceptance import accept, sidecar_path

    d = read_disclosure(path)
    sidecar = accepted or sidecar_path(path)
    report = run_audit(d, None)
    finding = next((f for f in report.findings if f.fingerprint.startswith(fingerprint)), None)
    if finding is None:
        raise InputError(f"在本次检查结果中找不到指纹为 {fingerprint} 的发现。")
    accept(sidecar, finding, reason, by or "审核人")
    err.print(f"已接受：{finding.rule} {finding.message}\n记录于 {sidecar}")


@app.command("rules")
def rules_cmd() -> None:
    """列出全部审核规则。"""
    from ..audit.catalog import default_catalog

    t = RichTable(title="审核规则")
    for col in ("编号", "类别", "严重程度", "标题"):
        t.add_column(col)
    for info in default_catalog():
        t.add_row(info.id, info.family, info.severity.value, info.title)
    out.print(t)


def run_demo_audit(d: Disclosure, output: Path) -> None:
    """The demo's second half: check the sample and write the reviewer's outputs."""
    from ..report.acceptance import exit_code

    report = run_audit(d, None)
    s = report.summary
    out.print(f"[bold]检查结果：[/]错误 {s['error']} 条，警告 {s['warning']} 条，提示 {s['info']} 条"
              f"（规则 {s['ran']} 条运行，{s['not_applicable']} 条不适用，{s['crashed']} 条出错）")
    for f in report.errors:
        out.print(f"  [red]✗[/] {f.rule}：{f.message}")
    for fmt, name in ((Format.json, "reference-audit.json"), (Format.html, "reference-audit.html"),
                      (Format.xlsx, "reference-公开情况检查表.xlsx")):
        write_report(report, d, fmt, output / name)
    out.print(f"退出码（若为 yusuan audit）：{exit_code(report)}")
