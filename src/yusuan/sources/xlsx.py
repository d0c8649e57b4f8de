"""XLSX reader (python-calamine): every sheet in workbook order, one row per line (sheet = page).
The old and open workbook formats (.xls, .ods) are read by the same sheet reader (old_books).

A merged range keeps its text in the top-left cell and "" elsewhere (calamine's own behaviour).
Numbers are printed through the cell's number format (read from the styles, see xlsx_styles), so a
float never reaches the output: 4411.49 under ``0.00`` is "4411.49", 500000 under ``#,##0`` is
"500,000". Columns start at the sheet's first used column, so columns line up across rows.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
from pathlib import Path

from ..errors import InputError
from .ooxml import open_package
from .pdf_text import join_wrapped
from .raw import RawDocument, RawLine, ReadNote
from .xlsx_numbers import format_number
from .xlsx_styles import MAX_ROWS, SheetXml, sheet_formats

# A budget sheet has hundreds of rows and tens of columns; millions of cells is not one.
MAX_CELLS = 2_000_000
# A formula saved without its value: read as empty, reported, its sheet's tables not checked for sums.
FORMULA_NO_CACHE = "read.formula_no_cache"
# A whole disclosure is some hundred thousand characters; a workbook whose cells would hold more
# than this (a long shared string repeated in every cell) is refused before calamine copies it.
MAX_TEXT = 20_000_000
Merge = tuple[tuple[int, int], tuple[int, int]]  # a merged range: (first row, column), (last row, column)


def read_xlsx(path: Path, *, data: bytes | None = None) -> RawDocument:
    """Read an Excel disclosure into raw lines."""
    data = path.read_bytes() if data is None else data
    package = open_package(data, "Excel(XLSX)")
    try:
        formats = sheet_formats(package)
    except (LookupError, ValueError, TypeError, SyntaxError) as exc:  # ParseError is a SyntaxError;
        # LookupError a missing member (KeyError) or an XML declaration naming an unknown encoding;
        # TypeError a required attribute missing (int(None) for a numFmt without numFmtId)
        raise _corrupt(exc) from exc
    finally:
        package.close()
    _check_extents(formats)
    sheets = open_sheets(data)
    return RawDocument(
        file=path.name,
        format="xlsx",
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        lines=sheet_lines(sheets, {name: sheet.formats for name, sheet in formats.items()}),
        pages=len(sheets),
        notes=tuple(_uncached_notes(formats, [s.name for s in sheets])),
    )


def sheet_lines(sheets: list, formats: dict[str, dict[tuple[int, int], str]],
                merges: dict[str, list[Merge]] | None = None) -> tuple[RawLine, ...]:
    """The calamine worksheets as lines, one sheet per page, a blank line between sheets; `formats`
    gives each sheet's number formats by (row, column) (none known: numbers print as General);
    `merges` each sheet's merged ranges where calamine does not give them (an .ods)."""
    lines: list[RawLine] = []
    for page, sheet in enumerate(sheets, start=1):
        if lines and not lines[-1].is_blank:
            lines.append(RawLine(cells=(), line=len(lines) + 1, page=page))
        merged = sheet.merged_cell_ranges if merges is None else merges.get(sheet.name, [])
        _read_sheet(sheet, formats.get(sheet.name, {}), merged or [], page, lines)
    if lines and lines[-1].is_blank:
        lines.pop()
    return tuple(lines)


def _check_extents(sheets: dict[str, SheetXml]) -> None:
    """Refuse a sheet whose cells span more than MAX_CELLS, or more than MAX_ROWS rows, and a workbook
    whose text passes MAX_TEXT, before calamine lays the cells out densely."""
    for name, sheet in sheets.items():
        if sheet.filled_rows > MAX_ROWS:
            raise InputError(f"工作表“{name}”有超过 {MAX_ROWS} 行数据，超过上限，不像一份预算表（也可能是文件已损坏）。",
                             code="input.xlsx_too_large")
        if sheet.rows * sheet.cols > MAX_CELLS:
            raise InputError(
                f"工作表“{name}”的单元格分布在 {sheet.rows} 行 × {sheet.cols} 列的范围内，超过上限，不像一份预算表"
                "（也可能是文件已损坏）。",
                code="input.xlsx_too_large",
            )
    text = sum(sheet.text for sheet in sheets.values())
    if text > MAX_TEXT:
        raise InputError(
            f"工作簿的单元格文字合计约 {text // 10_000} 万字，超过上限 {MAX_TEXT // 10_000} 万字（同一段长文字被大量单元格"
            "重复引用），不像一份预算表，已拒绝读取。",
            code="input.xlsx_too_large",
        )


def _uncached_notes(sheets: dict[str, SheetXml], names: list[str]) -> list[ReadNote]:
    """One note per sheet with formulas saved without values: those cells read as empty and the
    tables on that sheet are not checked for sums (audit: FORMULA_NO_CACHE)."""
    notes = []
    for page, name in enumerate(names, start=1):
        cells = sheets[name].uncached if name in sheets else ()
        if cells:
            where = "、".join(_ref(r, c) for r, c in cells[:5]) + ("等" if len(cells) > 5 else "")
            notes.append(ReadNote(
                FORMULA_NO_CACHE,
                f"工作表“{name}”有 {len(cells)} 个公式单元格没有保存计算结果（公式无缓存值，如 {where}），"
                "其数值无法读出，按空白处理，本表不做金额校验；请在 Excel 中打开并保存后再读取。", page))
    return notes


def _ref(row: int, col: int) -> str:
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row + 1}"


def open_sheets(data: bytes, kind: str = "Excel(XLSX)") -> list:
    """The workbook's worksheets (charts and macro sheets left out) as calamine sheets, in order;
    calamine tells the format (XLSX, XLS, ODS) from the bytes. `kind` names the format in errors."""
    import python_calamine as pc

    try:
        book = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = [m.name for m in book.sheets_metadata if str(m.typ).endswith("WorkSheet")]
        return [book.get_sheet_by_name(name) for name in names]
    except Exception as exc:  # calamine raises its own error types for every kind of damage
        raise _corrupt(exc, kind) from exc
    except BaseException as exc:  # a panic inside calamine (pyo3's PanicException is no Exception): a
        # damaged .xls makes its parser index past a record's end
        if type(exc).__name__ != "PanicException":
            raise
        raise _corrupt(exc, kind) from exc


def _read_sheet(sheet, formats: dict[tuple[int, int], str], merged: list[Merge], page: int, lines: list[RawLine]) -> None:
    if sheet.height * sheet.width > MAX_CELLS:
        raise InputError(
            f"工作表“{sheet.name}”有 {sheet.height} 行 × {sheet.width} 列，超过上限，不像一份预算表。",
            code="input.xlsx_too_large",
        )
    top, left = sheet.start or (0, 0)
    banners = _banner_rows(sheet, merged, top, left)
    for i, row in enumerate(sheet.to_python(skip_empty_area=True)):
        cells = tuple(_text(v, formats.get((top + i, left + j))) for j, v in enumerate(row))
        if top + i in banners and len([c for c in cells if c]) == 1:
            cells = tuple(c for c in cells if c)  # a title merged across the table reads as a line of text
        if any(cells):
            lines.append(RawLine(cells=cells, line=len(lines) + 1, page=page, is_row=len(cells) > 1))
        elif lines and not lines[-1].is_blank:
            lines.append(RawLine(cells=(), line=len(lines) + 1, page=page))


def _banner_rows(sheet, merged: list[Merge], top: int, left: int) -> set[int]:
    """Rows covered by a merged range as wide as the sheet's used area (titles, notes). A range running
    past the used rows is no title (a hostile file merges all 1,048,576 rows, thousands of times
    over; Excel would show the first cell alone): it is left out, as is a range seen before."""
    right, bottom = left + sheet.width - 1, top + sheet.height - 1
    spans = {(r0, r1) for (r0, c0), (r1, c1) in merged
             if c0 <= left and c1 >= right and right > left and top <= r0 and r1 <= bottom}
    rows: set[int] = set()
    for r0, r1 in spans:
        rows.update(range(r0, r1 + 1))
    return rows


def _text(value, code: str | None) -> str:
    """A cell's printed text."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return format_number(value, code or "General")
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return join_wrapped(str(value).splitlines()) if value is not None else ""


def _corrupt(exc: BaseException, kind: str = "Excel(XLSX)") -> InputError:
    return InputError(f"{kind} 文件内容已损坏，无法读取。", code="input.xlsx_corrupt", detail=repr(exc))
