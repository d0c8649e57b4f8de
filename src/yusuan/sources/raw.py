"""The raw form every reader produces: lines of cells with their place in the source.

Nothing domain-specific lives here. A text paragraph is a line with one cell; a table row is a
line with several cells (`is_row`). A blank line (no cells) separates blocks and, in the text
form, marks page breaks.
"""
from __future__ import annotations

from dataclasses import dataclass

BBox = tuple[float, float, float, float]


@dataclass(frozen=True)
class RawLine:
    """One line of the source.

    cells: the cell texts as printed (a paragraph has one cell); empty cells are kept as "".
    line: 1-based running number in the source (the text file's line number).
    page: 1-based page where the format has pages.
    is_row: the line came from a table grid (tab-separated, ruled or aligned cells).
    bboxes: per-cell boxes on the page, where known.
    cut_above: a table row opening a page with no top rule: the rest of a row the page break cut.
    """

    cells: tuple[str, ...]
    line: int
    page: int | None = None
    is_row: bool = False
    bboxes: tuple[BBox | None, ...] | None = None
    cut_above: bool = False

    @property
    def is_blank(self) -> bool:
        return not any(c.strip() for c in self.cells)

    @property
    def text(self) -> str:
        """The line's text, cells joined by a tab (as the text form prints it)."""
        return "\t".join(self.cells)

    @property
    def filled(self) -> tuple[str, ...]:
        """The non-empty cells, stripped."""
        return tuple(c.strip() for c in self.cells if c.strip())


@dataclass(frozen=True)
class ReadNote:
    """Something a reader saw but could not turn into lines (a page without a text layer …).

    The pipeline reports each note as an ingest issue, so nothing is left out silently.
    """

    code: str
    message: str
    page: int | None = None


@dataclass(frozen=True)
class RawDocument:
    """A file read into lines. `format` is ``txt``, ``pdf``, ``docx``, ``xlsx``, ``xls`` or ``ods``."""

    file: str
    format: str
    sha256: str
    size: int
    lines: tuple[RawLine, ...]
    pages: int | None = None
    notes: tuple[ReadNote, ...] = ()
