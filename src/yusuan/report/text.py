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
from .describe import ACCEPTED_ZH, Group, Names, figures, grouped, outcome_line, place, readable, summary_line
from ..templates import template_zh
from .notes import NoteGroup, is_rounding, note_code, note_groups, rule_title, shown

STYLE = {"错误": "bold red", "警告": "yellow", "提示": "cyan", ACCEPTED_ZH: "dim green"}
MARK = {"错误": "✗", "警告": "!", "提示": "i", ACCEPTED_ZH: "✓"}


def render_text(report: Report, console: Console, *, disclosure: Disclosure | None = None,
                verbose: bool = False, show_all: bool = False) -> None:
    """Print the report. With the disclosure, columns and forms are named as printed. Quiet by
    default: differences within rounding (尾差) and rules that did not apply are counted, not listed
    (`show_all` lists them); reading notes of one kind are one line with a count. With `verbose`,
    every rule's outcome is listed."""
    names = Names.of(disclosure)
    console.print(_heading(report))
    hidden = 0
    for label, groups in grouped(report, names):
        shown = [Group(g.heading, tuple(f for f in g.findings if show_all or not is_rounding(f))) for g in groups]
        hidden += sum(len(g.findings) for g in groups) - sum(len(g.findings) for g in shown)
        shown = [g for g in shown if g.findings]
        if not shown:
            continue
        count = sum(len(g.findings) for g in shown)
        console.rule(Text(f"{label}（{count} 条）", style=STYLE[label]), align="left")
        notes = note_groups(f for g in shown for f in g.findings)
        for g in shown:
            rest = [f for f in g.findings if note_code(f) is None]
            if rest:
                console.print(Text(f"  {g.heading}", style="bold"))
            for f in rest:
                console.print(_finding(f, label, names))
        if notes:
            console.print(Text("  读取提示", style="bold"))
            for n in notes:
                console.print(_note(n, label, names))
    if not report.findings:
        console.print(Text("未发现问题。", style="green"))
    if hidden:
        console.print(Text(f"另有 {hidden} 条尾差提示（在四舍五入容差以内）未列出；加 --all 显示。", style="dim"))
    console.rule()
    console.print(Text(summary_line(report), style="bold"))
    _outcomes(report, console, verbose, show_all)


def _note(n: NoteGroup, label: str, names: Names) -> Text:
    """Reading notes of one kind as one line: the count, the first note's words, where they are."""
    style = STYLE[label]
    out = Text("    ")
    out.append(f"{MARK[label]} ", style=style)
    count = f" ×{len(n.findings)}" if len(n.findings) > 1 else ""
    out.append(f"{n.message}" + ("等" if count else ""))
    out.append(count, style=f"{style} not bold")
    places = [place(loc, names) for f in n.findings for loc in f.locations]
    more = f" 等 {len(places)} 处" if len(places) > 3 else ""
    out.append(f"\n        位置：{'；'.join(places[:3])}{more}", style="dim")
    return out


def _heading(report: Report) -> Text:
    m, src = report.meta, report.source
    title = m.title if m.year is None or str(m.year) in m.title else f"{m.year}年度{m.title}"
    return Text.assemble(
        ("审核结果  ", "bold"), (f"{m.organisation or '（未识别单位名称）'} {title}", "bold"),
        (f"\n来源：{src.file}  模板：{template_zh(m.template)}", "dim"),
    )


def _finding(f: Finding, label: str, names: Names) -> Text:
    style = STYLE[label]
    out = Text("    ")
    out.append(f"{MARK[label]} ", style=style)
    out.append(rule_title(f.rule) or "其他问题", style=style)
    if label == ACCEPTED_ZH:
        out.append(f"  [{ACCEPTED_ZH} · {f.severity.zh}]", style=style)
    out.append(f"  {shown(f)}")
    brief = label in (ACCEPTED_ZH, "提示")  # infos and accepted ones: one line of where, no more
    for loc in f.locations:
        out.append(f"\n        位置：{place(loc, names)}", style="dim")
        if loc.sentence and not brief:
            out.append(f"\n        原文：“{readable(loc.sentence)}”", style="italic")
    nums = figures(f)
    if nums and not brief:
        out.append(f"\n        {nums}", style="dim")
    return out



def _outcomes(report: Report, console: Console, verbose: bool, show_all: bool = False) -> None:
    """The rules' outcome line; crashed rules always listed, rules that did not apply with
    `show_all`, every rule with `verbose`."""
    console.print(Text(outcome_line(report)))
    shown = [o for o in report.outcomes
             if verbose or o.status == "crashed" or (show_all and o.status == "not_applicable")]
    if not shown:
        return
    t = RichTable(show_header=True, header_style="bold", box=None, pad_edge=False)
    for col in ("规则", "结果", "问题数", "说明"):
        t.add_column(col)
    status_zh = {"ran": ("已运行", ""), "not_applicable": ("不适用", "dim"), "crashed": ("运行出错", "red")}
    for o in shown:
        zh, style = status_zh.get(o.status, (o.status, ""))
        reason = o.error.strip().splitlines()[-1] if o.error.strip() else ""
        t.add_row(Text(rule_title(o.rule)), Text(zh, style=style), Text(str(o.findings)), Text(reason, style="dim"))
    console.print(t)
