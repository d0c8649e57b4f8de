"""Tables broken by a page: the rule they lack where the page cuts them, drawn back in.

A table continued from the previous page often has no top rule over the columns whose header cells
began there (江苏 2018 财政拨款收支总表: 收入's 项目名称/金额 open at the top of page 11, 支出用途
ruled). The table finder only makes a cell from four ruled sides, so those cells — and the text in
them — would vanish. A vertical rule whose end meets no horizontal rule is such an open end; where
several vertical rules end at one height and at least one of them is open, the gaps between them
are closed by a horizontal rule, as the page's edge would have done. Rules that end properly (at a
horizontal rule) are left as they are, so ruled tables read exactly as before.
"""
from __future__ import annotations

TOLERANCE = 3.0


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
    return edges + added, tops


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


def _horizontal(x0: float, x1: float, y: float) -> dict:
    return {"orientation": "h", "object_type": "line", "x0": x0, "x1": x1, "top": y, "bottom": y,
            "doctop": y, "width": x1 - x0, "height": 0}
