"""Tables by function code: 收入总表, 支出总表, 一般公共预算支出表, 政府性基金预算支出表."""
from __future__ import annotations

from ...model import Table, TableKind
from ..book import SOURCE_KEYS
from .context import Ctx, amount_columns, code_rows

BASIC_PROJECT = (("total", "合计"), ("basic", "基本支出"), ("project", "项目支出"))


def income_summary(ctx: Ctx, tid: str, title: str) -> Table:
    measures = {"total": ctx.measure("本年").total}
    for source, key in SOURCE_KEYS.items():
        measures[key] = ctx.measure("本年", (source,)).total
    measures["carry_over"] = ctx.measure("上年结转").total
    labels = {"total": "本年收入/合计", "general_public": "本年收入/一般公共预算", "gov_fund": "本年收入/政府性基金",
              "state_capital": "本年收入/国有资本经营预算", "special_account": "本年收入/财政专户管理资金",
              "unit_funds": "本年收入/单位资金", "carry_over": "上年结转"}
    cols = amount_columns(*labels.items())
    return Table(tid, TableKind.INCOME_SUMMARY, title, ctx.unit, cols, tuple(code_rows(ctx, tid, measures)),
                 ctx.prov(tid))


def basic_project_table(ctx: Ctx, tid: str, kind: TableKind, title: str, period: str | None = None,
                        sources: tuple[str, ...] | None = None) -> Table:
    """合计/基本支出/项目支出 by function code over the lines of a period and sources."""
    m = ctx.measure(period, sources)
    measures = {"total": m.total, "basic": m.basic, "project": m.project}
    return Table(tid, kind, title, ctx.unit, amount_columns(*BASIC_PROJECT), tuple(code_rows(ctx, tid, measures)),
                 ctx.prov(tid))


def expenditure_summary(ctx: Ctx, tid: str, title: str) -> Table:
    return basic_project_table(ctx, tid, TableKind.EXPENDITURE_SUMMARY, title)


def general_expenditure(ctx: Ctx, tid: str, title: str) -> Table:
    return basic_project_table(ctx, tid, TableKind.GENERAL_EXPENDITURE, title, "本年", ("一般公共预算",))


def fund_expenditure(ctx: Ctx, tid: str, title: str) -> Table:
    return basic_project_table(ctx, tid, TableKind.FUND_EXPENDITURE, title, "本年", ("政府性基金预算",))
