"""Header cells wrapped over lines: a PDF cell printing ``科目`` / ``编码`` on two lines around the
header row's one line (``科目名称 | 金额``) is extracted as lines of their own above and below the
row. They are put back into the header row by where they stand on the page."""
from __future__ import annotations

from dataclasses import replace

from ...text.folding import squash
from ...sources.raw import BBox, RawLine

FRAGMENT_MAX_CHARS = 8


def is_fragment(line: RawLine) -> bool:
    """A short one-cell line with its place on the page (a piece of a wrapped header cell)."""
    return (not line.is_row and len(line.cells) == 1 and bool(line.bboxes and line.bboxes[0] is not None)
            and 0 < len(squash(line.cells[0])) <= FRAGMENT_MAX_CHARS)


def _overlaps(a: BBox, b: BBox) -> bool:
    return a[0] < b[2] and b[0] < a[2]


def _union(a: BBox, b: BBox) -> BBox:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def merge_fragments(header: RawLine, fragments: list[RawLine]) -> RawLine:
    """The header row with the fragments joined in: onto a cell they stand over (``功能科目名`` + ``称``
    → the cell's text continues), or as cells of their own ordered by x (``科目`` + ``编码``)."""
    if not header.bboxes or any(b is None for b in header.bboxes):
        return header
    cells: list[tuple[str, BBox]] = [(c, b) for c, b in zip(header.cells, header.bboxes) if b is not None]
    for frag in sorted(fragments, key=lambda f: f.bboxes[0][1]):  # type: ignore[index]
        box, text = frag.bboxes[0], squash(frag.cells[0])  # type: ignore[index]
        at = next((i for i, (_, b) in enumerate(cells) if _overlaps(b, box)), None)  # type: ignore[arg-type]
        if at is None:
            cells.append((text, box))  # type: ignore[arg-type]
        else:
            old, b = cells[at]
            joined = old + text if box[1] >= b[1] else text + old  # type: ignore[index]
            cells[at] = (joined, _union(b, box))  # type: ignore[arg-type]
        cells.sort(key=lambda cb: cb[1][0])
    return replace(header, cells=tuple(c for c, _ in cells), bboxes=tuple(b for _, b in cells))


def column_starts(grid: list[RawLine]) -> list[float] | None:
    """Where each grid column starts, from the widest row printing a box for every cell."""
    full = [ln for ln in grid if ln.bboxes and all(b is not None for b in ln.bboxes)]
    if not full:
        return None
    widest = max(full, key=lambda ln: len(ln.cells))
    return [b[0] for b in widest.bboxes]  # type: ignore[index, union-attr]


def widen(grid: list[RawLine]) -> list[RawLine]:
    """Header rows printed with fewer cells than the grid (``收入 | 支出`` over four columns, a
    merged cell read as one) put under the columns where their cells start; others as printed."""
    starts = column_starts(grid)
    if starts is None:
        return grid
    out = []
    for ln in grid:
        if len(ln.cells) >= len(starts) or not ln.bboxes or any(b is None for b in ln.bboxes):
            out.append(ln)
            continue
        cells = [""] * len(starts)
        placed = True
        for text, box in zip(ln.cells, ln.bboxes):
            at = next((i for i, x in enumerate(starts) if abs(x - box[0]) <= 2), None)  # type: ignore[index]
            if at is None or cells[at]:
                placed = False
                break
            cells[at] = text
        out.append(replace(ln, cells=tuple(cells), bboxes=None) if placed else ln)
    return out
