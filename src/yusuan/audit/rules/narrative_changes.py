"""Year-on-year changes: the amount and the percentage must describe the same last-year figure."""
from __future__ import annotations

from ...model import Amount, MoneyUnit
from ..catalog import rule
from ..claims import narrative
from ..claims.checks import at, check_percent
from ..compare import fmt
from ..findings import Finding, Severity

W = MoneyUnit.WAN_YUAN


def pairs(d):
    """(amount change, percent change or None) for every change of a stated amount."""
    for sf in narrative(d):
        changes = [c for c in sf.changes if c.of is not None]
        for c in changes:
            if c.kind != "amount":
                continue
            pct = next((p for p in changes if p.kind == "percent" and p.of is c.of and p.start > c.start
                        and p.sentence == c.sentence), None)
            yield c, pct


@rule("narrative.change_implied", family="narrative", title="增减额与增减率隐含的上年数不一致", severity=Severity.ERROR)
def check(d, ctx):
    """“本年a万元，比上年增加b万元，增长p%”：上年数为a−b，增长率应为b÷(a−b)。说明未写出上年数时，
    用本年数和增减额推算上年数，再重算增减率。

    上年为零（本年新设）时，“增加a万元，增长100%”是通行写法，不报。本年与增减额都为零（两年均无此项）也不报。

    为什么：增减额和增减率分别计算、分别抄写，二者不一致说明其中一个印错。
    容差：增减率按印刷位数末位半个单位，加上本年数、增减额舍入对比率的影响；以内为尾差（提示）。
    例：“收入总计4,411.49万元……比上年增加934.33万元，增长26.87%”：上年3,477.16万元，
    934.33÷3477.16=26.87%，一致。增加额等于本年数（上年为零的新增项目）而写“增长100%”，按惯例只作提示。
    """
    for c, pct in pairs(d):
        if pct is None or c.previous is not None or c.signed is None:
            continue
        prev = c.of.value - c.signed
        if prev == 0 and c.signed == 0:
            continue  # 0 this year, 0 more than last year (泉州: “预算安排0.00万元，比上年增加0.00万元”): nothing either year
        if prev == 0 and c.signed > 0 and pct.value == 100:
            yield Finding("narrative.change_implied", Severity.INFO,
                          f"说明中{c.of.label}{fmt(c.of.value)}万元“{c.text}”，上年数为零（新增），按惯例写作增长100%；"
                          "严格地说增长率无法计算，可写作“新增”。", (at(c.sentence, c.start),))
            continue
        if prev <= 0:
            yield Finding("narrative.change_implied", Severity.ERROR,
                          f"说明中{c.of.label}{fmt(c.of.value)}万元“{c.text}”，推算的上年数为{fmt(prev)}万元，不可能为零或负数。",
                          (at(c.sentence, c.start),))
            continue
        part = Amount(c.value, W, c.places)
        whole = Amount(prev, W, max(c.of.amount.places, c.places))
        yield check_percent("narrative.change_implied", stated=pct.value, places=pct.places, part=part, whole=whole,
                            subject=f"说明中{c.of.label}“{c.text}”对应的增减率“{pct.text}”（上年数推算为{fmt(prev)}万元）",
                            locations=(at(pct.sentence, pct.start),))


@rule("narrative.change_quoted", family="narrative", title="增减额或增减率按所写上年数算不出", severity=Severity.ERROR)
def check_quoted(d, ctx):
    """“本年a万元，比2024年预算p万元减少b万元，下降r%”：增减额应为a−p，增减率应为(a−p)÷p。

    为什么：说明写出了比较年份的金额时，增减额和增减率都能直接验算。
    容差：增减额按各数末位半个单位之和；增减率按印刷位数末位半个单位加金额舍入影响；以内为尾差。
    方向词未定（“下降(增长)”）时按数值大小比较，方向另由 wording.template_alternative 报告。
    例：“机关运行经费40.68万元，比2024年预算40.72万元减少0.04万元，下降(增长)0.001%”：
    减少0.04正确；0.04÷40.72=0.098%，说明写0.001%，错误。
    """
    for sf in narrative(d):
        for c in sf.changes:
            if c.previous is None or c.of is None or c.kind == "same":
                continue
            delta = c.of.value - c.previous.value
            if c.kind == "amount":
                yield _amount(c, delta)
            elif c.kind == "percent" and c.previous.value:
                part = Amount(abs(delta), W, max(c.of.amount.places, c.previous.amount.places))
                yield check_percent("narrative.change_quoted", stated=c.value, places=c.places, part=part,
                                    whole=c.previous.amount, locations=(at(c.sentence, c.start),),
                                    subject=f"说明中{c.of.label}{fmt(c.of.value)}万元比上年{fmt(c.previous.value)}万元的增减率“{c.text}”")


def _amount(c, delta):
    stated = c.value if c.sign is None else c.signed
    expected = abs(delta) if c.sign is None else delta
    if stated == expected:
        return None
    tol = c.of.amount.tolerance + c.previous.amount.tolerance + c.tolerance
    sev = Severity.INFO if abs(stated - expected) <= tol else Severity.ERROR
    tail = "，属尾差。" if sev is Severity.INFO else "。"
    return Finding("narrative.change_quoted", sev,
                   f"说明中{c.of.label}{fmt(c.of.value)}万元比上年{fmt(c.previous.value)}万元，增减额应为{fmt(expected)}万元，"
                   f"说明写为“{c.text}”{tail}", (at(c.sentence, c.start),), expected=expected, actual=stated,
                   difference=stated - expected, tolerance=tol, unit="万元")
