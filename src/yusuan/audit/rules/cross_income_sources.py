"""收支总表 and 财政拨款收支总表 income lines against the 收入总表's 合计 row, source by source."""
from __future__ import annotations

from ...model import Disclosure, Row, RowRole, Table, rounding_tolerance
from ..catalog import NotApplicable, rule
from ..context import AuditContext
from ..findings import Severity
from ..tablekit import K, agree, find_row, has_column, key, side_rows

IN = "income"
# Printed income line (key) → 收入总表 column.
SOURCES = {"一般公共预算": "general_public", "一般公共预算资金": "general_public", "政府性基金预算": "gov_fund",
           "政府性基金": "gov_fund", "国有资本经营预算": "state_capital", "财政专户管理资金": "special_account",
           "单位资金": "unit_funds",
           # Shanghai: 财政拨款收入 (with 1. 2. 3. under it), 事业收入, 事业单位经营收入, 其他收入
           "财政拨款收入": "fiscal", "事业收入": "business_income", "事业单位经营收入": "operating_income",
           "其他收入": "other_income"}


def income_lines(t: Table) -> list[tuple[Row, str]]:
    """The income side's source lines before its 本年收入合计 (or 收入总计), with the 收入总表 column
    they match (a Shanghai 财政拨款收入 heading included)."""
    out = []
    for r in side_rows(t, IN):
        if r.role in (RowRole.SUBTOTAL, RowRole.TOTAL):
            break
        col = SOURCES.get(key(r.label))
        if col:
            out.append((r, col))
    return out


def carried_line(t: Table, col: str) -> Row | None:
    """The line under the income side's 上年结转 heading for the source `col` (重庆's （一）一般公共预算拨款
    under 二、上年结转), or None."""
    rows = side_rows(t, IN)
    head = next((i for i, r in enumerate(rows) if "结转" in r.label), None)
    if head is None:
        return None
    for r in rows[head + 1:]:
        if r.role in (RowRole.SUBTOTAL, RowRole.TOTAL):
            break
        if SOURCES.get(key(r.label).removesuffix("拨款")) == col:
            return r
    return None


def with_carry_agrees(this_year: Row, carried: Row | None, other: Row, column: str, other_column: str) -> bool:
    """Whether `other` prints this year's amount plus the carried-over one (重庆's 收入总表 and 一般公共预算
    支出情况表 count the 上年结转 of each source with it): a convention, not a slip."""
    parts = [this_year.amount(column), carried.amount(column) if carried else None]
    whole = other.amount(other_column)
    if parts[0] is None or parts[1] is None or whole is None or not parts[1].value:
        return False
    printed = [a for a in (*parts, whole) if a is not None]
    return abs(parts[0].value + parts[1].value - whole.value) <= rounding_tolerance(printed)


CARRIED_SOURCES = ("carry_over", "cash_balance", "fund_offset")


def counts_carried(t: Table, row: Row) -> bool:
    """Whether a table by source counts carried-over money in its row's 合计 (西安's 收入总表 and 支出总表:
    上年结转 and 上年实户资金余额 columns with figures): its 合计 is then the summary's 总计, not its 本年合计."""
    return any((a := row.amount(c)) is not None and a.value for c in CARRIED_SOURCES if t.column(c))


def _income_total(ctx: AuditContext) -> tuple[Table, Row]:
    return ctx.require_total(K.INCOME_SUMMARY)


@rule("cross.summary_sources_vs_income_table", family="cross", title="收支总表收入各项与收入总表不一致",
      severity=Severity.ERROR)
def summary_sources_vs_income_table(d: Disclosure, ctx: AuditContext):
    """收支总表收入方每一资金来源（一般公共预算、政府性基金预算、国有资本经营预算、财政专户管理资金、单位资金），
    以及“本年收入合计”和“上年结转”，应分别等于收入总表“合计”行的相应列（上海：财政拨款收入、事业收入、
    事业单位经营收入、其他收入，没有结转时收入总计等于收入总表合计；西安的收入总表合计含上年结转和上年实户
    资金余额，即与收入总计比对）。同一数额两处印刷，不等即为错误。
    例：收支总表“一、一般公共预算”3008.67 = 收入总表合计行“一般公共预算”3008.67；上年结转489.07 = 收入总表
    合计行“上年结转”489.07。"""
    s = ctx.require(K.INCOME_EXPENDITURE_SUMMARY)
    inc, total = _income_total(ctx)
    pairs = [(r, col) for r, col in income_lines(s) if has_column(inc, col)]
    for label, col in (("本年收入合计", "total"), ("上年结转", "carry_over")):
        r = find_row(s, label, side=IN)
        if r is not None and has_column(inc, col):
            pairs.append((r, col))
    if find_row(s, "本年收入合计", side=IN) is None and find_row(s, "上年结转", side=IN) is None:
        grand = find_row(s, "收入总计", side=IN)  # no carry-over printed: 收入总计 is this year's income
        if grand is not None:
            pairs.append((grand, "total"))
    grand = find_row(s, "收入总计", "收入合计", side=IN)  # 泉州 prints 本年收入合计 … 收入合计
    for r, col in pairs:
        f = agree("cross.summary_sources_vs_income_table", (s, r, "amount"), (inc, total, col))
        if f and col == "total" and grand is not None and counts_carried(inc, total):
            f = agree("cross.summary_sources_vs_income_table", (s, grand, "amount"), (inc, total, col))
        if f:
            yield f


@rule("cross.fiscal_sources_vs_income_table", family="cross", title="财政拨款收支总表收入各项与收入总表不一致",
      severity=Severity.ERROR)
def fiscal_sources_vs_income_table(d: Disclosure, ctx: AuditContext):
    """财政拨款收支总表收入方的一般公共预算、政府性基金预算、国有资本经营预算（本年部分）应分别等于收入总表
    “合计”行的相应列：财政拨款收入就是收入总表中这三类资金。同一数额两处印刷，不等即为错误。
    收入总表把某一来源的上年结转并入该列时（重庆：一般公共预算拨款收入 = 本年一般公共预算资金 + 上年结转的
    一般公共预算拨款），本年数加结转数等于该列即为一致。
    例：财政拨款收支总表“二、政府性基金预算”913.75 = 收入总表合计行“政府性基金”913.75；重庆市人民政府办公厅
    2026：17,552.65 + 上年结转865.06 = 收入总表一般公共预算拨款收入18,417.70（尾差0.01）。"""
    f_t = ctx.require(K.FISCAL_SUMMARY)
    inc, total = _income_total(ctx)
    for r, col in income_lines(f_t):
        if has_column(inc, col):
            f = agree("cross.fiscal_sources_vs_income_table", (f_t, r, "amount"), (inc, total, col))
            if f and not with_carry_agrees(r, carried_line(f_t, col), total, "amount", col):
                yield f


@rule("cross.fiscal_carryover_vs_summary", family="cross", title="上年财政拨款结转超过收支总表的上年结转",
      severity=Severity.ERROR)
def fiscal_carryover_vs_summary(d: Disclosure, ctx: AuditContext):
    """财政拨款收支总表的“上年财政拨款结转”不应大于收支总表的“上年结转”：后者包括财政拨款结转和其他资金结转。
    两者相等最常见；前者较小说明有非财政拨款结转，不报告；前者较大即为错误。
    例：上年财政拨款结转489.07，收支总表上年结转489.07，一致。"""
    f_t, s = ctx.require(K.FISCAL_SUMMARY), ctx.require(K.INCOME_EXPENDITURE_SUMMARY)
    fc, sc = find_row(f_t, "上年财政拨款结转", side=IN), find_row(s, "上年结转", side=IN)
    if fc is None or sc is None:
        raise NotApplicable("缺少上年结转行")
    a, b = fc.amount("amount"), sc.amount("amount")
    if a is not None and a.value > (b.value if b else 0):
        f = agree("cross.fiscal_carryover_vs_summary", (s, sc, "amount"), (f_t, fc, "amount"),
                  what=f"《{f_t.title}》上年财政拨款结转不应大于《{s.title}》上年结转")
        if f:
            yield f
