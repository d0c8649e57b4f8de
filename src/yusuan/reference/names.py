"""Comparing subject names: what differs only in spacing, punctuation or width is the same name."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from yusuan.text.folding import fold

# A Chinese ordinal before a label: 一、 二十二、 (三) （十） 3. — the 收支总表 numbers its 类 this way.
_ORDINAL = re.compile(r"^\s*(?:[（(]\s*[一二三四五六七八九十百零〇\d]+\s*[)）]|[一二三四五六七八九十百零〇]+\s*[、.．]|\d+\s*[、.．])\s*")


@lru_cache(maxsize=8192)  # names repeat across tables, forms and rules
def fold_name(name: str) -> str:
    """A key for comparing names: `fold` (NFKC, radicals, no white space) without punctuation."""
    return "".join(ch for ch in fold(name) if not unicodedata.category(ch).startswith("P"))


def strip_ordinal(label: str) -> str:
    """``二十二、国有资本经营 预算支出`` → ``国有资本经营 预算支出`` (the ordinal is the table's, not the subject's)."""
    return _ORDINAL.sub("", label, count=1)
