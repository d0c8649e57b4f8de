"""A recognised table laid out as the publication prints it, for the HTML report.

Header levels come back from the column labels (``本年收入/一般公共预算`` → a 本年收入 cell spanning
its sub-columns); two-sided tables (收支总表) put each printed line's income and expenditure rows
side by side again; every cell shows its text exactly as printed and carries its marks.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Column, ColumnKind, Row, RowRole, Table, TableKind
from .html_marks import Mark, Marks, cell_id, row_id

SIDES = (("income", "收入"), ("expenditure_function", "支出（功能分类）"), ("expenditure", "支出"))


@dataclass(frozen=True)
class HeadCell:
    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass(frozen=True)
class Cell:
    id: str | None
    text: str
    css: str  # code | label | amount | text
    tone: str = ""
    marks: tuple[Mark, ...] = ()


@dataclass(frozen=True)
class TableView:
    id: str
    kind: str  # the kind's Chinese name (a generic table's title), for the page's navigation
    caption: str
    title: str
    entity: str
    unit: str
    head: tuple[tuple[HeadCell, ...], ...]
    rows: tuple[tuple[str, tuple[Cell, ...]], ...]  # (row css, cells)
    notes: tuple[str, ...]
    tone: str
    marks: tuple[Mark, ...]


def table_view(t: Table, marks: Marks) -> TableView:
    sides = [s for s, _ in SIDES if any(c.side == s for c in t.columns)]
    if sides:
        paths, lines = _two_sided(t, sides, marks)
    else:
        has_code = any(r.code for r in t.rows)
        lead = [("科目编码",), ("科目名称",)] if has_code else [("项目",)]
        paths = lead + [_path(c) for c in t.columns]
        lines = [(_row_css(r), tuple(_lead(t, r, marks, has_code)) + _values(t, r, t.columns, marks)) for r in t.rows]
    nav = t.title if t.kind is TableKind.GENERIC else t.kind.title_zh
    return TableView(t.id, nav, t.caption or "", t.title, t.entity or "", t.unit.value, header_rows(paths),
                     tuple(lines), t.notes, marks.tone(t.id), tuple(marks.at(t.id)))


def _path(c: Column) -> tuple[str, ...]:
    return tuple(p.strip() for p in c.label.split("/") if p.strip()) or (c.key,)


def _two_sided(t: Table, sides: list[str], marks: Marks):
    paths: list[tuple[str, ...]] = []
    per_side = {}
    for side in sides:
        cols = tuple(c for c in t.columns if c.side == side)
        col_paths = [_path(c) for c in cols]
        tops = {p[0] for p in col_paths if len(p) > 1}
        top = tops.pop() if len(tops) == 1 and all(len(p) > 1 for p in col_paths) else dict(SIDES)[side]
        if top != (col_paths[0][0] if col_paths else ""):
            col_paths = [(top, *p) for p in col_paths]
        paths += [(top, "项目"), *col_paths]
        per_side[side] = cols
    by_line: dict[int, dict[str, Row]] = {}
    for r in t.rows:  # rows of one printed line share its first source line
        key = r.provenance.line if r.provenance.line is not None else -r.index - 1
        slot = by_line.setdefault(key, {})
        if r.side in slot:  # a second row of the same side on a line gets its own line
            key = -r.index - 1
            slot = by_line.setdefault(key, {})
        slot[r.side or sides[0]] = r
    lines = []
    for slot in by_line.values():
        cells: tuple[Cell, ...] = ()
        for side in sides:
            row = slot.get(side)
            if row is None:
                cells += (Cell(None, "", "label"),) + tuple(Cell(None, "", "amount") for _ in per_side[side])
            else:
                cells += tuple(_lead(t, row, marks, False)) + _values(t, row, per_side[side], marks)
        css = " ".join(sorted({_row_css(r) for r in slot.values()} - {""}))
        lines.append((css, cells))
    return paths, lines


def _row_css(r: Row) -> str:
    return "" if r.role is RowRole.ITEM else r.role.value


def _lead(t: Table, r: Row, marks: Marks, has_code: bool) -> list[Cell]:
    rid = row_id(t.id, r.index)
    label = Cell(rid, r.label, "label", marks.tone(rid), tuple(marks.at(rid)))
    return [Cell(f"{rid}-code", r.code or "", "code"), label] if has_code else [label]


def _values(t: Table, r: Row, cols: tuple[Column, ...], marks: Marks) -> tuple[Cell, ...]:
    out = []
    for c in cols:
        cid = cell_id(t.id, r.index, c.key)
        css = "amount" if c.kind is ColumnKind.AMOUNT else "text"
        out.append(Cell(cid, r.text(c.key), css, marks.tone(cid), tuple(marks.at(cid))))
    return tuple(out)


def header_rows(paths: list[tuple[str, ...]]) -> tuple[tuple[HeadCell, ...], ...]:
    """Header levels: neighbours sharing a prefix merge (colspan); a short path spans down (rowspan)."""
    depth = max((len(p) for p in paths), default=1)
    rows: list[list[HeadCell]] = [[] for _ in range(depth)]
    for level in range(depth):
        i = 0
        while i < len(paths):
            p = paths[i]
            if len(p) <= level:  # covered by a rowspan from above
                i += 1
                continue
            j = i + 1
            if len(p) > level + 1:  # a group header: merge the following columns of the same group
                while j < len(paths) and len(paths[j]) > level + 1 and paths[j][: level + 1] == p[: level + 1]:
                    j += 1
            rowspan = depth - level if len(p) == level + 1 else 1
            rows[level].append(HeadCell(p[level], j - i, rowspan))
            i = j
    return tuple(tuple(r) for r in rows)
