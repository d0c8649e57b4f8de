"""一般公共预算基本支出分经济科目表: 部门预算经济分类 类 → (部门, 政府) 款 pairs; 人员/公用 columns."""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from ...model import Column, ColumnKind, RowRole, Table, TableKind
from ..rounding import apportion, round_tree
from .context import ROOT, Ctx, add_measures, name_of

COLUMNS = (("total", "合计"), ("personnel", "人员经费"), ("operating", "公用经费"))
NATURE_KEY = {"人员经费": "personnel", "公用经费": "operating"}


def basic_lines(ctx: Ctx):
    return [ln for ln in ctx.book.lines if ln.is_basic and ln.period == "本年" and ln.source == "一般公共预算"]


def economic_measures(ctx: Ctx) -> dict[str, dict]:
    """Printed values per column over the tree ROOT → 类 → (部门款, 政府款), cached on the context."""
    if "economic" in ctx._cache:
        return ctx._cache["economic"]
    leaves: dict[str, dict] = {k: defaultdict(Decimal) for k in NATURE_KEY.values()}
    for ln in basic_lines(ctx):
        pair = (ln.dept_economic, ln.gov_economic)
        leaves[NATURE_KEY[ln.nature]][pair] += ln.amount
    pairs = sorted(set(leaves["personnel"]) | set(leaves["operating"]))
    children: dict = defaultdict(list)
    for p in pairs:
        if p[0][:3] not in children[ROOT]:
            children[ROOT].append(p[0][:3])
        children[p[0][:3]].append(p)
    exact: dict = {k: defaultdict(Decimal) for k in NATURE_KEY.values()}
    for key in NATURE_KEY.values():
        for p in pairs:
            v = ctx.exact(leaves[key].get(p, Decimal(0)))
            exact[key][p] += v
            exact[key][p[0][:3]] += v
            exact[key][ROOT] += v
    # The grand total is the 基本支出 the function tables print; 人员/公用 share it by largest remainder.
    total = ctx.measure("本年", ("一般公共预算",)).basic[ROOT]
    roots = apportion(total, [exact[k][ROOT] for k in NATURE_KEY.values()], ctx.step)
    out: dict = {k: round_tree(exact[k], children, ROOT, ctx.step, root_value=r)
                 for k, r in zip(NATURE_KEY.values(), roots)}
    out["total"] = add_measures(out["personnel"], out["operating"])  # 合计 = 人员 + 公用 on every row
    out["_children"] = children
    ctx._cache["economic"] = out
    return out


def basic_economic(ctx: Ctx, tid: str, title: str) -> Table:
    m = economic_measures(ctx)
    keys = [k for k, _ in COLUMNS]
    rows = [ctx.row(tid, 0, RowRole.TOTAL, "合计", {k: m[k].get(ROOT, Decimal(0)) for k in keys})]
    for cls in m["_children"][ROOT]:
        rows.append(ctx.row(tid, len(rows), RowRole.GROUP, name_of(cls), {k: m[k][cls] for k in keys}))
        for pair in m["_children"][cls]:
            rows.append(ctx.row(tid, len(rows), RowRole.ITEM, name_of(pair[0]), {k: m[k][pair] for k in keys},
                                texts={"gov_economic_name": name_of(pair[1])}))
    cols = (Column("gov_economic_name", "政府预算支出经济科目名称", ColumnKind.TEXT),
            *(Column(k, f"{ctx.book.department.year}年预算数/{lab}") for k, lab in COLUMNS))
    return Table(tid, TableKind.GENERAL_BASIC_ECONOMIC, title, ctx.unit, cols, tuple(rows), ctx.prov(tid))
