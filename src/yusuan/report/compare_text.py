"""The narratives' changed paragraphs for people: each change under its section heading, A's paragraph
and B's, the characters that differ in 【】 (and coloured in a terminal), with a hanging indent."""
from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.text import Text

from ..audit.compare_docs import Comparison
from ..audit.compare_text import TextChange, spans
from .fold import hanging

SHOWN = 10  # changes listed in the terminal unless --all


def _marked(t: TextChange, side: str) -> Text:
    """A's (side "-") or B's (side "+") paragraph with its differing characters marked."""
    whole = t.a if side == "-" else t.b
    if whole is None:
        return Text("（无此段）", style="dim")
    if t.a is None or t.b is None:
        return Text(whole)
    out = Text()
    for op, piece in spans(t.a, t.b):
        if op == "=":
            out.append(piece)
        elif op == side:
            out.append(f"【{piece}】", style="bold red" if side == "-" else "bold green")
    return out


def render_text_changes(c: Comparison, console: Console, *, show_all: bool = False) -> None:
    if not c.text:
        if c.a.sections and c.b.sections:
            console.print(Text("说明文字：两份文件的段落相同。", style="green"))
        return
    la, lb = (label.ljust(max(len(x) for x in c.labels), "　") for label in c.labels)
    counts = {k: sum(1 for t in c.text if t.kind == k) for k in ("修改", "新增", "删除")}
    summary = "，".join(f"{k} {n} 段" for k, n in counts.items() if n)
    console.rule(Text(f"说明文字的变化：{summary}", style="bold"), align="left")
    shown = c.text if show_all else c.text[:SHOWN]
    section = None
    for t in shown:
        if t.section != section:
            section = t.section
            console.print(Text(f"  {section or '（无标题部分）'}", style="bold"))
        sides = [(label, side) for label, side in ((la, "-"), (lb, "+")) if (t.a if side == "-" else t.b) is not None]
        for n, (label, side) in enumerate(sides):
            mark = Text(f"{t.kind} " if n == 0 else "     ", style="yellow")
            mark.append(f"{label}：", style="dim")
            console.print(hanging(mark, [_marked(t, side)], 4, console.width))
    if len(shown) < len(c.text):
        console.print(Text(f"另有 {len(c.text) - len(shown)} 段变化；加 --all 全部列出。", style="dim"))


def text_changes_json(changes: tuple[TextChange, ...]) -> list[dict[str, Any]]:
    return [{"kind": t.kind, "section": t.section, "a": t.a, "b": t.b} for t in changes]
