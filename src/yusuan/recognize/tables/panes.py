"""Tables printed in panes: the same columns twice side by side (编码 | 名称 | 决算数 | 编码 | 名称 | 决算数).

The grid is unfolded into one column set: every line's left pane first, then every line's right pane,
so each printed row becomes a row of the one header. Empty pane halves are dropped; the repeated
header of the right pane is skipped by the row reader like a header printed again after a page break.
"""
from __future__ import annotations

from dataclasses import replace

from ...sources.raw import RawLine


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
