"""Old and open workbook formats: Excel 97-2003 (.xls, also WPS 表格 .et) and OpenDocument (.ods).

Both are read by python-calamine through the XLSX reader's sheet reader, so a sheet becomes the same
lines as the XLSX it was saved from. What calamine does not give for these formats is said, not
guessed: the number formats (a cell printed 101.00 is read as its stored value, 101 — the same
amount, printed without its places), and for .ods the merged cells (a title merged across a table
stays a row of cells, with its text in the first).
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from .ooxml import open_package
from .raw import RawDocument, ReadNote
from .xlsx import open_sheets, sheet_lines

NUMBER_FORMATS_UNKNOWN = "read.number_formats_unknown"
MERGES_UNKNOWN = "read.merges_unknown"
XLS_ZH = "Excel 97-2003(XLS)"
ODS_ZH = "OpenDocument 表格(ODS)"


def read_xls(path: Path, *, data: bytes | None = None) -> RawDocument:
    """Read an .xls (BIFF) workbook into raw lines."""
    data = path.read_bytes() if data is None else data
    return _read(path, data, "xls", XLS_ZH)


def read_ods(path: Path, *, data: bytes | None = None) -> RawDocument:
    """Read an .ods workbook into raw lines (a ZIP: checked against bombs before calamine unpacks it)."""
    data = path.read_bytes() if data is None else data
    open_package(data, ODS_ZH).close()
    return _read(path, data, "ods", ODS_ZH)


def _read(path: Path, data: bytes, fmt: str, kind: str) -> RawDocument:
    sheets = open_sheets(data, kind)
    notes = [ReadNote(NUMBER_FORMATS_UNKNOWN,
                      f"{kind} 工作簿中数字的显示格式（小数位数、千位分隔符）无法读出：金额按单元格存储的数值读取"
                      "（印作 101.00 的读作 101，数值相同），不据此判断小数位数。")]
    if any(sheet.merged_cell_ranges is None for sheet in sheets):
        notes.append(ReadNote(MERGES_UNKNOWN,
                              f"{kind} 工作簿的合并单元格无法读出：合并的标题、表头按各自所在的单元格读取"
                              "（文字在合并区域左上角的单元格中）。"))
    return RawDocument(
        file=path.name,
        format=fmt,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        lines=sheet_lines(sheets, {}),
        pages=len(sheets),
        notes=tuple(notes),
    )
