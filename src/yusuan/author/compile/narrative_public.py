"""第三部分 七 “三公”经费 and 八 机关运行经费: amounts, changes against last year, reasons."""
from __future__ import annotations

from decimal import Decimal

from ...model import Section
from ..text import item_change, money, percent
from .context import ROOT, Ctx
from .narrative_money import last_year
from .sections import Missing, section
from .three_public import agency_running_measures, three_public_measures

# (key in the 三公 measures, name in the text, 上年数 key, reason key)
ITEMS = (("abroad", "因公出国（境）费"), ("reception", "公务接待费"), ("vehicles", "公务用车购置及运行费"),
         ("running", "公务用车运行维护费"), ("purchase", "公务用车购置费"))


def _prev(ctx: Ctx, missing: Missing, key: str) -> Decimal:
    prev = last_year(ctx, key)
    if prev is None:
        missing.keys.append((f"上年数：{key}", f"{key}需与上年比较"))
    return prev or Decimal(0)


def _with_reason(ctx: Ctx, missing: Missing, now: Decimal, prev: Decimal, name: str) -> str:
    text = item_change(now, prev)
    if now != prev:
        text += f"，主要原因是：{missing.need(ctx, f'{name}变动原因', f'{name}比上年有增减')}"
    return text


def three_public_section(ctx: Ctx, missing: Missing) -> Section:
    d = ctx.book.department
    m = {k: ctx.wan(v) for k, v in three_public_measures(ctx)["total"].items()}
    total, prev = m[ROOT], _prev(ctx, missing, "三公经费")
    diff = total - prev
    if diff:
        head = (f"{d.year}年{d.name}财政拨款安排的“三公”经费预算{money(total)}，比{d.year - 1}年"
                f"{'增加' if diff > 0 else '减少'}{money(abs(diff))}，主要原因是："
                f"{missing.need(ctx, '三公经费变动原因', '“三公”经费比上年有增减')}。")
    else:
        head = f"{d.year}年{d.name}财政拨款安排的“三公”经费预算{money(total)}，与上年持平。"
    parts = [f"{name}{money(m[key])}，{_with_reason(ctx, missing, m[key], _prev(ctx, missing, name), name)}"
             for key, name in ITEMS]
    body = "其中：" + "；".join(parts[:3]) + "，" + parts[3] + "；" + parts[4] + "。"
    return section(ctx, "s3.7", 3, "七", 2, "“三公”经费增减变动原因说明", [head, body])


def agency_running_section(ctx: Ctx, missing: Missing) -> Section:
    d = ctx.book.department
    units, m = agency_running_measures(ctx)
    now, prev = ctx.wan(m["total"].get(ROOT, Decimal(0))), _prev(ctx, missing, "机关运行经费")
    diff = now - prev
    head = (f"本部门{d.year}年所属{'、'.join(units)}{len(units)}家行政、参公单位机关运行经费财政拨款预算{money(now)}，"
            f"比{d.year - 1}年预算{money(prev)}")
    if diff == 0:
        text = head + "持平。"
    else:
        rate = f"，{'增长' if diff > 0 else '下降'}{percent(abs(diff), prev)}" if prev else ""
        reason = missing.need(ctx, "机关运行经费变动原因", "机关运行经费比上年有增减")
        text = f"{head}{'增加' if diff > 0 else '减少'}{money(abs(diff))}{rate}，原因是{reason}。"
    return section(ctx, "s3.8", 3, "八", 2, "机关运行经费增减变动原因说明", [text])
