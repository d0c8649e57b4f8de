"""One item stated with two amounts: ``行政单位医疗（01项）56.12万元 … 2026年预算安排57.8万元``."""
from __future__ import annotations

import re

from ..catalog import rule
from ..claims import narrative
from ..claims.checks import against_amount
from ..findings import Severity

# The item a statement is about: a subject naming a 类/款/项 (``住房公积金（01项）``, ``（类）``).
ITEM = re.compile(r"(?:[（(][0-9０-９]*[类款项][）)]|科目)$")
# Wordings that restate the item's own amount: ``2026年预算安排``, ``支出决算为``, ``决算数为``.
RESTATED = re.compile(r"(?:\d{4}年)?(?:预算安排|预算数为|预算为|支出决算为|决算数?为)\s*$")


@rule("wording.two_amounts", family="wording", title="同一项目前后写了两个金额", severity=Severity.ERROR)
def check(d, ctx):
    """说明逐项列示科目时，一项的金额先在项目名后写出（“行政单位医疗（01项）56.12万元”），其后又以
    “2026年预算安排××万元”（决算：“支出决算为××万元”）重述；两处应是同一个数。上一年的数（“2025年当年
    预算执行数”）与比较用的数不算。

    为什么：普陀区审核人员发现“同一条里前面写‘56.12万元’，后面又写‘2026年预算安排57.8万元’，前后矛盾”。
    容差：同一数字两处印刷，按末位半个单位（56.1与56.12视为一致）。
    例：“7. 行政单位医疗（01项）56.12万元。……2026年预算安排57.8万元”，报错误。
    """
    year = d.meta.year
    for sf in narrative(d):
        lead = None
        for f in sf.sentences:
            for a in f.amounts:
                if a.role not in ("stated", "budget"):
                    continue
                if ITEM.search(a.sentence.text[max(0, a.start - 12):a.start].strip()):
                    lead = a
                elif lead is not None and a is not lead and RESTATED.search(a.subject) and _this_year(a.subject, year):
                    found = against_amount("wording.two_amounts", a, lead.amount,
                                           f"同一项目前文的“…{lead.sentence.text[max(0, lead.start - 12):lead.end]}”")
                    if found and found.severity is not Severity.INFO:
                        yield found
                    lead = None


def _this_year(subject: str, year: int | None) -> bool:
    m = re.search(r"(\d{4})年", subject)
    return m is None or year is None or int(m.group(1)) == year
