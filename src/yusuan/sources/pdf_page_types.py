"""What a laid-out PDF page is made of: grids (ruled or aligned tables), text lines, blanks."""
from __future__ import annotations

from dataclasses import dataclass

from .raw import BBox


@dataclass(frozen=True)
class GridRow:
    """A table row: cell texts in column order ("" where empty or spanned) and the cells' boxes."""

    cells: tuple[str, ...]
    boxes: tuple[BBox | None, ...]


@dataclass(frozen=True)
class Grid:
    rows: tuple[GridRow, ...]
    top: float


@dataclass(frozen=True)
class Blank:
    """A gap between blocks of text."""

    top: float
