"""收支总表's 人员经费 / 公用经费 split against the basic-expenditure table's: an amount moved across."""
from __future__ import annotations

from decimal import Decimal

from ..catalog import NotApplicable, rule
from ..compare import check_equal
from ..context import AuditContext
from ..economic_split import part_amount, part_total
from ..findings import Severity
from ..tablekit import K, cell, has_column, where

SUMMARIES = (K.INCOME_EXPENDITURE_SUMMARY, K.EXPENDITURE_SUMMARY)


@rule("cross.personnel_operating_split", family="cross", title="收支总表与基本支出表的人员经费、公用经费划分不一致",
      severity=Severity.ERROR)
def check(d, ctx: AuditContext):
    """收支总表（上海单位预算的财务收支预算总表把基本支出分为人员经费、公用经费两列）或支出总表的合计行
    人员经费、公用经费，与《一般公共预算基本支出分经济科目表》（决算：基本支出决算表的人员经费合计、公用
    经费合计）的同名数应一致。只在两表的基本支出合计相同（口径相同，全部是一般公共预算拨款）时比对：
    此时人员与公用之间的差额是同一笔钱被划到了另一边。

    为什么：普陀区一份单位预算中有101,200元在两表之间从人员经费挪到了公用经费，合计却相等，只有分开比才看得出。
    容差：同一数字两处印刷，按末位半个单位。
    例：收支总表人员经费3,520,000元、公用经费480,000元，经济科目表人员经费3,418,800元、公用经费581,200元，
    合计同为4,000,000元，两项各报错误。
    """
    basic = ctx.require(K.GENERAL_BASIC_ECONOMIC)
    summary = next((t for t in (ctx.table(k) for k in SUMMARIES)
                    if t is not None and has_column(t, "personnel")),
                   None)
    if summary is None:
        raise NotApplicable("收支总表、支出总表没有人员经费、公用经费列")
    total = summary.total_row("expenditure") or summary.total_row()
    if total is None:
        raise NotApplicable("收支总表没有合计行")
    ours = [mine for c in ("personnel", "operating") if (mine := total.amount(c)) is not None]
    theirs = [other for c in ("personnel", "operating") if (other := part_amount(basic, c)) is not None]
    cells = [place for c in ("personnel", "operating") if (place := part_total(basic, c)) is not None]
    if len(ours) < 2 or len(theirs) < 2 or len(cells) < 2:
        raise NotApplicable("两表未都列出人员经费和公用经费")
    if abs(sum((x.to(basic.unit) for x in ours), Decimal(0)) - sum((x.to(basic.unit) for x in theirs), Decimal(0))) > 1:
        raise NotApplicable("两表基本支出合计不同（口径不同），不比划分")
    for col, mine, other, (b_row, b_col) in zip(("personnel", "operating"), ours, theirs, cells):
        f = check_equal("cross.personnel_operating_split", expected=other, actual=mine, unit=summary.unit,
                        subject=f"{where(summary, total, col)}应与《{basic.title}》的{'人员经费' if col == 'personnel' else '公用经费'}一致"
                                "（两表基本支出合计相同，差额是在人员经费与公用经费之间挪动）",
                        locations=[cell(summary, total, col), cell(basic, b_row, b_col)])
        if f:
            yield f
