"""Headings and table titles name the document's year: ``2023年度部门决算表`` in a 2024 决算 is a slip."""
from __future__ import annotations

import re

from ...model import Stage
from ..catalog import NotApplicable, rule
from ..findings import Finding, Location, Severity

YEAR = re.compile(r"(?<!\d)(20\d\d)\s*年")


def _titles(d):
    for s in d.sections:
        yield s.title, Location.of_provenance(s.provenance, section=s.id)
    for t in d.tables:
        yield t.title, Location.of_table(t)
    for e in d.contents:
        yield e.title, Location.of_provenance(e.provenance)


@rule("wording.heading_year", family="wording", title="标题、表名中的年份与文件年度不符", severity=Severity.ERROR)
def check(d, ctx):
    """目录、章节标题和表格标题中的年份应是本文件的年度（2024年度部门决算的“第二部分 ××2024年度部门决算表”）。
    标题写成别的年份，多是沿用上年的文件没有改。

    为什么：标题是读者最先看到的地方；年份错了，整张表的口径都会被误解。
    容差：无。
    例：2024年度决算中表头写“2023年度部门决算表”，报错误。
    """
    year = d.meta.year
    if not year:
        raise NotApplicable("文件年度未识别")
    stage = "决算" if d.meta.stage is Stage.FINAL_ACCOUNTS else "预算"
    for title, where in _titles(d):
        for m in YEAR.finditer(title):
            if int(m.group(1)) != year:
                yield Finding("wording.heading_year", Severity.ERROR,
                              f"标题“{title}”中的“{m.group(0)}”与文件年度（{year}年{stage}）不符。", (where,))
