"""``yusuan audit`` / ``accept`` / ``rules``: check a disclosure, accept false alarms, list the rules."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from ..errors import InputError
from ..ingest import read_disclosure
from ..model import Disclosure
from .audit_run import Format, audit_files, run_audit, write_checklists, write_report
from .console import err, out
from .root import MAX_PAGES_OPTION, app

__all__ = ["Format", "run_audit", "run_demo_audit", "write_checklists", "write_report"]


@app.command("audit")
def audit_cmd(
    paths: List[str] = typer.Argument(..., help="预算公开文件（.txt/.pdf/.docx/.xlsx/.xls/.ods）或 ingest 输出的 JSON；可多个，"
                                                "也可为目录或通配符；XLSX 格式写入一个 .xlsx 时各为检查表的一页（如部门及其单位）"),
    fmt: Format = typer.Option(Format.text, "--format", "-f", help="输出格式：text、json、html、xlsx（公开情况检查表）"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="输出文件；text 格式总是显示在终端"),
    accepted: Optional[Path] = typer.Option(None, "--accepted", help="已接受发现的记录文件（默认：文件旁的 .yusuan-accepted.json）"),
    previous: Optional[Path] = typer.Option(None, "--previous", help="上年的预算公开文件，用于同比核对"),
    with_: Optional[list[str]] = typer.Option(None, "--with", help="一同参与跨文件核对的文件或目录（上年公开、所属单位或部门、"
                                                                 "同年预算），本身不输出报告；可多次给出"),
    orgs: Optional[Path] = typer.Option(None, "--orgs", help="单位名录（CSV/XLSX）：跨文件核对时据此确定部门与所属单位"),
    only: Optional[str] = typer.Option(None, "--only", help="只运行这些规则（逗号分隔的规则编号）"),
    layout: Optional[str] = typer.Option(None, "--layout", help="检查表格式（XLSX）：generic、shanghai-putuo 或 YAML 文件；"
                                                               "默认按文件模板选择"),
    urls: Optional[list[str]] = typer.Option(None, "--url", help="公开网址（检查表中填写；多个文件时按文件顺序各给一次）"),
    published: Optional[list[str]] = typer.Option(None, "--published", help="公开日期 YYYY-MM-DD（检查表“及时性”中填写；"
                                                                         "多个文件时按文件顺序各给一次）"),
    show_all: bool = typer.Option(False, "--all", "-a", help="终端中也列出尾差等提示和不适用的规则"),
    verbose: bool = typer.Option(False, "-v", "--verbose", help="列出每条规则的运行情况"),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="文本文件的编码"),
    max_pages: Optional[int] = MAX_PAGES_OPTION,
) -> None:
    """检查预算公开文件（一个或多个）。退出码：0 无错误，1 发现错误，2 文件无法读取（多个文件时取最严重者）。"""
    raise typer.Exit(audit_files(paths, fmt, output, accepted, previous, with_, orgs, only, layout, urls, published,
                                 show_all, verbose, encoding, max_pages))


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
    from rich.table import Table as RichTable

    from ..audit.docs import FAMILY_ZH

    t = RichTable(title="审核规则（说明见 docs/rules.md）")
    for col in ("规则", "编号", "类别", "严重程度"):
        t.add_column(col)
    for info in default_catalog():
        t.add_row(info.title, info.id, FAMILY_ZH.get(info.family, info.family), info.severity.zh)
    out.print(t)


def run_demo_audit(d: Disclosure, output: Path) -> None:
    """The demo's second half: check the sample and write the reviewer's outputs."""
    from ..report.acceptance import exit_code

    report = run_audit(d, None)
    s = report.summary
    out.print(f"[bold]检查结果：[/]错误 {s['error']} 条，警告 {s['warning']} 条，提示 {s['info']} 条"
              f"（规则 {s['ran']} 条运行，{s['not_applicable']} 条不适用，{s['crashed']} 条出错）")
    from rich.text import Text

    from ..report.fold import hanging
    from ..report.notes import rule_title

    for f in report.errors:
        out.print(hanging(Text("✗ ", style="red"), [Text(f"{rule_title(f.rule) or '审核发现'}：{f.message}")], 2, out.width))
    for fmt, name in ((Format.json, "reference-audit.json"), (Format.html, "reference-audit.html"),
                      (Format.xlsx, "reference-公开情况检查表.xlsx")):
        write_report(report, d, fmt, output / name)
    out.print(f"退出码（若为 yusuan audit）：{exit_code(report)}")
