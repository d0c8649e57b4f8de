"""Totals that several tables print: 支出总表 vs 收支总表, the 一般公共预算 and 政府性基金 tables vs the
财政拨款收支总表, 基本支出 vs the economic table, 政府性基金 收入 vs 支出."""
from __future__ import annotations

from ...model import Disclosure, Row, RowRole, Table
from ..catalog import NotApplicable, rule
from ..compare import check_sum
from ..context import AuditContext
from ..findings import Severity
from ..tablekit import has_column, K, agree, cell, find_row, hidden_roundings, key, side_rows, where
from .cross_income_sources import carried_line, counts_carried, with_carry_agrees

IN, EX = "income", "expenditure"


def _total(ctx: AuditContext, kind: K) -> tuple[Table, Row]:
    return ctx.require_total(kind)


def carry_line(fis: Table, source: str) -> Row | None:
    """The 上年财政拨款结转 line of one source (the lines under the 结转 heading)."""
    head = find_row(fis, "上年财政拨款结转", side=IN)
    if head is None:
        return None
    rows = side_rows(fis, IN)
    for r in rows[rows.index(head) + 1:]:
        if r.role in (RowRole.TOTAL, RowRole.SUBTOTAL):
            break
        if key(r.label) == key(source):
            return r
    return None


def this_year_expenditure(t: Table) -> Row:
    """本年支出合计, or 支出总计 when the table prints no 本年 line and nothing carried to next year."""
    sub = find_row(t, "本年支出合计", side=EX)
    if sub is not None:
        return sub
    carry = find_row(t, "年终结转", "年末结转", side=EX)
    if carry is None or not carry.values:
        grand = find_row(t, "支出总计", side=EX)
        if grand is not None:
            return grand
    raise NotApplicable(f"{t.title}没有本年支出合计行")


def _row(t: Table, *labels: str, side: str | None = None) -> Row:
    r = find_row(t, *labels, side=side)
    if r is None:
        raise NotApplicable(f"{t.title}没有“{labels[0]}”行")
    return r


@rule("cross.expenditure_vs_summary", family="cross", title="支出总表合计与收支总表本年支出合计不一致", severity=Severity.ERROR)
def expenditure_vs_summary(d: Disclosure, ctx: AuditContext):
    """支出总表“合计”行的合计数应等于收支总表支出方“本年支出合计”的合计数（没有本年支出合计行且无年终结转时，
    即支出总计，如上海；西安的支出总表按资金来源列示、合计含上年结转和实户资金余额，即与支出总计比对）。
    同一数额两处印刷，不等即为错误。
    例：支出总表合计4411.49 = 收支总表本年支出合计4411.49。"""
    exp, total = _total(ctx, K.EXPENDITURE_SUMMARY)
    s = ctx.require(K.INCOME_EXPENDITURE_SUMMARY)
    sub = this_year_expenditure(s)
    f = agree("cross.expenditure_vs_summary", (s, sub, "total"), (exp, total, "total"))
    grand = find_row(s, "支出总计", "支出合计", side="expenditure")
    if f and grand is not None and counts_carried(exp, total):  # 西安: by source, carried money included
        f = agree("cross.expenditure_vs_summary", (s, grand, "total"), (exp, total, "total"))
    return [f] if f else []


@rule("cross.general_basic_vs_economic", family="cross", title="一般公共预算基本支出与经济科目表合计不一致", severity=Severity.ERROR)
def general_basic_vs_economic(d: Disclosure, ctx: AuditContext):
    """一般公共预算支出表“合计”行的“基本支出”应等于一般公共预算基本支出分经济科目表的“合计”：
    两表是同一笔基本支出按功能和按经济性质的两种分类。同一数额两处印刷，不等即为错误。
    例：一般公共预算支出表基本支出1099.45 = 经济科目表合计1099.45。"""
    gen, gt = _total(ctx, K.GENERAL_EXPENDITURE)
    eco, et = _total(ctx, K.GENERAL_BASIC_ECONOMIC)
    f = agree("cross.general_basic_vs_economic", (gen, gt, "basic"), (eco, et, "total"))
    return [f] if f else []


def _fiscal_column_rule(id: str, title: str, kind: K, column: str, source: str, doc: str):
    def check(d: Disclosure, ctx: AuditContext):
        fis = ctx.require(K.FISCAL_SUMMARY)
        if not has_column(fis, column, "expenditure"):  # 项目 | 预算 only (广州): no column per fund to compare
            raise NotApplicable(f"《{fis.title}》支出方没有“{source}”列")
        sub = this_year_expenditure(fis)
        tbl, total = _total(ctx, kind)
        carry = carry_line(fis, source)
        parts = [total.amount("total")] + ([carry.amount("amount")] if carry else [])
        names = f"《{tbl.title}》合计" + ("加上年财政拨款结转中的" + source if carry else "")
        f = check_sum(id, total=sub.amount(column), parts=parts, unit=fis.unit,
                      hidden=hidden_roundings((fis, sub, column), (tbl, total, "total")),
                      subject=f"{where(fis, sub, column)}应等于{names}",
                      locations=[cell(fis, sub, column), cell(tbl, total, "total")])
        return [f] if f else []

    check.__doc__, check.__name__ = doc, id.split(".")[1]
    return rule(id, family="cross", title=title, severity=Severity.ERROR)(check)


_fiscal_column_rule("cross.fiscal_general_vs_general_table", "财政拨款支出一般公共预算列与一般公共预算支出表不一致",
                    K.GENERAL_EXPENDITURE, "general_public", "一般公共预算",
                    """财政拨款收支总表“本年支出合计”的“一般公共预算”列，应等于一般公共预算支出表（不含上年结转）的合计，
                    加上财政拨款收支总表收入方“上年财政拨款结转”中的一般公共预算结转。容差：印刷数四舍五入误差之和，
                    以内为尾差提示，超出上限为错误（见文首“容差”）。
                    例：3008.67 = 一般公共预算支出表合计3008.67 + 一般公共预算结转0。""")
_fiscal_column_rule("cross.fiscal_fund_vs_fund_table", "财政拨款支出政府性基金列与政府性基金支出表不一致",
                    K.FUND_EXPENDITURE, "gov_fund", "政府性基金预算",
                    """财政拨款收支总表“本年支出合计”的“政府性基金预算”列，应等于政府性基金预算支出表（不含上年结转）的合计，
                    加上财政拨款收支总表收入方“上年财政拨款结转”中的政府性基金预算结转。容差：印刷数四舍五入误差之和，
                    以内为尾差提示，超出上限为错误（见文首“容差”）。
                    例：1402.82 = 政府性基金预算支出表合计913.75 + 政府性基金预算结转489.07。""")


@rule("cross.fund_income_vs_expenditure", family="cross", title="政府性基金预算收入表合计与支出表合计不一致", severity=Severity.ERROR)
def fund_income_vs_expenditure(d: Disclosure, ctx: AuditContext):
    """政府性基金预算收入表的合计应等于政府性基金预算支出表的合计（两表均不含上年结转）：
    本年政府性基金收入全部安排本年支出。同一数额两处印刷，不等即为错误。
    例：收入表合计913.75 = 支出表合计913.75。"""
    inc, it = _total(ctx, K.FUND_INCOME)
    exp, xt = _total(ctx, K.FUND_EXPENDITURE)
    f = agree("cross.fund_income_vs_expenditure", (inc, it, "amount"), (exp, xt, "total"))
    return [f] if f else []


@rule("cross.fund_income_vs_fiscal", family="cross", title="政府性基金预算收入表合计与财政拨款收入政府性基金不一致",
      severity=Severity.ERROR)
def fund_income_vs_fiscal(d: Disclosure, ctx: AuditContext):
    """政府性基金预算收入表的合计应等于财政拨款收支总表收入方本年“政府性基金预算”。同一数额两处印刷，
    不等即为错误。
    例：政府性基金预算收入表合计913.75 = 财政拨款收支总表“二、政府性基金预算”913.75。"""
    inc, it = _total(ctx, K.FUND_INCOME)
    fis = ctx.require(K.FISCAL_SUMMARY)
    r = _row(fis, "政府性基金预算", "政府性基金", side=IN)
    f = agree("cross.fund_income_vs_fiscal", (fis, r, "amount"), (inc, it, "amount"))
    return [f] if f else []


@rule("cross.general_table_vs_fiscal_income", family="cross", title="一般公共预算支出表合计与财政拨款收入一般公共预算不一致",
      severity=Severity.ERROR)
def general_table_vs_fiscal_income(d: Disclosure, ctx: AuditContext):
    """一般公共预算支出表（不含上年结转）的合计应等于财政拨款收支总表收入方本年“一般公共预算”：
    本年一般公共预算拨款全部安排本年支出。同一数额两处印刷，不等即为错误。
    支出表包括上年结转安排的支出时（重庆），本年数加上年结转的一般公共预算拨款等于合计即为一致。
    例：一般公共预算支出表合计3008.67 = 财政拨款收支总表“一、一般公共预算”3008.67。"""
    gen, gt = _total(ctx, K.GENERAL_EXPENDITURE)
    fis = ctx.require(K.FISCAL_SUMMARY)
    r = _row(fis, "一般公共预算", "一般公共预算资金", side=IN)
    f = agree("cross.general_table_vs_fiscal_income", (fis, r, "amount"), (gen, gt, "total"))
    if f and with_carry_agrees(r, carried_line(fis, "general_public"), gt, "amount", "total"):
        return []  # 重庆: the table spends this year's grant and the carried-over one
    return [f] if f else []
