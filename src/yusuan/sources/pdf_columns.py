"""Unruled tables: rows of aligned text put into common columns, so empty cells are kept as "".

A run of lines in one text block that were split into several cells (wide gaps) is a table with no
rules. Its columns are taken from the rows with the most cells (a full data row shows every column);
every row's cells are then placed in the column they overlap most, the others left "". A cell that
overlaps no column goes to the nearest one. Single-cell lines inside the run (a row with only its
label printed) are placed the same way, so 二、事业收入 keeps its place in the first column.
"""
from __future__ import annotations

from .pdf_page_types import Grid, GridRow
from .pdf_text import TextLine

# At least this many multi-cell lines make a table; fewer are a header line such as 编制部门 … 单位.
MIN_ROWS = 3


def align_rows(lines: list[TextLine]) -> list:
    """The block's lines with its unruled table (if any) replaced by a Grid of aligned rows."""
    multi = [i for i, line in enumerate(lines) if len(line.cells) > 1]
    if len(multi) < MIN_ROWS:
        return list(lines)
    first, last = multi[0], multi[-1]
    run = lines[first : last + 1]
    if len(multi) * 2 < len(run):  # mostly prose with a few gapped lines: not a table
        return list(lines)
    columns = _columns(run)
    rows = tuple(_place(line, columns) for line in run)
    return [*lines[:first], Grid(rows, run[0].top), *lines[last + 1 :]]


def _columns(run: list[TextLine]) -> list[tuple[float, float]]:
    widest = max(len(line.cells) for line in run)
    full = [line for line in run if len(line.cells) == widest]
    spans = [(min(line.boxes[j][0] for line in full), max(line.boxes[j][2] for line in full)) for j in range(widest)]
    merged: list[tuple[float, float]] = []
    for x0, x1 in sorted(spans):
        if merged and x0 < merged[-1][1]:  # rows disagree: the two columns are one
            merged[-1] = (merged[-1][0], max(merged[-1][1], x1))
        else:
            merged.append((x0, x1))
    return merged


def _place(line: TextLine, columns: list[tuple[float, float]]) -> GridRow:
    cells = [""] * len(columns)
    boxes: list = [None] * len(columns)
    for text, box in zip(line.cells, line.boxes):
        j = _column(box, columns)
        cells[j] = f"{cells[j]} {text}".strip()
        boxes[j] = box if boxes[j] is None else (boxes[j][0], min(boxes[j][1], box[1]), box[2], max(boxes[j][3], box[3]))
    return GridRow(tuple(cells), tuple(boxes))


def _column(box, columns: list[tuple[float, float]]) -> int:
    overlaps = [min(box[2], x1) - max(box[0], x0) for x0, x1 in columns]
    best = max(range(len(columns)), key=lambda j: overlaps[j])
    if overlaps[best] > 0:
        return best
    middle = (box[0] + box[2]) / 2
    return min(range(len(columns)), key=lambda j: abs((columns[j][0] + columns[j][1]) / 2 - middle))
