"""One key for the printed forms of one organisation's name (the reader, the store and the partner
finder share it): long and short forms of party and congress words, and a scope mark, make no
difference."""
from __future__ import annotations

import re

from .folding import fold

# A scope mark after a name says which budget of the organisation is printed (its own body's, or
# the sum of it and its units): 西安市财政局（汇总）, 泉州市公安局（本级）. It is not part of the name.
SCOPE = re.compile(r"[(](?:机关|部门)?(?:本级|汇总|合并|本部|机关)[)]$")

# Long and short forms of the same organisation's words, long form first (applied in order).
_SHORT_FORMS = (
    ("中国共产党", "中共"), ("中国人民政治协商会议", "政协"), ("人民代表大会常务委员会", "人大常委会"),
    ("人民代表大会", "人大"), ("常务委员会", "常委会"), ("委员会", "委"),
)


def organisation_key(name: str) -> str:
    """One key for the printed forms of one organisation's name.

    ``中国共产党江苏省委员会办公厅``, ``中共江苏省委办公厅`` and ``江苏省委办公厅`` share one key; so do
    ``西安市财政局`` and ``西安市财政局（汇总）``.
    """
    t = SCOPE.sub("", fold(name))
    for long, short in _SHORT_FORMS:
        t = t.replace(long, short)
    return t.removeprefix("中共")


# How a unit's name ends: what tells “A和B” (two units) from one name with 和 in it (人力资源和社会保障局).
_UNIT_END = re.compile(r"(?:局|中心|院|站|所|处|办|办公室|室|队|馆|会|委|厅|部|校|社|台|场|园)$")


def split_names(listing: str) -> list[str]:
    """The names of a printed list: split at 、，,；; outside brackets (“组织人事处（统战部、党委教师工作部）” is
    one), the last at 和/及 when both sides end like a unit (“广州市科学技术发展战略研究院和广州市科技项目评审
    中心” is two; “无锡市人力资源和社会保障综合服务中心” one)."""
    names, depth, start = [], 0, 0
    text = listing.strip().rstrip("。")
    for i, c in enumerate(text + "、"):
        depth += (c in "（(") - (c in "）)")
        if c in "、，,；;" and depth <= 0:
            names.append(text[start:i])
            start, depth = i + 1, 0
    if depth > 0:  # a bracket left open (a name cut short): the marks inside it are the list's after all
        names = re.split(r"[、，,；;]", text)
    names = [n.strip() for n in names if n.strip()]
    return names[:-1] + _pair(names[-1]) if names else []


def _pair(name: str) -> list[str]:
    for m in re.finditer(r"[和及]", name):
        left, right = name[:m.start()], name[m.end():]
        if len(left) >= 3 and len(right) >= 3 and _UNIT_END.search(left) and _UNIT_END.search(right):
            return [left, right]
    return [name]
