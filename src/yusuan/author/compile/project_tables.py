"""项目支出表（本年） and （上年结转）: department total → unit groups → projects in book order."""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from ...model import RowRole, Table, TableKind
from ..book import FISCAL_SOURCES, SOURCE_KEYS
from ..rounding import round_tree
from .context import ROOT, Ctx, amount_columns

_FISCAL = tuple((SOURCE_KEYS[s], f"{{year}}年财政拨款/{s}") for s in FISCAL_SOURCES)
CURRENT_COLUMNS = (("total", "合计"), *_FISCAL, ("special_account", "财政专户管理资金"), ("unit_funds", "单位资金"))
CARRY_COLUMNS = (("total", "合计"), *_FISCAL)


def project_measures(ctx: Ctx, period: str) -> tuple[dict[str, list[str]], dict[str, dict]]:
    """Tree ROOT → unit → project id with printed values per column key, cached per period."""
    key = f"projects:{period}"
    if key in ctx._cache:
        return ctx._cache[key]
    lines = [ln for ln in ctx.book.lines if not ln.is_basic and ln.period == period]
    used = {ln.project for ln in lines}
    children: dict[str, list[str]] = defaultdict(list)
    for p in ctx.book.projects:
        if p.id in used:
            if p.unit not in children[ROOT]:
                children[ROOT].append(p.unit)
            children[p.unit].append(p.id)
    unit_of = {p.id: p.unit for p in ctx.book.projects}
    with_form = {(t.unit, t.project_name) for t in ctx.book.targets}
    anchored = frozenset(p.id for p in ctx.book.projects if (p.unit, p.name) in with_form)
    out: dict[str, dict[str, Decimal]] = {}
    # Sources first: 合计's grand total is the sum of theirs, as the expenditure tables print
    # each source's 项目支出 (a half-up of the whole could lose a cent a row then misses).
    for col in [k for k, _ in CURRENT_COLUMNS][1:] + ["total"]:
        exact: dict[str, Decimal] = defaultdict(Decimal)
        for ln in lines:
            if col == "total" or SOURCE_KEYS[ln.source] == col:
                v = ctx.exact(ln.amount)
                exact[ln.project] += v
                exact[unit_of[ln.project]] += v
                exact[ROOT] += v
        # Every column, 合计 too, is rounded on its own: a project's 绩效目标表 prints its total to
        # the 元 and must agree with the row's 合计 to half a step, so 合计 may differ from the sum
        # of a row's sources by a cent (rounding rule 5).
        root = sum((m.get(ROOT, Decimal(0)) for m in out.values()), Decimal(0)) if col == "total" else None
        out[col] = round_tree(exact, children, ROOT, ctx.step, anchored, root_value=root)
    out = {k: out[k] for k, _ in CURRENT_COLUMNS}
    ctx._cache[key] = (children, out)
    return children, out


def _table(ctx: Ctx, tid: str, kind: TableKind, title: str, period: str, columns) -> Table:
    children, m = project_measures(ctx, period)
    keys = [k for k, _ in columns]
    names = {p.id: p.name for p in ctx.book.projects}
    rows = [ctx.row(tid, 0, RowRole.TOTAL, ctx.book.department.name, {k: m[k].get(ROOT, Decimal(0)) for k in keys})]
    for unit in children[ROOT]:
        rows.append(ctx.row(tid, len(rows), RowRole.GROUP, unit, {k: m[k][unit] for k in keys}))
        for pid in children[unit]:
            rows.append(ctx.row(tid, len(rows), RowRole.ITEM, names[pid], {k: m[k][pid] for k in keys}))
    year = ctx.book.department.year
    cols = amount_columns(*((k, lab.format(year=year)) for k, lab in columns))
    return Table(tid, kind, title, ctx.unit, cols, tuple(rows), ctx.prov(tid))


def projects_current(ctx: Ctx, tid: str, title: str) -> Table:
    return _table(ctx, tid, TableKind.PROJECTS, title, "本年", CURRENT_COLUMNS)


def projects_carryover(ctx: Ctx, tid: str, title: str) -> Table:
    return _table(ctx, tid, TableKind.PROJECTS_CARRYOVER, title, "上年结转", CARRY_COLUMNS)
