"""From exact 元 to the presentation unit, so that printed parts add up to printed totals.

The rule (documented for users in the instructions sheet):

1. Every amount is kept exact in 元 (to the fen) until printing.
2. A table's grand total is rounded half-up to the printed precision (0.01 in either unit).
3. Going down the table's tree (total → 类 → 款 → 项, total → unit → project, total → 类 →
   经济科目), the printed total of a node is shared among its children by the *largest-remainder*
   method: each child gets its exact value cut down to the printed step, and the steps still
   missing go one each to the children with the largest cut-off remainders (ties: first in
   order). So every printed node equals the sum of its printed children exactly.
4. The same measure (e.g. 一般公共预算 by function code) is rounded once and reused by every table
   and sentence that prints it, so tables agree with each other.
5. Across columns (合计 = 基本支出 + 项目支出) each column is rounded down its own tree; a row may
   then differ from the sum of its columns by at most one step per column — rounding, which the
   audit reports as information only. A child whose exact value is zero always prints zero.
"""
from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Hashable, Mapping, Sequence

WAN = Decimal(10000)


def in_unit(yuan: Decimal, unit: str) -> Decimal:
    """An exact 元 amount expressed in the presentation unit (exact, not yet rounded)."""
    return yuan / WAN if unit == "万元" else yuan


def quantum(unit: str) -> Decimal:
    """The printed step: 0.01 万元 (100 元), or 0.01 元."""
    return Decimal("0.01")


def round_half_up(value: Decimal, step: Decimal) -> Decimal:
    return value.quantize(step, rounding=ROUND_HALF_UP)


def apportion(printed_total: Decimal, parts: Sequence[Decimal], step: Decimal) -> list[Decimal]:
    """Printed parts that sum to `printed_total`, each within one step of its exact value."""
    floors = [p.quantize(step, rounding=ROUND_DOWN) for p in parts]
    missing = int((printed_total - sum(floors, Decimal(0))) / step)
    order = sorted(range(len(parts)), key=lambda i: (-(parts[i] - floors[i]), i))
    out = list(floors)
    if missing >= 0:
        for i in order[:missing]:  # never more than the parts with a remainder (see rule 5)
            out[i] += step
    else:  # not reached with non-negative parts; kept so the sum holds whatever the input
        for i in list(reversed(order))[: -missing]:
            out[i] -= step
    return out


def round_tree(exact: Mapping[Hashable, Decimal], children: Mapping[Hashable, Sequence[Hashable]],
               root: Hashable, step: Decimal) -> dict[Hashable, Decimal]:
    """Printed values of a tree: the root half-up, every node's children by largest remainder."""
    printed = {root: round_half_up(exact[root], step)}
    stack = [root]
    while stack:
        node = stack.pop()
        kids = list(children.get(node, ()))
        if not kids:
            continue
        for kid, value in zip(kids, apportion(printed[node], [exact[k] for k in kids], step)):
            printed[kid] = value
        stack.extend(kids)
    return printed
