"""A 决算 beside the 预算 of its year: each 年初预算数 the 决算 prints (its 说明's item statements, its
“三公”经费表's 预算数 columns) paired with the cell of the published 预算 that printed it."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Amount, Disclosure, Stage, TableKind
from .across_kit import three_public_cells
from .catalog import NotApplicable
from .claims.checks import at
from .context import AuditContext
from .final_kit import item_row
from .findings import Location
from .tablekit import cell, where

# The 决算's 三公 预算数 column → the 预算's 三公 item.
THREE_PUBLIC_BUDGET = {"total_budget": "total", "abroad_budget": "abroad", "vehicles_budget": "vehicles",
                       "vehicle_purchase_budget": "purchase", "vehicle_running_budget": "running",
                       "reception_budget": "reception"}


@dataclass(frozen=True)
class BudgetFigure:
    """One 年初预算数 the 决算 prints and the 预算's printing of it."""

    what: str  # for messages: 说明中“…”的年初预算数 / 《表》…列
    stated: Amount  # as the 决算 prints it
    published: Amount  # as the 预算 printed it
    published_where: str
    here: Location
    there: Location
    rate: tuple | None = None  # (stated rate, places, actual amount) of an item statement


def require_budget(ctx: AuditContext) -> Disclosure:
    if ctx.disclosure.meta.stage is not Stage.FINAL_ACCOUNTS:
        raise NotApplicable("不是决算公开文件")
    if ctx.partners.budget is None:
        raise NotApplicable("没有同一年度同一单位的预算公开文件")
    return ctx.partners.budget


def _statement_figures(d: Disclosure, budget: Disclosure):
    from .rules.final_item_statements import _statements  # the rules import this module's users

    t = budget.table(TableKind.GENERAL_EXPENDITURE)
    if t is None:
        return
    overall = True
    for _sec, st, before in _statements(d):
        if st.budget is None:
            continue
        item = "（项）" in before[-60:]
        if not item and not overall:
            continue
        r = item_row(t, before) if item else t.total_row()
        overall = False  # only the first statement can be the overall one
        printed = r.amount("total") if r is not None else None
        if r is None or printed is None:
            continue
        rate = (st.rate, st.rate_places, st.actual) if st.rate is not None and st.actual is not None else None
        yield BudgetFigure(f"说明中“{st.text[:40]}”的年初预算数", st.budget, printed, where(t, r, "total"),
                           at(st.sentence), cell(t, r, "total"), rate)


def _three_public_figures(d: Disclosure, budget: Disclosure):
    published = three_public_cells(budget)
    for t in d.tables_of(TableKind.THREE_PUBLIC):
        r = next((r for r in t.rows if r.values), None)
        for column, item in THREE_PUBLIC_BUDGET.items():
            if r is None or r.amount(column) is None or item not in published:
                continue
            pt, pr, pc = published[item]
            mine, theirs = r.amount(column), pr.amount(pc)
            if mine is not None and theirs is not None:
                yield BudgetFigure(where(t, r, column), mine, theirs, where(pt, pr, pc), cell(t, r, column),
                                   cell(pt, pr, pc))
        break


def budget_figures(d: Disclosure, budget: Disclosure) -> list[BudgetFigure]:
    return [*_statement_figures(d, budget), *_three_public_figures(d, budget)]
