"""Table sets by template, as data: which tables a publication of a template must carry, in order.

Recognisers detect the template from the tables found; the audit's completeness rules and the
reviewer's checklist read the required set from here, so a new region is one entry, not new code.
"""
from __future__ import annotations

from dataclasses import dataclass

from .model.tables import TableKind as K


@dataclass(frozen=True)
class Template:
    name: str
    region: str  # Chinese name of the region whose rules it follows
    unit_hint: str  # the money unit its tables usually print (each table states its own)
    tables: tuple[K, ...]  # required tables, in publication order
    distinctive: tuple[K, ...] = ()  # kinds only this template has (used to tell templates apart)
    stage: str = "budget"  # the model's Stage value: "budget" (预算) or "final_accounts" (决算)
    # An empty table carries its own 本表无数据 note (Shanxi's rule); elsewhere the 说明 saying the money is nil
    # (上海: 政府性基金拨款支出预算0万元) tells the reader as well.
    note_under_empty_table: bool = False

    @property
    def name_zh(self) -> str:
        """The name users see: 山西13表, 上海9表; 通用格式 for the region-less sets."""
        return f"{self.region}{len(self.tables)}表" if self.region else "通用格式"


SHANXI_13 = Template(
    name="shanxi-13",
    region="山西",
    unit_hint="万元",
    tables=(
        K.INCOME_EXPENDITURE_SUMMARY, K.INCOME_SUMMARY, K.EXPENDITURE_SUMMARY, K.FISCAL_SUMMARY,
        K.GENERAL_EXPENDITURE, K.GENERAL_BASIC_ECONOMIC, K.FUND_INCOME, K.FUND_EXPENDITURE,
        K.STATE_CAPITAL, K.THREE_PUBLIC, K.AGENCY_RUNNING, K.PROJECTS, K.PROJECTS_CARRYOVER,
    ),
    distinctive=(K.FUND_INCOME, K.STATE_CAPITAL, K.PROJECTS, K.PROJECTS_CARRYOVER, K.AGENCY_RUNNING),
    note_under_empty_table=True,
)

SHANGHAI_9 = Template(
    name="shanghai-9",
    region="上海",
    unit_hint="元",
    tables=(
        K.INCOME_EXPENDITURE_SUMMARY, K.INCOME_SUMMARY, K.EXPENDITURE_SUMMARY, K.FISCAL_SUMMARY,
        K.GENERAL_EXPENDITURE, K.FUND_EXPENDITURE, K.STATE_CAPITAL_EXPENDITURE,
        K.GENERAL_BASIC_ECONOMIC, K.THREE_PUBLIC_AND_RUNNING,
    ),
    distinctive=(K.STATE_CAPITAL_EXPENDITURE, K.THREE_PUBLIC_AND_RUNNING),
)

# Shanghai 决算 (部门决算): nine tables in 万元; the 三公 table prints 预算数 and 决算数 per item, there is
# no 机关运行经费 table (the narrative states it). Read by recognize/tables/shanghai_final.py.
SHANGHAI_FINAL_9 = Template(
    name="shanghai-final-9",
    region="上海",
    unit_hint="万元",
    tables=(
        K.INCOME_EXPENDITURE_SUMMARY, K.INCOME_SUMMARY, K.EXPENDITURE_SUMMARY, K.FISCAL_SUMMARY,
        K.GENERAL_EXPENDITURE, K.GENERAL_BASIC_ECONOMIC, K.THREE_PUBLIC, K.FUND_EXPENDITURE,
        K.STATE_CAPITAL_EXPENDITURE,
    ),
    distinctive=(K.STATE_CAPITAL_EXPENDITURE, K.THREE_PUBLIC),
    stage="final_accounts",
)

# Jiangsu provincial departments: twelve tables in 万元 (财政拨款支出 and 基本支出 tables, 政府采购).
JIANGSU_12 = Template(
    name="jiangsu-12",
    region="江苏",
    unit_hint="万元",
    tables=(
        K.INCOME_EXPENDITURE_SUMMARY, K.INCOME_SUMMARY, K.EXPENDITURE_SUMMARY, K.FISCAL_SUMMARY,
        K.FISCAL_EXPENDITURE, K.FISCAL_BASIC_ECONOMIC, K.FUND_EXPENDITURE, K.GENERAL_EXPENDITURE,
        K.GENERAL_BASIC_ECONOMIC, K.AGENCY_RUNNING, K.THREE_PUBLIC, K.PROCUREMENT,
    ),
    distinctive=(K.FISCAL_EXPENDITURE, K.FISCAL_BASIC_ECONOMIC, K.PROCUREMENT),
)

# The Ministry of Finance's core set, by meaning, for publications that fit no regional template.
GENERIC = Template(
    name="generic",
    region="",
    unit_hint="",
    tables=(
        K.INCOME_EXPENDITURE_SUMMARY, K.INCOME_SUMMARY, K.EXPENDITURE_SUMMARY, K.FISCAL_SUMMARY,
        K.GENERAL_EXPENDITURE, K.GENERAL_BASIC_ECONOMIC, K.FUND_EXPENDITURE,
    ),
)

# The national core every 部门预算 prints, whatever the region calls it (recognize/tables/national.py): the
# template of a publication whose tables the national profile read.
NATIONAL = Template(
    name="national",
    region="",
    unit_hint="",
    tables=(
        K.INCOME_EXPENDITURE_SUMMARY, K.INCOME_SUMMARY, K.EXPENDITURE_SUMMARY, K.FISCAL_SUMMARY,
        K.GENERAL_EXPENDITURE, K.GENERAL_BASIC_ECONOMIC, K.THREE_PUBLIC,
    ),
)
# The nine tables of every 部门决算 (财政部 部门决算公开 格式).
NATIONAL_FINAL = Template(
    name="national-final",
    region="",
    unit_hint="",
    tables=(
        K.INCOME_EXPENDITURE_SUMMARY, K.INCOME_SUMMARY, K.EXPENDITURE_SUMMARY, K.FISCAL_SUMMARY,
        K.GENERAL_EXPENDITURE, K.GENERAL_BASIC_ECONOMIC, K.THREE_PUBLIC, K.FUND_EXPENDITURE,
        K.STATE_CAPITAL_EXPENDITURE,
    ),
    stage="final_accounts",
)
# A kind a template requires is also published as these (三公 with 机关运行经费 in one table …).
EQUIVALENT_KINDS = {
    K.THREE_PUBLIC: (K.THREE_PUBLIC_AND_RUNNING,),
    K.FUND_EXPENDITURE: (K.FUND_SUMMARY,),
    K.STATE_CAPITAL_EXPENDITURE: (K.STATE_CAPITAL,),
}
REGIONAL = (SHANXI_13, SHANGHAI_9, SHANGHAI_FINAL_9, JIANGSU_12)
TEMPLATES = {t.name: t for t in (*REGIONAL, NATIONAL, NATIONAL_FINAL, GENERIC)}


def national_template(stage: str = "budget") -> Template:
    return NATIONAL_FINAL if stage == NATIONAL_FINAL.stage else NATIONAL


def has_kind(found: set[K] | frozenset[K], kind: K) -> bool:
    """Whether `kind`, or a table published in its place, is among the found kinds."""
    return kind in found or any(k in found for k in EQUIVALENT_KINDS.get(kind, ()))


def template_for(kinds: set[K] | frozenset[K], stage: str = "budget") -> Template:
    """The template of the stage whose distinctive tables the found kinds include most (generic if none)."""
    scored = [(sum(k in kinds for k in t.distinctive), t) for t in REGIONAL if t.stage == stage]
    best_score, best = max(scored, key=lambda s: s[0])
    return best if best_score > 0 else GENERIC


def template(name: str) -> Template:
    return TEMPLATES.get(name, GENERIC)


def template_zh(name: str | None) -> str:
    """What people call a template: shanxi-13 → 山西13表, shanghai-9 → 上海9表, a 决算 set → 上海决算9表; one that fits no region → 通用格式."""
    t = TEMPLATES.get(name or "")
    if t is None:
        return name or ""
    stage = "决算" if t.stage != "budget" else ""
    return f"{t.region}{stage}{len(t.tables)}表" if t.region else f"通用{stage}格式"
