"""Numbered lines that are items of a list, not headings: a heading has its text or table under it; read as
headings, every item but the last would be an empty one."""
from __future__ import annotations

import re

from ...sources.raw import RawLine
from ..claims import Lines
from .headings import Heading, parse_heading


def list_items(lines: Lines, between: set[int]) -> set[int]:
    """The lines of numbered lists printed one item a line; `between`: the blank lines and page furniture."""
    return _list_runs(lines) | _led_in_lists(lines, between)


def _list_runs(lines: Lines) -> set[int]:
    """Lines of numbered lists printed one item a line: two or more lines in a row numbered 1、 2、 3、
    in sequence, with nothing between them (江苏省高院: （一）机关内设机构 then 1、办公室 2、组织人事处 …
    27、赔偿委员会办公室), or a lone 1、 line followed at once by a heading of higher rank."""
    listed: set[int] = set()
    run: list[tuple[int, int]] = []  # (line, ordinal) of the run so far
    for ln in lines:
        if ln.is_blank:
            continue
        h = None if ln.is_row else parse_heading(ln.text)
        ordinal = h.ordinal if h is not None and h.level == 4 else None
        if ordinal is not None and run and ordinal == run[-1][1] + 1:
            run.append((ln.line, ordinal))
            continue
        # a lone 1、 closed by the next heading up (（二）下属事业单位 / 1、江苏省法官培训学院 / （三）…)
        lone = len(run) == 1 and run[0][1] == 1 and h is not None and h.level < 4
        if len(run) >= 2 or lone:
            listed.update(line for line, _ in run)
        run = [(ln.line, ordinal)] if ordinal is not None else []
    if len(run) >= 2:
        listed.update(line for line, _ in run)
    return listed


LEAD_IN = re.compile(r"[：:]\s*$")  # ``预算单位24个，具体包括：``: what follows is a list


def _led_in_lists(lines: Lines, between: set[int]) -> set[int]:
    """Lines of a list of names numbered 一、 or （一） printed one item a line after a paragraph that leads
    in to it (gd-gz-7ca93e6d p5–6: ``预算单位24个，具体包括：`` then （一）广州市第一人民医院 … （二十四）):
    two or more lines in sequence from the first, each right under the line before (only blank lines and
    page furniture, `between`, in the way)."""
    def close(run: list[int]) -> None:
        if len(run) >= 2:
            listed.update(run)

    def under(a: RawLine, b: RawLine) -> bool:
        return all(n in between for n in range(a.line + 1, b.line))

    listed: set[int] = set()
    run: list[int] = []
    last: Heading | None = None  # the run's last item
    previous: RawLine | None = None
    for ln in (x for x in lines if x.line not in between):
        h = None if ln.is_row else parse_heading(ln.text)
        item = h if h is not None and h.level in (2, 3) and h.ordinal is not None else None
        if item is not None and last is not None and previous is not None and item.level == last.level \
                and item.ordinal == (last.ordinal or 0) + 1 and under(previous, ln):
            run.append(ln.line)
        else:
            close(run)
            led_in = (previous is not None and not previous.is_row and LEAD_IN.search(previous.text) is not None
                      and parse_heading(previous.text) is None and under(previous, ln))
            run = [ln.line] if item is not None and item.ordinal == 1 and led_in else []
        last = item if run else None
        previous = ln
    close(run)
    return listed
