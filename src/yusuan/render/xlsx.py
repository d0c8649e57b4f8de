"""XLSX (XlsxWriter): one sheet per table, printed as the publication prints it.

Caption, title, 部门名称/单位 line, the header rows with their merges, the body, the notes; A4
print set-up (landscape when wide), header rows repeated on every page, fitted to the page width.
An amount is written as a number only when the double prints back exactly (see `exact_float`),
with the number format of its printed places; otherwise as right-aligned text.
"""
from __future__ import annotations

import io
import re
from pathlib import Path

from ..model import Disclosure, RowRole
from .amounts import exact_float, number_format
from ..files import write_atomic
from ..text.width import text_lines
from .grid import PrintedCell, PrintedTable, layout
from .registry import Renderer

WIDE = 6  # more columns than this print landscape
_WIDTHS = {"code": 11, "label": 36, "amount": 14, "text": 24}
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
# A wrapped line of 10-point 宋体 is this many points tall (the row's default height holds one line).
LINE_POINTS = 13.5


class _Formats:
    """XlsxWriter formats, made once per workbook and reused (a workbook caps distinct formats)."""

    def __init__(self, book) -> None:
        self.book = book
        self.cache: dict[tuple, object] = {}  # xlsxwriter Format per property set

    def get(self, **props):
        key = tuple(sorted(props.items()))
        if key not in self.cache:
            self.cache[key] = self.book.add_format({"font_name": "宋体", "font_size": 10, **props})
        return self.cache[key]


def sheet_name(index: int, pt: PrintedTable, used: set[str]) -> str:
    table = pt.table
    base = _BAD_SHEET_CHARS.sub("", table.caption or f"表{index}")
    name = f"{base} {table.kind.title_zh if table.kind.value != 'generic' else table.title}"[:31].strip()
    while name in used:
        name = f"{name[:28]}{len(used)}"
    used.add(name)
    return name


def write_xlsx(d: Disclosure, path: Path) -> Path:
    import xlsxwriter

    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False})
    book.set_properties({"title": d.meta.title, "author": d.meta.organisation, "comments": "yusuan"})
    formats, used = _Formats(book), set[str]()
    for i, table in enumerate(d.tables, start=1):
        pt = layout(table)
        _write_sheet(book.add_worksheet(sheet_name(i, pt, used)), pt, formats)
    book.close()
    return write_atomic(path, buf.getvalue())


def _write_sheet(ws, pt: PrintedTable, f: _Formats) -> None:
    width = len(pt.columns)
    last = width - 1
    row = 0
    for text, fmt in ((pt.table.caption, f.get(align="left")),
                      (pt.table.title, f.get(bold=True, font_size=16, align="center", valign="vcenter"))):
        if text:
            _banner(ws, row, last, text, fmt)
            row += 1
    ws.set_row(row - 1, 28)
    _preamble(ws, row, pt, f)
    row += 1
    head = row
    _header(ws, row, pt, f)
    row += pt.depth
    for line in pt.lines:
        bold = line.role in (RowRole.TOTAL, RowRole.SUBTOTAL)
        for col, (cell, column) in enumerate(zip(line.cells, pt.columns)):
            _cell(ws, row, col, cell, column.kind, bold, f)
        _fit_height(ws, row, line.cells, pt)
        row += 1
    for note in pt.table.notes:
        _banner(ws, row, last, note, f.get(align="left"))
        row += 1
    for col, column in enumerate(pt.columns):
        ws.set_column(col, col, _WIDTHS[column.kind])
    _print_setup(ws, head, head + pt.depth - 1, width)


def _fit_height(ws, row: int, cells, pt: PrintedTable) -> None:
    """Give a row whose label wraps the height of its lines: spreadsheet programs do not grow a row
    a generated file leaves at the default height, and LibreOffice Calc prints only the last line of
    such a cell (the start of a long project name was missing from its PDF)."""
    lines = max((text_lines(cell.text, _WIDTHS[column.kind]) for cell, column in zip(cells, pt.columns)
                 if cell.amount is None and column.kind != "code"), default=1)
    if lines > 1:
        ws.set_row(row, LINE_POINTS * lines + 3)


def _banner(ws, row: int, last: int, text: str, fmt) -> None:
    if last > 0:
        ws.merge_range(row, 0, row, last, text, fmt)
    else:
        ws.write_string(row, 0, text, fmt)


def _preamble(ws, row: int, pt: PrintedTable, f: _Formats) -> None:
    """部门名称 on the left, 单位 on the right, as printed above every table."""
    last = len(pt.columns) - 1
    if pt.entity_line:
        ws.write_string(row, 0, pt.entity_line, f.get(align="left"))
    if pt.unit_line:
        ws.write_string(row, max(last, 1) if pt.entity_line else 0, pt.unit_line, f.get(align="right"))


def _header(ws, top: int, pt: PrintedTable, f: _Formats) -> None:
    fmt = f.get(bold=True, align="center", valign="vcenter", border=1, text_wrap=True, bg_color="#F2F2F2")
    for c in pt.header:
        r0, c0, r1, c1 = top + c.row, c.col, top + c.row + c.rowspan - 1, c.col + c.colspan - 1
        if (r0, c0) == (r1, c1):
            ws.write_string(r0, c0, c.text, fmt)
        else:
            ws.merge_range(r0, c0, r1, c1, c.text, fmt)


def _cell(ws, row: int, col: int, cell: PrintedCell, kind: str, bold: bool, f: _Formats) -> None:
    if cell.amount is not None:
        number = exact_float(cell.amount)
        if number is not None:
            ws.write_number(row, col, number, f.get(border=1, bold=bold, num_format=number_format(cell.amount, cell.comma)))
            return
        ws.write_string(row, col, cell.text, f.get(border=1, bold=bold, align="right"))
        return
    align = "right" if kind == "amount" else ("center" if kind == "code" else "left")
    ws.write_string(row, col, cell.text, f.get(border=1, bold=bold, align=align, text_wrap=kind != "code"))


def _print_setup(ws, first_header: int, last_header: int, width: int) -> None:
    ws.set_paper(9)  # A4
    if width > WIDE:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.repeat_rows(first_header, last_header)
    ws.fit_to_pages(1, 0)  # one page wide, as many tall as needed
    ws.center_horizontally()
    ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    ws.set_footer("&C第 &P 页，共 &N 页")
    ws.freeze_panes(last_header + 1, 0)


RENDERER = Renderer("xlsx", ".xlsx", write_xlsx, "表格（Excel）")
