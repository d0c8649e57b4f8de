"""第三部分 一 to 六: totals, sources, basic vs project, fiscal appropriation, general public budget."""
from __future__ import annotations

from decimal import Decimal

from ...model import Section
from ..book import FISCAL_SOURCES, SOURCE_KEYS
from ..rounding import round_half_up
from ..text import change, money, share
from .context import ROOT, Ctx, name_of
from .economic_table import economic_measures
from .sections import Missing, section
from .summary_tables import CLASSES


def last_year(ctx: Ctx, key: str) -> Decimal | None:
    """Last year's figure in 万元, as the narrative quotes it."""
    v = ctx.book.last_year.get(key)
    return None if v is None else round_half_up(v / 10000, Decimal("0.01"))


def totals(ctx: Ctx) -> dict[str, Decimal]:
    everything = ctx.measure()
    printed = {
        "total": everything.total[ROOT], "current": ctx.measure("本年").total[ROOT],
        "carry": ctx.measure("上年结转").total[ROOT], "basic": everything.basic[ROOT],
        "project": everything.project[ROOT],
        **{k: ctx.measure("本年", (s,)).total[ROOT] for s, k in SOURCE_KEYS.items()},
    }
    return {k: ctx.wan(v) for k, v in printed.items()}


def change_and_reason(ctx: Ctx, missing: Missing, now: Decimal, key: str, reason_key: str, what: str) -> str:
    prev = last_year(ctx, key)
    if prev is None:
        missing.keys.append((f"上年数：{key}", f"{what}需与上年比较"))
        return ""
    text = change(now, prev)
    if now != prev:
        text += f"，主要原因是：{missing.need(ctx, reason_key, f'{what}比上年有增减')}"
    return text


def money_sections(ctx: Ctx, missing: Missing) -> list[Section]:
    t = totals(ctx)
    who = f"{ctx.book.department.year}年度{ctx.book.department.name}"
    m = money
    ch = change_and_reason(ctx, missing, t["total"], "收支总计", "收支变动原因", "收支总计")
    s1 = (f"{who}预算收入总计{m(t['total'])}，其中：本年收入{m(t['current'])}，上年结转{m(t['carry'])}，{ch}；"
          f"本年部门预算支出总计{m(t['total'])}，其中：本年预算安排{m(t['current'])}，上年结转{m(t['carry'])}，{ch}。")
    names = ("一般公共预算拨款收入", "政府性基金预算拨款收入", "国有资本经营预算拨款收入", "财政专户管理资金收入", "单位资金")
    if t["total"]:
        parts = [f"{n}{share(t[k], t['total'])}" for n, k in zip(names, SOURCE_KEYS.values())]
        s2 = f"{who}预算收入{m(t['total'])}，主要包括{'；'.join(parts)}；上年结转{share(t['carry'], t['total'])}。"
        s3 = f"{who}支出预算{m(t['total'])}，其中：基本支出{share(t['basic'], t['total'])}；项目支出{share(t['project'], t['total'])}。"
    else:  # nothing to share out
        s2, s3 = f"{who}预算收入{m(t['total'])}。", f"{who}支出预算{m(t['total'])}。"
    out = [section(ctx, "s3.1", 3, "一", 2, "部门预算收支数据变动情况及原因", [s1]),
           section(ctx, "s3.2", 3, "二", 2, "收入预算情况说明", [s2]),
           section(ctx, "s3.3", 3, "三", 2, "支出预算情况说明", [s3]),
           _fiscal(ctx, who, m), *_general(ctx, missing, who, m), _basic(ctx, who, m)]
    return out


def _fiscal(ctx: Ctx, who: str, m) -> Section:
    classes = {c: ctx.wan(v) for c, v in ctx.measure(None, FISCAL_SOURCES).total.items()}
    total = classes[ROOT]
    by = {SOURCE_KEYS[s]: ctx.wan(ctx.measure(None, (s,)).total[ROOT]) for s in FISCAL_SOURCES}
    cur = ctx.wan(ctx.measure("本年", FISCAL_SOURCES).total[ROOT])
    carry = ctx.wan(ctx.measure("上年结转", FISCAL_SOURCES).total[ROOT])
    spent = "、".join(f"{name_of(c)}{m(classes[c])}" for c in CLASSES if classes.get(c))
    text = (f"{who}财政拨款收支总预算{m(total)}。其中：一般公共预算拨款{m(by['general_public'])}，"
            f"政府性基金预算拨款{m(by['gov_fund'])}，国有资本经营预算拨款{m(by['state_capital'])}。"
            f"其中：当年拨款收入{m(cur)}，上年结转收入{m(carry)}。支出包括：{spent}等。")
    return section(ctx, "s3.4", 3, "四", 2, "财政拨款收支预算总体情况说明", [text])


def _general(ctx: Ctx, missing: Missing, who: str, m) -> list[Section]:
    gp = {c: ctx.wan(v) for c, v in ctx.measure("本年", ("一般公共预算",)).total.items()}
    total = gp.get(ROOT, Decimal(0))
    prev = last_year(ctx, "一般公共预算当年支出")
    if prev is None:
        missing.keys.append(("上年数：一般公共预算当年支出", "一般公共预算当年支出需与上年比较"))
    scale = f"{who}一般公共预算当年支出{m(total)}，{change(total, prev or Decimal(0))}。"
    parts = "；".join(f"{name_of(c)}{share(gp[c], total)}" for c in CLASSES if gp.get(c))
    structure = f"{who}一般公共预算当年支出{m(total)}，主要用于以下方面：{parts}等。"
    return [section(ctx, "s3.5", 3, "五", 2, "一般公共预算支出情况说明", []),
            section(ctx, "s3.5.1", 3, "（一）", 3, "一般公共预算当年支出规模变化情况", [scale]),
            section(ctx, "s3.5.2", 3, "（二）", 3, "一般公共预算当年支出结构情况", [structure])]


def _basic(ctx: Ctx, who: str, m) -> Section:
    e = economic_measures(ctx)
    pairs = [p for cls in e["_children"][ROOT] for p in e["_children"][cls]]

    def items(key: str) -> str:
        seen = dict.fromkeys(name_of(p[0]) for p in pairs if e[key].get(p))
        return "、".join(seen)

    paras = [f"{who}一般公共预算安排基本支出{m(ctx.wan(e['total'].get(ROOT, Decimal(0))))}，其中：",
             f"人员经费{m(ctx.wan(e['personnel'].get(ROOT, Decimal(0))))}，主要包括：{items('personnel')}等；",
             f"公用经费{m(ctx.wan(e['operating'].get(ROOT, Decimal(0))))}，主要包括：{items('operating')}等。"]
    return section(ctx, "s3.6", 3, "六", 2, "一般公共预算基本支出情况说明", paras)
