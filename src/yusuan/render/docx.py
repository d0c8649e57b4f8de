"""DOCX (python-docx): the whole publication — cover, contents, headings, narrative, tables with
merged headers (repeated on every page), target forms, glossary and the charts the text places.

Tables print as the publication does: caption, title, ``部门名称：…<TAB>单位：万元``, the grid,
notes; wide tables (more than six columns) in a landscape section. Word fills the page numbers.
"""
from __future__ import annotations

import io
from pathlib import Path

from ..model import Disclosure, RowRole
from .chart_draw import png
from .docx_xml import SANS, SERIF, east_asian_font, keep_row_whole, orient, page_number_footer, repeat_as_header, shade
from ..files import write_atomic
from .document import ChartBlock, Heading, Para, TableBlock, TargetBlock, publication
from .forms import form
from .grid import PrintedTable
from .headers import HeaderCell
from .registry import Renderer

WIDE = 6


def write_docx(d: Disclosure, path: Path) -> Path:
    from docx import Document

    doc = Document()
    _a4(doc.sections[0])
    _styles(doc)
    pub = publication(d)
    page_number_footer(doc.sections[0])
    _cover(doc, pub.cover)
    _contents(doc, pub.contents)
    for block in pub.body:
        _block(doc, block)
    doc.core_properties.title = f"{pub.organisation} {pub.title}"
    doc.core_properties.author = pub.organisation
    buf = io.BytesIO()
    doc.save(buf)
    return write_atomic(path, buf.getvalue())


def _a4(section) -> None:
    """A4 portrait with the PDF's margins (python-docx starts from US Letter); landscape sections
    made later turn this page."""
    from docx.shared import Mm

    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(18), Mm(20)
    section.left_margin = section.right_margin = Mm(15)


def _styles(doc) -> None:
    east_asian_font(doc.styles["Normal"], SERIF, 10.5)
    for level, size in ((1, 16), (2, 14), (3, 12), (4, 11)):
        style = doc.styles[f"Heading {level}"]
        east_asian_font(style, SANS, size)
        style.font.color.rgb = None
        style.font.bold = True


def _para(doc, text: str, *, align=None, bold=False, size=None, indent=True):
    from docx.shared import Pt

    p = doc.add_paragraph()
    run = p.add_run(text)
    run.bold = bold
    if size:
        run.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    if indent and align is None:
        p.paragraph_format.first_line_indent = Pt(21)
    return p


def _cover(doc, lines: tuple[str, ...]) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK

    for _ in range(8):
        doc.add_paragraph()
    for i, line in enumerate(lines):
        _para(doc, line, align=WD_ALIGN_PARAGRAPH.CENTER, bold=i == 0, size=26 if i == 0 else 20)
    doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)


def _contents(doc, headings: tuple[Heading, ...]) -> None:
    """目录: the parts and their headings (page numbers are Word's to compute; none printed here)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Pt

    _para(doc, "目录", align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, size=16)
    for h in headings:
        p = _para(doc, h.text, indent=False)
        p.paragraph_format.left_indent = Pt(21 * (h.level - 1))
    doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)


def _block(doc, block) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    if isinstance(block, Heading):
        doc.add_heading(block.text, level=min(block.level, 4))
    elif isinstance(block, Para):
        _para(doc, block.text)
    elif isinstance(block, TableBlock):
        _table(doc, block.printed)
    elif isinstance(block, TargetBlock):
        _target(doc, block)
    elif isinstance(block, ChartBlock):
        doc.add_picture(io.BytesIO(png(block.chart)), width=Cm(14))
        doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER


def _new_page(doc, landscape: bool) -> None:
    from docx.enum.text import WD_BREAK

    section = doc.sections[-1]
    if orient(doc, landscape) is section and doc.paragraphs:
        doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)


def _table(doc, pt: PrintedTable) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.shared import Cm

    width = len(pt.columns)
    _new_page(doc, width > WIDE)
    if pt.table.caption:
        _para(doc, pt.table.caption, bold=True, indent=False)
    _para(doc, pt.table.title, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, size=14)
    p = _para(doc, "\t".join(x for x in (pt.entity_line, pt.unit_line) if x), indent=False)
    p.paragraph_format.tab_stops.add_tab_stop(Cm(25.5 if width > WIDE else 16.5), WD_TAB_ALIGNMENT.RIGHT)
    table = _grid(doc, pt.depth + len(pt.lines), width, pt.header, 9)
    for r in range(pt.depth):
        repeat_as_header(table.rows[r])
    for i, line in enumerate(pt.lines):
        bold = line.role in (RowRole.TOTAL, RowRole.SUBTOTAL)
        for cell, text, column in zip(table.rows[pt.depth + i].cells, line.cells, pt.columns):
            _fill(cell, text.text, bold=bold, right=column.kind == "amount", center=column.kind == "code")
    for note in pt.table.notes:
        _para(doc, note, indent=False)


def _grid(doc, rows: int, cols: int, merged: tuple[HeaderCell, ...], size: float, labels=frozenset()):
    """A table with the spanning cells written (and merged) and the rest left for the caller."""
    table = doc.add_table(rows=rows, cols=cols)
    table.style = "Table Grid"
    for row in table.rows:
        keep_row_whole(row)
    grid = [r.cells for r in table.rows]
    for c in merged:
        cell = grid[c.row][c.col]
        if c.rowspan > 1 or c.colspan > 1:
            cell = cell.merge(grid[c.row + c.rowspan - 1][c.col + c.colspan - 1])
        header = not labels or (c.row, c.col) in labels
        _fill(cell, c.text, bold=not labels, center=header)
        if header:
            shade(cell)
    return table


def _fill(cell, text: str, *, bold=False, right=False, center=False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = cell.paragraphs[0]
    run = p.add_run(text)
    run.font.size = Pt(9)
    run.bold = bold
    if right:
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _target(doc, block: TargetBlock) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    f = form(block.target)
    _new_page(doc, False)
    _para(doc, f.title, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, size=14)
    if f.subtitle:
        _para(doc, f.subtitle, align=WD_ALIGN_PARAGRAPH.CENTER)
    _grid(doc, f.rows, 8, f.cells, 9, labels=f.label_cells or frozenset({(-1, -1)}))
    if f.footer:  # one tab between the parts: the reader takes each part as a cell
        from docx.shared import Cm

        p = _para(doc, "\t".join(f.footer), indent=False, size=9)
        for stop in (4, 8, 12):
            p.paragraph_format.tab_stops.add_tab_stop(Cm(stop))


RENDERER = Renderer("docx", ".docx", write_docx, "文档（Word）")
