"""A project table's units as the page means them: a project named like a unit put back under its unit.

广州 prints each unit flush left and its projects indented; a project named like a unit (广州市规划和自然资源局's
project “广州市城市规划展览中心” 1,250.00) is read as a unit of its own, so the unit above it seems to hold
only the projects before it. Where the unit's figure is the sum of its projects only when such a "unit" and
the rows after it are counted too, that is what the page says: the unit sums them all, and the "unit" is a
project. Likewise a unit read as a project (its name wrapped around its figures): the unit above adds up
with the rows before it, and it with the rows after it. An exact sum over several rows is no chance, so
nothing real is hidden; a unit that adds up no way stays as read (and is checked, and reported, as read).
"""
from __future__ import annotations

from decimal import Decimal

from ..model import Row, RowRole, Table, rounding_tolerance
from .tablekit import members

# How many project-named-like-a-unit rows one unit may hold before the search stops.
_MOST = 3


def _key(t: Table) -> str | None:
    return "total" if t.column("total") else next((c.key for c in t.amount_columns()), None)


def _adds_up(head: Row, parts: list[Row], key: str) -> bool:
    whole = head.amount(key)
    got = [a for r in parts if (a := r.amount(key)) is not None]
    if whole is None or not got:
        return False
    return abs(sum((a.value for a in got), Decimal(0)) - whole.value) <= rounding_tolerance(got) + whole.tolerance


def units(t: Table) -> list[tuple[Row, list[Row]]]:
    """Each uncoded group row that is a unit, with the rows it sums (its projects, and any project named like
    a unit that was read as a group, with the rows after it)."""
    groups = [r for r in t.rows_by_role(RowRole.GROUP) if not r.code]
    key = _key(t)
    out: list[tuple[Row, list[Row]]] = []
    i = 0
    while i < len(groups):
        head, parts = groups[i], members(t, groups[i])
        taken = 0
        if key is not None and not _adds_up(head, parts, key):
            more = list(parts)
            for n, nxt in enumerate(groups[i + 1:i + 1 + _MOST], start=1):
                more = [*more, nxt, *members(t, nxt)]
                if _adds_up(head, more, key):
                    parts, taken = more, n
                    break
        out.extend(_split(head, parts, key) if key is not None else [(head, parts)])
        i += 1 + taken
    return out


def _split(head: Row, parts: list[Row], key: str) -> list[tuple[Row, list[Row]]]:
    """A unit whose name the reader took for a project's (广州 p33: “广州市地质调查院（广州市 / 5,457.24 /
    海洋发展促进中心）”, its name wrapped around its figures, read as the last project of 广州市房地产交易登记中心):
    the unit above adds up with the rows before it, and it with the rows after it."""
    if _adds_up(head, parts, key):
        return [(head, parts)]
    for k in range(1, len(parts) - 1):
        if _adds_up(head, parts[:k], key) and len(rest := _split(parts[k], parts[k + 1:], key)) >= 1 \
                and _adds_up(rest[0][0], rest[0][1], key):
            return [(head, parts[:k]), *rest]
    return [(head, parts)]
