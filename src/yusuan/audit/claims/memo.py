"""What the narrative says, read once per section object and shared by every rule of an audit.

Sections are immutable, so a result computed for one stays true; the cache is keyed by the object's
identity (hashing a whole section would cost what the cache saves) and checks the object is the same
one, so a reused id cannot return a stale result. It holds the last `LIMIT` results (first in, first out).
"""
from __future__ import annotations

from collections import OrderedDict
from typing import Callable, Hashable, TypeVar

T = TypeVar("T")
# Entries (a section's sentences, its figures): every narrative rule asks for each of them in turn,
# so the cache must hold a whole document's or each rule reads the narrative again (a 500-page
# document holds about 2,200; at 1,024 its audit took three times as long a page: bench_pdf.py --floor).
LIMIT = 8192
_CACHE: "OrderedDict[tuple[Hashable, int], tuple[object, object]]" = OrderedDict()


def remembered(kind: Hashable, obj: object, compute: Callable[[], T]) -> T:
    key = (kind, id(obj))
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is obj:
        return hit[1]  # type: ignore[return-value]
    value = compute()
    _CACHE[key] = (obj, value)
    while len(_CACHE) > LIMIT:  # oldest first; another thread may have emptied it meanwhile
        try:
            _CACHE.popitem(last=False)
        except KeyError:
            break
    return value
