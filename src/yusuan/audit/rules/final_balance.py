"""决算 balances: 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余 (and 总计 alike on both sides)."""
from __future__ import annotations

from ...model import Amount, Row, Table
from ..catalog import NotApplicable, rule
from ..compare import check_sum
from ..final_kit import EX, IN, row_named
from ..findings import Severity
from ..stage import require_final
from ..tablekit import K, cell, where

# Per summary table: the income side's parts, the expenditure side's parts (labels as printed).
SUMMARIES = {
    K.INCOME_EXPENDITURE_SUMMARY: (("本年收入合计", "使用非财政拨款结余", "年初结转和结余"),
                                   ("本年支出合计", "结余分配", "年末结转和结余")),
    K.FISCAL_SUMMARY: (("本年收入合计", "年初财政拨款结转和结余"), ("本年支出合计", "年末财政拨款结转和结余")),
}
FUNDS = (K.FUND_EXPENDITURE, K.STATE_CAPITAL_EXPENDITURE)


def _side(t: Table, labels: tuple[str, ...], side: str, column: str) -> list[tuple[Row, Amount | None]]:
    return [(r, r.amount(column)) for label in labels if (r := row_named(t, label, side=side))]


def _income_column(t: Table) -> str | None:
    """The income side's figure column: ``amount``, or the one headed 金额 beside a 行次 column (国家信访局's
    财政拨款收入支出决算总表: 项目 | 行次 | 金额, read as col2 and col3)."""
    if t.column("amount") is not None:
        return "amount"
    return next((c.key for c in t.amount_columns(IN) if c.label.split("/")[-1] in ("金额", "决算数")), None)


def _summary(t: Table, income: tuple[str, ...], spending: tuple[str, ...]):
    column = _income_column(t)
    ins, outs = (_side(t, income, IN, column) if column else []), _side(t, spending, EX, "total")
    if not ins or not outs:
        return
    # income parts = spending parts  ⇔  本年收入合计 + … = Σ spending parts (the first income part is the head)
    head, head_amount = outs[0]
    parts = [a for _, a in ins] + [Amount(-a.value, a.unit, a.places) for _, a in outs[1:] if a is not None]
    names = " + ".join(r.label for r, _ in ins) + (" − " + " − ".join(r.label for r, _ in outs[1:]) if outs[1:] else "")
    f = check_sum("final.balance", total=head_amount, parts=parts, unit=t.unit,
                  subject=f"《{t.title}》本年支出合计应等于{names}", locations=[cell(t, head, "total")])
    if f:
        yield f


def _fund_rows(t: Table):
    for r in t.rows:
        if any(r.amount(c) for c in ("opening", "income", "total", "closing")):
            parts = [r.amount("opening"), r.amount("income")]
            closing = r.amount("closing")
            if closing is not None:
                parts.append(Amount(-closing.value, closing.unit, closing.places))
            f = check_sum("final.balance", total=r.amount("total"), parts=parts, unit=t.unit,
                          subject=f"{where(t, r, 'total')}应等于年初结转和结余 + 本年收入 − 年末结转和结余",
                          locations=[cell(t, r, "total")])
            if f:
                yield f


@rule("final.balance", family="final", title="决算：年初结转结余、本年收支与年末结转结余不平衡", severity=Severity.ERROR)
def check(d, ctx):
    """决算的收支平衡：《收入支出决算总表》本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 = 本年支出合计 +
    结余分配 + 年末结转和结余；《财政拨款收入支出决算总表》本年收入合计 + 年初财政拨款结转和结余 = 本年支出合计 +
    年末财政拨款结转和结余；政府性基金、国有资本经营预算财政拨款收入支出决算表逐行 年初结转和结余 + 本年收入 =
    本年支出 + 年末结转和结余。

    为什么：决算的本年支出可以动用年初结余，本年收入可以留作年末结余，这是决算特有的恒等式；预算的
    “收入=支出”规则不适用于决算。
    容差：印刷数四舍五入误差之和，以内为尾差提示，超出上限为错误。
    例：本年支出合计9759.38 = 本年收入合计9746.50 + 年初结转和结余112.88 − 年末结转和结余100.00。
    """
    require_final(d)
    seen = False
    for kind, (income, spending) in SUMMARIES.items():
        for t in ctx.tables_of(kind):
            seen = True
            yield from _summary(t, income, spending)
    for kind in FUNDS:
        for t in ctx.tables_of(kind):
            seen = True
            yield from _fund_rows(t)
    if not seen:
        raise NotApplicable("没有决算收支总表")
