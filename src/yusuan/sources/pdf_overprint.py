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


_NONE: dict = {}


def without_overprints(chars: Sequence[C]) -> list[C]:
    """The characters with every repeat of an earlier one at the same place left out (order kept).

    The kept characters are filed on a coarse grid (8 pt cells) by row, then text, then column: a
    character is compared only with the same text in its cell and the eight around it, and most
    characters find no such text in their row or the rows beside it (ints and one-letter strings as
    keys: this runs for every character of every page)."""
    grid: dict[int, dict[str, dict[int, list[C]]]] = {}
    out: list[C] = []
    append, get = out.append, grid.get
    row = None  # the row of the character before, and the rows beside it (characters come line by line)
    line: dict[str, dict[int, list[C]]] = {}
    up = down = _NONE
    for c in chars:
        text = c.text
        if text.isspace():
            append(c)
            continue
        x, y = int(c.x0 // 8), int(c.top // 8)
        if y != row:  # only a character of another row adds a row: the three stay as they are till then
            row, line = y, grid.setdefault(y, {})
            up, down = get(y - 1, _NONE), get(y + 1, _NONE)
        here, above, below = line.get(text), up.get(text), down.get(text)
        if (here or above or below) and _repeats(c, x, (here, above, below)):
            continue
        if here is None:
            line[text] = {x: [c]}
        elif x in here:
            here[x].append(c)
        else:
            here[x] = [c]
        append(c)
    return out


def _repeats(c: _Box, x: int, rows: tuple) -> bool:
    for row in rows:
        if row:
            for dx in (-1, 0, 1):
                for p in row.get(x + dx, ()):
                    if _same_place(p, c):
                        return True
    return False
