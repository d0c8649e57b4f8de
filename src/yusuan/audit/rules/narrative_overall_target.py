"""整体绩效目标: the budget funds it covers against the tables, and the unit count against 机构设置."""
from __future__ import annotations

from ...model import TableKind
from ..catalog import NotApplicable, rule
from ..claims import find_section
from ..claims.checks import against_cell, at
from ..findings import Finding, Severity
from ..tablekit import find_row


@rule("narrative.overall_target", family="narrative", title="整体绩效目标的资金与表不一致", severity=Severity.ERROR)
def check(d, ctx):
    """“整体绩效目标”所称“涉及部门预算资金x万元，其中基本支出y万元，项目支出z万元”：
    x与《收支总表》本年收入合计比对，y与《支出总表》合计行基本支出比对，z与《项目支出表（本年）》合计比对；
    “机关及下属预算单位n个”与机构设置所列单位数比对（不符为警告）。

    为什么：整体绩效目标覆盖的是本年预算（不含上年结转），其数字须能在表中找到。
    容差：同一数字两处印刷，按末位半个单位。
    例：“涉及部门预算资金3922.42万元，其中基本支出1099.45万元，项目支出2822.97万元”：
    收支总表本年收入合计3922.42、支出总表基本支出1099.45、项目支出表（本年）合计2822.97，一致。
    """
    sf = find_section(d, "整体绩效")
    if sf is None or sf.head is None:
        raise NotApplicable("说明中没有整体绩效目标的金额")
    summary = ctx.table(TableKind.INCOME_EXPENDITURE_SUMMARY)
    spending = ctx.table(TableKind.EXPENDITURE_SUMMARY)
    projects = ctx.table(TableKind.PROJECTS)
    for a in sf.amounts():
        if a.key == "部门预算资金" and summary is not None:
            row = find_row(summary, "本年收入合计", side="income")
            if row is not None:
                yield against_cell("narrative.overall_target", a, summary, row, "amount", f"《{summary.title}》本年收入合计")
        elif a.key == "基本支出" and spending is not None and spending.total_row():
            yield against_cell("narrative.overall_target", a, spending, spending.total_row(), "basic",
                               f"《{spending.title}》合计行基本支出")
        elif a.key == "项目支出" and projects is not None and projects.total_row():
            yield against_cell("narrative.overall_target", a, projects, projects.total_row(), "total",
                               f"《{projects.title}》合计")
    units = d.organisation.units if d.organisation else ()
    for c in sf.counts:
        if "单位" in c.noun and units and c.count != len(units):
            yield Finding("narrative.overall_target", Severity.WARNING,
                          f"整体绩效目标称“{c.before}{c.text}”，机构设置列出{len(units)}个预算单位。",
                          (at(c.sentence, c.start),), expected=len(units), actual=c.count, unit="个")
