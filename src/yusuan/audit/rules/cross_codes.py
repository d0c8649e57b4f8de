"""Tables that list the same function codes must agree code by code.

收入总表 vs 支出总表 (本年 + 结转 = 支出合计), 一般公共预算支出表 vs 收入总表's 一般公共预算 column,
政府性基金预算支出表 vs 收入总表's 政府性基金 column.
"""
from __future__ import annotations

from ...model import Disclosure, Row, Table
from ...reference.codes import is_code
from ..catalog import NotApplicable, rule
from ..compare import check_equal, check_sum
from ..context import AuditContext
from ..findings import Finding, Location, Severity
from ..stage import budget_only
from ..tablekit import K, cell, col_label, has_column, hidden_roundings, where


def _codes(t: Table) -> dict[str, Row]:
    return t.coded_rows()


def _missing(rule_id: str, here: Table, r: Row, col: str, other: Table, beyond: Severity) -> Finding | None:
    """A code one table lists with money that the other does not list at all."""
    a = r.amount(col)
    if a is None or a.value == 0:
        return None
    return Finding(rule=rule_id, severity=beyond, locations=(cell(here, r, col), Location.of_table(other)),
                   message=f"{where(here, r, col)}列有{a}，但《{other.title}》没有科目“{r.code}”。",
                   actual=a.value, unit=a.unit.value)


def code_by_code(rule_id: str, a: Table, a_cols: tuple[str, ...], b: Table, b_col: str, subject: str):
    """For each code of either table: b[b_col] = Σ a[a_cols]; a code with money in one only is an error."""
    ra, rb = _codes(a), _codes(b)
    a_cols = tuple(c for c in a_cols if has_column(a, c))
    if not a_cols or not has_column(b, b_col):
        raise NotApplicable(f"《{a.title}》或《{b.title}》没有要比较的列")
    levels = {len(c) for c in ra if is_code(c)} & {len(c) for c in rb if is_code(c)}
    if not levels:  # one lists its rows by unit (广州, 泉州 收入总表), or the two print different levels
        raise NotApplicable(f"《{a.title}》与《{b.title}》没有共同的科目层级可逐科目比较")
    for code in sorted(c for c in set(ra) | set(rb) if is_code(c) and len(c) in levels):  # a misprinted code is code.valid_format's
        if code not in rb:
            for c in a_cols:
                if (f := _missing(rule_id, a, ra[code], c, b, Severity.ERROR)):
                    yield f
                    break
            continue
        if code not in ra:
            if (f := _missing(rule_id, b, rb[code], b_col, a, Severity.ERROR)):
                yield f
            continue
        parts = [ra[code].amount(c) for c in a_cols]
        room = hidden_roundings((b, rb[code], b_col), *((a, ra[code], c) for c in a_cols))
        subject_ = f"{where(b, rb[code], b_col)}应等于《{a.title}》同一科目的{subject}"
        locations = [cell(b, rb[code], b_col), cell(a, ra[code], a_cols[0])]
        if len(parts) == 1:  # the same figure printed twice: no rounding between them
            f = check_equal(rule_id, expected=parts[0], actual=rb[code].amount(b_col), unit=b.unit,
                            subject=subject_, locations=locations, hidden=room)
        else:
            f = check_sum(rule_id, total=rb[code].amount(b_col), parts=parts, unit=b.unit,
                          subject=subject_, locations=locations, hidden=room)
        if f:
            yield f


@rule("cross.income_vs_expenditure_by_code", family="cross", title="收入总表与支出总表同一科目的金额不一致",
      severity=Severity.ERROR)
def income_vs_expenditure_by_code(d: Disclosure, ctx: AuditContext):
    """收入总表和支出总表按支出功能分类列出同样的科目；对每个科目，收入总表的“本年收入合计”加“上年结转”
    应等于支出总表的“合计”。一方列有金额而另一方没有该科目，也是错误。容差：三个印刷数的四舍五入误差之和，
    以内为尾差提示，超出上限为错误（见文首“容差”）。
    例：“2296002 用于社会福利的彩票公益金支出”收入总表本年912.79 + 上年结转489.07 = 支出总表合计1401.86。"""
    budget_only(d, "本年支出可使用年初结转和结余，本年收入可留作年末结转和结余，逐科目收支不必相等")
    inc, exp = ctx.require(K.INCOME_SUMMARY), ctx.require(K.EXPENDITURE_SUMMARY)
    return code_by_code("cross.income_vs_expenditure_by_code", inc, ("total", "carry_over"), exp, "total",
                        "本年收入合计与上年结转之和")


@rule("cross.general_vs_income_column", family="cross", title="一般公共预算支出表与收入总表一般公共预算列不一致",
      severity=Severity.ERROR)
def general_vs_income_column(d: Disclosure, ctx: AuditContext):
    """一般公共预算支出表（不含上年结转）每个科目的“合计”应等于收入总表同一科目的“一般公共预算”列，
    两表应列出同样的科目（有金额的）。同一数额两处印刷，不等即为错误（容差仅为印刷格式不同时的舍入）。
    收入总表只列“财政拨款收入”一列（上海）而政府性基金、国有资本经营预算支出表均为空时，以该列比较。
    例：“2080201 行政运行”一般公共预算支出表157.60 = 收入总表一般公共预算列157.60。"""
    budget_only(d, "决算的一般公共预算财政拨款支出可使用年初结转，不必等于本年财政拨款收入")
    inc, gen = ctx.require(K.INCOME_SUMMARY), ctx.require(K.GENERAL_EXPENDITURE)
    col = "general_public" if has_column(inc, "general_public") else "fiscal"
    others = [t for t in d.tables if t.kind in (K.FUND_EXPENDITURE, K.STATE_CAPITAL, K.STATE_CAPITAL_EXPENDITURE)]
    if col == "fiscal" and any(not t.is_empty for t in others):
        raise NotApplicable("收入总表只有“财政拨款”合并列，且有政府性基金或国有资本经营预算支出，无法分出一般公共预算")
    return code_by_code("cross.general_vs_income_column", inc, (col,), gen, "total", f"“{col_label(inc, col)}”列")


@rule("cross.fund_vs_income_column", family="cross", title="政府性基金预算支出表与收入总表政府性基金列不一致",
      severity=Severity.ERROR)
def fund_vs_income_column(d: Disclosure, ctx: AuditContext):
    """政府性基金预算支出表（不含上年结转）每个科目的“合计”应等于收入总表同一科目的“政府性基金”列，
    两表应列出同样的科目（有金额的）。同一数额两处印刷，不等即为错误。
    例：“2296006 用于残疾人事业的彩票公益金支出”政府性基金预算支出表0.96 = 收入总表政府性基金列0.96。"""
    inc, fund = ctx.require(K.INCOME_SUMMARY), ctx.require(K.FUND_EXPENDITURE)
    return code_by_code("cross.fund_vs_income_column", inc, ("gov_fund",), fund, "total", "“政府性基金”列")
