"""Text drawn more than once in the same place is printed once.

Some producers draw a title several times over itself (西安 2022 商务局: "2022年部门综合预算收支总表" three
times at the very same position, a way of making it look bold). On paper it is one line; read character
by character it interleaves into "222000222222年年年…". A character that repeats an earlier one (same
text, boxes overlapping almost entirely) is that earlier character again, not more text: it is left out,
and nothing printed is lost.
"""
from __future__ import annotations

from typing import Protocol, Sequence, TypeVar


class _Box(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def x0(self) -> float: ...
    @property
    def x1(self) -> float: ...
    @property
    def top(self) -> float: ...
    @property
    def bottom(self) -> float: ...


C = TypeVar("C", bound=_Box)
# How far (as a share of the character's own size) a repeat may sit from the first drawing.
NEAR = 0.25


def _same_place(a: _Box, b: _Box) -> bool:
    w = max(a.x1 - a.x0, b.x1 - b.x0, 0.1)
    h = max(a.bottom - a.top, b.bottom - b.top, 0.1)
    return abs(a.x0 - b.x0) <= NEAR * w and abs(a.top - b.top) <= NEAR * h and abs(a.x1 - b.x1) <= NEAR * w


def without_overprints(chars: Sequence[C]) -> list[C]:
    """The characters with every repeat of an earlier one at the same place left out (order kept)."""
    seen: dict[tuple[str, int, int], list[C]] = {}
    out: list[C] = []
    for c in chars:
        if c.text.isspace():
            out.append(c)
            continue
        cell = (c.text, int(c.x0 // 8), int(c.top // 8))  # a coarse grid: neighbours checked below
        near = [p for dx in (-1, 0, 1) for dy in (-1, 0, 1)
                for p in seen.get((c.text, cell[1] + dx, cell[2] + dy), ())]
        if any(_same_place(p, c) for p in near):
            continue
        seen.setdefault(cell, []).append(c)
        out.append(c)
    return out
