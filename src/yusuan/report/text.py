"""The audit report in the terminal: grouped by severity, then by table or section, coloured.

Every printed text goes through rich `Text` objects, never markup strings, so a message that
contains ``[...]`` (a printed note, a code list) is shown as it is.
"""
from __future__ import annotations

from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from ..audit import Finding, Report
from ..model import Disclosure
from .describe import ACCEPTED_ZH, Names, figures, grouped, outcome_line, place, readable, summary_line

STYLE = {"错误": "bold red", "警告": "yellow", "提示": "cyan", ACCEPTED_ZH: "dim green"}
MARK = {"错误": "✗", "警告": "!", "提示": "i", ACCEPTED_ZH: "✓"}


def render_text(report: Report, console: Console, *, disclosure: Disclosure | None = None,
                verbose: bool = False) -> None:
    """Print the report. With the disclosure, columns and forms are named as printed; with
    `verbose`, every rule's outcome is listed, not only those that did not run."""
    names = Names.of(disclosure)
    console.print(_heading(report))
    for label, groups in grouped(report, names):
        count = sum(len(g.findings) for g in groups)
        console.rule(Text(f"{label}（{count} 条）", style=STYLE[label]), align="left")
        for g in groups:
            console.print(Text(f"  {g.heading}", style="bold"))
            for f in g.findings:
                console.print(_finding(f, label, names))
    if not report.findings:
        console.print(Text("未发现问题。", style="green"))
    console.rule()
    console.print(Text(summary_line(report), style="bold"))
    _outcomes(report, console, verbose)


def _heading(report: Report) -> Text:
    m, src = report.meta, report.source
    title = m.title if m.year is None or str(m.year) in m.title else f"{m.year}年度{m.title}"
    return Text.assemble(
        ("审核结果  ", "bold"), (f"{m.organisation or '（未识别单位名称）'} {title}", "bold"),
        (f"\n来源：{src.file}  模板：{m.template}", "dim"),
    )


def _finding(f: Finding, label: str, names: Names) -> Text:
    style = STYLE[label]
    out = Text("    ")
    out.append(f"{MARK[label]} ", style=style)
    out.append(f.rule, style=f"{style} not bold")
    if label == ACCEPTED_ZH:
        out.append(f"  [{ACCEPTED_ZH} · {f.severity.zh}]", style=style)
    out.append(f"  {f.message}")
    brief = label in (ACCEPTED_ZH, "提示")  # infos and accepted ones: one line of where, no more
    for loc in f.locations:
        out.append(f"\n        位置：{place(loc, names)}", style="dim")
        if loc.sentence and not brief:
            out.append(f"\n        原文：“{readable(loc.sentence)}”", style="italic")
    nums = figures(f)
    if nums and not brief:
        out.append(f"\n        {nums}", style="dim")
    return out



def _outcomes(report: Report, console: Console, verbose: bool) -> None:
    console.print(Text(outcome_line(report)))
    shown = [o for o in report.outcomes if verbose or o.status != "ran"]
    if not shown:
        return
    t = RichTable(show_header=True, header_style="bold", box=None, pad_edge=False)
    for col in ("规则", "结果", "问题数", "说明"):
        t.add_column(col)
    status_zh = {"ran": ("已运行", ""), "not_applicable": ("不适用", "dim"), "crashed": ("运行出错", "red")}
    for o in shown:
        zh, style = status_zh.get(o.status, (o.status, ""))
        reason = o.error.strip().splitlines()[-1] if o.error.strip() else ""
        t.add_row(Text(o.rule), Text(zh, style=style), Text(str(o.findings)), Text(reason, style="dim"))
    console.print(t)
