"""Direction words (增加/减少, 增长/下降) against the sign of the change they describe."""
from __future__ import annotations

import re

from ..catalog import rule
from ..claims import narrative, sentences
from ..claims.checks import at
from ..compare import fmt
from ..findings import Finding, Severity

UP, DOWN = "增加/增长", "减少/下降"
_CHANGE = re.compile(r"(增加|增长|上升|减少|下降)\s*[\d.,]+\s*(?:万元|%|％)")
# a short reason that is itself only a direction: 经费增加, 支出减少, 业务量增加
_REASON = re.compile(r"原因(?:是|为)?\s*[：:]?\s*([\u4e00-\u9fff]{0,8}?(增加|增长|上升|减少|下降))\s*[。；;]?$")
_UP = ("增加", "增长", "上升")


@rule("narrative.change_direction", family="narrative", title="增减方向词与实际增减相反", severity=Severity.ERROR)
def check(d, ctx):
    """增减方向须一致：写明上年数时，“增加/增长”要求本年数大于上年数，“减少/下降”要求小于；
    同一金额的增减额和增减率方向词须相同（不能“增加x万元，下降y%”）；“与上年相同”要求增减为零。

    为什么：方向词写反，读者会得到与事实相反的结论。
    容差：无（方向是定性的）；方向词未定（“增加（减少）”）不在此报告，见 wording.template_alternative。
    例：“比2024年预算40.72万元减少0.04万元”：40.68<40.72，方向正确；若写“增加0.04万元”则报错误。
    原因只写一个方向（“主要原因是：经费增加。”）而所说明的增减是反方向的（“比2025年预算执行数减少0.66%”），
    报警告：原因与增减自相矛盾，多是照抄了别项的原因。
    """
    for sf in narrative(d):
        changes = [c for c in sf.changes if c.of is not None and c.sign is not None]
        for c in changes:
            if c.previous is not None and c.kind != "same":
                delta = c.of.value - c.previous.value
                if delta and (delta > 0) != (c.sign > 0):
                    yield Finding("narrative.change_direction", Severity.ERROR,
                                  f"说明中{c.of.label}本年{fmt(c.of.value)}万元、上年{fmt(c.previous.value)}万元，"
                                  f"实际{'增加' if delta > 0 else '减少'}，说明却写“{c.text}”。", (at(c.sentence, c.start),))
        for c in changes:
            if c.kind != "amount":
                continue
            # its rate is the first one after it (广州: “增加948.35万元，增长23%，…则减少64.62万元，下降1.26%”: two pairs)
            p = next((p for p in changes if p.kind == "percent" and p.of is c.of and p.sentence == c.sentence
                      and p.start > c.start), None)
            if p is not None and p.sign != c.sign:
                yield Finding("narrative.change_direction", Severity.ERROR,
                              f"说明中{c.of.label}的增减额“{c.text}”与增减率“{p.text}”方向相反。", (at(c.sentence, c.start),))
        yield from _reasons(sf.section)
        for c in sf.changes:
            if c.kind == "same" and c.of is not None and c.previous is not None and c.of.value != c.previous.value:
                yield Finding("narrative.change_direction", Severity.ERROR,
                              f"说明称{c.of.label}“{c.text}”，但本年{fmt(c.of.value)}万元与上年{fmt(c.previous.value)}万元不同。",
                              (at(c.sentence, c.start),))


def _reasons(section):
    """A change (增加/减少 with its figure) followed, in its sentence or the next, by a reason that is only
    the opposite direction (经费增加 for a fall)."""
    said = list(sentences([section]))
    for s, following in zip(said, [*said[1:], None]):
        changes = list(_CHANGE.finditer(s.text))
        if not changes:
            continue
        tail = s.text[changes[-1].end():]
        reason = _REASON.search(tail) or (_REASON.search(following.text) if following is not None
                                          and following.text.startswith(("主要原因", "原因")) else None)
        if reason is None:
            continue
        up, said_up = changes[-1].group(1) in _UP, reason.group(2) in _UP
        if up != said_up:
            yield Finding("narrative.change_direction", Severity.WARNING,
                          f"说明中“{changes[-1].group(0)}”是{'增加' if up else '减少'}，所写原因却是“{reason.group(1)}”，"
                          "原因与增减方向相反。", (at(s, changes[-1].start()),))
