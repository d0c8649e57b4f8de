"""The change of a total equals the changes of its items (“三公”经费 = its three items)."""
from __future__ import annotations

from decimal import Decimal

from ..catalog import rule
from ..claims import narrative
from ..claims.checks import at
from ..compare import fmt, money
from ..findings import Finding, Severity
from .narrative_parts import find_identities


def _change(sf, amount):
    """The signed change stated for an amount (a ``same`` counts as zero), or None."""
    for c in sf.changes:
        if c.of is amount and c.kind in ("amount", "same") and c.signed is not None:
            return c
    return None


@rule("narrative.change_parts", family="narrative", title="总额的增减不等于各分项增减之和", severity=Severity.ERROR)
def check(d, ctx):
    """说明对总额和它的每个分项都写了比上年增减额时，各分项增减额之和应等于总额的增减额
    （“与上年预算数相同”按0计）。

    为什么：“三公”经费的增减原因要落到具体项目上，分项之和对不上说明某项增减写错。
    容差：各增减额末位半个单位之和，以内为尾差（提示）。
    例：“三公”经费比2024年增加1.18万元，其中因公出国（境）费与上年相同、公务接待费增加0.80万元、
    公务用车购置及运行费增加0.38万元：0+0.80+0.38=1.18，一致。
    """
    for sf in narrative(d):
        for head, parts, _name in find_identities(sf):
            total = _change(sf, head)
            changes = [_change(sf, p) for p in parts]
            if total is None or total.kind == "same" and not any(changes) or not all(changes):
                continue
            expected = sum((c.signed for c in changes), Decimal(0))
            diff = total.signed - expected
            if diff == 0:
                continue
            tol = total.tolerance + sum((c.tolerance for c in changes if c.kind == "amount"), Decimal(0))
            sev = Severity.INFO if abs(diff) <= tol else Severity.ERROR
            items = "、".join(f"{p.label}{fmt(c.signed)}" for p, c in zip(parts, changes))
            yield Finding("narrative.change_parts", sev,
                          f"说明中{head.label}比上年增减{fmt(total.signed)}万元，而各分项增减之和为{money(expected)}万元"
                          f"（{items}）{'，属尾差' if sev is Severity.INFO else ''}。",
                          (at(total.sentence, total.start),), expected=expected, actual=total.signed, difference=diff,
                          tolerance=tol, unit="万元")
