"""How alike two printed names are: the same name, a similar one, or a different one.

Names of projects and units are typed by hand in several places; they differ by a character
(遗属补助/遗属补贴), by a prefix (阳泉市民政局/民政局), or by a word left out. A match says
how sure it is, so that a finding can say it too.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from ...reference.names import fold_name

EXACT, SIMILAR, DIFFERENT = "exact", "similar", "different"
SURENESS_ZH = {EXACT: "名称完全相同", SIMILAR: "名称相近", "ambiguous": "匹配不确定"}
# a unit's name with or without these is the same unit (阳泉市民政局机关 = 阳泉市民政局)
UNIT_SUFFIXES = ("机关",)
THRESHOLD = 0.6
MIN_CONTAINED = 4


def name_key(name: str) -> str:
    return fold_name(name)


def unit_key(name: str) -> str:
    k = fold_name(name)
    for s in UNIT_SUFFIXES:
        if k.endswith(s) and len(k) > len(s) + 2:
            k = k[: -len(s)]
    return k


@lru_cache(maxsize=65536)  # pure; the matcher asks for the same pairs many times
def similarity(a: str, b: str) -> float:
    """0..1: SequenceMatcher's ratio on folded names; a name contained in the other scores at
    least THRESHOLD when the shorter one is not trivially short."""
    x, y = name_key(a), name_key(b)
    if not x or not y:
        return 0.0
    if x == y:
        return 1.0
    ratio = SequenceMatcher(None, x, y).ratio()
    short, long_ = sorted((x, y), key=len)
    if len(short) >= MIN_CONTAINED and short in long_:
        ratio = max(ratio, THRESHOLD + (1 - THRESHOLD) * len(short) / len(long_) / 2)
    return ratio


def likeness(a: str, b: str) -> str:
    """exact, similar or different."""
    s = similarity(a, b)
    return EXACT if s == 1.0 else SIMILAR if s >= THRESHOLD else DIFFERENT


# A unit's other names printed in brackets after its name (one body, several plates: 广州市人民政府征用土地办公室
# （广州市土地开发中心）); a bracket this short is a scope mark (（本级）), no name.
_BRACKETED = re.compile(r"[（(]([^（）()]*)[）)]")
MIN_ALIAS = 4


@lru_cache(maxsize=65536)
def unit_names(name: str) -> tuple[str, ...]:
    """The names a printed unit name gives the unit: as printed, without its brackets, and each name in them."""
    aliases = [n for b in _BRACKETED.findall(name) for n in re.split(r"[、，,；;]", b) if len(n.strip()) >= MIN_ALIAS]
    bare = _BRACKETED.sub("", name)
    return tuple(dict.fromkeys((name, *((bare,) if aliases else ()), *aliases)))


def same_unit(a: str, b: str) -> bool:
    """Whether two printed unit names name the same unit: one of the names each gives (`unit_names`) is
    the other's, after folding and 机关, or but for its city prefix (民政局 / 阳泉市民政局) or the 市 of it
    (广州知识产权保护中心 / 广州市知识产权保护中心)."""
    return any(_same_key(unit_key(x), unit_key(y)) for x in unit_names(a) for y in unit_names(b))


def _same_key(x: str, y: str) -> bool:
    if not x or not y:
        return False
    short, long_ = sorted((x, y), key=len)
    if x == y or (len(short) >= 3 and long_.endswith(short) and len(long_) - len(short) <= 4):
        return True
    at = long_.find("市")
    return len(long_) == len(short) + 1 and 2 <= at <= 3 and long_[:at] + long_[at + 1:] == short


UNIT_THRESHOLD = 0.85


def unit_likeness(a: str, b: str) -> str:
    """same, similar or different for unit names. Stricter than for projects: a unit's name
    inside another's (阳泉市民政局 in 阳泉市民政局事务中心) is another unit, not a variant."""
    if same_unit(a, b):
        return "same"
    x, y = unit_key(a), unit_key(b)
    return SIMILAR if x and y and SequenceMatcher(None, x, y).ratio() >= UNIT_THRESHOLD else DIFFERENT
