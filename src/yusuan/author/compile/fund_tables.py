"""政府性基金预算收入表 (by revenue code) and 国有资本经营预算收支表."""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from ...model import Column, RowRole, Table, TableKind
from .context import ROOT, Ctx, amount_columns, code_rows, round_code_tree
from .function_tables import BASIC_PROJECT


def fund_income(ctx: Ctx, tid: str, title: str) -> Table:
    leaves: dict[str, Decimal] = defaultdict(Decimal)
    for inc in ctx.book.income:
        if inc.source == "政府性基金预算" and inc.period == "本年":
            leaves[inc.revenue_code] += inc.amount
    measures = {"amount": round_code_tree(ctx, leaves)}
    return Table(tid, TableKind.FUND_INCOME, title, ctx.unit, (Column("amount", "政府性基金收入预算"),),
                 tuple(code_rows(ctx, tid, measures)), ctx.prov(tid))


def state_capital(ctx: Ctx, tid: str, title: str) -> Table:
    """Income side: its revenue codes' total; expenditure side by function code."""
    m = ctx.measure("本年", ("国有资本经营预算",))
    measures = {"total": m.total, "basic": m.basic, "project": m.project}
    income = measures["total"].get(ROOT, Decimal(0))
    rows = [ctx.row(tid, 0, RowRole.TOTAL, "合计", {"amount": income}, side="income")]
    if income:
        rows += [r.__class__(r.index + 1, r.role, r.label, r.code, r.values, r.provenance, "expenditure")
                 for r in code_rows(ctx, tid, measures)]
    # printed as the publication prints it: each side's columns under its side's heading
    cols = (Column("amount", "国有资本经营预算收入/国有资本经营收入预算", side="income"),
            *amount_columns(*((k, f"国有资本经营预算支出/{label}") for k, label in BASIC_PROJECT), side="expenditure"))
    notes = () if income else ("注：本表无数据",)
    return Table(tid, TableKind.STATE_CAPITAL, title, ctx.unit, cols, tuple(rows), ctx.prov(tid), notes=notes)
