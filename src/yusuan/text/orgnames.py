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
