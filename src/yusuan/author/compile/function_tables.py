"""Tables by function code: 收入总表, 支出总表, 一般公共预算支出表, 政府性基金预算支出表."""
from __future__ import annotations

from ...model import Column, Table, TableKind
from ..book import SOURCE_KEYS
from .context import Ctx, amount_columns, code_rows

BASIC_PROJECT = (("total", "合计"), ("basic", "基本支出"), ("project", "项目支出"))


def income_summary(ctx: Ctx, tid: str, title: str) -> Table:
    measures = {"total": ctx.by_function("current", lambda ln: ln.period == "本年")}
    for source, key in SOURCE_KEYS.items():
        measures[key] = ctx.by_function(f"current:{key}", lambda ln, s=source: ln.period == "本年" and ln.source == s)
    measures["carry_over"] = ctx.by_function("carry", lambda ln: ln.period == "上年结转")
    labels = {"total": "本年收入/合计", "general_public": "本年收入/一般公共预算", "gov_fund": "本年收入/政府性基金",
              "state_capital": "本年收入/国有资本经营预算", "special_account": "本年收入/财政专户管理资金",
              "unit_funds": "本年收入/单位资金", "carry_over": "上年结转"}
    cols = amount_columns(*labels.items())
    return Table(tid, TableKind.INCOME_SUMMARY, title, ctx.unit, cols, tuple(code_rows(ctx, tid, measures)),
                 ctx.prov(tid))


def basic_project_table(ctx: Ctx, tid: str, kind: TableKind, title: str, name: str, pred) -> Table:
    """合计/基本支出/项目支出 by function code over the lines `pred` selects."""
    measures = {
        "total": ctx.by_function(name, pred),
        "basic": ctx.by_function(f"{name}:basic", lambda ln: pred(ln) and ln.is_basic),
        "project": ctx.by_function(f"{name}:project", lambda ln: pred(ln) and not ln.is_basic),
    }
    return Table(tid, kind, title, ctx.unit, amount_columns(*BASIC_PROJECT), tuple(code_rows(ctx, tid, measures)),
                 ctx.prov(tid))


def expenditure_summary(ctx: Ctx, tid: str, title: str) -> Table:
    return basic_project_table(ctx, tid, TableKind.EXPENDITURE_SUMMARY, title, "all", lambda ln: True)


def general_expenditure(ctx: Ctx, tid: str, title: str) -> Table:
    return basic_project_table(ctx, tid, TableKind.GENERAL_EXPENDITURE, title, "current:general_public",
                               lambda ln: ln.period == "本年" and ln.source == "一般公共预算")


def fund_expenditure(ctx: Ctx, tid: str, title: str) -> Table:
    return basic_project_table(ctx, tid, TableKind.FUND_EXPENDITURE, title, "current:gov_fund",
                               lambda ln: ln.period == "本年" and ln.source == "政府性基金预算")
