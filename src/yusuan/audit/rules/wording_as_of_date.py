"""``截至××年12月31日``: a 决算 counts its assets at the end of its own year, a budget at the end of last year."""
from __future__ import annotations

import re

from ...model import Stage
from ..catalog import NotApplicable, rule
from ..claims import sentences
from ..claims.checks import at
from ..findings import Finding, Severity

AS_OF = re.compile(r"截[至止]\s*(20\d\d)\s*年")


@rule("wording.as_of_year", family="wording", title="“截至”日期的年份不符", severity=Severity.ERROR)
def check(d, ctx):
    """“截至××年×月×日”（国有资产占有使用情况等）的年份：决算应为决算年度本身（2024年度决算“截至2024年12月
    31日”），预算应为预算年度的上一年（2025年预算“截至2024年12月31日”），也可为本年。其他年份是沿用旧稿。

    为什么：资产数是某一日的存量，日期错了，数字就对不上口径。
    容差：无。
    例：2024年度决算中写“截至2023年12月31日，共有车辆0辆”，报错误。
    """
    year = d.meta.year
    if not year:
        raise NotApplicable("文件年度未识别")
    final = d.meta.stage is Stage.FINAL_ACCOUNTS
    allowed = {year} if final else {year - 1, year}
    for s in sentences(d):
        for m in AS_OF.finditer(s.text):
            if int(m.group(1)) not in allowed:
                want = f"{year}年" if final else f"{year - 1}年"
                yield Finding("wording.as_of_year", Severity.ERROR,
                              f"“{m.group(0)}”的年份不符：{year}年度{'决算' if final else '预算'}应截至{want}。", (at(s, m.start()),))
