"""View models for the pages: tables with marked cells, charts, comparisons. Pure functions."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..audit.compare_docs import Line
from ..audit.compare_docs import compare_tables as table_pairs
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
        for j, c in enumerate(t.columns):
            found = marked.get(cell_id(t.id, r.index, c.key), [])
            text = r.text(c.key) if c.side in (None, r.side) else ""  # a key may recur on each side
            # the page anchor names the column by position: keys (total, fiscal) are not for people
            cells.append(CellView(text, f"{t.id}-r{r.index}-c{j}", worst(found),
                                  tuple(f["index"] for f in found), c.kind is ColumnKind.AMOUNT))
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
    if combined and (total := combined.total_row()):
        # Shanghai prints the 三公 items as columns of one row.
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


def compare_tables(a: Disclosure, b: Disclosure) -> list[tuple[TableKind, str, list[Line]]]:
    """Tables of the same kind side by side (audit.compare_docs): rows matched by code (else name), in 万元."""
    return [(p.kind, p.title, list(p.lines)) for p in table_pairs(a, b)]
