"""“三公”经费表: 合计 = 因公出国(境) + 公务接待 + 公务用车购置及运行; 车 = ①购置 + ②运行维护.

Shanxi prints the items as rows (amounts by source in columns); Shanghai prints them as columns of
one row per entity (with 机关运行经费 beside them). `three_public_items` reads either layout.
"""
from __future__ import annotations

from ...model import Disclosure, Row, Table
from ..catalog import NotApplicable, rule
from ..compare import check_sum
from ..findings import Severity
from ..tablekit import K, amount_keys, cell, has_column, key, where

KINDS = (K.THREE_PUBLIC, K.THREE_PUBLIC_AND_RUNNING)
# Item → its column in the column layout.
COLUMNS = {"total": "total", "abroad": "abroad", "reception": "reception", "vehicles": "vehicles",
           "purchase": "vehicle_purchase", "running": "vehicle_running"}
Cell = tuple[Row, str]


def item_of(label: str) -> str | None:
    k = key(label)
    if "出国" in k:
        return "abroad"
    if "接待" in k:
        return "reception"
    if "购置及运行" in k or "购置和运行" in k:
        return "vehicles"
    if "公务用车" in k and "购置" in k:
        return "purchase"
    if "公务用车" in k and "运行" in k:
        return "running"
    if "三公" in k or k in ("合计", "总计"):
        return "total"
    return None


def by_columns(t: Table) -> bool:
    return has_column(t, "abroad") or has_column(t, "reception")


def three_public_items(t: Table) -> list[dict[str, Cell]]:
    """Each entity's items as cells: one mapping per row in the column layout; one mapping of the
    item rows' 合计 cells in the row layout (where `rows_of` gives the rows)."""
    if by_columns(t):
        return [{name: (r, col) for name, col in COLUMNS.items() if has_column(t, col)} for r in t.rows if r.values]
    found: dict[str, Cell] = {}
    for r in t.rows:
        name = item_of(r.label)
        if name and name not in found:
            found[name] = (r, "total")
    return [found]


def three_public_rows(t: Table) -> dict[str, Row]:
    """The item rows of the row layout, by item ({} in the column layout)."""
    return {} if by_columns(t) else {n: c[0] for n, c in three_public_items(t)[0].items()}


def _check(id: str, t: Table, items: dict[str, Cell], whole: str, parts: tuple[str, ...]):
    head_row, head_col = items[whole]
    present = [items[p] for p in parts if p in items]
    if by_columns(t):  # one row: the whole's column against the parts' columns
        names = " + ".join((column.label if (column := t.column(c)) else c).split("/")[-1] for _, c in present)
        f = check_sum(id, total=head_row.amount(head_col), parts=[r.amount(c) for r, c in present], unit=t.unit,
                      subject=f"{where(t, head_row, head_col)}应等于{names}", locations=[cell(t, head_row, head_col)])
        return [f] if f else []
    out = []
    for col in amount_keys(t, head_row.side):  # item rows: every source column
        f = check_sum(id, total=head_row.amount(col), parts=[r.amount(col) for r, _ in present], unit=t.unit,
                      subject=f"{where(t, head_row, col)}应等于{' + '.join(r.label for r, _ in present)}",
                      locations=[cell(t, head_row, col)])
        if f:
            out.append(f)
    return out


def _sum_rule(id: str, title: str, whole: str, parts: tuple[str, ...], doc: str):
    def check(d: Disclosure, ctx):
        seen = False
        for t in (t for t in d.tables if t.kind in KINDS):
            for items in three_public_items(t):
                if whole in items and any(p in items for p in parts):
                    seen = True
                    yield from _check(id, t, items, whole, parts)
        if not seen:
            raise NotApplicable("没有“三公”经费表或其合计")

    check.__doc__, check.__name__ = doc, id.split(".")[1]
    return rule(id, family="arith", title=title, severity=Severity.ERROR)(check)


_sum_rule("arith.three_public_total", "“三公”经费合计不等于出国、接待、公务用车之和", "total",
          ("abroad", "reception", "vehicles"),
          """“三公”经费表“合计”每一金额列应等于因公出国（境）费、公务接待费、公务用车购置及运行费之和
          （①②是公务用车的分项，不重复计入）。上海的表把各项列为列，逐行核对。容差：印刷数四舍五入误差之和，
          以内为尾差提示，超出上限为错误（见文首“容差”）。
          例：合计19.30 = 因公出国（境）费0 + 公务接待费0.80 + 公务用车购置及运行费18.50。""")
_sum_rule("arith.three_public_vehicles", "公务用车费不等于购置费与运行维护费之和", "vehicles",
          ("purchase", "running"),
          """“三公”经费表“公务用车购置及运行费”每一金额列应等于“①公务用车购置费”与“②公务用车运行维护费”之和。
          上海的表把购置费、运行费列为“公务用车购置及运行费”下的两列，逐行核对。容差：印刷数四舍五入误差之和，
          以内为尾差提示，超出上限为错误（见文首“容差”）。
          例：公务用车购置及运行费18.50 = ①公务用车购置费0 + ②公务用车运行维护费18.50。""")
