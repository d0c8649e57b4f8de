"""The audit report in the terminal: a summary, then the errors and warnings grouped by table or
section, each with a hanging indent so that wrapped lines stay under their heading.

Quiet by default, to fit a screen or two: 提示 (information, 尾差 within rounding among them), accepted
findings and rules that did not apply are counted, not listed; `show_all` lists them. Rule ids and
reading-note codes are internal names: shown only with `verbose`. Every printed text goes through
rich `Text` objects, never markup strings, so a message that contains ``[...]`` is shown as it is.
"""
from __future__ import annotations

from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from ..audit import Finding, Report
from ..model import Disclosure
from ..templates import template_zh
from .fold import hanging
from .describe import ACCEPTED_ZH, READING_ZH, Group, Names, figures, grouped, outcome_line, place, readable, summary_line
from .notes import NoteGroup, is_rounding, note_code, note_groups, rule_title

STYLE = {"错误": "bold red", "警告": "yellow", READING_ZH: "magenta", "提示": "cyan", ACCEPTED_ZH: "dim green"}
MARK = {"错误": "✗", "警告": "!", READING_ZH: "?", "提示": "i", ACCEPTED_ZH: "✓"}
LISTED = ("错误", "警告", READING_ZH)  # listed by default (reading notes folded by kind); the rest with show_all
PLACES = 3  # places listed per finding by default; the rest counted


def render_text(report: Report, console: Console, *, disclosure: Disclosure | None = None,
                verbose: bool = False, show_all: bool = False) -> None:
    """Print the report: heading and summary, the listed blocks, what was left out, the rules' outcome."""
    names = Names.of(disclosure)
    console.print(_heading(report))
    console.print(Text(summary_line(report), style="bold"))
    left_out: dict[str, int] = {}
    for label, groups in grouped(report, names):
        if not (show_all or label in LISTED):
            left_out[label] = sum(len(g.findings) for g in groups)
            continue
        count = sum(len(g.findings) for g in groups)
        console.rule(Text(f"{label}（{count} 条）", style=STYLE[label]), align="left")
        for line in _block(groups, label, names, verbose, show_all, console.width):
            console.print(line)
    if not report.findings:
        console.print(Text("未发现问题。", style="green"))
    elif not any(label in ("错误", "警告") for label, _ in grouped(report, names)):
        console.print(Text("没有错误或警告。", style="green"))
    if left_out:
        console.print(Text(_left_out_line(report, left_out), style="dim"))
    console.rule()
    _outcomes(report, console, verbose, show_all)


def _left_out_line(report: Report, left_out: dict[str, int]) -> str:
    parts = []
    if "提示" in left_out:
        rounding = sum(1 for f in report.findings if is_rounding(f) and f.fingerprint not in report.accepted)
        parts.append(f"{left_out['提示']} 条提示" + (f"（其中尾差 {rounding} 条，在四舍五入容差以内）" if rounding else ""))
    if ACCEPTED_ZH in left_out:
        parts.append(f"{left_out[ACCEPTED_ZH]} 条已接受的发现")
    return f"另有 {'、'.join(parts)}未列出；加 --all 显示。"


def _block(groups: list[Group], label: str, names: Names, verbose: bool, show_all: bool, width: int) -> list[Text]:
    """One severity's findings: a heading per table or section, then each finding; reading notes of
    one kind as one entry with a count, after the rest."""
    lines: list[Text] = []
    notes = note_groups(f for g in groups for f in g.findings)
    for g in groups:
        rest = [f for f in g.findings if note_code(f) is None]
        if rest:
            lines.append(hanging(Text(""), [Text(g.heading, style="bold")], 2, width))
        lines.extend(_finding(f, label, names, verbose, show_all, width) for f in rest)
    if notes and label != READING_ZH:  # in its own block the heading says it already
        lines.append(Text(f"  {READING_ZH}", style="bold"))
    if notes:
        lines.extend(_note(n, label, names, verbose, show_all, width) for n in notes)
    return lines


def _finding(f: Finding, label: str, names: Names, verbose: bool, show_all: bool, width: int) -> Text:
    style = STYLE[label]
    title = Text(rule_title(f.rule) or "审核发现", style=style)
    if verbose:
        title.append(f"  {f.rule}", style="dim")
    if label == ACCEPTED_ZH:
        title.append(f"  （{ACCEPTED_ZH} · 原为{f.severity.zh}）", style=style)
    body = [title, Text(f.message)]
    brief = label in (ACCEPTED_ZH, "提示")  # infos and accepted ones: where, no more
    full = show_all or verbose
    shown = f.locations if full else f.locations[:PLACES]
    for loc in shown:
        body.append(Text(f"位置：{_where(loc, names, '' if full else f.message)}", style="dim"))
        if loc.sentence and not brief and (full or loc.sentence.strip() not in f.message):
            body.append(Text(f"原文：“{readable(loc.sentence)}”", style="italic"))
    if len(shown) < len(f.locations):
        body.append(Text(f"另有 {len(f.locations) - len(shown)} 处；加 --all 显示。", style="dim"))
    nums = figures(f)
    if nums and not brief and (full or "实为" not in f.message):  # the message gives them already
        body.append(Text(nums, style="dim"))
    return hanging(Text(f"{MARK[label]} ", style=style), body, 4, width)


def _where(loc, names: Names, said: str) -> str:
    """The place; by default without the table's title where the message has just named it."""
    text = place(loc, names)
    title = loc.table_title or names.tables.get(loc.table or "", "")
    short = text.replace(f"《{title}》", "", 1) if title and f"《{title}》" in said else text
    return short if short and not short.startswith("（") else text


def _note(n: NoteGroup, label: str, names: Names, verbose: bool, show_all: bool, width: int) -> Text:
    """Reading notes of one kind as one entry: the count, the first note's words, where they are."""
    head = Text(n.message + ("等" if len(n.findings) > 1 else ""))
    if len(n.findings) > 1:
        head.append(f"（{len(n.findings)} 条）", style=STYLE[label])
    if verbose:
        head.append(f"  {n.code}", style="dim")
    places = [place(loc, names) for f in n.findings for loc in f.locations]
    keep = places if show_all else places[:PLACES]
    more = f" 等 {len(places)} 处" if len(keep) < len(places) else ""
    return hanging(Text(f"{MARK[label]} ", style=STYLE[label]), [head, Text(f"位置：{'；'.join(keep)}{more}", style="dim")],
                   4, width)


def _heading(report: Report) -> Text:
    m, src = report.meta, report.source
    title = m.title if m.year is None or str(m.year) in m.title else f"{m.year}年度{m.title}"
    return Text.assemble(
        ("审核结果  ", "bold"), (f"{m.organisation or '（未识别单位名称）'} {title}", "bold"),
        (f"\n来源：{src.file}  模板：{template_zh(m.template)}", "dim"),
    )


def _outcomes(report: Report, console: Console, verbose: bool, show_all: bool = False) -> None:
    """The rules' outcome line; crashed rules always listed, rules that did not apply with
    `show_all`, every rule with `verbose`."""
    console.print(Text(outcome_line(report)))
    shown = [o for o in report.outcomes
             if verbose or o.status == "crashed" or (show_all and o.status == "not_applicable")]
    if not shown:
        return
    t = RichTable(show_header=True, header_style="bold", box=None, pad_edge=False)
    for col in ("规则", "编号", "结果", "问题数", "说明") if verbose else ("规则", "结果", "问题数", "说明"):
        t.add_column(col, overflow="fold")
    status_zh = {"ran": ("已运行", ""), "not_applicable": ("不适用", "dim"), "crashed": ("运行出错", "red")}
    for o in shown:
        zh, style = status_zh.get(o.status, (o.status, ""))
        reason = o.error.strip().splitlines()[-1] if o.error.strip() else ""
        rule = [Text(o.rule, style="dim")] if verbose else []
        t.add_row(Text(rule_title(o.rule) or o.rule), *rule, Text(zh, style=style), Text(str(o.findings)),
                  Text(reason, style="dim"))
    console.print(t)
