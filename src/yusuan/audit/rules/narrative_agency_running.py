"""机关运行经费增减变动原因说明: the amount against the 机关运行经费 table."""
from __future__ import annotations

from ...model import TableKind
from ..catalog import NotApplicable, rule
from ..claims import find_section
from ..claims.checks import against_cell
from ..findings import Severity


@rule("narrative.agency_running", family="narrative", title="说明中的机关运行经费与表不一致",
      severity=Severity.ERROR)
def check(d, ctx):
    """机关运行经费说明中的本年金额与《机关运行经费预算表》合计行（部门合计）“合计”列比对。
    比较年份的金额（“比2024年预算40.72万元”）不在此比对，见 narrative.change_quoted。

    为什么：机关运行经费是单独公开的控制数，说明与表须一致。
    容差：同一数字两处印刷，按末位半个单位。
    例：“机关运行经费财政拨款预算40.68万元”对应表中“部门合计”40.68。
    """
    sf = find_section(d, "机关运行经费")
    if sf is None or sf.amount("机关运行经费") is None:
        raise NotApplicable("说明中没有机关运行经费金额")
    t = ctx.table(TableKind.AGENCY_RUNNING) or ctx.require(TableKind.THREE_PUBLIC_AND_RUNNING)
    total = t.total_row()
    if total is None:
        raise NotApplicable("机关运行经费表没有合计行")
    # The combined Shanghai table keeps 机关运行经费 in its own column; its `total` is the 三公 合计.
    column = "agency_running" if t.kind is TableKind.THREE_PUBLIC_AND_RUNNING else "total"
    for a in sf.amounts("机关运行经费"):
        yield against_cell("narrative.agency_running", a, t, total, column, f"《{t.title}》“{total.label}”行")
