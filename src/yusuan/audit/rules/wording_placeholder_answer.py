"""Answers typed as placeholders: ``主要原因是qq。``, a project statement part printed as ``11``."""
from __future__ import annotations

import re

from ..catalog import rule
from ..claims import sentences
from ..claims.checks import at
from ..findings import Finding, Location, Severity

# a reason or use whose whole content is a few Latin letters or digits (a filler typed to get past a form)
FILLER = r"[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]{1,6}"
_ANSWER = re.compile(r"(?:原因是|原因为|主要用于|用于|主要包括)\s*[：:]?\s*(" + FILLER + r")\s*[。.；;]?$")
_PART = re.compile(FILLER)
_YEAR = re.compile(r"(?:19|20)\d\d")
PARTS = (("项目概述", "overview"), ("立项依据", "basis"), ("实施主体", "implementer"), ("实施方案", "plan"),
         ("实施周期", "period"), ("绩效目标", "target"))


@rule("wording.placeholder_answer", family="wording", title="应写的内容只填了字母或数字", severity=Severity.ERROR)
def check(d, ctx):
    """“主要原因是”“主要用于”之后只写了几个字母或数字就结束（“主要原因是qq。”“主要用于11。”），或项目经费情况
    说明的某一部分（项目概述、立项依据、实施主体、实施方案、实施周期、绩效目标）整段只有几个字母或数字（“11”）。

    为什么：这是编写时为通过填报而随手键入的占位内容，公开出去读者读不到任何说明。
    容差：实施周期只写年份（“2026”）不算；带有汉字的内容不算。
    例：“公务接待费0.83万元，比2025年预算减少0.10万元，主要原因是qq。”；人民调解项目的“立项依据”整段为“11”。
    """
    for s in sentences(d):
        m = _ANSWER.search(s.text)
        if m:
            yield Finding("wording.placeholder_answer", Severity.ERROR,
                          f"句子“{s.short}”在应写原因或用途处只写了“{m.group(1)}”，不是实际内容。", (at(s, m.start(1)),))
    for st in d.project_statements:
        for name, field in PARTS:
            text = getattr(st, field).strip()
            if _PART.fullmatch(text) and not (field == "period" and _YEAR.fullmatch(text)):
                title = f"{st.name}项目经费情况说明" if st.name else "项目经费情况说明"
                yield Finding("wording.placeholder_answer", Severity.ERROR,
                              f"《{title}》的“{name}”只写了“{text}”，不是实际内容。",
                              (Location.of_provenance(st.provenance, sentence=f"{name}：{text}"),))
