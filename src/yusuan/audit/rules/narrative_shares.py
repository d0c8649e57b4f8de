"""Every 占 x% the narrative states, recomputed from the amounts it states."""
from __future__ import annotations

from decimal import Decimal

from ..catalog import rule
from ..claims import narrative
from ..claims.checks import at, check_share
from ..compare import fmt
from ..findings import Finding, Severity


@rule("narrative.share_recomputed", family="narrative", title="说明中的占比与所述金额算出的不符", severity=Severity.ERROR)
def check(d, ctx):
    """说明中每一个“占x%”，用它前面的金额除以它所属的总额重算（总额是该列举的开头金额，
    如“预算收入4,411.49万元，主要包括……”中的4,411.49万元）。

    为什么：占比是读者最常引用的数字，印错的占比无法从表中发现。
    容差：按印刷位数四舍五入后相同为正确；在占比末位半个单位加上金额舍入造成的偏差以内为尾差（提示）；
    超出为错误。
    例：“一般公共预算拨款收入3,008.67万元，占68.20%”：3008.67÷4411.49=68.20%，正确；
    写成“占68.30%”则报错误。
    """
    for sf in narrative(d):
        for s in sf.shares:
            yield check_share("narrative.share_recomputed", s)


@rule("narrative.shares_total", family="narrative", title="同一总额下各项占比合计不是100%", severity=Severity.ERROR)
def check_total(d, ctx):
    """同一句列举中各项金额之和等于总额时，各项“占x%”之和应为100%。

    为什么：各项占比之和不为100%，说明某项占比印错或漏列。
    容差：n项各按末位半个单位舍入，合计可差n×0.5×10^-p，以内为尾差（提示），超出为错误。
    例：基本支出占24.92%、项目支出占75.08%，合计100.00%；一般公共预算四类支出占比合计100.01%，属尾差。
    """
    for sf in narrative(d):
        groups: dict[int, list] = {}
        for s in sf.shares:
            if s.base is not None and s.of is not None:
                groups.setdefault(id(s.base), []).append(s)
        for shares in groups.values():
            yield _judge(shares)


def _judge(shares) -> Finding | None:
    base = shares[0].base
    if base.value == 0:
        return None  # a whole of zero: its parts are zero too, and 占0% is all there is to say
    parts = sum((s.of.value for s in shares), Decimal(0))
    if len(shares) < 2 or abs(parts - base.value) > Decimal("0.005") * (len(shares) + 1):
        return None  # the items listed do not make up the whole (…等): no 100% to expect
    stated = sum((s.value for s in shares), Decimal(0))
    diff = stated - 100
    if diff == 0:
        return None
    tol = sum((s.tolerance for s in shares), Decimal(0))
    sev = Severity.INFO if abs(diff) <= tol else Severity.ERROR
    tail = f"，在各项四舍五入容差±{fmt(tol)}%以内，属尾差。" if sev is Severity.INFO else "，应有一项占比印错。"
    names = "、".join(f"{s.of.label}{fmt(s.value)}%" for s in shares)
    msg = f"说明中“{base.label}”下各项占比（{names}）合计为{fmt(stated)}%，而各项金额之和等于总额，应为100%{tail}"
    return Finding(rule="narrative.shares_total", severity=sev, message=msg, locations=(at(shares[0].sentence, shares[0].start),),
                   expected=Decimal(100), actual=stated, difference=diff, tolerance=tol, unit="%")
