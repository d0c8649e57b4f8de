"""Lookups over one table's rows, built once per table: rows of a side and their positions, rows by
parent code, leaf rows in code order. They keep every rule linear in the table's length (issue 11:
a 10,000-row table took 51 s when each row's 款/项/leaves were found by scanning every row).

Tables are immutable, so an index lives as long as its table (held by identity, dropped with it).
"""
from __future__ import annotations

import weakref
from bisect import bisect_left, bisect_right
from collections import defaultdict

from ..model import Row, Table

_INDEXES: dict[int, "TableIndex"] = {}


def index(t: Table) -> "TableIndex":
    """The index of `t` (built on first use)."""
    found = _INDEXES.get(id(t))
    if found is None or found.table() is not t:
        found = _INDEXES[id(t)] = TableIndex(t)
        weakref.finalize(t, _INDEXES.pop, id(t), None)
    return found


def _code(r: Row) -> str:
    """A coded row's code (the rows here are coded: the empty string never shows)."""
    return r.code or ""


def _parent(code: str, printed: set[str]) -> str:
    """The code a row sums into: the code two digits shorter, but for an economic sub-item the region adds
    (西安 3010201 津贴补贴, 3010202 改革性补贴) printed with no 30102 above it, the 类 it stands under (301)."""
    up = code[:-2]
    if len(code) == 7 and code[0] in "35" and up not in printed and code[:3] in printed:
        return code[:3]
    return up


class _Side:
    """The rows of one side (None: the whole table) and what rules ask of them."""

    def __init__(self, rows: list[Row]) -> None:
        self.rows = rows
        self.position = {id(r): i for i, r in enumerate(rows)}
        coded = [r for r in rows if r.code]
        self.by_code: dict[str, list[Row]] = defaultdict(list)
        self.by_parent: dict[str, list[Row]] = defaultdict(list)  # 208 -> [20802, 20805 …]
        printed = {_code(r) for r in coded}
        for r in coded:
            self.by_code[_code(r)].append(r)
            self.by_parent[_parent(_code(r), printed)].append(r)
        lengths = {len(_code(r)) for r in coded}
        # A coded row is a leaf unless some other code extends it (a duplicate code does not).
        parents = {_code(r)[:n] for r in coded for n in lengths if n < len(_code(r))}
        leaves = sorted((r for r in coded if _code(r) not in parents), key=_code)
        self.leaves, self.leaf_codes = leaves, [_code(r) for r in leaves]
        self._split: dict[str, dict[int, list[Row]]] = {}  # repeated parent code -> children per occurrence

    def children(self, parent: Row) -> list[Row]:
        """The rows one code level below `parent`. Where the parent's code is printed more than once,
        each occurrence has the rows up to the next occurrence (a table printed twice sums twice)."""
        code = parent.code or ""
        same = self.by_code.get(code, [])
        if len(same) < 2 or id(parent) not in self.position:
            return list(self.by_parent.get(code, ()))
        if code not in self._split:
            starts = [self.position[id(r)] for r in same]
            groups: dict[int, list[Row]] = {id(r): [] for r in same}
            for kid in self.by_parent.get(code, ()):
                owner = same[max(bisect_right(starts, self.position[id(kid)]) - 1, 0)]
                groups[id(owner)].append(kid)
            self._split[code] = groups
        return list(self._split[code][id(parent)])

    def leaves_under(self, prefix: str, *, exclude: str | None = None) -> list[Row]:
        """Leaf rows whose code starts with `prefix` (other than `exclude`), in table order."""
        lo = bisect_left(self.leaf_codes, prefix)
        hi = lo
        while hi < len(self.leaf_codes) and self.leaf_codes[hi].startswith(prefix):
            hi += 1
        found = [r for r in self.leaves[lo:hi] if r.code != exclude]
        return sorted(found, key=lambda r: self.position[id(r)])


class TableIndex:
    def __init__(self, t: Table) -> None:
        self.table = weakref.ref(t)
        self._rows = t.rows
        self._sides: dict[str | None, _Side] = {}
        self.memo: dict[tuple, object] = {}  # per-table results of tablekit functions

    def side(self, side: str | None) -> _Side:
        found = self._sides.get(side)
        if found is None:
            rows = [r for r in self._rows if side is None or r.side == side]
            found = self._sides[side] = _Side(rows)
        return found
