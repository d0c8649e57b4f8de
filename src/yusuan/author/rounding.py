"""From exact 元 to the presentation unit, so that printed parts add up to printed totals.

The rule (documented for users in the instructions sheet):

1. Every amount is kept exact in 元 (to the fen) until printing.
2. A table's grand total is rounded half-up to the printed precision (0.01 in either unit).
3. Going down the table's tree (total → 类 → 款 → 项, total → unit → project, total → 类 →
   经济科目), the printed total of a node is shared among its children by the *largest-remainder*
   method: each child starts at its own half-up value, and the steps by which they miss the
   node's printed value go one each to the children rounded down the most (or, for an excess,
   taken from those rounded up the most; ties: first in order). So every printed node equals
   the sum of its printed children exactly, and a child moves at most one step, only when its
   siblings' rounding demands it (then it is off its exact value by less than one step).
   A project with a 绩效目标表 (which prints its amount to the 元) keeps its own half-up value,
   so that the form and the table agree to half a step; its siblings share the rest, and a total
   made only of such projects is their sum. In the table of all expenditure, 项目支出 of each
   period and source keeps its half-up value the same way, for it is also the project table's total.
4. The same measure (e.g. 一般公共预算 by function code) is rounded once and reused by every table
   and sentence that prints it, so tables agree with each other.
5. Across columns (合计 = 基本支出 + 项目支出) each column is rounded down its own tree; a row may
   then differ from the sum of its columns by at most one step per column — rounding, which the
   audit reports as information only. A child whose exact value is zero always prints zero.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Hashable, Mapping, Sequence, TypeVar

Node = TypeVar("Node", bound=Hashable)  # a tree's node: a code, a key, a tuple of them

WAN = Decimal(10000)
# The rule as the instructions sheet tells finance staff.
RULE_ZH = (
    "金额一律以元填写、精确到分，编制时按元精确计算，只在印刷时换算为万元并保留两位小数："
    "①总计四舍五入；②自总计向下逐级（类→款→项、单位→项目、类→经济科目）用“最大余数法”分配："
    "各项先四舍五入，与上级合计仍有差额时，把差额逐分分给舍去最多（或进位最多）的项目，"
    "因此每一级合计都等于其各项之和；③同一数额在各表和说明中只计算一次，处处相同；"
    "④编报了绩效目标表的项目按其本身四舍五入，不参与分配，以便与绩效目标表（以元列示）一致；"
    "⑤合计 = 基本支出 + 项目支出 在每一行都成立；项目支出表各资金来源分列取整，合计与各列之和可能相差一分，属舍入。"
)


def in_unit(yuan: Decimal, unit: str) -> Decimal:
    """An exact 元 amount expressed in the presentation unit (exact, not yet rounded)."""
    return yuan / WAN if unit == "万元" else yuan


def quantum(unit: str) -> Decimal:
    """The printed step: 0.01 万元 (100 元), or 0.01 元."""
    return Decimal("0.01")


def round_half_up(value: Decimal, step: Decimal) -> Decimal:
    return value.quantize(step, rounding=ROUND_HALF_UP)


def apportion(printed_total: Decimal, parts: Sequence[Decimal], step: Decimal) -> list[Decimal]:
    """Printed parts that sum to `printed_total`, each within about one step of its exact value.

    Each part starts at its half-up value; the steps still missing (or in excess) go to the parts
    rounded down (or up) the most — the largest remainders; ties go to the first. Zero parts stay
    zero.
    """
    out = [round_half_up(p, step) for p in parts]
    missing = int((printed_total - sum(out, Decimal(0))) / step)
    sign = 1 if missing > 0 else -1
    order = sorted((i for i, p in enumerate(parts) if p), key=lambda i: (-sign * (parts[i] - out[i]), i))
    for k in range(abs(missing) if order else 0):
        out[order[k % len(order)]] += sign * step
    return out


def round_tree(exact: Mapping[Node, Decimal], children: Mapping[Node, Sequence[Node]],
               root: Node, step: Decimal, anchored: frozenset = frozenset(),
               root_value: Decimal | None = None) -> dict[Node, Decimal]:
    """Printed values of a tree: the root half-up (or `root_value`, when a larger table already
    fixed it), every node's children by largest remainder — except fixed nodes (rule 3), which
    keep their own value while their siblings share the rest."""
    fixed = _fixed(exact, children, root, anchored, step)
    printed = {root: fixed.get(root, round_half_up(exact[root], step) if root_value is None else root_value)}
    stack = [root]
    while stack:
        node = stack.pop()
        kids = list(children.get(node, ()))
        if not kids:
            continue
        free = [k for k in kids if k not in fixed]
        rest = printed[node] - sum((fixed[k] for k in kids if k in fixed), Decimal(0))
        for kid, value in zip(free, apportion(rest, [exact[k] for k in free], step)):
            printed[kid] = value
        for kid in kids:
            if kid in fixed:
                printed[kid] = fixed[kid]
        stack.extend(kids)
    return printed


def _fixed(exact: Mapping[Node, Decimal], children: Mapping[Node, Sequence[Node]], root: Node,
           anchored: frozenset, step: Decimal) -> dict[Node, Decimal]:
    """Anchored nodes at their half-up value, and nodes made only of fixed nodes (zero parts
    aside) at the sum of those: a total of figures printed elsewhere is their sum."""
    fixed: dict[Node, Decimal] = {}

    def visit(node: Node) -> None:
        for kid in children.get(node, ()):
            visit(kid)
        kids = [k for k in children.get(node, ()) if exact[k]]
        if node in anchored:
            fixed[node] = round_half_up(exact[node], step)
        elif kids and all(k in fixed for k in kids):
            fixed[node] = sum((fixed[k] for k in kids), Decimal(0))

    if anchored:
        visit(root)
    return fixed
