"""Shanghai's narrative: 主要职能, 机构设置, 名词解释, 预算编制说明 (one paragraph per 项).

Every figure is the printed table figure in 万元 (a 元 table's cell rounded half-up), so that the
audit's Shanghai readers, which parse these very phrases, find each one equal to its table.
"""
from __future__ import annotations

from decimal import Decimal

from ...model import BudgetUnit, Organisation, Section
from ..book import FISCAL_SOURCES, UNIT_KINDS
from ..rounding import round_half_up
from ..text import money, ordinal, share
from .context import ROOT, Ctx, name_of
from .narrative_money import last_year
from .sections import Missing, section
from .shanghai_tables import wan_ctx

CENT = Decimal("0.01")
FUND_WORDS = {"一般公共预算": "一般公共预算拨款", "政府性基金预算": "政府性基金拨款", "国有资本经营预算": "国有资本经营预算拨款"}


def who(ctx: Ctx) -> str:
    d = ctx.book.department
    return f"{d.name}（{d.level}）"


def compared(ctx: Ctx, now: Decimal, prev: Decimal, what: str = "预算") -> str:
    """``比2024年预算增加3,355.65万元`` / ``与2024年预算持平`` (amounts in 万元)."""
    y, diff = ctx.book.department.year - 1, now - prev
    if diff == 0:
        return f"与{y}年{what}持平"
    return f"比{y}年{what}{'增加' if diff > 0 else '减少'}{money(abs(diff))}"


def prev_or_missing(ctx: Ctx, missing: Missing, key: str, why: str) -> Decimal:
    prev = last_year(ctx, key)
    if prev is None:
        missing.keys.append((f"上年数：{key}", why))
    return prev or Decimal(0)


def overview(ctx: Ctx, missing: Missing) -> tuple[list[Section], Organisation]:
    d, units = ctx.book.department, ctx.book.units
    duties = [p for p in missing.need(ctx, "本部门职责", "主要职能须由部门填写").split("\n") if p.strip()]
    kinds = "，".join(f"{k}单位{sum(u.kind == k for u in units)}家" for k in UNIT_KINDS)
    head = (f"{d.name}{d.level}预算包括{len(units)}家预算单位的收支计划。本{d.level}中，{kinds}，具体包括：")
    listed = [f"{i}. {u.name}。" for i, u in enumerate(units, 1)]
    org = Organisation(" ".join([head, *listed]), d.offices, tuple(BudgetUnit(u.name, ctx.prov(), u.kind) for u in units),
                       ctx.prov(), len(d.offices) or None, len(units))
    return [section(ctx, "s1", f"{who(ctx)}主要职能", "", 1, f"{who(ctx)}主要职能", duties),
            section(ctx, "s2", f"{who(ctx)}机构设置", "", 1, f"{who(ctx)}机构设置", [head, *listed])], org


def glossary_section(ctx: Ctx) -> Section:
    paras = [f"（{ordinal(i)}）{term}：{text}" for i, (term, text) in enumerate(ctx.book.glossary, 1)]
    return section(ctx, "s3", "名词解释", "", 1, "名词解释", paras)


def explanation(ctx: Ctx, missing: Missing) -> Section:
    # The totals in 万元 from the budget rounded in 万元, so that the parts of each sentence add up
    # (a 元 book's tables round each figure on its own); each 项 below is its table's figure.
    d, wc = ctx.book.department, wan_ctx(ctx)
    cur = lambda sources=None: wc.measure("本年", sources).total[ROOT]  # noqa: E731
    fiscal = cur(FISCAL_SOURCES)
    fiscal_before = prev_or_missing(ctx, missing, "财政拨款收入", "财政拨款收入需与上年比较")
    ch = compared(ctx, fiscal, fiscal_before)
    total = cur()
    income = (f"{d.year}年，{d.name}收入预算{money(total)}，其中：财政拨款收入{money(fiscal)}，{ch}；"
              f"事业收入{money(cur(('财政专户管理资金',)))}；事业单位经营收入{money(Decimal(0))}；"
              f"其他收入{money(cur(('单位资金',)))}。")
    funds = "；".join(
        f"{FUND_WORDS[s]}支出预算{money(cur((s,)))}，"
        + compared(ctx, cur((s,)), prev_or_missing(ctx, missing, key, f"{key}需与上年比较"))
        for s, key in zip(FISCAL_SOURCES, ("一般公共预算当年支出", "政府性基金预算支出", "国有资本经营预算支出")))
    m = wc.measure("本年")
    basic, project = m.basic[ROOT], m.project[ROOT]
    spending = (f"支出预算{money(total)}，其中：财政拨款支出预算{money(fiscal)}，{ch}。财政拨款支出预算中，{funds}。")
    nature = f"{d.year}年{d.name}支出预算{money(total)}，其中：基本支出{share(basic, total)}；项目支出{share(project, total)}。"
    paras = [income, spending, nature]
    if fiscal != fiscal_before:
        reason = missing.need(ctx, "收支变动原因", "财政拨款收入支出比上年有增减")
        paras.append(f"财政拨款收入支出{'增加' if fiscal > fiscal_before else '减少'}的主要原因是{reason}。")
    items = item_paragraphs(ctx, missing)
    if items:
        paras += ["财政拨款支出主要内容如下：", *items]
    title = f"{d.year}年{d.level}预算编制说明"
    return section(ctx, "s4", title, "", 1, title, paras)


def item_paragraphs(ctx: Ctx, missing: Missing) -> list[str]:
    """``1. “类（类）款（款）项（项）”科目x万元，主要用于…。`` for every 项 of each fiscal table.

    The audit finds each 项 by its full 类/款/项 path in all three function tables. A code funded
    from two budgets is stated once per table; last year's execution goes with its first mention.
    """
    out: list[str] = []
    said: set[str] = set()
    for source in FISCAL_SOURCES:
        for code, value in sorted(ctx.measure("本年", (source,)).total.items()):
            if len(code) != 7 or not value:
                continue
            names = (name_of(code[:3]), name_of(code[:5]), name_of(code))
            now = ctx.wan(value)
            purpose = ctx.book.item_purposes.get(code, "").strip().rstrip("。")
            if not purpose:
                missing.keys.append((f"科目说明：{code}", f"编制说明须写明“{names[2]}”科目的主要用途"))
            text = f"“{names[0]}（类）{names[1]}（款）{names[2]}（项）”科目{money(now)}，主要用于{purpose}。"
            out.append(f"{len(out) + 1}. {text}" + ("" if code in said else _executed(ctx, code, now)))
            said.add(code)
    return out


def _executed(ctx: Ctx, code: str, now: Decimal) -> str:
    """Last year's execution and the rate of change, where the book gives it."""
    before = ctx.book.item_last_year.get(code)
    if before is None:
        return ""
    y, prev = ctx.book.department.year, round_half_up(before / 10000, CENT)
    diff = now - prev
    if diff == 0:
        change = "持平"
    else:
        word = "增加" if diff > 0 else "减少"
        change = word + (f"{round_half_up(abs(diff) / prev * 100, CENT)}%" if prev else "")
    return (f"{y - 1}年当年预算执行数为{prev:,.2f}万元，{y}年预算安排{now:,.2f}万元，"
            f"比{y - 1}年预算执行数{change}。")
