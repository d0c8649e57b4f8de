"""Shanghai's nine tables (shanghai-9), with the kinds, titles and column keys its recogniser reads.

Amounts are current-year only (the book has no 上年结转 for this template). The income columns
map the book's sources: 财政拨款收入 = 一般公共预算 + 政府性基金 + 国有资本经营; 财政专户管理资金
is printed as 事业收入 and 单位资金 as 其他收入 (事业单位经营收入 is not separated in the book).
The 三公 and 机关运行经费 table prints 万元 whatever the book's unit (it does in Shanghai).
"""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from ...model import Column, Row, RowRole, Table, TableKind as K
from ..book import FISCAL_SOURCES, SOURCE_KEYS
from ..text import ordinal
from .context import ROOT, Ctx, amount_columns, code_rows, name_of
from .economic_table import economic_measures
from .summary_tables import CLASSES
from .three_public import agency_running_measures, project_share_note, three_public_measures

IN, EX = "income", "expenditure"
FUND_NAMES = {"一般公共预算": "一般公共预算资金", "政府性基金预算": "政府性基金", "国有资本经营预算": "国有资本经营预算"}
BY_SOURCE = {"business_income": "财政专户管理资金", "other_income": "单位资金"}


def wan_ctx(ctx: Ctx) -> Ctx:
    """The same book rounded in 万元: the 三公 table and every 万元 sentence read from it."""
    if ctx.unit.value == "万元":
        return ctx
    if "wan_ctx" not in ctx._cache:
        d = ctx.book.department
        ctx._cache["wan_ctx"] = Ctx(replace(ctx.book, department=replace(d, unit="万元")), ctx.file)
    return ctx._cache["wan_ctx"]


def _total_last(rows: list[Row]) -> tuple[Row, ...]:
    """Shanghai prints 合计 under the codes: the total row moves to the foot, rows renumbered."""
    ordered = rows[1:] + rows[:1]
    return tuple(replace(r, index=i, provenance=replace(r.provenance, row=i),
                         values=tuple(replace(v, provenance=replace(v.provenance, row=i)) for v in r.values))
                 for i, r in enumerate(ordered))


def _classes(ctx: Ctx, measures: dict[str, dict[str, Decimal]]) -> list[tuple]:
    """The expenditure side: the 类 with an amount, numbered 一、二、… as Shanghai prints them."""
    shown = [c for c in CLASSES if measures["total"].get(c)]
    return [(RowRole.ITEM, f"{ordinal(i)}、{name_of(c)}", {k: m.get(c, Decimal(0)) for k, m in measures.items()})
            for i, c in enumerate(shown, 1)]


def _sides(ctx: Ctx, tid: str, left: list[tuple], right: list[tuple]) -> tuple[Row, ...]:
    rows: list[Row] = []
    for side, specs in ((IN, left), (EX, right)):
        for role, label, amounts in specs:
            rows.append(ctx.row(tid, len(rows), role, label, amounts, side=side))
    return tuple(rows)


def _current(ctx: Ctx, sources=None) -> Decimal:
    return ctx.measure("本年", sources).total[ROOT]


def income_expenditure_summary(ctx: Ctx, tid: str, title: str) -> Table:
    left = [(RowRole.GROUP, "一、财政拨款收入", {"amount": _current(ctx, FISCAL_SOURCES)})]
    left += [(RowRole.ITEM, f"{i}.{n}", {"amount": _current(ctx, (s,))}) for i, (s, n) in enumerate(FUND_NAMES.items(), 1)]
    left += [(RowRole.ITEM, "二、事业收入", {"amount": _current(ctx, ("财政专户管理资金",))}),
             (RowRole.ITEM, "三、事业单位经营收入", {}),
             (RowRole.ITEM, "四、其他收入", {"amount": _current(ctx, ("单位资金",))}),
             (RowRole.TOTAL, "收入总计", {"amount": _current(ctx)})]
    measures = {"total": ctx.measure("本年").total}
    right = _classes(ctx, measures) + [(RowRole.TOTAL, "支出总计", {"total": _current(ctx)})]
    cols = (Column("amount", "本年收入/预算数", side=IN), Column("total", "本年支出/预算数", side=EX))
    return Table(tid, K.INCOME_EXPENDITURE_SUMMARY, title, ctx.unit, cols, _sides(ctx, tid, left, right), ctx.prov(tid))


def fiscal_summary(ctx: Ctx, tid: str, title: str) -> Table:
    left = [(RowRole.ITEM, f"{ordinal(i)}、{n}", {"amount": _current(ctx, (s,))})
            for i, (s, n) in enumerate(FUND_NAMES.items(), 1)]
    left.append((RowRole.TOTAL, "收入总计", {"amount": _current(ctx, FISCAL_SOURCES)}))
    measures = {"total": ctx.measure("本年", FISCAL_SOURCES).total}
    measures.update({SOURCE_KEYS[s]: ctx.measure("本年", (s,)).total for s in FISCAL_SOURCES})
    right = _classes(ctx, measures) + [(RowRole.TOTAL, "支出总计", {k: m[ROOT] for k, m in measures.items()})]
    cols = (Column("amount", "财政拨款收入/预算数", side=IN), Column("total", "财政拨款支出/合计", side=EX),
            *(Column(SOURCE_KEYS[s], f"财政拨款支出/{s}", side=EX) for s in FISCAL_SOURCES))
    return Table(tid, K.FISCAL_SUMMARY, title, ctx.unit, cols, _sides(ctx, tid, left, right), ctx.prov(tid))


def income_summary(ctx: Ctx, tid: str, title: str) -> Table:
    measures = {"total": ctx.measure("本年").total, "fiscal": ctx.measure("本年", FISCAL_SOURCES).total,
                "business_income": ctx.measure("本年", (BY_SOURCE["business_income"],)).total,
                "operating_income": {}, "other_income": ctx.measure("本年", (BY_SOURCE["other_income"],)).total}
    labels = {"total": "合计", "fiscal": "财政拨款收入", "business_income": "事业收入",
              "operating_income": "事业单位经营收入", "other_income": "其他收入"}
    cols = amount_columns(*((k, f"收入预算/{v}") for k, v in labels.items()))
    return Table(tid, K.INCOME_SUMMARY, title, ctx.unit, cols, _total_last(code_rows(ctx, tid, measures)),
                 ctx.prov(tid))


def _basic_project(ctx: Ctx, tid: str, kind: K, title: str, head: str, sources=None) -> Table:
    m = ctx.measure("本年", sources)
    measures = {"total": m.total, "basic": m.basic, "project": m.project}
    cols = amount_columns(("total", f"{head}/合计"), ("basic", f"{head}/基本支出"), ("project", f"{head}/项目支出"))
    notes: tuple[str, ...] = ()
    if not m.total.get(ROOT) and sources:
        d = ctx.book.department
        notes = (f"注：本{d.level}{d.year}年无{sources[0]}财政拨款安排的预算，故本表为空表。",)
    return Table(tid, kind, title, ctx.unit, cols, _total_last(code_rows(ctx, tid, measures)), ctx.prov(tid),
                 notes=notes)


def expenditure_summary(ctx: Ctx, tid: str, title: str) -> Table:
    return _basic_project(ctx, tid, K.EXPENDITURE_SUMMARY, title, "支出预算")


def general_expenditure(ctx: Ctx, tid: str, title: str) -> Table:
    return _basic_project(ctx, tid, K.GENERAL_EXPENDITURE, title, "一般公共预算支出", ("一般公共预算",))


def fund_expenditure(ctx: Ctx, tid: str, title: str) -> Table:
    return _basic_project(ctx, tid, K.FUND_EXPENDITURE, title, "政府性基金预算支出", ("政府性基金预算",))


def state_capital_expenditure(ctx: Ctx, tid: str, title: str) -> Table:
    return _basic_project(ctx, tid, K.STATE_CAPITAL_EXPENDITURE, title, "国有资本经营预算支出", ("国有资本经营预算",))


def basic_economic(ctx: Ctx, tid: str, title: str) -> Table:
    """部门预算经济分类 类 (301) and 款 (30101) with codes; a 款 is the sum of its printed pairs."""
    e = economic_measures(ctx)
    keys = ("total", "personnel", "operating")
    rows = [ctx.row(tid, 0, RowRole.TOTAL, "合计", {k: e[k].get(ROOT, Decimal(0)) for k in keys})]
    for cls in e["_children"][ROOT]:
        rows.append(ctx.row(tid, len(rows), RowRole.GROUP, name_of(cls), {k: e[k][cls] for k in keys}, code=cls))
        sections: dict[str, dict[str, Decimal]] = {}
        for pair in e["_children"][cls]:
            acc = sections.setdefault(pair[0], dict.fromkeys(keys, Decimal(0)))
            for k in keys:
                acc[k] += e[k][pair]
        for code, amounts in sections.items():
            rows.append(ctx.row(tid, len(rows), RowRole.ITEM, name_of(code), amounts, code=code))
    cols = amount_columns(("total", "一般公共预算基本支出/合计"), ("personnel", "一般公共预算基本支出/人员经费"),
                          ("operating", "一般公共预算基本支出/公用经费"))
    return Table(tid, K.GENERAL_BASIC_ECONOMIC, title, ctx.unit, cols, _total_last(rows), ctx.prov(tid))


def three_public_and_running(ctx: Ctx, tid: str, title: str) -> Table:
    """One unlabelled row in 万元: the 三公 items as columns and 机关运行经费 beside them."""
    w = wan_ctx(ctx)
    m = three_public_measures(w)["total"]
    running = agency_running_measures(w)[1]["total"].get(ROOT, Decimal(0))
    amounts = {"total": m[ROOT], "abroad": m["abroad"], "reception": m["reception"], "vehicles": m["vehicles"],
               "vehicle_purchase": m["purchase"], "vehicle_running": m["running"], "agency_running": running}
    cols = amount_columns(
        ("total", "“三公”经费预算数/合计"), ("abroad", "“三公”经费预算数/因公出国(境)费"),
        ("reception", "“三公”经费预算数/公务接待费"), ("vehicles", "“三公”经费预算数/公务用车购置及运行费/小计"),
        ("vehicle_purchase", "“三公”经费预算数/公务用车购置及运行费/购置费"),
        ("vehicle_running", "“三公”经费预算数/公务用车购置及运行费/运行费"), ("agency_running", "机关运行经费预算数"))
    rows = (w.row(tid, 0, RowRole.TOTAL, "", amounts),)
    return Table(tid, K.THREE_PUBLIC_AND_RUNNING, title, w.unit, cols, rows, ctx.prov(tid), notes=project_share_note(w))


# Builder and printed title ({y} year, {who} 部门 or 预算单位), in Shanghai's order.
SHANGHAI_9 = (
    (income_expenditure_summary, "{y}年{who}财务收支预算总表"),
    (income_summary, "{y}年{who}收入预算总表"),
    (expenditure_summary, "{y}年{who}支出预算总表"),
    (fiscal_summary, "{y}年{who}财政拨款收支预算总表"),
    (general_expenditure, "{y}年{who}一般公共预算支出功能分类预算表"),
    (fund_expenditure, "{y}年{who}政府性基金预算支出功能分类预算表"),
    (state_capital_expenditure, "{y}年{who}国有资本经营预算支出功能分类预算表"),
    (basic_economic, "{y}年{who}一般公共预算基本支出部门预算经济分类预算表"),
    (three_public_and_running, "{y}年{who}“三公”经费和机关运行经费预算表"),
)
