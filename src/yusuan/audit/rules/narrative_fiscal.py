"""财政拨款收支预算总体情况说明 against the 财政拨款收支总表."""
from __future__ import annotations

from ...model import TableKind
from ..catalog import rule
from ..claims.checks import against_cell, need_section
from ..findings import Severity
from ..tablekit import find_row, key

# key -> (side, row labels, column)
WHERE = {
    "财政拨款收支总预算": ("income", ("收入总计",), "amount"),
    "一般公共预算拨款": ("expenditure", ("支出总计",), "general_public"),
    "政府性基金预算拨款": ("expenditure", ("支出总计",), "gov_fund"),
    "国有资本经营预算拨款": ("expenditure", ("支出总计",), "state_capital"),
    "当年拨款收入": ("income", ("本年收入合计",), "amount"),
    "上年结转": ("income", ("上年财政拨款结转", "上年结转"), "amount"),
}


def _counts_carry_over(a) -> bool:
    """西安: “当年财政拨款收入337,741.21万元，其中：一般公共预算拨款收入324,638.50万元、上年结转13,102.70万元”
    — the stated whole lists the carry-over among its parts, so it is the 收入总计, not 本年收入合计."""
    rest = a.sentence.text[a.end:]
    return "上年结转" in rest.split("。")[0].split("较上年")[0] and "其中" in rest[:8]


@rule("narrative.fiscal_totals", family="narrative", title="说明中的财政拨款收支与财政拨款收支总表一致",
      severity=Severity.ERROR)
def check(d, ctx):
    """“财政拨款收支预算总体情况说明”的总额、按来源（一般公共预算、政府性基金预算、国有资本经营预算，
    含上年结转）、当年拨款与上年结转，以及“支出包括”所列各类支出，与《财政拨款收支总表》比对。

    为什么：财政拨款是预算公开的核心，说明须复述表中数字。
    “当年拨款收入”其后“其中：”列有上年结转时（西安），即指含结转的收入总计。
    容差：同一数字两处印刷，按末位半个单位。说明中的支出类名在表中找不到时报警告。
    例：“政府性基金预算拨款1,402.82万元”对应支出总计行“政府性基金预算”列1402.82（含上年结转489.07）。
    """
    sf = need_section(d, "财政拨款收支")
    t = ctx.require(TableKind.FISCAL_SUMMARY)
    classes = {key(r.label): r for r in t.rows if r.side == "expenditure" and r.role.value == "item"}
    for a in sf.amounts():
        if a.key in WHERE:
            side, labels, column = WHERE[a.key]
            if a.key == "当年拨款收入" and _counts_carry_over(a):
                labels = ("收入总计",)
            row = find_row(t, *labels, side=side)
            if row is not None:
                yield against_cell("narrative.fiscal_totals", a, t, row, column, f"《{t.title}》“{row.label}”行")
        elif a.key is None and a.subject.endswith("支出"):
            row = classes.get(key(a.subject.split("：")[-1]))
            if row is not None:
                yield against_cell("narrative.fiscal_totals", a, t, row, "total", f"《{t.title}》“{row.label}”行")
