"""Changes against last year's publication, when it is given: the implied last-year amount must be
the amount last year's narrative stated for the same subject."""
from __future__ import annotations

from ...model import MoneyUnit
from ..across_kit import qualifiers
from ..catalog import NotApplicable, rule
from ..claims import narrative
from ..claims.checks import at
from ..compare import judge
from ..findings import Location, Severity

W = MoneyUnit.WAN_YUAN


def last_year_amounts(previous) -> dict[str, list]:
    """Every stated amount per subject key in last year's narrative, in reading order."""
    out: dict[str, list] = {}
    for sf in narrative(previous):
        for a in sf.amounts():
            if a.key:
                out.setdefault(a.key, []).append(a)
    return out


@rule("narrative.change_vs_last_year", family="narrative", title="比上年增减与上年公开的数字不一致", severity=Severity.WARNING)
def check(d, ctx):
    """给出上年的预算公开文件时，说明中“比上年增加/减少b万元”隐含的上年数（本年数−增减额，或句中写明的
    上年数），应等于上年说明中同一项目（如“三公”经费、机关运行经费、收入总计）所写的金额。

    为什么：增减额是用上年数算的；与上年公开的数字不符，说明用了调整后的数或算错了。
    上年预算可能在年中调整，因此只报警告。
    容差：本年数、增减额、上年数各自末位半个单位之和；以内为尾差（提示）。带不同限定词（政府性基金、财政拨款、
    会议费……）的同名项目不比对；上年说明多处写同一项目（“三公”中的公务接待费与经济科目中的公务接待费）时，
    取与隐含上年数最接近的一处。
    例：2025年说明“机关运行经费40.68万元，比2024年预算40.72万元减少0.04万元”，而2024年说明写机关运行经费
    41.72万元，报警告。
    """
    if ctx.previous is None:
        raise NotApplicable("没有提供上年的公开文件")
    before = last_year_amounts(ctx.previous)
    if not before:
        raise NotApplicable("上年文件的说明中没有可比的金额")
    for sf in narrative(d):
        for c in sf.changes:
            if c.of is None or c.of.key not in before or c.kind == "percent":
                continue
            # 政府性基金拨款支出预算 is not last year's 支出预算 of the whole
            alike = [a for a in before[c.of.key] if qualifiers(a.subject) == qualifiers(c.of.subject)]
            if not alike:
                continue
            if c.previous is not None:
                implied, tol = c.previous.value, c.previous.amount.tolerance
            elif c.signed is not None:
                implied, tol = c.of.value - c.signed, c.of.amount.tolerance + (c.tolerance if c.kind == "amount" else 0)
            else:
                continue
            # the same subject stated several times (公务接待费 of the 三公 and as an economic item): the nearest
            then = min(alike, key=lambda a: abs(a.value - implied))
            yield judge("narrative.change_vs_last_year", expected=then.value, actual=implied,
                        tolerance=tol + then.amount.tolerance, unit=W,
                        subject=f"说明中{c.of.label}“{c.text}”隐含的上年数应等于上年说明所写的{then.label}{then.text}",
                        locations=(at(c.sentence, c.start), Location.of_provenance(then.sentence.provenance_at(then.start),
                                                                           sentence=then.sentence.short)),
                        beyond=Severity.WARNING)
