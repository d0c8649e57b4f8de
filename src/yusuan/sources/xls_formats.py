"""An .xls (BIFF) workbook checked before calamine reads it, and the number format of its number cells.

calamine trusts the sizes an .xls declares: a damaged DIMENSIONS record claiming billions of rows makes
it allocate terabytes and the process aborts (no exception to catch). So the Workbook stream is first
followed here — through the compound file's FAT, or its mini stream for a workbook under 4 KB — and
every sheet's declared extent and the shared-string count are checked against the format's limits and
the reader's (MAX_CELLS, as for an XLSX).

calamine gives an .xls cell's value but not its format: 72.4 under ``0.00`` would read "72.4" where
the page shows "72.40", and the audit's rounding tolerance follows the printed places. The formats are
in the same stream: FORMAT records (custom codes), XF records (each naming a code) and each number cell
(NUMBER, RK, MULRK, FORMULA) naming its XF. For BIFF5 (stream "Book") the formats are not read (None).
"""
from __future__ import annotations

import struct

from ..errors import InputError
from .xls_cfb import workbook_stream

_BUILTIN = {0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
            37: "#,##0", 38: "#,##0", 39: "#,##0.00", 40: "#,##0.00", 48: "##0.0E+0", 49: "@"}
_BOF, _EOF, _FORMAT, _XF, _SHEET, _DIMENSIONS, _SST = 0x0809, 0x000A, 0x041E, 0x00E0, 0x0085, 0x0200, 0x00FC
_NUMBER, _RK, _MULRK, _FORMULA = 0x0203, 0x027E, 0x00BD, 0x0006
_MAX_ROWS, _MAX_COLS = 65536, 256  # BIFF8's sheet

Formats = dict[str, dict[tuple[int, int], str]]


def xls_formats(data: bytes, max_cells: int) -> Formats | None:
    """Sheet name → (row, column) → number format code; None for BIFF5. Raises InputError for a workbook
    that cannot be followed or declares more than `max_cells` cells on a sheet."""
    try:
        stream, biff8 = workbook_stream(data)
        _check_sizes(stream, max_cells)
        return _formats(stream) if biff8 else None
    except (struct.error, IndexError, ValueError, UnicodeDecodeError, KeyError) as exc:
        raise InputError("Excel 97-2003(XLS) 文件内容已损坏，无法读取。", code="input.xlsx_corrupt", detail=repr(exc)) from exc


def _records(stream: bytes, at: int = 0):
    while at + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, at)
        yield at, kind, stream[at + 4:at + 4 + length]
        at += 4 + length


def _check_sizes(stream: bytes, max_cells: int) -> None:
    for _, kind, body in _records(stream):
        if kind == _DIMENSIONS and len(body) >= 14:
            first, last, left, right = struct.unpack_from("<IIHH", body)
            if first > last or left > right:  # calamine would take the difference as a size
                raise InputError("Excel 97-2003(XLS) 文件内容已损坏（工作表范围首尾颠倒），无法读取。", code="input.xlsx_corrupt")
            rows, cols = last - first, right - left
            if last > _MAX_ROWS or right > _MAX_COLS or rows * cols > max_cells:
                raise InputError(f"工作表声明的范围有 {rows} 行 × {cols} 列，超过上限，不像一份预算表（也可能是文件已损坏）。",
                                 code="input.xlsx_too_large")
        elif kind == _SST and len(body) >= 8 and struct.unpack_from("<I", body, 4)[0] > len(stream):
            raise InputError("Excel 97-2003(XLS) 文件内容已损坏（共享字符串的数目超出文件），无法读取。", code="input.xlsx_corrupt")


def _formats(stream: bytes) -> Formats:
    codes, xfs, sheets = dict(_BUILTIN), [], []
    for _, kind, body in _records(stream):
        if kind == _FORMAT:
            codes[struct.unpack_from("<H", body)[0]] = _string(body, struct.unpack_from("<H", body, 2)[0], 4)
        elif kind == _XF:
            xfs.append(struct.unpack_from("<H", body, 2)[0])
        elif kind == _SHEET:
            sheets.append((struct.unpack_from("<I", body)[0], _string(body, body[6], 7)))
        elif kind == _EOF:
            break
    return {name: _sheet_cells(stream, at, xfs, codes) for at, name in sheets}


def _string(body: bytes, count: int, flags_at: int) -> str:
    """An XLUnicodeString: `count` characters after a flags byte (bit 0: two bytes a character)."""
    wide = body[flags_at] & 1
    raw = body[flags_at + 1:flags_at + 1 + count * (2 if wide else 1)]
    return raw.decode("utf-16-le") if wide else raw.decode("latin-1")


def _sheet_cells(stream: bytes, start: int, xfs: list[int], codes: dict[int, str]) -> dict[tuple[int, int], str]:
    cells: dict[tuple[int, int], str] = {}

    def put(row: int, col: int, xf: int) -> None:
        if xf < len(xfs):
            cells[(row, col)] = codes.get(xfs[xf], "General")

    for at, kind, body in _records(stream, start):
        if kind == _EOF and at > start:
            break
        if kind in (_NUMBER, _RK, _FORMULA):
            put(*struct.unpack_from("<HHH", body))
        elif kind == _MULRK:
            row, first = struct.unpack_from("<HH", body)
            for i in range((len(body) - 6) // 6):
                put(row, first + i, struct.unpack_from("<H", body, 4 + 6 * i)[0])
    return cells
