"""Tables broken by a page: the rule they lack where the page cuts them, drawn back in.

A table continued from the previous page often has no top rule over the columns whose header cells
began there (江苏 2018 财政拨款收支总表: 收入's 项目名称/金额 open at the top of page 11, 支出用途
ruled). The table finder only makes a cell from four ruled sides, so those cells — and the text in
them — would vanish. A vertical rule whose end meets no horizontal rule is such an open end; where
several vertical rules end at one height and at least one of them is open, the gaps between them
are closed by a horizontal rule, as the page's edge would have done. Rules that end properly (at a
horizontal rule) are left as they are, so ruled tables read exactly as before.

A table cut at its side is closed the same way: a spreadsheet printed with a print area clips the
table's outer rule off (or the producer leaves it out: pdftocairo), so the rows' rules end at the
same x with no vertical rule there. Between two such rules that an inner vertical rule joins (a
ruled row) with no rule between them, the side is drawn back in; rules that no vertical joins (a
title's underline, a footer's) are left alone.
"""
from __future__ import annotations

from itertools import pairwise

TOLERANCE = 3.0
# An open side closes a column at least this wide (pt); a frame drawn a little outside the table's
# own rules is not an open column.
MIN_COLUMN = 10.0


def close_open_ends(edges: list[dict]) -> tuple[list[dict], list[dict]]:
    """`edges` (pdfplumber's merged edges) plus a horizontal edge across each open end of a table;
    and the rules drawn back in over open tops (the rows under them were cut off by the page)."""
    horizontal = [e for e in edges if e["orientation"] == "h"]
    vertical = [e for e in edges if e["orientation"] == "v"]
    added: list[dict] = []
    tops: list[dict] = []
    for end in ("top", "bottom"):
        for y, ends in _ends_by_height(vertical, end):
            if all(_meets(horizontal, x, y) for x in ends) or len(ends) < 2:
                continue
            for left, right in zip(ends, ends[1:]):
                if not _covered(horizontal, left, right, y):
                    added.append(_horizontal(left, right, y))
                    if end == "top":
                        tops.append(added[-1])
    added += _closed_sides(horizontal, vertical)
    return edges + added, tops


def _closed_sides(horizontal: list[dict], vertical: list[dict]) -> list[dict]:
    """Vertical edges closing the rows whose horizontal rules end open at one x, left or right."""
    added: list[dict] = []
    for end in ("x0", "x1"):
        groups: list[tuple[float, list[dict]]] = []
        for h in sorted(horizontal, key=lambda e: e[end]):
            if groups and h[end] - groups[-1][0] <= TOLERANCE:
                groups[-1][1].append(h)
            else:
                groups.append((h[end], [h]))
        for x, rules in groups:
            rules.sort(key=lambda e: e["top"])
            for upper, lower in pairwise(rules):
                top, bottom = upper["top"], lower["top"]
                inner = _inner_rule(vertical, upper, lower, end)
                if inner is not None and abs(inner - x) >= MIN_COLUMN and not any(
                        top + TOLERANCE < h["top"] < bottom - TOLERANCE and h["x0"] <= inner <= h["x1"]
                        for h in horizontal):
                    added.append(_vertical(x, top, bottom))
    return added


def _inner_rule(vertical: list[dict], upper: dict, lower: dict, end: str) -> float | None:
    """The x of the vertical rule nearest the rules' `end` that joins them (None if none does)."""
    top, bottom = upper["top"], lower["top"]
    if bottom - top <= TOLERANCE:
        return None
    left, right = max(upper["x0"], lower["x0"]), min(upper["x1"], lower["x1"])
    xs = [v["x0"] for v in vertical if left - TOLERANCE <= v["x0"] <= right + TOLERANCE
          and v["top"] <= top + TOLERANCE and bottom - TOLERANCE <= v["bottom"]]
    if not xs:
        return None
    return min(xs) if end == "x0" else max(xs)




def under(box: tuple[float, float, float, float], tops: list[dict]) -> bool:
    """Whether a cell's top is a rule drawn back in (the cell opens with no rule of its own)."""
    return any(abs(box[1] - t["top"]) <= TOLERANCE and t["x0"] - TOLERANCE <= box[0] and box[2] <= t["x1"] + TOLERANCE
               for t in tops)


def _ends_by_height(vertical: list[dict], end: str) -> list[tuple[float, list[float]]]:
    """Vertical rules grouped by the height of their top (or bottom) end: (height, sorted xs)."""
    groups: list[tuple[float, list[float]]] = []
    for e in sorted(vertical, key=lambda e: e[end]):
        if groups and e[end] - groups[-1][0] <= TOLERANCE:
            groups[-1][1].append(e["x0"])
        else:
            groups.append((e[end], [e["x0"]]))
    return [(y, sorted(xs)) for y, xs in groups]


def _meets(horizontal: list[dict], x: float, y: float) -> bool:
    return any(abs(h["top"] - y) <= TOLERANCE and h["x0"] - TOLERANCE <= x <= h["x1"] + TOLERANCE
               for h in horizontal)


def _covered(horizontal: list[dict], left: float, right: float, y: float) -> bool:
    return any(abs(h["top"] - y) <= TOLERANCE and h["x0"] - TOLERANCE <= left and right <= h["x1"] + TOLERANCE
               for h in horizontal)


def _vertical(x: float, top: float, bottom: float) -> dict:
    return {"orientation": "v", "object_type": "line", "x0": x, "x1": x, "top": top, "bottom": bottom,
            "doctop": top, "width": 0, "height": bottom - top}


def _horizontal(x0: float, x1: float, y: float) -> dict:
    return {"orientation": "h", "object_type": "line", "x0": x0, "x1": x1, "top": y, "bottom": y,
            "doctop": y, "width": x1 - x0, "height": 0}
