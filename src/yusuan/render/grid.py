"""A table laid out for print: columns in printed order, header cells with merges, body lines.

Every renderer (XLSX, DOCX, HTML, PDF) prints this one layout, so they agree cell for cell.
Two-sided tables (收支总表) print an income row and an expenditure row on one line.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import zip_longest

from ..model import Amount, ColumnKind, Row, RowRole, Table
from .amounts import cell_text, grouped
from .headers import CODE, LABEL, HeaderCell, code_part, header_cells, is_shanghai, names_compiler, stub_columns


@dataclass(frozen=True)
class PrintedColumn:
    key: str  # "code", "label" or the model column's key
    side: str | None
    path: tuple[str, ...]
    kind: str  # "code", "label", "amount" or "text"


@dataclass(frozen=True)
class PrintedCell:
    text: str
    amount: Amount | None = None
    comma: bool = False


@dataclass(frozen=True)
class PrintedLine:
    cells: tuple[PrintedCell, ...]
    role: RowRole


@dataclass(frozen=True)
class PrintedTable:
    table: Table
    columns: tuple[PrintedColumn, ...]
    depth: int
    header: tuple[HeaderCell, ...]
    lines: tuple[PrintedLine, ...]

    @property
    def entity_line(self) -> str:
        """部门名称：… (Shanghai: 编制部门：…, or 编制单位：… for a 预算单位 table)."""
        t = self.table
        if not t.entity:
            return ""
        if names_compiler(t.kind, t.title):
            return f"{'编制单位' if '预算单位' in t.title else '编制部门'}：{t.entity}"
        return f"部门名称：{t.entity}"

    @property
    def unit_line(self) -> str:
        """单位：万元 — not for a table without amounts (a list of codes prints no unit)."""
        return f"单位：{self.table.unit.value}" if self.table.amount_columns() else ""


def _sides(table: Table) -> tuple[str | None, ...]:
    sides = tuple(dict.fromkeys(c.side for c in table.columns))
    return sides if any(sides) else (None,)


def printed_columns(table: Table) -> tuple[PrintedColumn, ...]:
    has_codes = any(r.code for r in table.rows)
    shanghai = is_shanghai(table.kind, table.title)
    out: list[PrintedColumn] = []
    for side in _sides(table):
        own = [c for c in table.columns if c.side == side]
        top = tuple(own[0].label.split("/")[:1]) if side and own else ()
        for key, path in stub_columns(table.kind, side, has_codes, shanghai):
            kind = LABEL if key == LABEL else CODE  # the 类/款/项 cells print as codes
            out.append(PrintedColumn(key, side, (*top, *path.split("/")), kind))
        for c in own:
            kind = "amount" if c.kind is ColumnKind.AMOUNT else "text"
            out.append(PrintedColumn(c.key, side, tuple(c.label.split("/")), kind))
    return tuple(out)


def _cell(row: Row | None, column: PrintedColumn) -> PrintedCell:
    if row is None:
        return PrintedCell("")
    if column.kind == CODE:
        split = column.path[-1] in ("类", "款", "项")  # Shanghai's code cells
        return PrintedCell(code_part(row.code, column.key) if split else row.code or "")
    if column.kind == LABEL:
        return PrintedCell(row.label)
    value = row.value(column.key)
    if value is None:
        return PrintedCell("")
    return PrintedCell(cell_text(value), value.amount, grouped(value))


def _pair_by_line(rows: tuple[Row, ...]) -> list[dict[str | None, Row]] | None:
    """Rows of a two-sided table grouped by the source line they were read from, if known."""
    lines: dict[int, dict[str | None, Row]] = {}
    for r in rows:
        line = lines.setdefault(r.provenance.line or -1, {})
        if r.provenance.line is None or r.side in line:
            return None
        line[r.side] = r
    return [lines[k] for k in sorted(lines)]


def _pair_by_place(rows: tuple[Row, ...], sides: tuple[str | None, ...]) -> list[dict[str | None, Row]]:
    """Without source lines: items side by side from the top, totals side by side at the foot."""
    def split(side: str | None) -> tuple[list[Row], list[Row]]:
        own = [r for r in rows if r.side == side]
        foot = next((i for i, r in enumerate(own) if r.role in (RowRole.SUBTOTAL, RowRole.TOTAL)), len(own))
        return own[:foot], own[foot:]

    parts = [split(s) for s in sides]
    out = []
    for part in (0, 1):
        for group in zip_longest(*(p[part] for p in parts)):
            out.append({s: r for s, r in zip(sides, group) if r is not None})
    return out


def _role(rows: list[Row]) -> RowRole:
    for role in (RowRole.TOTAL, RowRole.SUBTOTAL, RowRole.GROUP):
        if any(r.role is role for r in rows):
            return role
    return rows[0].role if rows else RowRole.ITEM


def layout(table: Table) -> PrintedTable:
    columns = printed_columns(table)
    sides = _sides(table)
    groups: list[dict[str | None, Row]]
    if sides == (None,):
        groups = [{None: r} for r in table.rows]
    else:
        groups = _pair_by_line(table.rows) or _pair_by_place(table.rows, sides)
    lines = tuple(
        PrintedLine(tuple(_cell(g.get(c.side), c) for c in columns), _role(list(g.values()))) for g in groups
    )
    depth, header = header_cells([c.path for c in columns])
    return PrintedTable(table, columns, depth, header, lines)
