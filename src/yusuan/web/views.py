"""View models for the pages: tables with marked cells, charts, comparisons. Pure functions."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from ..model import ColumnKind, Disclosure, MoneyUnit, Row, Table, TableKind

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def cell_id(table: str, row: int | None, column: str | None) -> str:
    if row is None:
        return table
    return f"{table}-r{row}" + (f"-{column}" if column else "")


def marks(findings: list[dict]) -> dict[str, list[dict]]:
    """Findings by the cell (or row, or table) each location points at."""
    out: dict[str, list[dict]] = defaultdict(list)
    for i, f in enumerate(findings):
        f.setdefault("index", i)
        for loc in f.get("location", []):
            if loc.get("table"):
                out[cell_id(loc["table"], loc.get("row"), loc.get("column"))].append(f)
    return out


def worst(items: list[dict]) -> str:
    open_ = [f for f in items if not f.get("accepted")]
    if not open_:
        return "accepted" if items else ""
    return min((f["severity"] for f in open_), key=lambda s: SEVERITY_ORDER.get(s, 9))


@dataclass(frozen=True)
class CellView:
    text: str
    id: str
    mark: str
    findings: tuple[int, ...]
    numeric: bool


def table_view(t: Table, marked: dict[str, list[dict]]) -> list[tuple[Row, str, list[CellView]]]:
    rows = []
    for r in t.rows:
        cells = []
        for c in t.columns:
            cid = cell_id(t.id, r.index, c.key)
            found = marked.get(cid, [])
            text = r.text(c.key) if c.side in (None, r.side) else ""  # a key may recur on each side
            cells.append(CellView(text, cid, worst(found), tuple(f["index"] for f in found),
                                  c.kind is ColumnKind.AMOUNT))
        rows.append((r, worst(marked.get(cell_id(t.id, r.index, None), [])), cells))
    return rows


def wan(amount) -> float:
    """Chart value in 万元 (charts only: a picture, not a published figure)."""
    return float(round(amount.to(MoneyUnit.WAN_YUAN), 2))


def charts(d: Disclosure) -> dict[str, object]:
    """ECharts data: expenditure by function (类), basic vs project, 三公 items."""
    out: dict[str, object] = {}
    exp = d.table(TableKind.EXPENDITURE_SUMMARY)
    if exp:
        out["by_function"] = [
            {"name": r.label, "value": wan(r.amount("total"))}
            for r in exp.rows if r.code and len(r.code) == 3 and r.amount("total")
        ]
        total = exp.total_row()
        if total:
            out["basic_project"] = [
                {"name": "基本支出", "value": wan(total.amount("basic")) if total.amount("basic") else 0},
                {"name": "项目支出", "value": wan(total.amount("project")) if total.amount("project") else 0},
            ]
    combined = d.table(TableKind.THREE_PUBLIC_AND_RUNNING)
    three = d.table(TableKind.THREE_PUBLIC)
    if combined and combined.total_row():
        # Shanghai prints the 三公 items as columns of one row.
        total = combined.total_row()
        out["three_public"] = [
            {"name": c.label.split("/")[-1], "value": wan(total.amount(c.key))}
            for c in combined.columns
            if c.key in ("abroad", "reception", "vehicle_purchase", "vehicle_running") and total.amount(c.key)
        ]
    elif three:
        col = "total" if three.column("total") else (three.amount_columns()[0].key if three.amount_columns() else "")
        out["three_public"] = [
            {"name": r.label, "value": wan(r.amount(col))}
            for r in three.rows if r.role.value in ("item", "group") and col and r.amount(col)
            and not r.label.startswith(("①", "②"))
        ]
    return out


@dataclass(frozen=True)
class CompareRow:
    key: str
    label: str
    a: Decimal | None
    b: Decimal | None

    @property
    def change(self) -> Decimal | None:
        return None if self.a is None or self.b is None else self.b - self.a

    @property
    def rate(self) -> str:
        if self.a in (None, Decimal(0)) or self.b is None:
            return ""
        return f"{(self.b - self.a) / self.a * 100:.2f}%"


def _row_key(r: Row) -> str:
    return r.code or f"{r.side or ''}:{r.label}"


def _main_column(t: Table, side: str | None) -> str | None:
    """The column that holds a row's amount: ``total`` where there is one, else the side's first."""
    cols = t.amount_columns(side) or t.amount_columns()
    keys = [c.key for c in cols]
    return "total" if "total" in keys else (keys[0] if keys else None)


def compare_tables(a: Disclosure, b: Disclosure) -> list[tuple[TableKind, str, list[CompareRow]]]:
    """Tables of the same kind side by side, rows matched by code (else name), totals in 万元."""
    out = []
    for ta in a.tables:
        tb = b.table(ta.kind)
        if tb is None or ta.kind is TableKind.GENERIC:
            continue
        rows: dict[str, CompareRow] = {}
        for side, t in (("a", ta), ("b", tb)):
            for r in t.rows:
                col = _main_column(t, r.side)
                amt = r.amount(col) if col else None
                value = amt.to(MoneyUnit.WAN_YUAN) if amt else None
                k = _row_key(r)
                prev = rows.get(k, CompareRow(k, r.label, None, None))
                rows[k] = CompareRow(k, prev.label, value if side == "a" else prev.a, value if side == "b" else prev.b)
        out.append((ta.kind, ta.title, list(rows.values())))
    return out
