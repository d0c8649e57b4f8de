"""A district's publication calling itself 市级: ``市级部门预算`` in a 上海市普陀区 document."""
from __future__ import annotations

import re

from ..catalog import NotApplicable, rule
from ..claims import sentences
from ..claims.checks import at
from ..claims.lines import printed_lines
from ..findings import Finding, Severity

# 上海市普陀区司法局, 泉州市鲤城区…: a body of a district (区) or county (县) of a city
DISTRICT = re.compile(r"[市州](?:[^市州]{1,6}?)[区县](?!域)")
CITY_LEVEL = re.compile(r"市级(?:部门|单位|预算单位|行政单位|事业单位|机关|部门预算|单位预算)")


@rule("wording.government_level", family="wording", title="区（县）级文件中写成市级", severity=Severity.WARNING)
def check(d, ctx):
    """区（县）级部门的预算公开，在说明、标题或表头中称自己为“市级部门”“市级单位”“市级部门预算”。

    为什么：套用市级部门的模板或文稿后未改级次，读者会误以为是市级部门的公开。
    容差：“市级专项资金”“市级转移支付”等说资金来源的写法不算，只看称部门、单位或预算的“市级…”。
    例：上海市普陀区司法局的编制说明写“2026年市级部门预算编制说明”。
    """
    name = d.meta.organisation or ""
    if not DISTRICT.search(name) and "区级" not in d.meta.title:
        raise NotApplicable("不是区（县）级部门的公开")
    for s in sentences(d):
        m = CITY_LEVEL.search(s.text)
        if m:
            yield Finding("wording.government_level", Severity.WARNING,
                          f"{name}是区（县）级部门，说明中却写“{m.group(0)}”。", (at(s, m.start()),))
    seen: set[str] = set()
    for text, where in printed_lines(d):
        m = CITY_LEVEL.search(text)
        if m and text not in seen:
            seen.add(text)
            yield Finding("wording.government_level", Severity.WARNING,
                          f"{name}是区（县）级部门，“{text[:40]}”中却写“{m.group(0)}”。", (where,))
