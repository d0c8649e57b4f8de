"""决算 “三公”经费表's 预算数 columns: 合计 = 出国 + 车 + 接待; 车 = 购置 + 运行."""
from __future__ import annotations

from ..catalog import NotApplicable, rule
from ..compare import check_sum
from ..findings import Severity
from ..tablekit import K, cell, has_column, where

SUMS = (("total", ("abroad", "vehicles", "reception")), ("vehicles", ("vehicle_purchase", "vehicle_running")))


@rule("final.three_public_budget", family="final", title="决算“三公”经费表：预算数合计不等于各项之和", severity=Severity.ERROR)
def check(d, ctx):
    """决算的“三公”经费表对每一项列出预算数和决算数。决算数的加总由 arith.three_public_* 核对；本规则核对
    预算数：合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费，公务用车购置及运行维护费 =
    购置费 + 运行维护费。

    为什么：说明中的“完成预算的x%”以预算数为分母，预算数的合计错了，完成率也跟着错。
    容差：印刷数四舍五入误差之和，以内为尾差提示，超出上限为错误。
    例：预算数合计2.85 = 因公出国（境）费0.00 + 公务用车0.00 + 公务接待费2.85。
    """
    found = False
    for t in ctx.tables_of(K.THREE_PUBLIC):
        if not has_column(t, "total_budget"):
            continue
        for r in t.rows:
            if not r.values:
                continue
            for whole, parts in SUMS:
                cols = [f"{p}_budget" for p in parts if has_column(t, f"{p}_budget")]
                if has_column(t, f"{whole}_budget") and cols:
                    found = True
                    f = check_sum("final.three_public_budget", total=r.amount(f"{whole}_budget"),
                                  parts=[r.amount(c) for c in cols], unit=t.unit,
                                  subject=f"{where(t, r, whole + '_budget')}应等于各项预算数之和",
                                  locations=[cell(t, r, f"{whole}_budget")])
                    if f:
                        yield f
    if not found:
        raise NotApplicable("没有列出预算数的“三公”经费表")
