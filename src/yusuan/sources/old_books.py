"""Old and open workbook formats: Excel 97-2003 (.xls, also WPS 表格 .et) and OpenDocument (.ods).

Both are read by python-calamine through the XLSX reader's sheet reader, so a sheet becomes the same
lines as the XLSX it was saved from; the number formats calamine does not give are read from the file
itself (an .xls's records: xls_formats; an .ods's content.xml: ods_formats). What cannot be known is
said, not guessed: number formats that cannot be followed (a cell printed 101.00 is then read as its
stored value, 101: the same amount, printed without its places). calamine gives no merged cells for
an .ods; they are read from content.xml too.
"""
from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path
from xml.etree.ElementTree import ParseError

from ..errors import InputError

from .ods_extent import check_ods_extent
from .ods_formats import Merges, ods_formats
from .ooxml import open_package
from .raw import RawDocument, ReadNote
from .xls_formats import Formats, xls_formats
from .xlsx import MAX_CELLS, open_sheets, sheet_lines

NUMBER_FORMATS_UNKNOWN = "read.number_formats_unknown"
MERGES_UNKNOWN = "read.merges_unknown"
XLS_ZH = "Excel 97-2003(XLS)"
ODS_ZH = "OpenDocument 表格(ODS)"


def read_xls(path: Path, *, data: bytes | None = None) -> RawDocument:
    """Read an .xls (BIFF) workbook into raw lines."""
    data = path.read_bytes() if data is None else data
    return _read(path, data, "xls", XLS_ZH, xls_formats(data, MAX_CELLS), None)


def read_ods(path: Path, *, data: bytes | None = None) -> RawDocument:
    """Read an .ods workbook into raw lines (a ZIP: checked against bombs before calamine unpacks it)."""
    data = path.read_bytes() if data is None else data
    package = open_package(data, ODS_ZH)
    try:
        check_ods_extent(package, MAX_CELLS)
        formats, merges = ods_formats(package)
    except (KeyError, ParseError, ValueError, zipfile.BadZipFile) as exc:
        raise InputError(f"{ODS_ZH} 文件内容已损坏，无法读取。", code="input.xlsx_corrupt", detail=repr(exc)) from exc
    finally:
        package.close()
    return _read(path, data, "ods", ODS_ZH, formats, merges)


def _read(path: Path, data: bytes, fmt: str, kind: str, formats: Formats | None, merges: Merges | None) -> RawDocument:
    sheets = open_sheets(data, kind)
    notes = [] if formats is not None else [ReadNote(
        NUMBER_FORMATS_UNKNOWN, f"{kind} 工作簿中数字的显示格式（小数位数、千位分隔符）无法读出：金额按单元格存储的"
        "数值读取（印作 101.00 的读作 101，数值相同；按所读位数判断尾差，容差可能偏宽）。")]
    if merges is None and any(sheet.merged_cell_ranges is None for sheet in sheets):
        notes.append(ReadNote(MERGES_UNKNOWN,
                              f"{kind} 工作簿的合并单元格无法读出：合并的标题、表头按各自所在的单元格读取"
                              "（文字在合并区域左上角的单元格中）。"))
    return RawDocument(
        file=path.name,
        format=fmt,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        lines=sheet_lines(sheets, formats or {}, merges),
        pages=len(sheets),
        notes=tuple(notes),
    )
