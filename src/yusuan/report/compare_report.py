"""A comparison of two publications for people: the terminal, JSON and a workbook say the same.

Order: what makes the two less comparable, the 收支总表 side by side, the 三公 items, the figures
the narratives state, the findings fixed and new (only where the two are versions or consecutive years
of one publication), the narrative's changed paragraphs, then (terminal: with --all) every other table.
A and B are headed by their labels (2025年（版本1）/2025年（版本2）, 2024年/2025年 …); `only_diff` keeps
the lines whose figures differ. Amounts are 万元 shown to two places; JSON keeps them exact, as strings.
"""
from __future__ import annotations

import os
from decimal import Decimal
from typing import Any, Iterable

from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from ..audit import Finding
from ..audit.compare_docs import Comparison, Line
from ..text.numbers import number, rounded
from .fold import hanging
from .compare_text import render_text_changes, text_changes_json
from .notes import rule_title

FORMAT = "yusuan.comparison"


def shown(value: Decimal | None, signed: bool = False) -> str:
    """An amount (万元) to two places with thousands separators; — for a figure one side lacks."""
    return "—" if value is None else number(rounded(value, 2, pad=True), signed=signed)


def name(c: Comparison, which: str) -> str:
    d = c.a if which == "a" else c.b
    return f"{d.meta.organisation or '（未识别单位名称）'} {d.meta.title}（{d.source.file}）"


def differs(ln: Line) -> bool:
    return ln.a != ln.b


def sections(c: Comparison, every_table: bool = True, only_diff: bool = False) -> list[tuple[str, tuple[Line, ...]]]:
    """(heading, lines) in the order people read them; with `only_diff`, the lines that differ (parts
    without any left out)."""
    out = []
    if c.summary is not None:
        out.append((f"收支总表：{c.summary.title}", c.summary.lines))
    if c.three_public:
        out.append(("“三公”经费", c.three_public))
    if c.narrative:
        out.append(("情况说明中的数字", c.narrative))
    if every_table:
        out += [(p.title, p.lines) for p in c.tables if p is not c.summary]
    if only_diff:
        out = [(h, kept) for h, lines in out if (kept := tuple(ln for ln in lines if differs(ln)))]
    return out


def _table(heading: str, lines: Iterable[Line], labels: tuple[str, str]) -> RichTable:
    """One part as a terminal table; the 编码 column only where some line has a code."""
    lines = list(lines)
    coded = any(ln.code for ln in lines)
    t = RichTable(title=heading, title_justify="left", header_style="bold")
    for col, justify in ((("编码", "left"),) if coded else ()) + (
            ("项目", "left"), (f"{labels[0]}（万元）", "right"), (f"{labels[1]}（万元）", "right"), ("增减", "right"),
            ("增减率", "right")):
        t.add_column(col, justify=justify, overflow="fold")  # type: ignore[arg-type]
    for ln in lines:
        change = ln.change
        style = "red" if change and change > 0 else "green" if change and change < 0 else ""
        cells: list[str | Text] = [ln.label, shown(ln.a), shown(ln.b), Text(shown(change, True) if change is not None else "", style=style),
                 ln.rate]
        t.add_row(*([ln.code] if coded else []), *cells)
    return t


def render_compare_text(c: Comparison, console: Console, *, show_all: bool = False, only_diff: bool = False) -> None:
    console.print(Text("比较", style="bold"))
    for label, which in zip(c.labels, "ab"):
        console.print(hanging(Text(f"  {label}：", style="bold"), [Text(name(c, which))], 0, console.width))
    console.print(Text("金额统一折算为万元，保留两位小数显示。" + ("只列数字不同的行。" if only_diff else ""), style="dim"))
    for note in c.notes:
        console.print(Text(f"注意：{note}", style="yellow"))
    parts = sections(c, every_table=show_all, only_diff=only_diff)
    for heading, lines in parts:
        console.print(_table(heading, lines, c.labels))
    if only_diff and not parts:
        console.print(Text("两份文件比较的数字全部相同。", style="green"))
    others = [p for p in c.tables if p is not c.summary]
    if others and not show_all:
        changed = sum(1 for p in others for ln in p.lines if differs(ln))
        console.print(Text(f"另有 {len(others)} 张表格可比较，其中 {changed} 行数字不同；加 --all 逐表列出。", style="dim"))
    if c.findings is not None:
        _findings(c, console)
    render_text_changes(c, console, show_all=show_all)


def _findings(c: Comparison, console: Console) -> None:
    f = c.findings
    assert f is not None
    console.rule(Text(f"审核发现的变化：已改正 {len(f.fixed)} 条，新出现 {len(f.new)} 条，仍存在 {len(f.kept)} 条",
                      style="bold"), align="left")
    for label, found, style in (("已改正", f.fixed, "green"), ("新出现", f.new, "red")):
        for x in found:
            console.print(hanging(Text(f"{label} ", style=style), [Text(rule_title(x.rule) or "审核发现", style="bold"),
                                                                   Text(x.message)], 2, console.width))


def _line(ln: Line) -> dict[str, Any]:
    return {"key": ln.key, "code": ln.code, "label": ln.label, "a": _s(ln.a), "b": _s(ln.b), "change": _s(ln.change),
            "rate": ln.rate}


def _s(v: Decimal | None) -> str | None:
    return None if v is None else f"{v:f}"


def _finding(f: Finding) -> dict[str, Any]:
    return {"rule": f.rule, "title": rule_title(f.rule), "severity": f.severity.value, "message": f.message,
            "fingerprint": f.fingerprint}


def compare_to_json(c: Comparison) -> dict[str, Any]:
    """Exact figures (Decimal as strings, 万元), every table, the findings' changes."""
    data: dict[str, Any] = {
        "format": FORMAT, "version": 1,
        "a": {"file": c.a.source.file, "organisation": c.a.meta.organisation, "year": c.a.meta.year},
        "b": {"file": c.b.source.file, "organisation": c.b.meta.organisation, "year": c.b.meta.year},
        "unit": "万元", "notes": list(c.notes),
        "three_public": [_line(ln) for ln in c.three_public],
        "labels": list(c.labels), "relation": c.pairing.relation.value,
        "narrative": [_line(ln) for ln in c.narrative],
        "text_changes": text_changes_json(c.text),
        "tables": [{"kind": p.kind.value, "title": p.title, "lines": [_line(ln) for ln in p.lines]} for p in c.tables],
    }
    if c.findings is not None:
        data["findings"] = {k: [_finding(f) for f in getattr(c.findings, k)] for k in ("fixed", "new", "kept")}
    return data


def render_compare_xlsx(c: Comparison, path: str | os.PathLike[str], only_diff: bool = False) -> None:
    """One sheet per part (收支总表, 三公, 说明, each table; with `only_diff` the lines that differ), one for
    the findings' changes (where the two are versions or consecutive years) and one for the narrative's."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(os.fspath(path), {"strings_to_numbers": False})
    head = wb.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
    num = wb.add_format({"num_format": "#,##0.00", "border": 1})
    cell = wb.add_format({"border": 1})
    used: set[str] = set()
    for heading, lines in sections(c, only_diff=only_diff):
        title = _sheet_name(heading, used)
        ws = wb.add_worksheet(title)
        ws.write_row(0, 0, ("编码", "项目", f"{c.labels[0]}（万元）", f"{c.labels[1]}（万元）", "增减", "增减率"), head)
        ws.set_column(0, 0, 10)
        ws.set_column(1, 1, 40)
        ws.set_column(2, 5, 14)
        for r, ln in enumerate(lines, 1):
            ws.write(r, 0, ln.code, cell)
            ws.write(r, 1, ln.label, cell)
            for col, v in ((2, ln.a), (3, ln.b), (4, ln.change)):
                # a number cell for the reader's sums; the exact value is in the JSON
                ws.write_number(r, col, float(v), num) if v is not None else ws.write(r, col, "", cell)
            ws.write(r, 5, ln.rate, cell)
    if c.findings is not None:
        ws = wb.add_worksheet("审核发现的变化")
        ws.write_row(0, 0, ("变化", "规则", "问题说明"), head)
        ws.set_column(2, 2, 100)
        rows = [("已改正", f) for f in c.findings.fixed] + [("新出现", f) for f in c.findings.new] + \
               [("仍存在", f) for f in c.findings.kept]
        for r, (label, f) in enumerate(rows, 1):
            ws.write_row(r, 0, (label, rule_title(f.rule), f.message), cell)
    if c.text:
        ws = wb.add_worksheet("说明文字的变化")
        ws.write_row(0, 0, ("变化", "部分", c.labels[0], c.labels[1]), head)
        ws.set_column(1, 1, 24)
        ws.set_column(2, 3, 70)
        wrap = wb.add_format({"border": 1, "text_wrap": True, "valign": "top"})
        for r, t in enumerate(c.text, 1):
            ws.write_row(r, 0, (t.kind, t.section, t.a or "", t.b or ""), wrap)
    wb.close()


def _sheet_name(heading: str, used: set[str]) -> str:
    base = "".join(ch for ch in heading if ch not in "[]:*?/\\")[:28] or "表"
    n, k = base, 2
    while n in used:
        n, k = f"{base[:26]}{k}", k + 1
    used.add(n)
    return n
