"""The checklist's pictures: each finding's crop drawn once (a row and the appendix show the same), a
row's first problems numbered in one picture, and pictures put in a cell at print resolution, shown at
the cell's width (the file keeps every pixel; Excel shows it smaller, prints it sharp)."""
from __future__ import annotations

import io

from ..audit import Finding
from ..audit.findings import at_home, home_files
from ..model import Disclosure
from .screenshots import PageSource, shot, stacked

PIXELS_PER_CHAR = 7  # a column `w` characters wide is about 7·w pixels
HEAD_LINES = 8  # at most this many lines of a table's title and heads above a row


def heads_of(d: Disclosure) -> dict[str, tuple[int, ...]]:
    """Each table's title and column-head lines: from its title line to the line before its first row."""
    out = {}
    for t in d.tables:
        first = min((min(r.lines or (r.provenance.line or 0,)) for r in t.rows), default=0)
        start = t.provenance.line
        if start and first > start:
            out[t.id] = tuple(range(start, min(first, start + HEAD_LINES)))
    return out


class Pictures:
    """The crops of one document's findings, drawn on first use; a cross-document finding by its places
    in this document only (its partners' lines are theirs)."""

    def __init__(self, pages: PageSource, d: Disclosure) -> None:
        self.pages, self.heads, self.home = pages, heads_of(d), home_files(d)
        self._drawn: dict[str, bytes | None] = {}

    def of(self, f: Finding) -> bytes | None:
        key = f.fingerprint + f.message
        if key not in self._drawn:
            self._drawn[key] = shot(self.pages, at_home(f, self.home), self.heads)
        return self._drawn[key]

    def numbered(self, findings: list[Finding]) -> bytes | None:
        drawn = [p for p in (self.of(f) for f in findings) if p]
        return stacked(drawn)[0] if drawn else None


def insert_scaled(ws, row: int, col: int, png: bytes, width_chars: float, max_points: float) -> float:
    """Put the picture in the cell, shown at the column's width (or less, to stay within `max_points`
    of height); returns the points of row height it takes."""
    from PIL import Image

    w, h = Image.open(io.BytesIO(png)).size
    room_w = width_chars * PIXELS_PER_CHAR - 8
    room_h = (max_points - 8) * 4 / 3
    scale = min(1.0, room_w / w, room_h / h)
    ws.insert_image(row, col, "问题截图.png", {"image_data": io.BytesIO(png), "x_offset": 4, "y_offset": 4,
                                                "x_scale": scale, "y_scale": scale, "object_position": 1})
    return h * scale * 0.75 + 8
