"""This year's 说明 against last year's tables: the last-year figure a change implies is the one
last year's publication printed."""
from __future__ import annotations

from ...model import Amount, MoneyUnit, TableKind
from ..across_kit import headline_cell, qualifiers, require_previous, which
from ..catalog import NotApplicable, rule
from ..claims import narrative
from ..claims.checks import at, check_percent
from ..compare import judge
from ..final_kit import item_row
from ..tablekit import cell, where
from ..findings import Severity

W = MoneyUnit.WAN_YUAN


def last_year_cell(prev, c):
    """The cell of last year's publication that prints what the change compares with, or None."""
    subject = c.of.subject
    if "（项）" in subject or "(项)" in subject:
        t = prev.table(TableKind.GENERAL_EXPENDITURE)
        r = item_row(t, subject) if t is not None else None
        return (t, r, "total") if r is not None and r.amount("total") is not None else None
    return headline_cell(prev, c.of.key, subject)


def _implied(c):
    """(last year's amount the change implies, its rounding) or None."""
    if c.previous is not None:
        return c.previous.value, c.previous.amount.tolerance
    if c.kind in ("amount", "same") and c.signed is not None and c.unit in ("万元", ""):
        return c.of.value - c.signed, c.of.amount.tolerance + (c.tolerance if c.kind == "amount" else 0)
    return None


@rule("across.last_year_claims", family="across", title="说明中的上年数、增减额或增减率与上年公开的表不一致", severity=Severity.WARNING)
def check(d, ctx):
    """给出同一单位上一年的公开文件时，本年说明中“比2024年预算增加/减少b万元”“与上年持平”隐含的上年数
    （本年数−增减额，或句中写明的上年数），应等于上年文件表中同一项目印的数；“增长/下降p%”应等于
    （本年数−上年表中数）÷上年表中数。项目按科目（“类（类）款（款）项（项）”找上年《一般公共预算支出表》同名
    的项）或按名称（“三公”经费及各项、机关运行经费、收入总计、支出总计、一般公共预算拨款）对应；带“政府性基金”
    “财政拨款”“执行数”等限定词而与表中数口径不同的句子不比对。

    为什么：增减额和增减率以上年公开的预算为基数；与上年公开的数不符，说明用了调整后的数、执行数或算错了。
    上年预算可能在年中调整，因此超出容差只报警告。
    容差：本年数、增减额、上年表中数各自末位半个单位之和，以内为尾差提示。
    例：万里街道2025年说明““三公”经费预算数为37.91万元，比2024年预算减少10万元”，隐含上年47.91万元；
    2024年《“三公”经费和机关运行经费预算表》合计47.91万元，一致。
    """
    prev = require_previous(ctx)
    found = False
    for sf in narrative(d):
        for c in sf.changes:
            if c.of is None or "执行" in c.sentence.text[c.of.end:c.start] or "决算" in qualifiers(c.of.subject):
                continue
            place = last_year_cell(prev, c)
            if place is None:
                continue
            t, r, col = place
            then = r.amount(col)
            found = True
            what = f"{which(prev)}{where(t, r, col)}"
            locations = (at(c.sentence, c.start), cell(t, r, col))
            if c.kind == "percent":
                now = c.of.amount.to(W)
                if then.to(W) and c.sign is not None:
                    part = Amount(abs(now - then.to(W)), W, max(c.of.amount.places, then.places))
                    f = check_percent("across.last_year_claims", stated=c.value, places=c.places, part=part,
                                      whole=Amount(then.to(W), W, then.places), locations=locations,
                                      subject=f"说明中{c.of.label}“{c.text}”（本年{c.of.text}，上年按{what}）",
                                      beyond=Severity.WARNING)
                    if f:
                        yield f
                continue
            implied = _implied(c)
            if implied is None:
                continue
            value, tol = implied
            f = judge("across.last_year_claims", expected=then.to(W), actual=value, unit=W,
                      tolerance=tol + then.tolerance * then.unit.in_yuan / W.in_yuan,
                      subject=f"说明中{c.of.label}“{c.text}”隐含的上年数应等于{what}", locations=locations,
                      beyond=Severity.WARNING)
            if f:
                yield f
    if not found:
        raise NotApplicable("说明中没有能与上年表格对应的增减")
