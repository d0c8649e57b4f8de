"""A table printed over several pages is one table.

Where a long table restates its head on each page (Xi'an prints caption, title, unit and header
again: ``表10`` / ``…专项业务经费支出表`` six pages running), or marks the next page ``续表`` /
``…表（续）``, the region finder sees one region per page. Here a region that opens the very next
page, restates the previous region's title (or only marks it continued), prints the same columns in
the same places, in the same unit, for the same 部门, and does not start over with a total of its
own, is joined onto the table it continues, before any row is read. Its restated head is kept as
furniture (claimed, not data); every row keeps its own line and so its own page.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ...text.folding import fold
from ...sources.raw import RawLine
from ..numbers import is_amount_text
from . import templates as tp
from .fragments import column_starts

if TYPE_CHECKING:
    from .regions import Region

COLUMN_TOLERANCE = 3.0  # points: the same column printed again on the next page
HEAD_LINES = 3  # lines above a title that a continuation may print again
HEADER_LINES = 4  # a table's header rows, at most (a column-number row included)
# ``续表`` ``续表2`` ``（续）`` ``续表：title`` ``title（续）`` ``title（续表）`` (folded: half-width brackets)
_MARK = re.compile(r"^续表\d*(?:[:：](?P<after>.*))?$|^(?P<before>.*?)[(]续表?[)]$")
# a mark alone on its line: ``续表`` ``续表2`` ``表5（续）`` ``（续表）``
_BARE_MARK = re.compile(r"^续表\d*$|^(?:附?表\d+(?:-\d+)?)?[(]续表?[)]$")


def restated_title(title: str, previous: str) -> bool:
    """Whether `title` names the table `previous` again: the same words, or a 续表 mark (alone or
    around the same words)."""
    t, p = fold(title), fold(previous)
    if t == p:
        return True
    m = _MARK.match(t)
    if m is None:
        return False
    rest = re.sub(tp.CAPTION_PREFIX, "", m.group("after") or m.group("before") or "")
    return rest in ("", p, re.sub(tp.CAPTION_PREFIX, "", p))


def is_continued_mark(line: RawLine) -> bool:
    """A 续表 mark alone on its line (the cheap test first: most lines are not)."""
    return "续" in line.text and not line.is_row and len(line.filled) == 1 and bool(_BARE_MARK.match(fold(line.filled[0])))


def mark_continues(lines: Sequence[RawLine], i: int, grid: Sequence[RawLine]) -> bool:
    """Whether the 续表 mark at `i`, inside a table's grid, is followed by that table's rows: the same
    number of columns, under its header printed again or straight away with figures (not another
    table's header)."""
    nxt = next((ln for ln in lines[i + 1:i + 4] if not ln.is_blank), None)
    return nxt is not None and nxt.is_row and len(nxt.cells) == _width(grid) and _same_header(grid, [nxt])


def _width(grid: Sequence[RawLine]) -> int:
    return max((len(ln.cells) for ln in grid), default=0)


def _same_columns(a: Sequence[RawLine], b: Sequence[RawLine]) -> bool:
    """The same number of columns, starting at the same places where the page gives them."""
    if _width(a) != _width(b):
        return False
    sa, sb = column_starts(list(a)), column_starts(list(b))
    if sa is None or sb is None or len(sa) != len(sb):
        return True
    return all(abs(x - y) <= COLUMN_TOLERANCE for x, y in zip(sa, sb))


def _same_header(a: Sequence[RawLine], b: Sequence[RawLine]) -> bool:
    """`b` opens with `a`'s header printed again, or with figures (no header): not a header of its own."""
    return _restated_header(a, b) > 0 or any(is_amount_text(c) for c in b[0].cells)


def _has_total(grid: Sequence[RawLine]) -> bool:
    """A row named 合计 or 总计 that prints figures (a header's ``合计`` column prints none)."""
    return any(any(fold(c) in tp.DEFAULT_TOTALS for c in ln.cells[:3]) and any(is_amount_text(c) for c in ln.cells)
               for ln in grid)


def _last_page(region: Region) -> int | None:
    pages = [ln.page for ln in (*region.grid, *region.notes) if ln.page is not None]
    return max(pages) if pages else None


def _head_above(lines: Sequence[RawLine], region: Region) -> frozenset[str]:
    """The texts printed just above a region's title on its page (a title's first half, a caption)."""
    at = next(k for k, ln in enumerate(lines) if ln.line == region.title.line)
    above = [ln for ln in lines[max(0, at - 8):at] if not ln.is_blank and ln.page == region.title.page][-HEAD_LINES:]
    return frozenset(fold(ln.text) for ln in above)


def _between(lines: Sequence[RawLine], a: Region, b: Region, furniture: frozenset[int]) -> tuple[RawLine, ...] | None:
    """The lines between the end of `a` and the head of `b` if they are only blank lines, page
    furniture and `a`'s head printed again (the first half of a wrapped title); else None."""
    end = max(ln.line for ln in a.lines)
    start = min(ln.line for ln in b.lines)
    gap = [ln for ln in lines if end < ln.line < start and not ln.is_blank and ln.line not in furniture]
    if not gap:
        return ()
    head = _head_above(lines, a)
    return tuple(gap) if all(fold(ln.text) in head for ln in gap) else None


def continuation(a: Region, b: Region, lines: Sequence[RawLine], furniture: frozenset[int]
                 ) -> tuple[RawLine, ...] | None:
    """If region `b` is the rest of region `a` printed over the page break: the lines between them
    (a restated head to step over, often none); else None."""
    last, first = _last_page(a), b.title.page
    if not (last is not None and first == last + 1 and not a.notes
            and restated_title(b.title_text, a.title_text)
            and (a.unit is None or b.unit is None or a.unit == b.unit)
            and (not a.entity or not b.entity or fold(a.entity) == fold(b.entity))
            and (_same_columns(a.grid, b.grid) or _restates_header(a, b)) and _same_header(a.grid, b.grid)
            and not (_has_total(a.grid) and _has_total(b.grid))):
        return None
    return _between(lines, a, b, furniture)


def _restates_header(a: Region, b: Region) -> bool:
    """`b` prints `a`'s caption and header again over as many columns, the columns drawn a few points off
    (西安 民政局 表5's second page: its wrapped header cells wrap otherwise)."""
    return (a.caption is not None and b.caption is not None and fold(a.caption.text) == fold(b.caption.text)
            and _width(a.grid) == _width(b.grid) and _restated_header(a.grid, b.grid) > 0)


def _restated_header(a: Sequence[RawLine], b: Sequence[RawLine]) -> int:
    """How many of `b`'s first grid lines print `a`'s header again (column headings, numbers)."""
    header = {tuple(fold(c) for c in ln.cells) for ln in a[:HEADER_LINES]}
    n = 0
    while n < len(b) and tuple(fold(c) for c in b[n].cells) in header:
        n += 1
    return n


def _joined(a: Region, b: Region, gap: tuple[RawLine, ...]) -> Region:
    """`a` with `b`'s rows after its own; `b`'s restated head (and header) stepped over like a page number."""
    n = _restated_header(a.grid, b.grid)
    head = (*gap, *b.unit_lines, *((b.caption,) if b.caption and b.caption is not b.title else ()), b.title,
            *b.title_more, *b.preamble, *b.fragments, *b.grid[:n])
    return replace(a, grid=(*a.grid, *b.grid[n:]), notes=b.notes, furniture=(*a.furniture, *head, *b.furniture),
                   unit=a.unit or b.unit, entity=a.entity or b.entity)


def join_continuations(regions: Sequence[Region], lines: Sequence[RawLine], furniture: frozenset[int]) -> list[Region]:
    """The regions with every continuation joined onto the table it continues (any number of pages)."""
    out: list[Region] = []
    for r in regions:
        gap = continuation(out[-1], r, lines, furniture) if out else None
        if gap is not None:
            out[-1] = _joined(out[-1], r, gap)
        else:
            out.append(r)
    return out
