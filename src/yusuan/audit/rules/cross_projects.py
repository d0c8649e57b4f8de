"""项目支出表 totals against the 支出总表, 一般公共预算支出表 and 政府性基金预算支出表 项目支出."""
from __future__ import annotations

from ...model import Disclosure
from ..catalog import NotApplicable, rule
from ..compare import check_sum
from ..context import AuditContext
from ..findings import Severity
from ..tablekit import K, agree, cell, find_row, hidden_roundings, where


def _total(ctx: AuditContext, kind: K):
    return ctx.require_total(kind)


@rule("cross.projects_vs_expenditure", family="cross", title="项目支出表（本年 + 上年结转）= 支出总表项目支出",
      severity=Severity.ERROR)
def projects_vs_expenditure(d: Disclosure, ctx: AuditContext):
    """项目支出表（本年预算）合计加项目支出表（上年结转）合计，应等于支出总表“合计”行的“项目支出”。
    没有上年结转项目表时只比较本年；支出总表不列“项目支出”列时（西安按资金来源列示）不适用。容差：印刷数四舍五入误差之和，以内为尾差提示，超出上限为错误（见文首“容差”）。
    例：2822.97 + 489.07 = 3312.04，等于支出总表项目支出3312.04。"""
    exp, et = _total(ctx, K.EXPENDITURE_SUMMARY)
    cur, ct = _total(ctx, K.PROJECTS)
    if exp.column("project") is None or cur.column("total") is None:
        raise NotApplicable("支出总表不分基本支出和项目支出（西安按资金来源列示）")
    parts, names = [ct.amount("total")], "《项目支出表（本年）》合计"
    carry = ctx.table(K.PROJECTS_CARRYOVER)
    if carry is not None and (carry_total := carry.total_row()) is not None:
        parts.append(carry_total.amount("total"))
        names += "与《项目支出表（上年结转）》合计之和"
    f = check_sum("cross.projects_vs_expenditure", total=et.amount("project"), parts=parts, unit=exp.unit,
                  hidden=hidden_roundings((exp, et, "project"), (cur, ct, "total")),
                  subject=f"{where(exp, et, 'project')}应等于{names}",
                  locations=[cell(exp, et, "project"), cell(cur, ct, "total")])
    return [f] if f else []


def _project_source_rule(id: str, title: str, kind: K, column: str, doc: str):
    def check(d: Disclosure, ctx: AuditContext):
        tbl, tt = _total(ctx, kind)
        cur, ct = _total(ctx, K.PROJECTS)
        f = agree(id, (tbl, tt, "project"), (cur, ct, column))
        return [f] if f else []

    check.__doc__, check.__name__ = doc, id.split(".")[1]
    return rule(id, family="cross", title=title, severity=Severity.ERROR)(check)


_project_source_rule("cross.projects_general_vs_general_table", "项目支出表一般公共预算 = 一般公共预算支出表项目支出",
                     K.GENERAL_EXPENDITURE, "general_public",
                     """项目支出表（本年预算）合计行的“一般公共预算”列，应等于一般公共预算支出表（不含上年结转）合计行的
                     “项目支出”。同一数额两处印刷，不等即为错误。
                     例：项目支出表一般公共预算1909.22 = 一般公共预算支出表项目支出1909.22。""")
_project_source_rule("cross.projects_fund_vs_fund_table", "项目支出表政府性基金 = 政府性基金预算支出表项目支出",
                     K.FUND_EXPENDITURE, "gov_fund",
                     """项目支出表（本年预算）合计行的“政府性基金预算”列，应等于政府性基金预算支出表（不含上年结转）合计行的
                     “项目支出”。同一数额两处印刷，不等即为错误。
                     例：项目支出表政府性基金预算913.75 = 政府性基金预算支出表项目支出913.75。""")


@rule("cross.carryover_projects_vs_summary", family="cross", title="上年结转项目 ≤ 收支总表上年结转", severity=Severity.ERROR)
def carryover_projects_vs_summary(d: Disclosure, ctx: AuditContext):
    """项目支出表（上年结转）的合计不应大于收支总表的“上年结转”：结转项目的资金来自上年结转。
    相等最常见；较小说明部分结转用于基本支出，不报告；较大即为错误。
    例：上年结转项目合计489.07，收支总表上年结转489.07，一致。"""
    carry, ct = _total(ctx, K.PROJECTS_CARRYOVER)
    s = ctx.require(K.INCOME_EXPENDITURE_SUMMARY)
    sc = find_row(s, "上年结转", side="income")
    if sc is None:
        raise NotApplicable("收支总表没有上年结转行")
    a, b = ct.amount("total"), sc.amount("amount")
    if a is not None and a.value > (b.value if b else 0):
        f = agree("cross.carryover_projects_vs_summary", (s, sc, "amount"), (carry, ct, "total"),
                  what=f"《{carry.title}》合计不应大于《{s.title}》上年结转")
        return [f] if f else []
    return []
