"""Text folding for matching: what was printed is kept; matching compares folded forms."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Kangxi and CJK radical supplement characters that PDF text layers produce for ordinary
# ideographs (⽀ for 支) and that NFKC does not map (the supplement block) — extend as met.
_RADICALS = str.maketrans({
    "⻔": "门", "⻓": "长", "⻢": "马", "⻥": "鱼", "⻛": "风", "⻜": "飞", "⻆": "角",
    "⻄": "西", "⻅": "见", "⻉": "贝", "⻋": "车", "⻚": "页", "⻝": "食", "⻨": "麦",
    "⻩": "黄", "⻬": "齐", "⻮": "齿", "⻰": "龙", "⻳": "龟", "⺠": "民", "⺟": "母",
    "⺁": "厂", "⺈": "刀", "⺊": "卜", "⺌": "小", "⺮": "竹", "⻌": "辶", "⺩": "王",
})
_SPACE = re.compile(r"\s+")
# The same labels and lines are folded again and again (every rule asks for its titles and row labels: 8,300
# distinct texts in 99,000 calls over 18 disclosures); the recent ones are remembered.
_REMEMBERED = 16_384


@lru_cache(maxsize=_REMEMBERED)
def nfkc(text: str) -> str:
    """NFKC plus the radicals NFKC misses: the text a reader should compare and parse."""
    return unicodedata.normalize("NFKC", text).translate(_RADICALS)


@lru_cache(maxsize=_REMEMBERED)
def fold(text: str) -> str:
    """A key for matching labels: NFKC, radicals mapped, all white space removed."""
    return _SPACE.sub("", nfkc(text))


def squash(text: str) -> str:
    """Remove white space a wrapped cell left inside a label (``国有资本经营 预算支出``)."""
    return _SPACE.sub("", text.strip())
