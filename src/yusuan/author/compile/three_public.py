"""“三公”经费表 and 机关运行经费表, derived from economic codes and unit kinds.

三公: fiscal current-year lines (basic and project) by 部门预算经济分类: 30212 因公出国（境）费用,
30217 公务接待费, 31013 公务用车购置, 30231 公务用车运行维护费. 机关运行经费: fiscal current-year
公用经费 of 行政 and 参公 units.
"""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from ..book import FISCAL_SOURCES, SOURCE_KEYS
from ...model import RowRole, Table, TableKind
from ..rounding import round_half_up, round_tree
from .context import ROOT, Ctx, add_measures, amount_columns

ITEMS = (("abroad", "因公出国（境）费", "30212"), ("reception", "公务接待费", "30217"),
         ("vehicles", "公务用车购置及运行费", ""), ("purchase", "①公务用车购置费", "31013"),
         ("running", "②公务用车运行维护费", "30231"))
TREE = {ROOT: ["abroad", "reception", "vehicles"], "vehicles": ["purchase", "running"]}
COLUMNS = (("total", "合计"), *((SOURCE_KEYS[s], s) for s in FISCAL_SOURCES))
ADMIN_KINDS = ("行政", "参公")


def _fiscal_current(ln) -> bool:
    return ln.period == "本年" and ln.source in FISCAL_SOURCES


def three_public_measures(ctx: Ctx) -> dict[str, dict[str, Decimal]]:
    if "three_public" in ctx._cache:
        return ctx._cache["three_public"]
    codes = {code: key for key, _, code in ITEMS if code}
    out = {}
    for col, _ in COLUMNS[1:]:
        exact: dict[str, Decimal] = defaultdict(Decimal)
        for ln in ctx.book.lines:
            key = codes.get(ln.dept_economic)
            if key and _fiscal_current(ln) and SOURCE_KEYS[ln.source] == col:
                exact[key] += ctx.exact(ln.amount)
        exact["vehicles"] = exact["purchase"] + exact["running"]
        exact[ROOT] = exact["abroad"] + exact["reception"] + exact["vehicles"]
        out[col] = round_tree(exact, TREE, ROOT, ctx.step)
    out["total"] = add_measures(*out.values())  # 合计 = the sources' printed values on every row
    ctx._cache["three_public"] = out
    return out


def three_public(ctx: Ctx, tid: str, title: str) -> Table:
    m = three_public_measures(ctx)
    keys = [k for k, _ in COLUMNS]
    rows = [ctx.row(tid, i, RowRole.GROUP if key == "vehicles" else RowRole.ITEM, label, {k: m[k][key] for k in keys})
            for i, (key, label, _) in enumerate(ITEMS)]
    rows.append(ctx.row(tid, len(rows), RowRole.TOTAL, "合计", {k: m[k][ROOT] for k in keys}))
    cols = amount_columns(*((k, f"{ctx.book.department.year}年预算数/{lab}") for k, lab in COLUMNS))
    return Table(tid, TableKind.THREE_PUBLIC, title, ctx.unit, cols, tuple(rows), ctx.prov(tid),
                 notes=project_share_note(ctx))


def project_share_note(ctx: Ctx) -> tuple[str, ...]:
    """注：公务用车运行维护费含项目支出安排0.50万元。 — what of each item projects pay, so that a reader
    (and the audit) sees why the item exceeds the basic-expenditure table's line of the same name."""
    parts = []
    for _, label, code in ITEMS:
        paid = sum((ln.amount for ln in ctx.book.lines
                    if code and ln.dept_economic == code and not ln.is_basic and _fiscal_current(ln)), Decimal(0))
        if paid:
            printed = round_half_up(ctx.exact(paid), ctx.step)
            parts.append(f"{label.lstrip('①②')}含项目支出安排{printed:,}{ctx.unit.value}")
    return (f"注：{'，'.join(parts)}。",) if parts else ()


def agency_running_measures(ctx: Ctx) -> tuple[list[str], dict[str, dict[str, Decimal]]]:
    """The admin units with 机关运行经费, and the printed values per column (ROOT = 部门合计)."""
    if "agency" in ctx._cache:
        return ctx._cache["agency"]
    admin = [u.name for u in ctx.book.units if u.kind in ADMIN_KINDS]
    out = {}
    for col, _ in COLUMNS[1:]:
        exact: dict[str, Decimal] = defaultdict(Decimal)
        for ln in ctx.book.lines:
            if ln.unit in admin and ln.nature == "公用经费" and _fiscal_current(ln) and SOURCE_KEYS[ln.source] == col:
                exact[ln.unit] += ctx.exact(ln.amount)
                exact[ROOT] += ctx.exact(ln.amount)
        out[col] = round_tree(exact, {ROOT: admin}, ROOT, ctx.step)
    out["total"] = add_measures(*out.values())
    units = [u for u in admin if out["total"].get(u)]
    ctx._cache["agency"] = (units, out)
    return units, out


def agency_running(ctx: Ctx, tid: str, title: str) -> Table:
    units, m = agency_running_measures(ctx)
    keys = [k for k, _ in COLUMNS]
    rows = [ctx.row(tid, 0, RowRole.TOTAL, "部门合计", {k: m[k][ROOT] for k in keys})]
    rows += [ctx.row(tid, i, RowRole.ITEM, u, {k: m[k][u] for k in keys}) for i, u in enumerate(units, 1)]
    cols = amount_columns(*((k, f"{ctx.book.department.year}预算数/{lab}") for k, lab in COLUMNS))
    return Table(tid, TableKind.AGENCY_RUNNING, title, ctx.unit, cols, tuple(rows), ctx.prov(tid))
