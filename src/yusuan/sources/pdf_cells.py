"""Table cells from the page's merged rules: pdfplumber's "lines" algorithm, same results, indexed.

pdfplumber finds a cell by scanning, for every crossing of two rules, all the crossings after it and
rebuilding the sets of rules through each pair it compares; a page of a few hundred crossings costs
tens of milliseconds. Here the rules through each crossing are gathered once, and the crossings
straight below and to the right are looked up by column and by row. The rules are the same
(`edges_to_intersections`, `intersections_to_cells` and `cells_to_tables` of pdfplumber.table, whose
results tests/sources/test_pdf_cells.py compares with these), and so are the cells and tables, and
a table's frame and rows (pdfplumber's `Table.bbox` and `Table.rows`).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict

Point = tuple[float, float]
Cell = tuple[float, float, float, float]
# Crossings are found a hair wider than the rule's tolerance, then tested exactly as pdfplumber does.
_ROOM = 1e-6


class Crossings:
    """Where vertical and horizontal rules meet (within the tolerances), with the rules (as boxes)
    through each crossing."""

    def __init__(self, edges: list[dict], x_tolerance: float, y_tolerance: float) -> None:
        self.vertical: dict[Point, set] = {}
        self.horizontal: dict[Point, set] = {}
        h_edges = sorted((e for e in edges if e["orientation"] == "h"), key=lambda e: e["top"])
        tops = [e["top"] for e in h_edges]
        for v in (e for e in edges if e["orientation"] == "v"):
            x, v_box = v["x0"], _box(v)
            lo = bisect_left(tops, v["top"] - y_tolerance - _ROOM)
            hi = bisect_right(tops, v["bottom"] + y_tolerance + _ROOM)
            for h in h_edges[lo:hi]:
                if (v["top"] <= h["top"] + y_tolerance and v["bottom"] >= h["top"] - y_tolerance
                        and x >= h["x0"] - x_tolerance and x <= h["x1"] + x_tolerance):
                    point = (x, h["top"])
                    self.vertical.setdefault(point, set()).add(v_box)
                    self.horizontal.setdefault(point, set()).add(_box(h))

    def cells(self) -> list[Cell]:
        """For each crossing (in order), the smallest cell it is the top left corner of."""
        points = sorted(self.vertical)
        column: dict[float, list[Point]] = defaultdict(list)
        row: dict[float, list[Point]] = defaultdict(list)
        for point in points:  # in order: a column top to bottom, a row left to right
            column[point[0]].append(point)
            row[point[1]].append(point)
        seen_in_column: dict[float, int] = defaultdict(int)
        seen_in_row: dict[float, int] = defaultdict(int)
        out = []
        for point in points:
            x, y = point
            seen_in_column[x] += 1
            seen_in_row[y] += 1
            cell = self._smallest(point, column[x][seen_in_column[x]:], row[y][seen_in_row[y]:])
            if cell is not None:
                out.append(cell)
        return out

    def _smallest(self, point: Point, below: list[Point], right: list[Point]) -> Cell | None:
        for below_pt in below:
            if not self._joined(point, below_pt):
                continue
            for right_pt in right:
                if not self._joined(point, right_pt):
                    continue
                corner = (right_pt[0], below_pt[1])
                if corner in self.vertical and self._joined(corner, right_pt) and self._joined(corner, below_pt):
                    return (point[0], point[1], corner[0], corner[1])
        return None

    def _joined(self, a: Point, b: Point) -> bool:
        """Whether one rule runs through both crossings."""
        if a[0] == b[0] and not self.vertical[a].isdisjoint(self.vertical[b]):
            return True
        return a[1] == b[1] and not self.horizontal[a].isdisjoint(self.horizontal[b])


def tables(cells: list[Cell]) -> list[list[Cell]]:
    """The cells grouped into tables (cells sharing a corner, directly or through others), top to
    bottom then left to right by their top left cell; a lone cell is no table."""
    by_corner: dict[Point, list[int]] = defaultdict(list)
    for i, cell in enumerate(cells):
        for corner in _corners(cell):
            by_corner[corner].append(i)
    group = [-1] * len(cells)
    groups: list[list[int]] = []
    for start in range(len(cells)):
        if group[start] >= 0:
            continue
        group[start] = len(groups)
        members, todo = [start], [start]
        while todo:
            for corner in _corners(cells[todo.pop()]):
                for other in by_corner[corner]:
                    if group[other] < 0:
                        group[other] = group[start]
                        members.append(other)
                        todo.append(other)
        groups.append(sorted(members))
    found = [[cells[i] for i in members] for members in groups]
    return [t for t in sorted(found, key=lambda t: min((c[1], c[0]) for c in t)) if len(t) > 1]


def frame(table: list[Cell]) -> Cell:
    """The box around a table's cells (pdfplumber's Table.bbox)."""
    return (min(c[0] for c in table), min(c[1] for c in table), max(c[2] for c in table), max(c[3] for c in table))


def rows(table: list[Cell]) -> list[tuple[Cell | None, ...]]:
    """The table's rows top to bottom (cells sharing a top), each with one place per column start of
    the whole table, left to right: the cell starting there, or None (pdfplumber's Table.rows)."""
    columns = sorted(set(c[0] for c in table))
    out: list[tuple[Cell | None, ...]] = []
    row: dict[float, Cell] = {}
    top = None
    for cell in sorted(table, key=lambda c: (c[1], c[0])):
        if row and cell[1] != top:
            out.append(tuple(row.get(x) for x in columns))
            row = {}
        top = cell[1]
        row[cell[0]] = cell
    if row:
        out.append(tuple(row.get(x) for x in columns))
    return out


def _corners(cell: Cell) -> tuple[Point, Point, Point, Point]:
    x0, top, x1, bottom = cell
    return (x0, top), (x0, bottom), (x1, top), (x1, bottom)


def _box(edge: dict) -> Cell:
    return (edge["x0"], edge["top"], edge["x1"], edge["bottom"])
