"""The two-sided tables: 收支总表 and 财政拨款收支总表 (income left, expenditure by 类 right)."""
from __future__ import annotations

from decimal import Decimal

from ...model import Column, Row, RowRole, Table, TableKind
from ..book import FISCAL_SOURCES, SOURCE_KEYS
from ..text import ordinal
from .context import ROOT, Ctx, name_of

# A printed line of one side of a two-sided table (role, label, amounts); None leaves the line blank.
SideLine = tuple[RowRole, str, dict[str, Decimal]] | None

IN, EX = "income", "expenditure"
# The 30 expenditure 类 every Shanxi summary lists, in their printed order.
CLASSES = ("201", "202", "203", "204", "205", "206", "207", "208", "209", "210", "211", "212", "213", "214", "215",
           "216", "217", "219", "220", "221", "222", "223", "224", "227", "229", "230", "231", "232", "233", "234")
_SOURCE_LABELS = tuple(SOURCE_KEYS)


def _interleave(ctx: Ctx, tid: str, left: list[SideLine], right: list[SideLine]) -> tuple[Row, ...]:
    """Printed lines carry an income and an expenditure row each, in reading order."""
    rows: list[Row] = []
    for i in range(max(len(left), len(right))):
        for side, spec in ((IN, left[i] if i < len(left) else None), (EX, right[i] if i < len(right) else None)):
            if spec:
                role, label, amounts = spec
                rows.append(ctx.row(tid, len(rows), role, label, amounts, side=side))
    return tuple(rows)


def _class_lines(ctx: Ctx, measures: dict[str, dict[str, Decimal]]) -> list[tuple]:
    return [
        (RowRole.ITEM, f"{ordinal(i)}、{name_of(c)}", {k: m.get(c, Decimal(0)) for k, m in measures.items()})
        for i, c in enumerate(CLASSES, 1)
    ]


def _pick(measures: dict[str, dict[str, Decimal]]) -> dict[str, Decimal]:
    return {k: m.get(ROOT, Decimal(0)) for k, m in measures.items()}


def income_expenditure_summary(ctx: Ctx, tid: str, title: str) -> Table:
    measures = {"total": ctx.measure().total, "current_year": ctx.measure("本年").total,
                "carry_over": ctx.measure("上年结转").total}
    by_source = [ctx.measure("本年", (s,)).total[ROOT] for s in SOURCE_KEYS]
    left: list[SideLine] = [(RowRole.ITEM, f"{ordinal(i)}、{s}", {"amount": v}) for i, (s, v) in enumerate(zip(_SOURCE_LABELS, by_source), 1)]
    pad = len(CLASSES) - len(left)
    totals = _pick(measures)
    left += [None] * pad + [
        (RowRole.SUBTOTAL, "本年收入合计", {"amount": totals["current_year"]}),
        (RowRole.ITEM, "上年结转", {"amount": totals["carry_over"]}),
        (RowRole.TOTAL, "收入总计", {"amount": totals["total"]}),
    ]
    right: list[SideLine] = [
        *_class_lines(ctx, measures), (RowRole.SUBTOTAL, "本年支出合计", totals), (RowRole.ITEM, "年终结转", {}),
        (RowRole.TOTAL, "支出总计", totals),
    ]
    cols = (Column("amount", "收入/本年", side=IN), Column("total", "支出/合计", side=EX),
            Column("current_year", "支出/当年预算安排", side=EX), Column("carry_over", "支出/上年结转安排", side=EX))
    return Table(tid, TableKind.INCOME_EXPENDITURE_SUMMARY, title, ctx.unit, cols,
                 _interleave(ctx, tid, left, right), ctx.prov(tid))


def fiscal_summary(ctx: Ctx, tid: str, title: str) -> Table:
    fiscal = {s: SOURCE_KEYS[s] for s in FISCAL_SOURCES}
    measures = {"total": ctx.measure(None, FISCAL_SOURCES).total}
    for s, k in fiscal.items():
        measures[k] = ctx.measure(None, (s,)).total
    current = {k: ctx.measure("本年", (s,)).total[ROOT] for s, k in fiscal.items()}
    carry = {k: ctx.measure("上年结转", (s,)).total[ROOT] for s, k in fiscal.items()}
    labels = [f"{ordinal(i)}、{s}" for i, s in enumerate(fiscal, 1)]
    totals = _pick(measures)
    current_total = ctx.measure("本年", FISCAL_SOURCES).total[ROOT]
    carry_total = ctx.measure("上年结转", FISCAL_SOURCES).total[ROOT]
    left: list[SideLine] = [(RowRole.ITEM, lab, {"amount": current[k]}) for lab, k in zip(labels, fiscal.values())]
    left += [None] * (len(CLASSES) - len(left)) + [
        (RowRole.SUBTOTAL, "本年收入合计", {"amount": current_total}),
        (RowRole.GROUP, "上年财政拨款结转", {"amount": carry_total}),
        *[(RowRole.ITEM, lab, {"amount": carry[k]}) for lab, k in zip(labels, fiscal.values())],
        (RowRole.TOTAL, "收入总计", {"amount": totals["total"]}),
    ]
    right: list[SideLine] = [*_class_lines(ctx, measures), (RowRole.SUBTOTAL, "本年支出合计", totals),
                             (RowRole.ITEM, "年终结转", {})]
    right += [None] * (len(left) - len(right) - 1) + [(RowRole.TOTAL, "支出总计", totals)]
    cols = (Column("amount", "收入/金额", side=IN), Column("total", "支出/小计", side=EX),
            *(Column(k, f"支出/{s}", side=EX) for s, k in fiscal.items()))
    return Table(tid, TableKind.FISCAL_SUMMARY, title, ctx.unit, cols, _interleave(ctx, tid, left, right),
                 ctx.prov(tid))
