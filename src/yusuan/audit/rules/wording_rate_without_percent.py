"""A rate printed without its percent sign: ``增长 13.95。``"""
from __future__ import annotations

import re

from ..catalog import rule
from ..claims import sentences
from ..claims.checks import at
from ..findings import Finding, Severity

# A change or completion word, then a decimal figure, then the clause ends: the % was left out. A gap
# before the clause's end is where a glyph stands that the text layer does not give (西安's 人社局 2020
# prints ``减少 12.95% ，`` and its text reads ``减少 12.95 ，``): not known to be missing, not matched.
BARE_RATE = re.compile(r"(?:增长|下降|上升|降低|提高|减少|增加|完成[^，。；]{0,8}的|占[^，。；]{0,12}?)\s*(\d+\.\d+)(?=[。，；,;）)]|$)")
# An amount with its unit then a bracket: the figures inside break it down in that unit
# (``专项业务费减少 37.45 万元（生产力中心减少 11.95，…减少 25.50）``).
BROKEN_DOWN = re.compile(r"\d\s*(?:万元|亿元|元)\s*[（(][^（）()]*$")


@rule("wording.rate_without_percent", family="wording", title="百分比缺少百分号", severity=Severity.WARNING)
def check(d, ctx):
    """“增长”“下降”“完成……的”“占”之后的小数没有百分号也没有单位，句子就结束了（“增长 13.95。”）。

    为什么：读者无法判断是13.95%还是13.95万元；也常是编辑时删掉了“%”。
    容差：带单位（万元、个、人次）的数字、紧跟金额的括号中分列的数字（“37.45 万元（生产力中心减少 11.95，……）”）
    不算；数字与句读之间有空隙的不报（文字层缺字，百分号可能印着但读不出）。
    例：“与2023年度相比，一般公共预算财政拨款支出增加1193.20万元，增长13.95。”，报警告。
    """
    for s in sentences(d):
        seen: set[str] = set()
        for m in BARE_RATE.finditer(s.text):
            said = m.group(0).strip()
            if said not in seen and not BROKEN_DOWN.search(s.text, 0, m.start(1)):
                seen.add(said)
                yield Finding("wording.rate_without_percent", Severity.WARNING, f"说明中“{said}”的数字后缺少“%”。", (at(s, m.start()),))
