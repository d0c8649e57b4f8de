"""What a laid-out PDF page is made of: grids (ruled or aligned tables), text lines, blanks."""
from __future__ import annotations

from dataclasses import dataclass

from .raw import BBox


@dataclass(frozen=True)
class GridRow:
    """A table row: cell texts in column order ("" where empty or spanned) and the cells' boxes.
    cut_above: the row has no top rule of its own (drawn back in by the reader): the page broke it
    off the row printed at the foot of the page before."""

    cells: tuple[str, ...]
    boxes: tuple[BBox | None, ...]
    cut_above: bool = False


@dataclass(frozen=True)
class Grid:
    rows: tuple[GridRow, ...]
    top: float


@dataclass(frozen=True)
class Blank:
    """A gap between blocks of text."""

    top: float
