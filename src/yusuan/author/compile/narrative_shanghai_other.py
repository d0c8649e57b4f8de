"""Shanghai's 其他相关情况说明: 三公, 机关运行经费, 政府采购, 绩效目标设置, 国有资产.

The 三公 amounts all come first (the audit reads each item's first mention as its amount), then
one sentence per item with its change against last year and the reason the book gives.
"""
from __future__ import annotations

from decimal import Decimal

from ...model import Section
from ..rounding import round_half_up
from ..sheets import VEHICLE_KINDS
from ..text import money
from .context import ROOT, Ctx
from .narrative_other import procurement_parts
from .narrative_shanghai import compared, prev_or_missing, who
from .sections import Missing, section
from .shanghai_tables import wan_ctx
from .three_public import agency_running_measures, three_public_measures

PART = "其他相关情况说明"
# (measure key, name in the text, 上年数 and reason key)
ITEMS = (("abroad", "因公出国（境）费", "因公出国（境）费"), ("vehicles", "公务用车购置及运行费", "公务用车购置及运行费"),
         ("purchase", "公务用车购置费", "公务用车购置费"), ("running", "公务用车运行费", "公务用车运行维护费"),
         ("reception", "公务接待费", "公务接待费"))


def _with_reason(ctx: Ctx, missing: Missing, now: Decimal, prev: Decimal, key: str, what: str) -> str:
    text = compared(ctx, now, prev)
    if now != prev:
        text += f"，主要原因是{missing.need(ctx, f'{key}变动原因', f'{what}比上年有增减')}"
    return text


def three_public(ctx: Ctx, missing: Missing) -> Section:
    y = ctx.book.department.year
    m = three_public_measures(wan_ctx(ctx))["total"]
    total = m[ROOT]
    prev = prev_or_missing(ctx, missing, "三公经费", "“三公”经费需与上年比较")
    head = f"{y}年“三公”经费预算数为{money(total)}，{_with_reason(ctx, missing, total, prev, '三公经费', '“三公”经费')}。"
    a = {k: money(m[k]) for k, _, _ in ITEMS}
    parts = (f"其中：因公出国（境）费{a['abroad']}；公务用车购置及运行费{a['vehicles']}（其中：公务用车购置费"
             f"{a['purchase']}，公务用车运行费{a['running']}）；公务接待费{a['reception']}。")
    changes = []
    for key, name, book_key in ITEMS:
        before = prev_or_missing(ctx, missing, book_key, f"{book_key}需与上年比较")
        changes.append(f"{name}{_with_reason(ctx, missing, m[key], before, book_key, book_key)}。")
    return section(ctx, "s5.1", PART, "一", 2, f"{y}年“三公”经费预算情况说明", [head, parts, *changes])


def agency_running(ctx: Ctx, missing: Missing) -> Section:
    units, m = agency_running_measures(wan_ctx(ctx))
    now = m["total"].get(ROOT, Decimal(0))
    kinds = {u.name: u.kind for u in ctx.book.units}
    admin, civil = sum(kinds[u] == "行政" for u in units), sum(kinds[u] == "参公" for u in units)
    prev = prev_or_missing(ctx, missing, "机关运行经费", "机关运行经费需与上年比较")
    change = _with_reason(ctx, missing, now, prev, "机关运行经费", "机关运行经费")
    text = (f"{ctx.book.department.year}年{who(ctx)}下属{admin}家机关和{civil}家参公事业单位财政拨款的"
            f"机关运行经费预算为{money(now)}，{change}。")
    return section(ctx, "s5.2", PART, "二", 2, "机关运行经费预算", [text])


def procurement(ctx: Ctx):
    d = ctx.book.department
    (total, goods, works, services), record = procurement_parts(ctx)
    text = (f"{d.year}年本{d.level}政府采购预算{money(total)}，其中：政府采购货物预算{money(goods)}、"
            f"政府采购工程预算{money(works)}、政府采购服务预算{money(services)}。")
    return section(ctx, "s5.3", PART, "三", 2, "政府采购预算情况", [text]), record


def performance(ctx: Ctx) -> Section:
    d, targets = ctx.book.department, ctx.book.targets
    amount = round_half_up(sum((t.funding_year.total for t in targets), Decimal(0)) / 10000, Decimal("0.01"))
    units = len({t.unit for t in targets})
    if not targets:
        return section(ctx, "s5.4", PART, "四", 2, "绩效目标设置情况", [f"{d.year}年本{d.level}未编报项目预算绩效目标。"])
    text = (f"按照预算绩效管理工作的总体要求，本{d.level}{units}个预算单位开展了{d.year}年项目预算绩效目标编报工作，"
            f"编报绩效目标的项目{len(targets)}个，涉及项目预算资金{money(amount)}。")
    return section(ctx, "s5.4", PART, "四", 2, "绩效目标设置情况", [text])


def assets(ctx: Ctx) -> list[Section]:
    a = ctx.book.assets
    if not a:
        return []
    kinds = "、".join(f"{k}{a.get(k) or '0'}辆" for k in VEHICLE_KINDS)
    text = (f"截至{a.get('截至日期', '')}，{who(ctx)}共有车辆{a.get('公务用车实有') or '0'}辆，其中：{kinds}；"
            f"单价100万元（含）以上设备（不含车辆）{a.get('100万元以上通用设备（台套）') or '0'}台（套）。")
    return [section(ctx, "s5.5", PART, "五", 2, "国有资产占有使用情况", [text])]


def others(ctx: Ctx, missing: Missing):
    buy, record = procurement(ctx)
    sections = [section(ctx, "s5", PART, "", 1, "其他相关情况说明", []), three_public(ctx, missing),
                agency_running(ctx, missing), buy, performance(ctx), *assets(ctx)]
    return sections, record
