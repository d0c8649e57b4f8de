"""The opening totals of the narrative (收入总计, 本年收入, 上年结转, 支出总计) against the 收支总表."""
from __future__ import annotations

from ...model import TableKind
from ..catalog import NotApplicable, rule
from ..claims import narrative
from ..claims.checks import against_cell
from ..findings import Severity
from ..tablekit import find_row

# (context, key) -> (side, row labels, column)
WHERE = {
    ("income", "收入总计"): ("income", ("收入总计",), "amount"),
    ("income", "本年收入"): ("income", ("本年收入合计",), "amount"),
    ("income", "上年结转"): ("income", ("上年结转", "上年财政拨款结转"), "amount"),
    ("expenditure", "支出总计"): ("expenditure", ("支出总计",), "total"),
    ("expenditure", "本年支出"): ("expenditure", ("支出总计",), "current_year"),
    ("expenditure", "上年结转"): ("expenditure", ("支出总计",), "carry_over"),
}
HEADS = {"收入总计": "income", "支出总计": "expenditure"}


@rule("narrative.summary_totals", family="narrative", title="说明中的收支总计与收支总表不一致", severity=Severity.ERROR)
def check(d, ctx):
    """说明开头的“预算收入总计、本年收入、上年结转”与“支出总计、本年预算安排、上年结转”，逐项与
    《收支总表》的收入总计、本年收入合计、上年结转，以及支出总计行的合计、当年预算安排、上年结转安排列比对。

    为什么：这是说明最先复述的数字，读者据此理解整本预算。
    容差：同一数字两处印刷，位数相同须完全一致；位数不同按各自末位的半个单位。
    例：“预算收入总计4,411.49万元，其中：本年收入3,922.42万元，上年结转489.07万元”——
    收支总表“收入总计”为4411.49，则一致；若说明写4,411.94万元，则报错误。
    """
    t = ctx.require(TableKind.INCOME_EXPENDITURE_SUMMARY)
    checked = False
    for sf in narrative(d):
        context = None
        for a in sf.amounts():
            context = HEADS.get(a.key, context)
            spec = WHERE.get((context, a.key))
            if not spec:
                continue
            side, labels, column = spec
            row = find_row(t, *labels, side=side)
            if row is None:
                continue
            checked = True
            yield against_cell("narrative.summary_totals", a, t, row, column,
                               f"《{t.title}》“{row.label}”行")
        if checked:
            return
    if not checked:
        raise NotApplicable("说明中没有复述收支总计")
