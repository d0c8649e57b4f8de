"""Where a printed cell belongs when the text layer does not say: by its place on the page (a row
read with fewer cells than the header, a merged 合计 cell), and across a page break (a row whose
name runs on at the top of the next page)."""
from __future__ import annotations

import re
from dataclasses import replace

from ...text.folding import fold
from ...sources.raw import BBox, RawLine
from ...reference import names_for
from ...reference.codes import is_code
from ..numbers import is_amount_text
from .headers import Layout, is_column_numbers
from .templates import CODE, LABEL, is_label_part


def column_spans(layout: Layout) -> list[tuple[float, float] | None]:
    """Each grid column's horizontal extent, from the lowest header row that boxes it."""
    width = len(layout.columns)
    spans: list[tuple[float, float] | None] = [None] * width
    for h in reversed(layout.header):
        for i, box in enumerate((h.bboxes or ())[:width]):
            if box and spans[i] is None:
                spans[i] = (box[0], box[2])
    return spans


def aligned(line: RawLine, layout: Layout, spans: list[tuple[float, float] | None] | None = None) -> RawLine:
    """A row printed with fewer cells than the header (a merged ``合计`` cell over the code and name
    columns, read without its spanned places) put back under the header by where its cells stand."""
    if len(line.cells) >= len(layout.columns) or not line.bboxes:
        return line
    spans = column_spans(layout) if spans is None else spans
    if not all(spans):
        return line
    cells = [""] * len(spans)
    boxes: list[BBox | None] = [None] * len(spans)
    for text, box in zip(line.cells, line.bboxes):
        at = next((i for i, (x0, x1) in enumerate(spans) if box and x0 - 1 <= box[0] < x1 - 1), None)  # type: ignore[misc]
        if at is None or cells[at]:
            return line  # cannot place it by position: read as printed (unplaced cells get reported)
        cells[at], boxes[at] = text, box
    return replace(line, cells=tuple(cells), bboxes=tuple(boxes))


def _names_only(line: RawLine, layout: Layout) -> bool:
    """The line prints words in name columns and nothing else (no figure, no code)."""
    naming = {c.index for c in layout.columns if c.key == LABEL or is_label_part(c.key)}
    filled = [i for i, c in enumerate(line.cells) if c.strip()]
    return bool(filled) and all(i in naming for i in filled) and not any(is_amount_text(line.cells[i]) for i in filled)


def _folded(line: RawLine) -> list[str]:
    cells = [fold(c) for c in line.cells]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def header_keys(layout: Layout) -> frozenset[tuple[str, ...]]:
    """The header rows as `is_repeated_header` compares them."""
    return frozenset(tuple(_folded(h)) for h in layout.header)


def is_repeated_header(line: RawLine, header: frozenset[tuple[str, ...]]) -> bool:
    """A header printed again after a page break (or the column-number row) is not data."""
    return is_column_numbers(line) or tuple(_folded(line)) in header


_ORDINAL = re.compile(r"^[一二三四五六七八九十]+、")


def _continues(above: str, below: str, known: frozenset[str], ruled: bool) -> bool:
    """Whether words opening a page finish the name above (``八、社会保障和就`` + ``业支出``, ``当年收入``
    + ``小计``, a bare ``置更新`` outside any ruled cell or under no rule of its own) rather than start a row of their own
    (``专户管理教育收费`` / ``其他非税收入``)."""
    if fold(above) in ("小计", "合计"):
        return False
    return (not ruled or fold(above + below) in known
            or (bool(_ORDINAL.match(fold(above))) and not _ORDINAL.match(fold(below))))


def _catalogue_names(row: RawLine, layout: Layout) -> frozenset[str]:
    """The names the catalogue gives the row's classification code (``2100799`` 其他计划生育事务支出):
    a ruled row cut after ``其他计划生育事务`` is finished by the ``支出`` the next page opens with."""
    at = next((c.index for c in layout.columns if c.key == CODE), None)
    code = fold(row.cells[at]) if at is not None and at < len(row.cells) else ""
    return frozenset(fold(n) for n in names_for(code)) if is_code(code) else frozenset()


def join_page_split_rows(lines: tuple[RawLine, ...], layout: Layout, known: frozenset[str] = frozenset()
                         ) -> tuple[RawLine, ...]:
    """A row broken by a page break (``八、社会保障和就`` | 1,608.51 … on one page, ``业支出`` on the
    next) is one row: the words that open the new page are joined onto the names of the row above.
    A header printed again at the top of the page is passed over, neither joined (its ``收入`` | ``支出``
    band read as the rest of ``三、国有资本经营预算``) nor taken for the row the page opens with.
    known: the row names the table's profile knows (its totals and subtotals); the catalogue's names
    for the row's code are known too."""
    out: list[RawLine] = []
    spans, header = column_spans(layout), header_keys(layout)
    last_page, prev, at = None, None, 0
    for line in (aligned(ln, layout, spans) for ln in lines):
        if is_repeated_header(line, header):
            out.append(line)  # the header printed again over the new page: the row's rest comes after it
            continue
        opens_page = line.page is not None and last_page is not None and line.page > last_page
        last_page = line.page if line.page is not None else last_page
        names = known | _catalogue_names(prev, layout) if prev is not None else known
        if (prev is not None and opens_page and len(line.cells) == len(prev.cells) and _names_only(line, layout)
                and all(prev.cells[i].strip() and _continues(prev.cells[i], c, names, line.is_row and not line.cut_above)
                        for i, c in enumerate(line.cells) if c.strip())):
            cells = tuple(a + b.strip() if b.strip() else a for a, b in zip(prev.cells, line.cells))
            out[at] = prev = replace(prev, cells=cells)
            continue
        prev, at = line, len(out)
        out.append(line)
    return tuple(out)
