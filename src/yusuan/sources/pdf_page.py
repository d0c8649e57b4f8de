"""One PDF page laid out: ruled tables as grids (pdfplumber's table algorithm on the page's edges, its
steps redone in sources/pdf_rules.py and sources/pdf_cells.py with the same results),
the other text as lines and paragraphs, all in reading order (top to bottom)."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import attrgetter

from .pdf_cells import Crossings, frame, rows
from .pdf_cells import tables as cell_tables
from .pdf_chars import Char
from .pdf_columns import align_rows
from .pdf_open_ends import close_open_ends, under
from .pdf_page_types import Blank, Grid, GridRow
from .pdf_rules import long_enough, merge_rules
from .pdf_text import (
    WORD_GAP,
    TextLine,
    Word,
    group_lines,
    join_wrapped,
    line_spacing,
    paragraphs,
    starts_block,
    to_text_line,
    unradical,
)
from .raw import BBox

# pdfplumber's defaults for the "lines" strategy: snap and join rules within 3 pt, rules shorter
# than 3 pt ignored, intersections within 3 pt.
TOLERANCE = 3.0
# Characters closer than this (pt) are one word; a line's characters lie within this of its top.
CHAR_GAP = 1.5


Item = Grid | TextLine | Blank


def read_page(chars: list[Char], edges: list[dict] | None) -> list[Item]:
    """The page's items top to bottom: grids, text lines/paragraphs, and blanks between blocks.
    `edges` None means: do not look for tables (the page is read as text)."""
    tables, tops = find_tables(edges) if edges else ([], [])
    boxes = [frame(t) for t in tables]
    centres = [((c.x0 + c.x1) / 2, (c.top + c.bottom) / 2) for c in chars] if boxes else []
    framed = [_within(chars, centres, box) for box in boxes]
    read = [_grid(t, box, inside, tops) for t, box, inside in zip(tables, boxes, framed)]
    grids: list[Item] = [g for g, _ in read if g.rows]
    # Characters inside a table's frame but in none of its cells (a cell the rules do not close)
    # are read as text rather than lost.
    if boxes:
        held = {id(c) for inside in framed for c in inside}  # in some frame (each Char its own object)
        outside = [c for c in chars if id(c) not in held] + [c for _, stray in read for c in stray]
    else:
        outside = chars
    lines = [to_text_line(ws) for ws in group_lines(words(outside))]
    return sorted(grids + _with_blanks(lines, boxes), key=lambda item: item.top)


def _within(chars: list[Char], centres: list[tuple[float, float]], box: BBox) -> list[Char]:
    """The characters whose centre lies in the box (edges included)."""
    x0, top, x1, bottom = box
    return [c for c, (x, y) in zip(chars, centres) if x0 <= x <= x1 and top <= y <= bottom]


def find_tables(edges: list[dict]) -> tuple[list[list[BBox]], list[dict]]:
    """pdfplumber's "lines" table finder, fed with edges from any source (its steps redone with the
    same results: sources/pdf_rules.py, sources/pdf_cells.py); a table cut by the page gets its
    missing top or bottom rule back."""
    edges = merge_rules(long_enough(edges, 1), TOLERANCE)  # pdfplumber's filter_edges and merge_edges
    edges, tops = close_open_ends(long_enough(edges, TOLERANCE))
    return cell_tables(Crossings(edges, TOLERANCE, TOLERANCE).cells()), tops


def words(chars: list[Char]) -> list[Word]:
    """Runs of characters on one line with no space between them."""
    out: list[Word] = []
    for line in _char_lines(chars):
        run: list[Char] = []
        end = 0.0  # x1 of the run's last character
        for ch in line:
            space = ch.text.isspace()
            if run and (space or ch.x0 - end > CHAR_GAP):
                out.append(_word(run))
                run = []
            if not space:
                run.append(ch)
                end = ch.x1
        if run:
            out.append(_word(run))
    return out


def _word(run: list[Char]) -> Word:
    sizes = sorted(c.bottom - c.top for c in run)  # Char.size, inline
    return Word("".join(c.text for c in run), run[0].x0, run[-1].x1, min(c.top for c in run),
                max(c.bottom for c in run), sizes[-1], sizes[(len(sizes) - 1) // 2])


def _char_lines(chars: list[Char]) -> list[list[Char]]:
    lines: list[list[Char]] = []
    for ch in sorted(chars, key=_top):
        if lines and ch.top - lines[-1][0].top <= TOLERANCE:
            lines[-1].append(ch)
        else:
            lines.append([ch])
    return [sorted(line, key=_left) for line in _marks_rejoined(lines)]


# Marks some fonts give a box far taller than the text's (重庆 科技局: “、” 24 pt tall beside 一's 12 pt): alone on
# a "line" of their own by their top, they belong to the line their middle falls in.
_MARKS = frozenset("、，。：；！？（）()《》“”‘’·")


def _marks_rejoined(lines: list[list[Char]]) -> list[list[Char]]:
    marks = [line[0].text in _MARKS and all(c.text in _MARKS for c in line) for line in lines]  # first: seldom a mark
    if len(lines) < 2 or not any(marks):
        return lines
    kept = [line for line, mark in zip(lines, marks) if not mark]
    for line, mark in zip(lines, marks):
        if mark:
            mid = sum(_middle(c) for c in line) / len(line)
            home = next((k for k in kept if min(c.top for c in k) <= mid <= max(c.bottom for c in k)), None)
            if home is not None:
                home.extend(line)
            else:
                kept.append(line)
    return sorted(kept, key=lambda line: min(c.top for c in line))


_top, _left = attrgetter("top"), attrgetter("x0")


def _with_blanks(lines: list[TextLine], tables: list[BBox]) -> list[Item]:
    """Text blocks (runs of lines not split by a wide gap or a table), paragraphs joined, unruled
    tables aligned into grids, blanks between."""
    out: list[Item] = []
    block: list[TextLine] = []
    spacing = line_spacing(lines)
    for line in lines:
        if block and (_new_block(block[-1], line, spacing) or _table_between(block[-1], line, tables)):
            out.extend(align_rows(paragraphs(block, spacing)))
            out.append(Blank(block[-1].bottom + 0.01))
            block = []
        block.append(line)
    out.extend(align_rows(paragraphs(block, spacing)))
    return out


def _new_block(prev: TextLine, line: TextLine, spacing: float = 0.0) -> bool:
    """A wide gap starts a new block, except between two rows of an unruled table (rows are spaced)."""
    return starts_block(prev, line, spacing) and not (len(prev.cells) > 1 and len(line.cells) > 1)


def _table_between(prev: TextLine, line: TextLine, tables: list[BBox]) -> bool:
    return any(prev.bottom <= t[1] and t[3] <= line.top for t in tables)


def _grid(table: list[BBox], bbox: BBox, inside: list[Char], tops: list[dict]) -> tuple[Grid, list[Char]]:
    """A table as rows, and the characters in its frame that no cell holds. Spanned cells (None)
    become "" and rows with no text are left out (they carry nothing printed, and an all-empty row
    would read as a block separator). A row that is one cell across the table (a title inside the
    grid, a one-column list) is one cell."""
    band = _Band(inside)  # `inside`: the characters in the table's frame (`bbox`)
    held: set[int] = set()
    out = []
    for boxes in rows(table):
        texts = [band.within(box) if box else [] for box in boxes]
        held.update(id(c) for cell in texts for c in cell)
        cells = tuple(_cell_text(cell) if box else "" for box, cell in zip(boxes, texts))
        if sum(b is not None for b in boxes) == 1:
            first = next(i for i, b in enumerate(boxes) if b is not None)
            cells, boxes = cells[first : first + 1], boxes[first : first + 1]
        if any(cells):
            cut = all(under(b, tops) for b, text in zip(boxes, cells) if text and b is not None)
            out.append(GridRow(cells, boxes, cut))
    return Grid(tuple(out), bbox[1]), [c for c in band.chars if id(c) not in held]


class _Band:
    """Characters ordered by their vertical centre, to find a cell's characters without a full scan
    (each row's cells look at the row's band; the horizontal centres are worked out once)."""

    def __init__(self, chars: list[Char]) -> None:
        self.chars = sorted(chars, key=_middle)
        self.middles = [_middle(c) for c in self.chars]
        self.centres = [(c.x0 + c.x1) / 2 for c in self.chars]

    def within(self, box: BBox) -> list[Char]:
        lo, hi = bisect_left(self.middles, box[1]), bisect_right(self.middles, box[3])
        x0, x1 = box[0], box[2]
        return [c for c, x in zip(self.chars[lo:hi], self.centres[lo:hi]) if x0 <= x <= x1]


def _middle(ch: Char) -> float:
    return (ch.top + ch.bottom) / 2


def _cell_text(chars: list[Char]) -> str:
    """The cell's lines, words spaced where printed apart, wrapped lines joined."""
    lines = []
    for line in _char_lines(chars):
        prev = line[0]
        pieces = [prev.text]  # one character each (or a space put in): the last one says whether text ends in a space
        for k, ch in enumerate(line[1:], start=1):
            if ch.x0 - prev.x1 > WORD_GAP and pieces[-1] != " ":
                pieces.append(" ")
            if not _in_number(line, k):
                pieces.append(ch.text)
            prev = ch
        lines.append(" ".join("".join(pieces).split()))
    return unradical(join_wrapped(lines))


_DIGITS, _POINTS = frozenset("0123456789"), frozenset(".,")


def _in_number(line: list[Char], k: int) -> bool:
    """Whether line[k] is a space a text layer put inside an amount, beside its decimal point or a
    thousands comma, where the figures stand no word gap apart (pdftocairo writes "25180591 .33" for
    the "25180591.33" the original kerns): no amount is printed with a space there."""
    if not line[k].text.isspace() or k + 1 >= len(line):
        return False
    before, after = line[k - 1], line[k + 1]
    pair = before.text + after.text
    return (after.x0 - before.x1 <= WORD_GAP and len(pair) == 2
            and ((pair[0] in _DIGITS and pair[1] in _POINTS) or (pair[0] in _POINTS and pair[1] in _DIGITS)))
