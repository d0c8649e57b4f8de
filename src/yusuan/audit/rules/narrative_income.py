"""收入预算情况说明: each source of income against the 收入总表's total row."""
from __future__ import annotations

from ...model import TableKind
from ..catalog import rule
from ..claims.checks import against_cell, need_section
from ..findings import Severity
from ..tablekit import find_row

COLUMNS = {
    "一般公共预算拨款": "general_public", "政府性基金预算拨款": "gov_fund",
    "国有资本经营预算拨款": "state_capital", "财政专户管理资金": "special_account",
    "单位资金": "unit_funds", "上年结转": "carry_over",
}


@rule("narrative.income_sources", family="narrative", title="说明中的收入与收入总表不一致", severity=Severity.ERROR)
def check(d, ctx):
    """“收入预算情况说明”的总额和每一项来源（一般公共预算拨款、政府性基金预算拨款、国有资本经营预算拨款、
    财政专户管理资金、单位资金、上年结转）与《收入总表》合计行的对应列比对；总额与《收支总表》“收入总计”比对。

    为什么：说明按来源解释收入，数字必须来自收入总表。
    容差：同一数字两处印刷，按末位半个单位；空格读作0。
    例：“一般公共预算拨款收入3,008.67万元”对应收入总表合计行“一般公共预算”列3008.67。
    """
    sf = need_section(d, "收入预算")
    t = ctx.require(TableKind.INCOME_SUMMARY)
    total = t.total_row()
    summary = ctx.table(TableKind.INCOME_EXPENDITURE_SUMMARY)
    head = sf.head
    if head and head.key in ("预算收入", "收入总计") and summary is not None:
        row = find_row(summary, "收入总计", side="income")
        if row is not None:
            yield against_cell("narrative.income_sources", head, summary, row, "amount",
                               f"《{summary.title}》“收入总计”")
    if total is None:
        return
    for a in sf.amounts():
        column = COLUMNS.get(a.key or "")
        if column and t.column(column) is not None:
            yield against_cell("narrative.income_sources", a, t, total, column,
                               f"《{t.title}》合计行“{t.column(column).label.split('/')[-1]}”列")
