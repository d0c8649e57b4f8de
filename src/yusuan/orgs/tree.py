"""Importing the list of departments and units from CSV or XLSX.

The list has one row per unit: the department's name and the unit's name (a row with no unit
names the department itself); an optional code column. Headers are recognised by their Chinese
or English names (部门/主管部门/department, 单位/预算单位/unit, 编码/代码/code). A row that cannot
be placed is reported with its row number, never skipped silently.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

HEADERS = {
    "department": ("部门", "部门名称", "主管部门", "department"),
    "unit": ("单位", "单位名称", "预算单位", "unit"),
    "code": ("编码", "代码", "单位编码", "code"),
}


@dataclass(frozen=True)
class OrgUnit:
    """A department (unit == "") or one of its budget units, as the list names it."""

    department: str
    unit: str = ""
    code: str = ""

    @property
    def name(self) -> str:
        return self.unit or self.department


@dataclass(frozen=True)
class OrgTree:
    entries: tuple[OrgUnit, ...]

    @property
    def departments(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.department for e in self.entries))

    def units_of(self, department: str) -> tuple[str, ...]:
        return tuple(e.unit for e in self.entries if e.department == department and e.unit)


def _column(header: list[str], key: str) -> int | None:
    names = [h.strip().lower() for h in header]
    return next((names.index(n) for n in HEADERS[key] if n in names), None)


def parse_rows(rows: list[list[str]]) -> OrgTree:
    """The tree a table of rows says (first row: the header)."""
    if not rows:
        raise InputError("单位名录为空。", code="orgs.empty")
    header, body = [str(c or "") for c in rows[0]], rows[1:]
    dep, unit, code = (_column(header, k) for k in ("department", "unit", "code"))
    if dep is None:
        raise InputError("单位名录缺少“部门”列（可用列名：部门、部门名称、主管部门）。", code="orgs.no_department")
    cell = lambda row, i: str(row[i]).strip() if i is not None and i < len(row) and row[i] is not None else ""  # noqa: E731
    entries: dict[tuple[str, str], OrgUnit] = {}
    problems: list[str] = []
    for n, row in enumerate(body, start=2):
        d, u = cell(row, dep), cell(row, unit)
        if not d and not u:
            continue  # a blank line
        if not d:
            problems.append(f"第{n}行：有单位“{u}”但没有所属部门")
            continue
        entries.setdefault((d, u), OrgUnit(d, u, cell(row, code)))
        entries.setdefault((d, ""), OrgUnit(d))
    if problems:
        raise InputError("单位名录有无法归属的行：" + "；".join(problems[:20]), code="orgs.bad_rows")
    return OrgTree(tuple(entries.values()))


def load_tree(path: Path | str, data: bytes | None = None) -> OrgTree:
    """The tree in a .csv (UTF-8 or GBK) or .xlsx file; `data` reads bytes as if they were `path`."""
    path = Path(path)
    data = path.read_bytes() if data is None else data
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return parse_rows(_xlsx_rows(data))
    if path.suffix.lower() == ".csv":
        return parse_rows(list(csv.reader(io.StringIO(_decode(data)))))
    raise InputError("单位名录应为 .csv 或 .xlsx 文件。", code="orgs.wrong_type")


def _decode(data: bytes) -> str:
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise InputError("单位名录不是 UTF-8 或 GBK 编码的文本。", code="orgs.encoding")


def _xlsx_rows(data: bytes) -> list[list[str]]:
    from python_calamine import CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
        return [[("" if c is None else str(c)) for c in row] for row in wb.get_sheet_by_index(0).to_python()]
    except Exception as exc:  # noqa: BLE001 - any reader failure is the same to the user
        raise InputError(f"无法读取单位名录工作簿：{exc}", code="orgs.unreadable") from exc
