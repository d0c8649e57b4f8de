"""A rate printed without its percent sign: ``增长 13.95。``"""
from __future__ import annotations

import re

from ..catalog import rule
from ..claims.checks import matches_in_text
from ..findings import Severity

# A change or completion word, then a decimal figure, then the clause ends: the % was left out.
BARE_RATE = re.compile(r"(?:增长|下降|上升|降低|提高|减少|增加|完成[^，。；]{0,8}的|占[^，。；]{0,12}?)\s*(\d+\.\d+)\s*(?=[。，；,;）)]|$)")


@rule("wording.rate_without_percent", family="wording", title="百分比缺少百分号", severity=Severity.WARNING)
def check(d, ctx):
    """“增长”“下降”“完成……的”“占”之后的小数没有百分号也没有单位，句子就结束了（“增长 13.95。”）。

    为什么：读者无法判断是13.95%还是13.95万元；也常是编辑时删掉了“%”。
    容差：无；带单位（万元、个、人次）的数字不算。
    例：“与2023年度相比，一般公共预算财政拨款支出增加1193.20万元，增长13.95。”，报警告。
    """
    return matches_in_text(d, "wording.rate_without_percent", BARE_RATE, Severity.WARNING,
                           lambda m: f"说明中“{m.group(0).strip()}”的数字后缺少“%”。")
