"""A zero amount said to have grown: ``0万元，比2022年增加1421.25万元`` cannot be."""
from __future__ import annotations

from ..catalog import rule
from ..claims import narrative
from ..claims.checks import at
from ..findings import Finding, Severity


@rule("wording.zero_with_increase", family="wording", title="金额为零却称比上年增加", severity=Severity.ERROR)
def check(d, ctx):
    """说明中一项金额为0，紧接着却说它比上年“增加”“增长”若干（增加额大于0）。从上年增加到0是不可能的：
    要么金额写错，要么增减方向写反（应为减少）。“0万元，比上年减少0.54万元”是可能的，不报。

    为什么：这类句子多是改模板时只改了金额没改后半句。
    容差：无。
    例：“公务用车购置费0万元，比2022年增加1421.25万元”，报错误。
    """
    for sf in narrative(d):
        for f in sf.sentences:
            for c in f.changes:
                if (c.of is not None and c.of.value == 0 and c.sign == 1 and c.value
                        and c.of.end <= c.start):
                    yield Finding("wording.zero_with_increase", Severity.ERROR,
                                  f"说明中“{c.of.label}{c.of.text.strip()}”为零，却说“{c.direction}{c.text.strip()}”：从上年增加不可能得到零，"
                                  "金额或增减方向有误。", (at(f.sentence, c.start),))
