"""Every rule of every family has a failing and a passing example: a rule added without one fails this suite.

The arithmetic, cross-table, code and completeness families keep their tables of cases in their own test
files (test_rules_arith/cross/code/complete: CASES); every other family's are here, one (failing, passing)
pair of documents per rule — small inline cases that read like the domain, or real documents with one
figure or phrase changed. The failing example must raise a finding of the rule; the passing one none
(a 尾差 note aside, for rules that also report rounding)."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Callable

import pytest
from builders import K, disclosure, edit, organisation, section, table, total
from test_rules_final import ITEM, THREE, final, general, summary, three_public
from test_rules_narrative import (
    BASIC, FISCAL_TEXT, INCOME_TEXT, OPENING, OVERALL, RUNNING_TEXT, SPENDING_TEXT, STRUCTURE, THREE_TEXT, doc,
)
from test_rules_org import LISTED, PROJECTS as ORG_PROJECTS, RUNNING as ORG_RUNNING, TEXT as RUNNING_UNITS
from test_rules_project_statements import doc as statements_doc, statement
from test_rules_reviewer import said as said_in
from test_rules_target import FORMS, PROJECTS as TARGET_PROJECTS, WHOLE, claims, doc as target_doc, form, funding
from test_rules_wording import said

from yusuan.audit import Severity, audit, default_catalog
from yusuan.audit.catalog import FAMILIES
from yusuan.audit.partners import Partners
from yusuan.ingest import read_disclosure
from yusuan.model import Column, Disclosure, PerformanceTarget, Stage

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
# a document; or (document, last year's); or (document, Partners) for the cross-document rules
Doc = Callable[[], "Disclosure | tuple[Disclosure, Disclosure | Partners]"]


@lru_cache(maxsize=None)
def real(name: str) -> Disclosure:
    return read_disclosure(SAMPLES / name)


def reworded(name: str, old: str, new: str) -> Disclosure:
    """A real document with one phrase of its narrative printed otherwise."""
    d = real(name)
    assert any(old in p.text for s in d.sections for p in s.paragraphs), old
    return replace(d, sections=tuple(replace(s, paragraphs=tuple(replace(p, text=p.text.replace(old, new, 1))
                                                                 for p in s.paragraphs)) for s in d.sections))


WANLI25, WELFARE = "pdf/putuo-wanli-2025-dept-budget.pdf", "pdf/putuo-welfare-home-2024-unit-budget.pdf"
JUSTICE, PLANNING = "checklists/putuo-justice-2026-dept-budget.pdf", "final/putuo-planning-2024-final.pdf"
S31, S33, S36 = ("s3.1", "部门预算收支数据变动情况及原因"), ("s3.3", "支出预算情况说明"), ("s3.6", "一般公共预算基本支出情况说明")
S37, S38 = ("s3.7", "“三公”经费增减变动原因说明"), ("s3.8", "机关运行经费增减变动原因说明")
PROCUREMENT = "政府采购预算总额700.00万元。其中：政府采购货物预算67.29万元、政府采购工程预算23.00万元、政府采购服务预算609.71万元。"
DUTY = "主要原因是严格落实中央八项规定，控制“三公”经费支出，压减公务接待。"


def narrated(where: tuple[str, str], *paragraphs: str, **kw) -> Doc:
    return lambda: doc(section(*where, *paragraphs, **kw))


def swapped(where: tuple[str, str], paragraphs: tuple[str, ...], old: str, new: str, **kw) -> Doc:
    return lambda: doc(section(*where, *(p.replace(old, new) for p in paragraphs), **kw))


def both(text: str, old: str, new: str, make=said) -> tuple[Doc, Doc]:
    """(failing, passing): the text with `old` replaced by the slip `new`, and as it is."""
    return (lambda: make(text.replace(old, new)), lambda: make(text))


def _short_source(good: PerformanceTarget) -> PerformanceTarget:
    return PerformanceTarget(**{**good.__dict__, "funding_year": funding("408000", "216000", "182000", "0", "0")})


def _previous(amount: str) -> Disclosure:
    return doc(section(*S38, f"机关运行经费财政拨款预算{amount}万元。"))


def _last_year_final(total_: str) -> Disclosure:
    last = replace(real(PLANNING), meta=replace(real(PLANNING).meta, year=2023))
    for kind, ref, side, figure in ((K.INCOME_EXPENDITURE_SUMMARY, "总计", "expenditure", total_),
                                    (K.FISCAL_SUMMARY, "总计", "expenditure", "8553.30"),
                                    (K.GENERAL_EXPENDITURE, "合计", None, "8553.30"), (K.THREE_PUBLIC, "", None, "0.54")):
        last = edit(last, kind, ref, "total", figure, side=side)
    return last


GOV_DEPT, GOV_UNIT = "pdf/putuo-govoffice-2025-dept-budget.pdf", "pdf/putuo-govoffice-2025-unit-budget.pdf"
WANLI24, JUSTICE_UNIT = "pdf/putuo-wanli-2024-dept-budget.pdf", "checklists/putuo-justice-2026-unit-budget.pdf"


def _units(dept: str, unit: Disclosure) -> tuple[Disclosure, Partners]:
    return real(dept), Partners(units=(unit,))


def _with_last_year(text: str) -> tuple[Disclosure, Partners]:
    """万里 2025's 收支总表 given a 上年预算数 column printing `text` for 收入总计 (2024 printed 156,211,123 元)."""
    d = real(WANLI25)
    t = d.table(K.INCOME_EXPENDITURE_SUMMARY)
    t2 = replace(t, columns=(*t.columns, Column("last_year", "上年预算数", side="income")))
    d = replace(d, tables=tuple(t2 if x is t else x for x in d.tables))
    return edit(d, K.INCOME_EXPENDITURE_SUMMARY, "收入总计", "last_year", text, side="income"), Partners(previous=real(WANLI24))


def _budget_of_planning(reception: str = "2.85", item: str | None = None) -> tuple[Disclosure, Partners]:
    """规划 2024 决算 with a 预算 built from its own 年初预算数 (the corpus holds none of this body): each
    项 at its stated 年初预算为, the 三公 公务接待费 at `reception`; `item` reprints 行政运行 (21201…)."""
    from yusuan.audit.final_kit import item_row
    from yusuan.audit.rules.final_item_statements import _statements

    final_ = real(PLANNING)
    budget = replace(final_, meta=replace(final_.meta, stage=Stage.BUDGET),
                     source=replace(final_.source, file="规划和自然资源局2024年预算.pdf", sha256="b" * 64))
    for _s, st, before in _statements(final_):
        t = budget.table(K.GENERAL_EXPENDITURE)
        r = item_row(t, before) if "（项）" in before[-60:] else t.total_row()
        if r is not None:
            budget = edit(budget, K.GENERAL_EXPENDITURE, r.code or r.label, "total", str(st.budget.value))
    if item is not None:
        code = next(r.code for r in budget.table(K.GENERAL_EXPENDITURE).rows
                    if r.code and r.code.startswith("21201") and r.label == "行政运行")
        budget = edit(budget, K.GENERAL_EXPENDITURE, code, "total", item)
    three = table(K.THREE_PUBLIC, "total abroad reception vehicles vehicle_purchase vehicle_running",
                  [total("合计", reception, "0.00", reception, "0.00", "0.00", "0.00")], id="t99")
    budget = replace(budget, tables=tuple(t for t in budget.tables if t.kind is not K.THREE_PUBLIC) + (three,))
    return final_, Partners(budget=budget)


def _table_units(units: tuple[str, ...]) -> Disclosure:
    return disclosure(ORG_PROJECTS, organisation=organisation(*units))


# rule -> (failing, passing)
EXAMPLES: dict[str, tuple[Doc, Doc]] = {
    # --- narrative -------------------------------------------------------------------------------
    "narrative.summary_totals": (swapped(S31, (OPENING,), "上年结转489.07万元。", "上年结转498.07万元。"), narrated(S31, OPENING)),
    "narrative.income_sources": (swapped(("s3.2", "收入预算情况说明"), (INCOME_TEXT,), "913.75万元", "931.75万元"),
                                 narrated(("s3.2", "收入预算情况说明"), INCOME_TEXT)),
    "narrative.expenditure_split": (swapped(S33, (SPENDING_TEXT,), "基本支出1099.45", "基本支出1199.45"),
                                    narrated(S33, SPENDING_TEXT)),
    "narrative.share_recomputed": (swapped(S33, (SPENDING_TEXT,), "占24.92%", "占24.82%"), narrated(S33, SPENDING_TEXT)),
    "narrative.shares_total": (swapped(S33, (SPENDING_TEXT,), "占75.08%", "占76.08%"), narrated(S33, SPENDING_TEXT)),
    "narrative.fiscal_totals": (swapped(("s3.4", "财政拨款收支预算总体情况说明"), (FISCAL_TEXT,), "其他支出1,402.82", "其他支出1,420.82"),
                                narrated(("s3.4", "财政拨款收支预算总体情况说明"), FISCAL_TEXT)),
    "narrative.general_total": (narrated(("s3.5.1", "一般公共预算当年支出规模变化情况"), "一般公共预算当年支出3,080.67万元,比上年增加330.11万元。"),
                                narrated(("s3.5.1", "一般公共预算当年支出规模变化情况"), "一般公共预算当年支出3,008.67万元,比上年增加330.11万元。")),
    "narrative.general_structure": (swapped(("s3.5.2", "一般公共预算当年支出结构情况"), (STRUCTURE,), "卫生健康支出39.06", "卫生健康支出93.06"),
                                    narrated(("s3.5.2", "一般公共预算当年支出结构情况"), STRUCTURE)),
    "narrative.basic_split": (swapped(S36, BASIC, "938.80", "983.80"), narrated(S36, *BASIC)),
    "narrative.basic_items": (swapped(S36, BASIC, "取暖费", "会议费"), narrated(S36, *BASIC)),
    "narrative.three_public": (swapped(S37, THREE_TEXT, "公务接待费0.80万元", "公务接待费0.08万元"), narrated(S37, *THREE_TEXT)),
    "narrative.agency_running": (swapped(S38, (RUNNING_TEXT,), "预算40.68万元", "预算46.08万元"), narrated(S38, RUNNING_TEXT)),
    "narrative.parts_sum": (swapped(("s3.9", "政府采购情况"), (PROCUREMENT,), "609.71", "690.71"),
                            narrated(("s3.9", "政府采购情况"), PROCUREMENT)),
    "narrative.change_implied": (swapped(S31, (OPENING,), "增长26.87%", "增长62.87%"), narrated(S31, OPENING)),
    "narrative.change_quoted": (swapped(S38, (RUNNING_TEXT,), "下降0.098%", "下降0.001%"), narrated(S38, RUNNING_TEXT)),
    "narrative.change_direction": (swapped(S38, (RUNNING_TEXT,), "减少0.04万元，下降0.098%", "增加0.04万元，增长0.098%"),
                                   narrated(S38, RUNNING_TEXT)),
    "narrative.change_parts": (swapped(S37, THREE_TEXT, "增加 1.18万元", "增加 1.81万元"), narrated(S37, *THREE_TEXT)),
    "narrative.overall_target": (swapped(("s3.10.1", "整体绩效目标"), (OVERALL,), "项目支出2822.97", "项目支出3312.04", level=4),
                                 narrated(("s3.10.1", "整体绩效目标"), OVERALL, level=4)),
    "narrative.change_vs_last_year": (lambda: (doc(section(*S38, RUNNING_TEXT)), _previous("41.72")),
                                      lambda: (doc(section(*S38, RUNNING_TEXT)), _previous("40.72"))),
    "narrative.project_statement_amount": (lambda: statements_doc(statement("人民调解", "800万元")),
                                           lambda: statements_doc(statement("人民调解", "795万元"))),
    "narrative.shanghai_item_amount": (lambda: reworded(JUSTICE, "行政运行（01项）1672.67万元", "行政运行（01项）1682.67万元"),
                                       lambda: real(JUSTICE)),
    "narrative.shanghai_item_change": (lambda: reworded(WELFARE, "比2023年预算执行数减少1.39%", "比2023年预算执行数增加1.39%"),
                                       lambda: real(WELFARE)),
    "narrative.shanghai_three_public": (lambda: reworded(WELFARE, "公务接待费", "公务接待费9.99万元，"), lambda: real(WELFARE)),
    "narrative.shanghai_agency_running": (lambda: reworded(WANLI25, "预算为464.64万元", "预算为446.64万元"), lambda: real(WANLI25)),
    "narrative.shanghai_procurement": (lambda: reworded(WANLI25, "政府采购服务预算983.05万元", "政府采购服务预算993.05万元"),
                                       lambda: real(WANLI25)),
    "narrative.shanghai_assets": (lambda: reworded(WANLI25, "共有车辆8辆", "共有车辆9辆"), lambda: real(WANLI25)),
    "narrative.shanghai_totals": (lambda: reworded(JUSTICE, "其中：财政拨款收入9628.22万元", "其中：财政拨款收入0.3万元"),
                                  lambda: real(JUSTICE)),
    # --- wording ---------------------------------------------------------------------------------
    "wording.amount_without_unit": both("批复民政事务中心0.38万元公务用车运行维护费。", "0.38万元", "0.38"),
    "wording.as_of_year": both("截至2024年12月31日，本部门共有车辆2辆。", "2024", "2023"),
    "wording.ascii_comma": both("一般公共预算当年支出3,008.67万元，比上年增加330.11万元。", "万元，", "万元,"),
    "wording.comparison_year": both("财政拨款支出预算9628.22万元，比2024年预算增加1205.36万元。", "比2024年", "比2025年"),
    "wording.doubled_punctuation": both("原因是人员流动。", "。", "。。"),
    "wording.duplicated_paragraphs": (lambda: disclosure(sections=(section(*S37, DUTY), section(*S38, DUTY))),
                                      lambda: disclosure(sections=(section(*S37, DUTY), section(*S38, "机关运行经费比上年减少。")))),
    "wording.duplicated_words": both("主要用于行政运行支出。", "运行", "运行运行"),
    "wording.foreign_year": both("2025年部门预算收入4,411.49万元。", "2025年", "2023年"),
    "wording.government_level": (lambda: said_in("本部门是区级部门，编报市级部门预算。", organisation="上海市普陀区司法局"),
                                 lambda: said_in("本部门是区级部门，安排市级专项资金配套。", organisation="上海市普陀区司法局")),
    "wording.heading_year": (lambda: said_in("收入预算100.00万元。", title="2024年部门预算编制说明"),
                             lambda: said_in("收入预算100.00万元。", title="2025年部门预算编制说明")),
    "wording.level_mismatch": both("本部门2025年收入预算100.00万元。", "本部门", "本单位"),
    "wording.placeholder": both("阳泉市民政局2025年收入预算100.00万元。", "阳泉市民政局", "XX单位"),
    "wording.placeholder_answer": both("公务接待费0.80万元，比上年增加0.80万元，主要原因是批复接待费。", "批复接待费", "qq"),
    "wording.rate_without_percent": both("支出增加1193.20 万元，增长 13.95%。", "13.95%", "13.95"),
    "wording.retired_subject": both("卫生健康支出39.06万元。", "卫生健康支出", "医疗卫生与计划生育支出"),
    "wording.sentence_end": (lambda: said("财政拨款收入支出增加的主要原因是工作量增加", "财政拨款支出主要内容如下："),
                             lambda: said("财政拨款收入支出增加的主要原因是工作量增加。", "财政拨款支出主要内容如下：")),
    "wording.template_alternative": both(RUNNING_TEXT, "下降", "下降(增长)"),
    "wording.truncated_sentence": both("公用经费比上年减少2.00万元，主要原因是人员减少。", "人员减少", ""),
    "wording.two_amounts": both("7、社会保障和就业支出（208类）行政事业单位养老支出（05款）行政单位离退休（01项）56.12万元。"
                                "2024年当年预算执行数为57.43万元，2025年预算安排56.12万元，比2024年预算执行数减少2.28%。",
                                "预算安排56.12", "预算安排57.8", make=said_in),
    "wording.unbalanced_marks": both("4.开展“人民调解协议书检查”、“优秀调解案例”活动。", "、“优秀", "、优秀"),
    "wording.zero_with_increase": both("公务用车购置费0万元，比2024年减少1421.25万元。", "减少", "增加", make=said_in),
    # --- org -------------------------------------------------------------------------------------
    "org.listed_units_in_tables": (lambda: _table_units(LISTED), lambda: _table_units(LISTED[:3])),
    "org.name_consistent": (lambda: said_in("上海市普陀区规划与自然资源局 2024 年度无政府性基金预算财政拨款收入和支出。",
                                            organisation="上海市普陀区规划和自然资源局"),
                            lambda: said_in("上海市普陀区规划和自然资源局 2024 年度无政府性基金预算财政拨款收入和支出。",
                                            organisation="上海市普陀区规划和自然资源局")),
    "org.running_cost_units": (
        lambda: disclosure(ORG_RUNNING, sections=(section(*S38, RUNNING_UNITS.replace("2家", "3家")),)),
        lambda: disclosure(ORG_RUNNING, sections=(section(*S38, RUNNING_UNITS),))),
    "org.stated_counts": (lambda: disclosure(organisation=replace(organisation(*LISTED), stated_unit_count=5)),
                          lambda: disclosure(organisation=replace(organisation(*LISTED), stated_unit_count=4))),
    "org.table_units_listed": (lambda: disclosure(ORG_PROJECTS, ORG_RUNNING, organisation=organisation(*LISTED)),
                               lambda: _table_units(LISTED)),
    # --- target ----------------------------------------------------------------------------------
    "target.amount_matches_project": (lambda: target_doc(form("pt08", "院内水电气经费", "阳泉市社会福利院", "205000")),
                                      lambda: target_doc(form("pt01", "遗属补助", "阳泉市社会福利院", "10000"))),
    "target.coverage_claim": (lambda: target_doc(*FORMS, tables=(WHOLE,), sections=(claims(amount="28.00", split=("1", "26.08", "1", "1.92")),)),
                              lambda: target_doc(*FORMS, tables=(WHOLE,), sections=(claims(),))),
    "target.duplicate_form": (lambda: target_doc(form("pt01", "救助站机构运转经费", "阳泉市救助管理站", "300000"),
                                                 form("pt02", "救助站机构运转经费", "阳泉市救助管理站", "300000")),
                              lambda: target_doc(form("pt01", "救助站机构运转经费", "阳泉市救助管理站", "300000"),
                                                 form("pt02", "救助站机构运转经费", "阳泉市救助管理站", "200000"))),
    "target.form_without_project": (lambda: target_doc(form("pt01", "智慧养老服务平台运营费", "阳泉市民政局", "197600")),
                                    lambda: target_doc(form("pt01", "遗属补助", "阳泉市救助管理站", "19240"))),
    "target.funding_sources_sum": (lambda: target_doc(_short_source(form("pt01", "遗属补助", "阳泉市救助管理站", "19240"))),
                                   lambda: target_doc(form("pt01", "遗属补助", "阳泉市救助管理站", "19240"))),
    "target.project_without_form": (
        lambda: target_doc(form("pt01", "救助站机构运转经费", "阳泉市救助管理站", "300000"),
                           tables=(table(K.PROJECTS, "total general_public", [total("合计", "31.92", "31.92")], id="t12"),
                                   TARGET_PROJECTS)),
        lambda: target_doc(*(form(f"pt{i:02d}", name, unit, amount) for i, (name, unit, amount) in enumerate((
            ("救助站机构运转经费", "阳泉市救助管理站", "300000"), ("遗属补助", "阳泉市救助管理站", "19200"),
            ("遗属补贴", "阳泉市社会福利院", "1100"), ("遗属补助", "阳泉市社会福利院", "8900"),
            ("院内水电气经费", "阳泉市社会福利院", "40000"), ("聘用人员工资及社保缴费", "阳泉市社会福利院", "26800")), 1)))),
    "target.stated_amount": (lambda: target_doc(*FORMS, sections=(claims(amount="30.00", split=("1", "28.08", "1", "1.92")),)),
                             lambda: target_doc(*FORMS, sections=(claims(),))),
    "target.stated_count": (lambda: target_doc(*FORMS, sections=(claims(n="3"),)), lambda: target_doc(*FORMS, sections=(claims(),))),
    "target.stated_split": (lambda: target_doc(*FORMS, sections=(claims(split=("2", "30.00", "1", "1.92")),)),
                            lambda: target_doc(*FORMS, sections=(claims(),))),
    "target.year_within_period": (lambda: target_doc(form("pt01", "救助人员生活费", "阳泉市救助管理站", "201680", "104000")),
                                  lambda: target_doc(form("pt01", "救助人员生活费", "阳泉市救助管理站", "104000", "201680"))),
    # --- final -----------------------------------------------------------------------------------
    "final.balance": (lambda: final(summary("90.00")), lambda: final(summary("100.00"))),
    "final.basic_parts": (lambda: edit(real(PLANNING), K.GENERAL_BASIC_ECONOMIC, "302", "total", "450.90"), lambda: real(PLANNING)),
    "final.change_vs_last_year": (lambda: (real(PLANNING), _last_year_final("8896.53")),
                                  lambda: (real(PLANNING), _last_year_final("8796.53"))),
    "final.item_statements": (lambda: final(general(), paragraphs=(ITEM.replace("决算数小于", "决算数大于"),)),
                              lambda: final(general(), paragraphs=(ITEM,))),
    "final.narrative_totals": (lambda: reworded(PLANNING, "收入支出总计 9746.50 万元", "收入支出总计 0.3 万元"),
                               lambda: reworded(PLANNING, "占本年支出合计的 99.86%", "占本年支出合计的 99.87%")),
    "final.three_public_budget": (lambda: final(three_public("3.85"), paragraphs=(THREE,), title="财政拨款“三公”经费支出决算情况说明"),
                                  lambda: final(three_public("2.85"), paragraphs=(THREE,), title="财政拨款“三公”经费支出决算情况说明")),
    "final.three_public_statement": (lambda: final(three_public("2.85"), paragraphs=(THREE.replace("0.39 万元，完成", "0.49 万元，完成"),),
                                                   title="财政拨款“三公”经费支出决算情况说明"),
                                     lambda: final(three_public("2.85"), paragraphs=(THREE,), title="财政拨款“三公”经费支出决算情况说明")),
    # --- across (cross-document) ------------------------------------------------------------------
    "across.units_published": (lambda: _units(JUSTICE, real(JUSTICE_UNIT)), lambda: _units(GOV_DEPT, real(GOV_UNIT))),
    "across.unit_table_sums": (lambda: _units(GOV_DEPT, edit(real(GOV_UNIT), K.EXPENDITURE_SUMMARY, "合计", "basic", "24,606,785.35")),
                               lambda: _units(GOV_DEPT, real(GOV_UNIT))),
    "across.unit_three_public": (lambda: _units(GOV_DEPT, edit(real(GOV_UNIT), K.THREE_PUBLIC_AND_RUNNING, "", "reception", "18.50")),
                                 lambda: _units(GOV_DEPT, real(GOV_UNIT))),
    "across.last_year_claims": (
        lambda: (real(WANLI25), Partners(previous=edit(real(WANLI24), K.THREE_PUBLIC_AND_RUNNING, "", "total", "57.91"))),
        lambda: (real(WANLI25), Partners(previous=real(WANLI24)))),
    "across.last_year_columns": (lambda: _with_last_year("156,211,132"), lambda: _with_last_year("156,211,123")),
    "across.final_initial_budget": (lambda: _budget_of_planning(item="1125.48"), lambda: _budget_of_planning()),
    "across.final_adjustment_explained": (lambda: _budget_of_planning(reception="3.00"), lambda: _budget_of_planning()),
    # --- review ----------------------------------------------------------------------------------
    "review.quotes": (lambda: disclosure(sections=(section("s7.4", "实施方案", "4.开展“人民调解协议书检查”、优秀调解案例”活动。"),)),
                      lambda: disclosure(sections=(section("s7.4", "实施方案", "4.开展“人民调解协议书检查”、“优秀调解案例”活动。"),))),
}


def _findings(rule: str, make: Doc):
    built = make()
    d, other = built if isinstance(built, tuple) else (built, None)
    partners = other if isinstance(other, Partners) else None
    previous = other if isinstance(other, Disclosure) else None
    rep = audit(d, only={rule}, previous=previous, partners=partners)
    (outcome,) = rep.outcomes
    assert outcome.status == "ran", (outcome.status, outcome.error)
    return rep.by_rule(rule)


@pytest.mark.parametrize("rule", sorted(EXAMPLES))
def test_the_failing_example_is_found(rule):
    assert _findings(rule, EXAMPLES[rule][0]), f"{rule}: its failing example raises nothing"


@pytest.mark.parametrize("rule", sorted(EXAMPLES))
def test_the_passing_example_is_silent(rule):
    declared = default_catalog().get(rule).severity
    found = _findings(rule, EXAMPLES[rule][1])
    allowed = () if declared is Severity.INFO else (Severity.INFO,)  # a 尾差 note is no finding against it
    assert [f.message for f in found if f.severity not in allowed] == []


def test_every_rule_of_every_family_has_an_example():
    """A rule registered without a (failing, passing) pair — here or in its family's CASES — fails."""
    from test_rules_arith import CASES as ARITH, JIANGSU_ONLY, SHANGHAI_ONLY
    from test_rules_code import CASES as CODE
    from test_rules_complete import CASES as COMPLETE
    from test_rules_cross import CASES as CROSS, TESTED_ELSEWHERE

    covered = ({c[0] for c in (*ARITH, *CROSS, *CODE, *COMPLETE)} | SHANGHAI_ONLY | JIANGSU_ONLY | set(TESTED_ELSEWHERE)
               | set(EXAMPLES))
    catalog = default_catalog()
    missing = {family: sorted(r.id for r in rules if r.id not in covered) for family, rules in catalog.families().items()}
    assert {f: ids for f, ids in missing.items() if ids} == {}
    assert set(catalog.families()) <= set(FAMILIES) and set(EXAMPLES) <= {r.id for r in catalog}
