"""支出预算情况说明: the total, 基本支出 and 项目支出 against the 支出总表's total row."""
from __future__ import annotations

from ...model import TableKind
from ..catalog import rule
from ..claims.checks import against_cell, need_section
from ..findings import Severity

COLUMNS = {"支出预算": "total", "支出总计": "total", "基本支出": "basic", "项目支出": "project"}


@rule("narrative.expenditure_split", family="narrative", title="说明中的基本支出、项目支出与支出总表不一致",
      severity=Severity.ERROR)
def check(d, ctx):
    """“支出预算情况说明”的支出总额、基本支出、项目支出与《支出总表》合计行的合计、基本支出、项目支出列比对。

    为什么：基本支出与项目支出的划分是说明的核心数字，须与支出总表相同。
    容差：同一数字两处印刷，按末位半个单位（支出总表常印成“4411. 49”，读作4411.49）。
    例：“基本支出1099.45万元，占24.92%；项目支出3312.04万元”对应支出总表合计行1099.45、3312.04。
    """
    sf = need_section(d, "支出预算")
    t = ctx.require(TableKind.EXPENDITURE_SUMMARY)
    total = t.total_row()
    if total is None:
        return
    for a in sf.amounts():
        column = COLUMNS.get(a.key or "")
        if column:
            yield against_cell("narrative.expenditure_split", a, t, total, column,
                               f"《{t.title}》合计行“{t.column(column).label.split('/')[-1] if t.column(column) else column}”列")
