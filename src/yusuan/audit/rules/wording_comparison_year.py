"""The year a change is measured from must be last year: ``2026年…比2026年预算增加`` compares with itself."""
from __future__ import annotations

import re

from ..catalog import NotApplicable, rule
from ..claims import sentences
from ..claims.checks import at
from ..findings import Finding, Severity

# 比2025年 / 较2025年度 / 与2025年预算相比 / 同2025年 …: the year right after the comparing word.
COMPARED = re.compile(r"(?:比|较|与|同|相比)\s*(20\d\d)\s*年")
# The words quoted: the comparison within its clause, so two comparisons in one sentence read apart.
CLAUSE = re.compile(r"[^，,；;。：:]{0,24}")
LEAD = re.compile(r"[^；;。：:]{0,16}$")


def _in_title(text: str, pos: int) -> bool:
    """Inside a quoted document title (《关于2018年…执行情况与2019年…计划草案的报告》): the title's words, not a
    comparison — also where the sentence was cut inside the title (no 《 before, its 》 after)."""
    if text.rfind("《", 0, pos) > text.rfind("》", 0, pos):
        return True
    closing, opening = text.find("》", pos), text.find("《", pos)
    return "《" not in text[:pos] and closing >= 0 and (opening < 0 or closing < opening)


@rule("wording.comparison_year", family="wording", title="比较的年份不是上一年度", severity=Severity.ERROR)
def check(d, ctx):
    """说明中“比××年”“较××年度”“与××年预算相比”的年份，应是本文件年度的上一年（2026年预算比2025年，
    2024年决算与2023年度相比）。写成本年（“2026年预算…比2026年预算增加”）或更早的年份，增减的口径就错了。

    为什么：普陀区审核人员发现“预算编制说明中存在5处与2025年预算比较的描述”一类问题，比较的基年写错，
    读者会误以为数字与别的年度相比。
    容差：无。书名号内的文件标题（《……与2019年国民经济和社会发展计划草案的报告》）不是比较。
    例：2026年度预算中写“2026年预算安排57.80万元，比2026年预算增加1.68万元”，报错误。
    """
    year = d.meta.year
    if not year:
        raise NotApplicable("文件年度未识别")
    for s in sentences(d):
        for m in COMPARED.finditer(s.text):
            y = int(m.group(1))
            if y != year - 1 and not _in_title(s.text, m.start()):
                lead = LEAD.search(s.text[:m.start()]).group(0)
                quoted = lead + m.group(0) + CLAUSE.match(s.text, m.end()).group(0)
                yield Finding("wording.comparison_year", Severity.ERROR,
                              f"{year}年度的说明中“{quoted}”与{y}年比较，应与上一年度（{year - 1}年）比较。",
                              (at(s, m.start()),))
