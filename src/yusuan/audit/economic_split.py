"""人员经费 and 公用经费 of a basic-expenditure table, whichever way it prints them.

A budget's table prints them as columns (``personnel``/``operating``) beside ``total`` with one
合计 row. A 决算's table prints two panes and no columns: the left pane's items end in a
``人员经费合计`` row, the right pane's in ``公用经费合计`` (both SUBTOTAL rows, figure in ``total``).
The central 决算 (国家信访局) prints three panes side by side, read as one row per line with the
panes in columns headed 人员经费/… and 公用经费/… (科目代码, 科目名称, 决算数).
"""
from __future__ import annotations

from ..model import Amount, ColumnKind, Row, RowRole, Table
from ..text.folding import fold

PARTS = {"personnel": "人员经费", "operating": "公用经费"}


def by_columns(t: Table) -> bool:
    return t.column("personnel") is not None or t.column("operating") is not None


def part_total(t: Table, part: str) -> tuple[Row, str] | None:
    """(row, column) printing the table's total of `part` (``personnel``/``operating``/``total``)."""
    if by_columns(t) or part == "total":
        total = t.total_row()
        return (total, part) if total is not None else None
    row = next((r for r in t.rows if r.role is RowRole.SUBTOTAL and fold(r.label).startswith(PARTS[part])), None)
    return (row, "total") if row is not None else None


def part_items(t: Table, part: str) -> list[Row]:
    """The item rows with a figure in `part`."""
    if by_columns(t):
        return [r for r in t.rows if r.role is RowRole.ITEM and r.number(part)]
    out: list[Row] = []
    current: list[Row] = []
    for r in t.rows:
        if r.role is RowRole.SUBTOTAL:
            if fold(r.label).startswith(PARTS[part]):
                out = current
            current = []
        elif r.role is RowRole.ITEM and r.number("total"):
            current.append(r)
    return out


def part_item_names(t: Table, part: str) -> list[str]:
    """The names of the items with a figure in `part`, whichever way the table prints them."""
    names = [r.label for r in part_items(t, part)]
    return names or _pane_item_names(t, PARTS[part])


def _pane_item_names(t: Table, part: str) -> list[str]:
    """Items of the panes whose columns are headed `part` (人员经费/决算数 …): the first pane's names are the
    rows' own labels, a later pane's are in its 科目名称 column; an item has a 5-digit code and a figure."""
    cols = [c for c in t.columns if c.label.startswith(part + "/")]
    out: list[str] = []
    for i, c in enumerate(cols):
        if c.kind is not ColumnKind.AMOUNT:
            continue
        name = next((n.key for n in reversed(cols[:i]) if n.label.endswith("名称")), None)
        code = next((n.key for n in reversed(cols[:i]) if n.label.endswith("代码")), None)
        for r in t.rows:
            label, number = (r.text(name), r.text(code) if code else "") if name else (r.label, r.code or "")
            if len(number.strip()) == 5 and r.number(c.key):
                out.append(label)
    return out


def part_amount(t: Table, part: str) -> Amount | None:
    found = part_total(t, part)
    return found[0].amount(found[1]) if found else None
