"""概况, 第三部分 九 to 十二 (采购, 绩效, 资产, 其他) and 第四部分 名词解释."""
from __future__ import annotations

from decimal import Decimal

from ...model import Amount, AssetHoldings, MoneyUnit, BudgetUnit, Count, GlossaryEntry, Organisation, Procurement, Section
from ..rounding import apportion, round_half_up
from ..sheets import VEHICLE_KINDS
from ..text import money, ordinal, percent
from .context import ROOT, Ctx
from .project_tables import project_measures
from .sections import Missing, section


def overview(ctx: Ctx, missing: Missing) -> tuple[list[Section], Organisation]:
    d = ctx.book.department
    duties = [p for p in missing.need(ctx, "本部门职责", "概况须写明部门职责").split("\n") if p.strip()]
    units = [u.name for u in ctx.book.units]
    org_text = (f"{d.name}设置{len(d.offices)}个内设机构：{'、'.join(d.offices)}。" if d.offices else "") + \
        f"下属预算单位{len(units)}个，分别是{'、'.join(units)}。"
    org = Organisation(org_text, d.offices, tuple(BudgetUnit(u.name, ctx.prov(), u.kind) for u in ctx.book.units),
                       ctx.prov(), len(d.offices) or None, len(units))
    return [section(ctx, "s1", 1, "", 1, "概况", []),
            section(ctx, "s1.1", 1, "一", 2, "本部门职责", duties),
            section(ctx, "s1.2", 1, "二", 2, "机构设置情况", [org_text])], org


def procurement_parts(ctx: Ctx) -> tuple[tuple[Decimal, Decimal, Decimal, Decimal], Procurement | None]:
    """(total, goods, works, services) in 万元, the parts adding up to the total, and the record."""
    cent, p = Decimal("0.01"), ctx.book.procurement
    exact = [p.get(k, Decimal(0)) / 10000 for k in ("货物", "工程", "服务")]  # the text speaks 万元
    total = round_half_up(sum(exact, Decimal(0)), cent)
    goods, works, services = apportion(total, exact, cent)
    a = lambda v: Amount(v, MoneyUnit.WAN_YUAN, 2)  # noqa: E731
    record = Procurement(a(total), a(goods), a(works), a(services), ctx.prov()) if p else None
    return (total, goods, works, services), record


def procurement(ctx: Ctx) -> tuple[Section, Procurement | None]:
    d = ctx.book.department
    (total, goods, works, services), record = procurement_parts(ctx)
    text = (f"{d.year}年{d.name}政府采购预算总额{money(total)}。其中：政府采购货物预算{money(goods)}、"
            f"政府采购工程预算{money(works)}、政府采购服务预算{money(services)}。")
    return section(ctx, "s3.9", 3, "九", 2, "政府采购情况", [text]), record


def performance(ctx: Ctx) -> list[Section]:
    d, cent = ctx.book.department, Decimal("0.01")
    _, cur = project_measures(ctx, "本年")
    projects = ctx.wan(cur["total"].get(ROOT, Decimal(0)))
    # as the audit reads them: 本年收入合计, 支出总表 基本支出, 项目支出表（本年） 合计
    whole, basic = ctx.wan(ctx.measure("本年").total[ROOT]), ctx.wan(ctx.measure().basic[ROOT])
    overall = (f"{d.year}年编报部门整体支出绩效目标，涉及部门预算资金{money(whole).replace(',', '')}，"
               f"其中基本支出{money(basic).replace(',', '')}，项目支出{money(projects).replace(',', '')}；"
               f"机关及下属预算单位{len(ctx.book.units)}个。")
    category = {(p.unit, p.name): p.category for p in ctx.book.projects}
    by_cat: dict[str, list[Decimal]] = {"其他运转类": [], "特定目标类": []}
    for t in ctx.book.targets:
        by_cat.setdefault(category.get((t.unit, t.project_name), "特定目标类"), []).append(t.funding_year.total / 10000)
    exact = [sum(v, Decimal(0)) for v in by_cat.values()]
    amount = round_half_up(sum(exact, Decimal(0)), cent)
    cats = apportion(amount, exact, cent)
    n = len(ctx.book.targets)
    # the forms' 年度资金 include carried-over funds: the base is all 项目支出 (支出总表)
    all_projects = ctx.wan(ctx.measure().project[ROOT])
    detail = "；".join(f"{c}项目{len(v)}个，涉及金额{money(a)}" for (c, v), a in zip(by_cat.items(), cats))
    detail2 = "；".join(f"{c}项目{len(v)}个，涉及项目金额{money(a)}" for (c, v), a in zip(by_cat.items(), cats))
    text = (f"{d.year}年{d.name}纳入绩效目标管理的二级项目{n}个，共计金额{money(amount)}。其中：{detail}。"
            f"公开项目绩效目标{n}个，涉及项目金额{money(amount)}，占部门（单位）项目支出总额的"
            f"{percent(amount, all_projects)}。其中：{detail2}。")
    return [section(ctx, "s3.10", 3, "十", 2, "绩效管理情况", []),
            section(ctx, "s3.10.1", 3, "1", 4, "整体绩效目标", [overall]),
            section(ctx, "s3.10.2", 3, "2", 4, "项目绩效目标", [text, "（项目绩效目标表公开情况见附件）"])]


def assets(ctx: Ctx) -> tuple[list[Section], AssetHoldings | None]:
    a, d = ctx.book.assets, ctx.book.department
    if not a:
        return [], None
    when = a.get("截至日期", "")
    kinds = "，".join(f"{k}{a.get(k, '0')}辆" for k in VEHICLE_KINDS)
    cars = (f"截至{when}，{d.name}共有公务用车编制{a.get('公务用车编制', '0')}辆，实有{a.get('公务用车实有', '0')}辆，"
            f"其中：{kinds}。")
    area = a.get("办公用房建筑面积（平方米）", "0")
    rooms = f"截至{when}，{d.name}使用的办公用房建筑总面积{area}平方米。"
    e50, e100 = a.get("50万元以上通用设备（台套）", "0"), a.get("100万元以上通用设备（台套）", "0")
    equip = (f"截至{when}，{d.name}占有使用价值50万元（原值）以上的通用设备{e50}台（套）；"
             f"{d.name}占有使用价值100万元（原值）以上的通用设备{e100}台（套）。")
    p = ctx.prov()
    holdings = AssetHoldings(
        when, int(a.get("公务用车编制", "0") or 0), int(a.get("公务用车实有", "0") or 0),
        tuple(Count(k, Decimal(a.get(k, "0") or "0"), "辆", p) for k in VEHICLE_KINDS), Decimal(area or "0"),
        (Count("价值50万元以上通用设备", Decimal(e50 or "0"), "台（套）", p),
         Count("价值100万元以上通用设备", Decimal(e100 or "0"), "台（套）", p)), p)
    return [section(ctx, "s3.11", 3, "十一", 2, "国有资产占有使用情况", []),
            section(ctx, "s3.11.1", 3, "1", 4, "车辆情况", [cars]),
            section(ctx, "s3.11.2", 3, "2", 4, "房屋情况", [rooms]),
            section(ctx, "s3.11.3", 3, "3", 4, "其他国有资产占有使用情况", [equip])], holdings


def others(ctx: Ctx) -> list[Section]:
    t = ctx.book.texts
    return [section(ctx, "s3.12", 3, "十二", 2, "其他说明", []),
            section(ctx, "s3.12.1", 3, "（一）", 3, "政府购买服务指导性目录", [t.get("政府购买服务指导性目录", "")]),
            section(ctx, "s3.12.2", 3, "（二）", 3, "其他", [t.get("其他说明", "")])]


def glossary(ctx: Ctx) -> tuple[Section, tuple[GlossaryEntry, ...]]:
    entries = tuple(GlossaryEntry(term, text, ctx.prov()) for term, text in ctx.book.glossary)
    paras = [f"{ordinal(i)}、{e.term}：{e.definition}" for i, e in enumerate(entries, 1)]
    return section(ctx, "s4", 4, "", 1, "名词解释", paras), entries
