"""收支总表 and 财政拨款收支总表 balance; 收支总表 支出方 columns against its 收入方."""
from __future__ import annotations

from ...model import Disclosure
from ..catalog import NotApplicable, rule
from ..context import AuditContext
from ..findings import Severity
from ..tablekit import K, agree, find_row, has_column

IN, EX = "income", "expenditure"


def _balance(ctx: AuditContext, kind: K, rule_id: str):
    t = ctx.require(kind)
    inc, exp = find_row(t, "收入总计", side=IN), find_row(t, "支出总计", side=EX)
    if inc is None or exp is None:
        raise NotApplicable(f"{kind.title_zh}缺少收入总计或支出总计行")
    f = agree(rule_id, (t, inc, "amount"), (t, exp, "total"), what=f"《{t.title}》支出总计应等于收入总计")
    return [f] if f else []


@rule("cross.summary_balance", family="cross", title="收支总表收入总计与支出总计不相等", severity=Severity.ERROR)
def summary_balance(d: Disclosure, ctx: AuditContext):
    """收支总表的“收入总计”应等于“支出总计”：部门预算收支平衡，收入总计包括上年结转，支出总计包括年终结转。
    两处印刷同一数额，格式相同时不允许差异；不等即为错误。
    例：收入总计4411.49，支出总计4411.49，平衡。"""
    return _balance(ctx, K.INCOME_EXPENDITURE_SUMMARY, "cross.summary_balance")


@rule("cross.fiscal_balance", family="cross", title="财政拨款收支总表收入总计与支出总计不相等", severity=Severity.ERROR)
def fiscal_balance(d: Disclosure, ctx: AuditContext):
    """财政拨款收支总表的“收入总计”应等于“支出总计”（小计列）。两处印刷同一数额，不等即为错误。
    例：收入总计4411.49，支出总计小计4411.49，平衡。"""
    return _balance(ctx, K.FISCAL_SUMMARY, "cross.fiscal_balance")


@rule("cross.summary_current_vs_income", family="cross", title="收支总表当年预算安排、上年结转安排与收入不一致",
      severity=Severity.ERROR)
def summary_current_vs_income(d: Disclosure, ctx: AuditContext):
    """收支总表支出方“本年支出合计”的“当年预算安排”列应等于收入方“本年收入合计”，“上年结转安排”列应等于
    收入方“上年结转”：当年收入安排当年支出，上年结转安排结转支出。同一数额两处印刷，不等即为错误。
    例：当年预算安排3922.42 = 本年收入合计3922.42；上年结转安排489.07 = 上年结转489.07。"""
    t = ctx.require(K.INCOME_EXPENDITURE_SUMMARY)
    sub_in, sub_ex = find_row(t, "本年收入合计", side=IN), find_row(t, "本年支出合计", side=EX)
    carry = find_row(t, "上年结转", side=IN)
    if sub_in is None or sub_ex is None or not has_column(t, "current_year", EX):
        raise NotApplicable("收支总表缺少本年收入合计、本年支出合计行或当年预算安排列")
    out = [agree("cross.summary_current_vs_income", (t, sub_in, "amount"), (t, sub_ex, "current_year"))]
    if carry is not None and has_column(t, "carry_over", EX):
        out.append(agree("cross.summary_current_vs_income", (t, carry, "amount"), (t, sub_ex, "carry_over")))
    return [f for f in out if f]
