"""A project table's units as the page means them: a project named like a unit put back under its unit.

广州 prints each unit flush left and its projects indented; a project named like a unit (广州市规划和自然资源局's
project “广州市城市规划展览中心” 1,250.00) is read as a unit of its own, so the unit above it seems to hold
only the projects before it. Where the unit's figure is the sum of its projects only when such a "unit" and
the rows after it are counted too, that is what the page says: the unit sums them all, and the "unit" is a
project. Headings printed like projects (西安: 通用项目 → 专项购置 → project) are found the same way: each
heading exactly the rows under it, the unit exactly its top rows. Likewise a unit read as a project (its
name wrapped around its figures): the unit above adds up with the rows before it, and it with the rows
after it. An exact sum over several rows is no chance, so nothing real is hidden; a unit that adds up no
way stays as read (and is checked, and reported, as read).
"""
from __future__ import annotations

from decimal import Decimal

from ..model import Row, RowRole, Table, rounding_tolerance
from .tablekit import members

# How many project-named-like-a-unit rows one unit may hold before the search stops.
_MOST = 3
# The longest unit searched for headings among its rows (the search grows with the rows' count cubed).
_LONGEST = 80


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
        if key is not None and not parts and (subs := _sub_units(groups, i)) and _adds_up(head, subs, key):
            out.append((head, subs))  # the department over its units, each of them checked in turn
            i += 1
            continue
        if key is not None and not _adds_up(head, parts, key) and (tops := _outline(parts, key, head)) is not None:
            parts = tops  # its own rows add up level by level: nothing of the next groups is its
        elif key is not None and not _adds_up(head, parts, key):
            more = list(parts)
            for n, nxt in enumerate(groups[i + 1:i + 1 + _MOST], start=1):
                more = [*more, nxt, *members(t, nxt)]
                if _adds_up(head, more, key) or len(_split(head, more, key)) > 1:  # a unit read as a project too
                    parts, taken = more, n
                    break
        if key is not None and not _adds_up(head, parts, key) and (tops := _outline(parts, key, head)) is not None:
            parts = tops
        out.extend(_split(head, parts, key) if key is not None else [(head, parts)])
        i += 1 + taken
    return out


def _sub_units(groups: list[Row], i: int) -> list[Row]:
    """The units right after groups[i] whose 单位编码 extends its own: 西安 prints the department (125
    西安市安全生产监督管理局) over its units (125001 西安市安全生产监督管理局, 125002 …) before their projects."""
    code = groups[i].text("unit_code").strip()
    out: list[Row] = []
    for g in groups[i + 1:] if code.isdigit() else ():
        sub = g.text("unit_code").strip()
        if not (sub.isdigit() and len(sub) > len(code) and sub.startswith(code)):
            break
        out.append(g)
    return out


def _outline(parts: list[Row], key: str, whole: Row) -> list[Row] | None:
    """The top rows of a unit whose projects sit under headings printed like projects (西安 253001
    西安市住房和城乡建设局 31,591,304 → 通用项目 518,000 → 专项购置 518,000 → 办公设备购置经费 518,000; 专用项目
    31,073,304 → 其他履职尽责专项业务费 31,073,304 → its 12 projects): each heading is exactly the rows under it,
    and the top rows, headings all, are exactly the unit. None when no such outline closes over every row."""
    head = whole.amount(key)
    got = [r.amount(key) for r in parts]
    if head is None or len(parts) > _LONGEST or any(a is None or a.value < 0 for a in got):
        return None
    values = [a.value for a in got if a is not None]
    slack = rounding_tolerance([a for a in got if a is not None]) + head.tolerance
    memo: dict[tuple[int, Decimal, int, bool], list[int] | None] = {}

    def run(i: int, target: Decimal, end: int, top: bool) -> list[int] | None:
        """The starts of the entries from row i to row `end` (exclusive), which sum to `target`; at the top
        every entry is a heading (通用项目, 专用项目): a project there would let two equal rows pass for one."""
        if i == end or target < -slack:
            return [] if i == end and abs(target) <= slack else None
        if (i, target, end, top) not in memo:
            found = None
            for stop in range(i + 2, end + 1):  # a heading over rows i+1 … stop-1, then the rest
                if run(i + 1, values[i], stop, False) is not None \
                        and (rest := run(stop, target - values[i], end, top)) is not None:
                    found = [i, *rest]
                    break
            if found is None and not top and (rest := run(i + 1, target - values[i], end, top)) is not None:
                found = [i, *rest]  # a project
            memo[(i, target, end, top)] = found
        return memo[(i, target, end, top)]

    tops = run(0, head.value, len(parts), True)
    return [parts[i] for i in tops] if tops is not None else None


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
