"""Tables printed in panes: the same columns twice side by side (编码 | 名称 | 决算数 | 编码 | 名称 | 决算数).

The grid is unfolded into one column set: every line's left pane first, then every line's right pane,
so each printed row becomes a row of the one header. Empty pane halves are dropped; the repeated
header of the right pane is skipped by the row reader like a header printed again after a page break.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ...sources.raw import RawLine
from ...text.folding import fold


def unfold_panes(grid: tuple[RawLine, ...], panes: int) -> tuple[RawLine, ...]:
    width = max((len(ln.cells) for ln in grid), default=0)
    if panes < 2 or width < panes or width % panes:
        return grid  # not printed in equal panes: read as it stands (its cells get reported)
    step = width // panes
    out: list[RawLine] = []
    for p in range(panes):
        for ln in grid:
            cells = (*ln.cells, *([""] * (width - len(ln.cells))))[p * step:(p + 1) * step]
            if p == 0 or any(c.strip() for c in cells):
                out.append(replace(ln, cells=tuple(cells), bboxes=None))
    return tuple(out)


# A pane's header names a code column: panes are coded lists (经济科目 编码 | 名称 | 决算数).
_CODE_WORD = re.compile(r"编码|代码")
_HEADER_ROWS = 4  # where a header row can stand: the first rows of the grid


def repeated_panes(grid: tuple[RawLine, ...]) -> tuple[int, int]:
    """(k, i): header row i prints the same words k ≥ 2 times side by side (the national 决算's 基本支出决算表:
    科目代码 科目名称 决算数 three times, under 人员经费 | 公用经费), so the table stands in k panes; (1, -1)
    when no header row repeats."""
    for i, ln in enumerate(grid[:_HEADER_ROWS]):
        cells = [fold(c) for c in ln.cells]
        while cells and not cells[-1]:
            cells.pop()
        for k in range(len(cells) // 2, 1, -1):
            step = len(cells) // k
            chunks = {tuple(cells[j * step:(j + 1) * step]) for j in range(k)}
            if len(cells) % k == 0 and step >= 2 and len(chunks) == 1:
                (chunk,) = chunks
                if all(chunk) and any(_CODE_WORD.search(c) for c in chunk):
                    return k, i
    return 1, -1


def _chunks(cells: tuple[str, ...], panes: int, step: int) -> list[list[str]]:
    """A line cut into its panes. A pane printing only a figure, beside a pane whose name has none, is
    one line spanning both (公用经费合计 over the two 公用经费 panes, its 2,266.65 in the last one): it
    is read in the last, after every row it sums."""
    padded = (*cells, *([""] * (step * panes - len(cells))))
    out = [list(padded[p * step:(p + 1) * step]) for p in range(panes)]
    for p in range(panes - 1, 0, -1):
        here, left = out[p], out[p - 1]
        if here[-1].strip() and not any(c.strip() for c in here[:-1]) \
                and any(c.strip() for c in left[:-1]) and not left[-1].strip():
            here[:-1], left[:-1] = left[:-1], [""] * (step - 1)
    return out


def unfold_repeated(grid: tuple[RawLine, ...], panes: int, header_row: int) -> tuple[RawLine, ...]:
    """The grid unfolded into its `panes` (as `unfold_panes`), the right panes without their header rows
    (rows 0 … `header_row`: the left pane's header names them all)."""
    width = max((len(ln.cells) for ln in grid), default=0)
    step = -(-width // panes)
    cut = [_chunks(ln.cells, panes, step) for ln in grid]
    out: list[RawLine] = []
    for p in range(panes):
        for n, ln in enumerate(grid):
            cells = cut[n][p]
            if p == 0 or (n > header_row and any(c.strip() for c in cells)):
                out.append(replace(ln, cells=tuple(cells), bboxes=None))
    return tuple(out)
