"""One PDF page with pdfplumber: ruled tables as grids, the other text as lines, in reading order."""
from __future__ import annotations

from dataclasses import dataclass

from .pdf_text import TextLine, Word, group_lines, join_wrapped, paragraphs, starts_block, to_text_line, unradical
from .raw import BBox

# Table finding on lines and rectangles (the WPS exports draw every cell border as a rectangle).
TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines", "snap_tolerance": 3}


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


Item = Grid | TextLine | Blank


def read_page(page, *, find_tables: bool = True) -> list[Item]:
    """The page's items top to bottom: grids, text lines/paragraphs, and blanks between blocks."""
    tables = page.filter(_drawn).find_tables(TABLE_SETTINGS) if find_tables else []
    boxes = [t.bbox for t in tables]
    grids: list[Item] = [g for g in (_grid(t) for t in tables) if g.rows]
    rest = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    words = [
        Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"], float(w.get("size") or 10.0))
        for w in rest.extract_words(x_tolerance=1.5, extra_attrs=["size"])
        if w["text"].strip()
    ]
    lines = [to_text_line(ws) for ws in group_lines(words)]
    items = sorted(grids + _with_blanks(lines, boxes), key=_top)
    return items


def _with_blanks(lines: list[TextLine], tables: list[BBox]) -> list[Item]:
    """Text blocks (runs of lines not split by a wide gap or a table), paragraphs joined, blanks between."""
    out: list[Item] = []
    block: list[TextLine] = []
    for line in lines:
        if block and (starts_block(block[-1], line) or _table_between(block[-1], line, tables)):
            out.extend(paragraphs(block))
            out.append(Blank(block[-1].bottom + 0.01))
            block = []
        block.append(line)
    out.extend(paragraphs(block))
    return out


def _table_between(prev: TextLine, line: TextLine, tables: list[BBox]) -> bool:
    return any(prev.bottom <= t[1] and t[3] <= line.top for t in tables)


def _grid(table) -> Grid:
    """A pdfplumber table as rows; spanned cells (None) become "" and rows with no text are left out
    (they carry nothing printed, and an all-empty row would read as a block separator).
    A row that is one cell across the table (a title inside the grid, a one-column list) is one cell."""
    rows = []
    for row, texts in zip(table.rows, table.extract()):
        cells = tuple(_cell_text(t) for t in texts)
        boxes = tuple(row.cells)
        if sum(b is not None for b in boxes) == 1:  # one cell across the table: a title or a note
            first = next(i for i, b in enumerate(boxes) if b is not None)
            cells, boxes = cells[first : first + 1], boxes[first : first + 1]
        if any(cells):
            rows.append(GridRow(cells, boxes))
    return Grid(tuple(rows), table.bbox[1])


def _cell_text(text: str | None) -> str:
    return unradical(join_wrapped(text.split("\n"))) if text else ""


def _drawn(obj: dict) -> bool:
    """Leave out shapes nobody sees: white, unstroked cell backgrounds are not borders, and taking
    them for ruling would pull the title and the 编制单位 line into the table (WPS exports)."""
    if obj.get("object_type") not in ("rect", "curve") or obj.get("stroke"):
        return True
    return not (obj.get("fill") and _is_white(obj.get("non_stroking_color")))


def _is_white(color) -> bool:
    if not isinstance(color, (tuple, list)):
        color = (color,)
    if len(color) == 4:  # CMYK: white is no ink
        return all(c == 0 for c in color)
    return bool(color) and all(isinstance(c, (int, float)) and c >= 0.99 for c in color)


def _inside(obj: dict, boxes: list[BBox]) -> bool:
    cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in boxes)


def _top(item: Item) -> float:
    return item.top
