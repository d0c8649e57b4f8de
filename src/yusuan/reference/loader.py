"""Import an official catalogue file (CSV or spreadsheet) so a new year needs no code change.

The file needs a name column (科目名称 / 名称 / name) and either a code column (科目编码 /
编码 / 代码 / code) or split 类/款/项(/目) columns, as the Ministry's tables and Shanghai print
them; a split row may leave the 类 (or 款) empty under the row that gave it. A year column
(年度 / year) dates each row; a kind column (分类 / kind) is accepted and checked against the
code's first digit, which decides the classification. Every sheet of a workbook is read; rows
that are neither blank nor a code are listed in `Catalogue.problems`.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Sequence

from yusuan.errors import InputError

from .catalogue import Catalogue
from .entries import CodeEntry, EntryKind, make_entry
from .codes import parse_code, system_of
from .names import fold_name

_NAME_HEADERS = {"科目名称", "名称", "name", "科目名"}
_CODE_HEADERS = {"科目编码", "编码", "科目代码", "代码", "code", "科目编号"}
_SPLIT_HEADERS = ("类", "款", "项", "目")
_YEAR_HEADERS = {"年度", "年份", "year", "预算年度"}
_KIND_HEADERS = {"分类", "kind", "科目分类", "类别"}
_SPREADSHEETS = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
_YEAR = re.compile(r"(20\d\d)")
_HEADER_SCAN = 15

Grid = list[list[str]]


def load_catalogue(path: str | Path, year: int | None = None) -> Catalogue:
    """Read a catalogue file; `year` defaults to a year in the file name (2026年政府收支分类科目)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"找不到科目目录文件：{path}", code="catalogue.missing")
    year = year or _year_in(path.name)
    entries: list[CodeEntry] = []
    problems: list[str] = []
    sheets = _read_sheets(path)
    for sheet, grid in sheets:
        where = f"{path.name}#{sheet}!" if len(sheets) > 1 else f"{path.name}#"
        found, trouble = _entries_of(grid, where, year)
        entries += found
        problems += trouble
    if not entries:
        raise InputError(
            f"科目目录文件 {path.name} 中没有找到科目：需要“科目编码”（或“类/款/项”）和“科目名称”两列",
            code="catalogue.no_codes",
            detail="；".join(problems[:5]),
        )
    return Catalogue(tuple(entries), year, (str(path),), tuple(problems))


def _year_in(name: str) -> int | None:
    match = _YEAR.search(name)
    return int(match.group(1)) if match else None


def _read_sheets(path: Path) -> list[tuple[str, Grid]]:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        return [("", _read_csv(path))]
    if suffix in _SPREADSHEETS:
        return _read_workbook(path)
    raise InputError(f"不支持的科目目录文件类型：{path.name}（请用 CSV 或 XLSX）", code="catalogue.type")


def _read_csv(path: Path) -> Grid:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return [[_cell(c) for c in row] for row in csv.reader(text.splitlines())]
    raise InputError(f"科目目录文件 {path.name} 不是可读的文本 CSV（编码无法识别）", code="catalogue.encoding")


def _read_workbook(path: Path) -> list[tuple[str, Grid]]:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        return [
            (name, [[_cell(c) for c in row] for row in book.get_sheet_by_name(name).to_python()])
            for name in book.sheet_names
        ]
    except Exception as exc:  # calamine raises its own types for zip, xml and password trouble
        raise InputError(f"无法读取科目目录表格 {path.name}：文件损坏或不是表格文件", code="catalogue.unreadable", detail=str(exc)) from exc


def _cell(value: object) -> str:
    """A cell as text; a whole float (a code typed as a number) loses its ``.0``."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


def _entries_of(grid: Grid, where: str, year: int | None) -> tuple[list[CodeEntry], list[str]]:
    header = _find_header(grid)
    if header is None:
        return [], []
    start, name_col, code_cols = header
    year_col, kind_col = _column(grid, start, _YEAR_HEADERS), _column(grid, start, _KIND_HEADERS)
    entries, problems, context = [], [], ["", "", "", ""]
    for index in range(start, len(grid)):
        row = grid[index]
        parts = [_at(row, c) for c in code_cols]
        name = _at(row, name_col)
        if not any(parts):
            continue
        if len(parts) > 1:
            parts = _inherit(parts, context)
        try:
            code = parse_code(*parts)
        except ValueError:
            problems.append(f"{where}row={index + 1}：“{' '.join(p for p in parts if p)}”不是科目编码，未导入")
            continue
        if not name:
            problems.append(f"{where}row={index + 1}：科目 {code} 没有名称，未导入")
            continue
        kind = _at(row, kind_col) if kind_col is not None else ""
        if kind and kind not in (system_of(code).value, system_of(code).label):  # type: ignore[union-attr]
            problems.append(f"{where}row={index + 1}：科目 {code} 属于{system_of(code).label}，"  # type: ignore[union-attr]
                            f"与所填分类“{kind}”不符，未导入")
            continue
        dated = _row_year(_at(row, year_col)) if year_col is not None else None
        at = dated or year
        entries.append(make_entry(code, name, f"{where}row={index + 1}", EntryKind.OFFICIAL, at, at))
    return entries, problems


def _column(grid: Grid, start: int, titles: set[str]) -> int | None:
    """The column titled one of `titles` in the header (one or two rows above the data)."""
    for row in grid[max(0, start - 2):start][::-1]:
        found = next((i for i, c in enumerate(row) if fold_name(c).lower() in titles), None)
        if found is not None:
            return found
    return None


def _row_year(text: str) -> int | None:
    match = _YEAR.search(text)
    return int(match.group(1)) if match else None


def _inherit(parts: list[str], context: list[str]) -> list[str]:
    """Fill a 类/款 left empty from the rows above; remember this row's parts for the next."""
    deepest = max(i for i, p in enumerate(parts) if p)
    filled = [p or (context[i] if i < deepest else "") for i, p in enumerate(parts)]
    context[: len(filled)] = filled
    return filled


def _find_header(grid: Grid) -> tuple[int, int, list[int]] | None:
    """(first data row, name column, code columns) from the first header within the top rows."""
    for index, row in enumerate(grid[:_HEADER_SCAN]):
        keys = [fold_name(c).lower() for c in row]
        name_col = next((i for i, k in enumerate(keys) if k in _NAME_HEADERS), None)
        if name_col is None:
            continue
        for offset in (0, 1):  # 类/款/项 may sit in the row under a merged 科目编码
            below = [fold_name(c) for c in (grid[index + offset] if index + offset < len(grid) else [])]
            split = [below.index(h) for h in _SPLIT_HEADERS if h in below]
            if len(split) >= 2:
                return index + offset + 1, name_col, split
        code_col = next((i for i, k in enumerate(keys) if k in _CODE_HEADERS), None)
        if code_col is not None:
            return index + 1, name_col, [code_col]
    return None


def _at(row: Sequence[str], column: int) -> str:
    return row[column] if column < len(row) else ""


def with_user_catalogue(path: str | Path, year: int | None = None) -> Catalogue:
    """The user's catalogue laid over the bundled list: where both name a code, the user's wins."""
    from .bundled import bundled_catalogue

    return load_catalogue(path, year).over(bundled_catalogue())
