"""An .ods checked before calamine lays its sheets out: the extent its repeated rows and cells declare.

OpenDocument compresses a run of equal cells into one element with table:number-columns-repeated, and
a run of equal rows into one with table:number-rows-repeated: a few hundred bytes can declare a sheet of
a billion filled cells, which calamine then allocates densely (10 million cells already take 600 MB).
So content.xml is walked here first; per sheet, the last row and column holding a value must stay
within the reader's MAX_CELLS, as for an XLSX. Empty repeated rows and cells (LibreOffice writes one
to the sheet's end, a million rows down) declare nothing and are passed over.
"""
from __future__ import annotations

import zipfile
from xml.etree.ElementTree import ParseError, iterparse

from ..errors import InputError

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_SHEET, _ROW = f"{{{_TABLE}}}table", f"{{{_TABLE}}}table-row"
_CELLS = (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell")
_ROWS_REPEATED, _COLS_REPEATED = f"{{{_TABLE}}}number-rows-repeated", f"{{{_TABLE}}}number-columns-repeated"


def check_ods_extent(package: zipfile.ZipFile, max_cells: int) -> None:
    """Raise InputError for a sheet whose filled cells span more than `max_cells`."""
    try:
        with package.open("content.xml") as content:
            _walk(content, max_cells)
    except (KeyError, ParseError, ValueError, zipfile.BadZipFile) as exc:
        raise InputError("OpenDocument 表格(ODS) 文件内容已损坏，无法读取。", code="input.xlsx_corrupt", detail=repr(exc)) from exc


def _walk(content, max_cells: int) -> None:
    name, row, last_row, last_col = "", 0, 0, 0
    for event, element in iterparse(content, events=("start", "end")):
        if event == "start" and element.tag == _SHEET:
            name, row, last_row, last_col = element.get(f"{{{_TABLE}}}name", ""), 0, 0, 0
        elif event == "end" and element.tag == _ROW:
            repeat, col, filled = int(element.get(_ROWS_REPEATED, "1")), 0, None
            for cell in element:
                if cell.tag in _CELLS:
                    col += int(cell.get(_COLS_REPEATED, "1"))
                    if cell.get(f"{{{_OFFICE}}}value-type") or len(cell):
                        filled = col
            if filled is not None:
                last_row, last_col = row + repeat, max(last_col, filled)
                if last_row * last_col > max_cells:
                    raise InputError(f"工作表“{name}”的单元格分布在 {last_row} 行 × {last_col} 列的范围内，超过上限，不像一份"
                                     "预算表（也可能是文件已损坏）。", code="input.xlsx_too_large")
            row += repeat
            element.clear()
