"""Book → Disclosure: every table derived from the lines, the narrative written around them."""
from __future__ import annotations

import hashlib

from ...model import Disclosure, DocumentMeta, GlossaryEntry, Level, Section, SourceInfo, Stage, Table
from ..book import Book, Where
from ..cells import BookError, Problem
from . import fund_tables as fund, function_tables as fn, project_tables as pj, summary_tables as sm
from .context import Ctx
from .economic_table import basic_economic
from .narrative_money import money_sections
from .narrative_other import assets, glossary, others, overview, performance, procurement
from .narrative_public import agency_running_section, three_public_section
from .sections import Missing, section
from .targets import target_forms
from .three_public import agency_running, three_public

# Shanxi's 13 tables: builder and printed title ({y} = the budget year).
SHANXI_13 = (
    (sm.income_expenditure_summary, "{y}年预算收支总表"),
    (fn.income_summary, "{y}年预算收入总表"),
    (fn.expenditure_summary, "{y}年预算支出总表"),
    (sm.fiscal_summary, "{y}年财政拨款收支总表"),
    (fn.general_expenditure, "{y}年一般公共预算支出预算表（不含上年结转）"),
    (basic_economic, "{y}年一般公共预算安排基本支出分经济科目表（不含上年结转）"),
    (fund.fund_income, "{y}年政府性基金预算收入表（不含上年结转）"),
    (fn.fund_expenditure, "{y}年政府性基金预算支出表（不含上年结转）"),
    (fund.state_capital, "{y}年国有资本经营预算收支预算表（不含上年结转）"),
    (three_public, "{y}年财政拨款安排“三公”经费支出预算表"),
    (agency_running, "{y}年财政拨款安排机关运行经费预算表"),
    (pj.projects_current, "{y}年项目支出预算表（本年预算）"),
    (pj.projects_carryover, "{y}年项目支出预算表（上年结转）"),
)


def _tables(ctx: Ctx) -> tuple[Table, ...]:
    from dataclasses import replace

    d = ctx.book.department
    if d.template == "shanghai-9":
        from .shanghai_tables import SHANGHAI_9

        who = "部门" if d.level == "部门" else "预算单位"
        return tuple(replace(build(ctx, f"t{i:02d}", title.format(y=d.year, who=who)), entity=d.name)
                     for i, (build, title) in enumerate(SHANGHAI_9, 1))
    out = []
    for i, (build, title) in enumerate(SHANXI_13, 1):
        t = build(ctx, f"t{i:02d}", title.format(y=d.year))
        out.append(replace(t, caption=f"预算公开表{i}", entity=d.name))
    return tuple(out)


def _shanghai_sections(ctx: Ctx, missing: Missing):
    from .narrative_other import assets
    from .narrative_shanghai import explanation, glossary_section, overview as sh_overview
    from .narrative_shanghai_other import others as sh_others

    head, org = sh_overview(ctx, missing)
    gloss = glossary_section(ctx)
    rest, bought = sh_others(ctx, missing)
    _, held = assets(ctx)
    entries = tuple(GlossaryEntry(t, x, ctx.prov()) for t, x in ctx.book.glossary)
    return (*head, gloss, explanation(ctx, missing), *rest), org, bought, held, entries


def _sections(ctx: Ctx, missing: Missing):
    if ctx.book.department.template == "shanghai-9":
        return _shanghai_sections(ctx, missing)
    y = ctx.book.department.year
    head, org = overview(ctx, missing)
    buy, bought = procurement(ctx)
    held_sections, held = assets(ctx)
    gloss, entries = glossary(ctx)
    sections: list[Section] = [
        *head,
        section(ctx, "s2", 2, "", 1, f"{y}年部门预算报表", []),
        section(ctx, "s3", 3, "", 1, f"{y}年度部门预算情况说明", []),
        *money_sections(ctx, missing),
        three_public_section(ctx, missing),
        agency_running_section(ctx, missing),
        buy, *performance(ctx), *held_sections, *others(ctx), gloss,
    ]
    return tuple(sections), org, bought, held, entries


def _missing_problem(key: str, why: str) -> Problem:
    """A missing text or figure, placed on its sheet: 说明文字, 上年数 (``上年数：key``) or 科目说明
    (``科目说明：code``)."""
    sheet, _, name = key.rpartition("：") if key.startswith(("上年数：", "科目说明：")) else ("说明文字", "", key)
    where = Where(sheet, None, "主要用途" if sheet == "科目说明" else name)
    what = f"科目{name}的主要用途" if sheet == "科目说明" else name
    return Problem(where, f"缺少“{what}”（{why}），编制程序不会代写，请补充")


def compile_book(book: Book, file: str = "book", digest: bytes = b"") -> Disclosure:
    """The disclosure of a checked book; raises BookError when a required human text is missing."""
    ctx = Ctx(book, file)
    missing = Missing()
    sections, org, bought, held, entries = _sections(ctx, missing)
    if missing.keys:
        raise BookError([_missing_problem(k, why) for k, why in dict.fromkeys(missing.keys)])
    d = book.department
    level = Level.UNIT if d.level == "单位" else Level.DEPARTMENT
    meta = DocumentMeta(f"{d.year}年度{d.level}预算公开", d.name, level, Stage.BUDGET, d.year, d.template,
                        d.region or None)
    source = SourceInfo(file, "budget-book", hashlib.sha256(digest).hexdigest(), len(digest))
    return Disclosure(meta, source, _tables(ctx), sections, target_forms(ctx), (), org, entries, bought, held)
