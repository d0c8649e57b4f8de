"""Subject names that were renamed or retired, still printed in the narrative."""
from __future__ import annotations

from ...reference.retired import RETIRED
from ..catalog import rule
from ..claims import sentences
from ..claims.checks import at, printed_offset
from ..findings import Finding, Severity
from ..tablekit import key


@rule("wording.retired_subject", family="wording", title="使用已停用的科目或预算名称", severity=Severity.WARNING)
def check(d, ctx):
    """说明中出现已更名或停用的科目、预算名称（如“医疗卫生与计划生育支出”已于2019年更名为“卫生健康支出”，
    “公共财政预算”已改称“一般公共预算”）。名单随规则附出处。

    为什么：用旧名说明文字沿用了多年前的模板，对应的数字也可能未更新。
    容差：名称比较忽略空白与标点；只对更名年份之后的文件报告。
    例：2025年预算说明写“医疗卫生与计划生育支出39.06万元”。
    """
    year = d.meta.year or 0
    for s in sentences(d):
        text = key(s.text)
        for r in RETIRED:
            if year >= r.since and key(r.name) in text:
                yield Finding("wording.retired_subject", Severity.WARNING,
                              f"说明中使用了已停用的名称“{r.name}”，自{r.since}年起应为“{r.current}”（{r.source}）。",
                              (at(s, printed_offset(s.text, r.name)),))
