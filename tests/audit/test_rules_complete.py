"""Completeness rules on the miniature department: silent when whole, firing when a part is gone."""
from __future__ import annotations

from dataclasses import replace

import pytest
from builders import K, contents, drop_row, drop_table, mini_department, section, with_table
from test_rules_arith import run

from yusuan.audit import Severity, audit, default_catalog


def without_section(d, title):
    return replace(d, sections=tuple(s for s in d.sections if s.title != title))


CASES = [
    ("complete.required_tables", lambda d: drop_table(d, K.STATE_CAPITAL), Severity.ERROR, "国有资本经营预算收支表"),
    ("complete.empty_table_note", lambda d: with_table(d, K.STATE_CAPITAL, notes=()), Severity.WARNING, "本表无数据"),
    ("complete.total_row", lambda d: drop_row(d, K.GENERAL_EXPENDITURE, "合计"), Severity.WARNING, "没有合计行"),
    ("complete.table_entity", lambda d: with_table(d, K.THREE_PUBLIC, entity="阳泉市财政局"), Severity.WARNING, "阳泉市财政局"),
    ("complete.three_public_items", lambda d: drop_row(d, K.THREE_PUBLIC, "因公出国（境）费"), Severity.WARNING,
     "因公出国（境）费"),
    ("complete.overview_sections", lambda d: without_section(d, "机构设置情况"), Severity.ERROR, "机构设置"),
    ("complete.explanation_sections", lambda d: without_section(d, "政府采购情况"), Severity.WARNING, "政府采购"),
    ("complete.glossary", lambda d: replace(d, glossary=()), Severity.WARNING, "名词解释"),
    ("complete.contents_entries", lambda d: replace(d, contents=d.contents + contents("表十四2025年政府购买服务预算表")),
     Severity.WARNING, "政府购买服务预算表"),
    ("complete.empty_sections", lambda d: replace(d, sections=d.sections + (section("s3.12", "其他说明"),)),
     Severity.WARNING, "其他说明"),
    ("complete.project_statement_parts", lambda d: replace(d, project_statements=(statement_without_basis(),)),
     Severity.WARNING, "缺少立项依据"),
]


def statement_without_basis():
    from yusuan.model import ProjectStatement, Provenance
    from yusuan.recognize.prose.statements import annual_amount

    return ProjectStatement(name="人民调解", overview="化解矛盾纠纷。", basis="", implementer="本局", plan="购买服务。",
                            period="全年", budget_text="795万元", target="调解成功率≥95%。",
                            annual_amount=annual_amount("795万元"), provenance=Provenance(file="inline.txt", line=500),
                            missing=("立项依据",))


@pytest.fixture(scope="module")
def mini():
    return mini_department()


@pytest.mark.parametrize("rule_id, mutate, severity, words", CASES, ids=[c[0] for c in CASES])
def test_rule_fires_when_a_part_is_missing(mini, rule_id, mutate, severity, words):
    found = run(mutate(mini), rule_id)
    assert len(found) == 1, [f.message for f in found]
    assert found[0].severity is severity and words in found[0].message


@pytest.mark.parametrize("rule_id", [c[0] for c in CASES])
def test_rule_is_silent_on_the_whole_miniature(mini, rule_id):
    assert run(mini, rule_id) == ()


def test_every_complete_rule_has_a_case():
    assert {r.id for r in default_catalog() if r.family == "complete"} == {c[0] for c in CASES}


def test_a_note_saying_no_data_on_a_table_with_figures_is_contradictory(mini):
    d = with_table(mini, K.AGENCY_RUNNING, notes=("注：本表无数据",))
    (f,) = run(d, "complete.empty_table_note")
    assert "前后矛盾" in f.message and f.locations[0].table_kind == K.AGENCY_RUNNING.value


def test_shanghai_template_requires_its_nine_tables_not_shanxis(mini):
    d = replace(mini, meta=replace(mini.meta, template="shanghai-9"))
    missing = {f.locations[0].table_kind for f in run(d, "complete.required_tables")}
    # Shanxi's 国有资本经营预算收支表 publishes the state capital expenditure too (templates.EQUIVALENT_KINDS)
    assert missing == {K.THREE_PUBLIC_AND_RUNNING.value}


def test_glossary_is_not_required_outside_shanxi(mini):
    d = replace(mini, meta=replace(mini.meta, template="shanghai-9"), glossary=())
    assert audit(d, only={"complete.glossary"}).outcomes[0].status == "not_applicable"


def test_heading_with_text_only_below_it_is_not_empty(mini):
    d = replace(mini, sections=mini.sections + (section("s3.12", "其他说明"), section("s3.12.1", "其他", "无。", level=3)))
    assert run(d, "complete.empty_sections") == ()


def test_missing_table_is_only_a_warning_when_untyped_tables_may_hold_it(mini):
    from builders import item, table

    d = drop_table(mini, K.STATE_CAPITAL)
    d = replace(d, tables=d.tables + (table(K.GENERIC, "total", [item("某表", "1.00")], id="t99", title="续表"),))
    (f,) = run(d, "complete.required_tables")
    assert f.severity is Severity.WARNING and "未能识别类型" in f.message


def test_shanghai_main_functions_heading_counts_as_duties(mini):
    d = replace(mini, sections=tuple(section("s1.1", "部门主要职能", "主要职能是……", part="第一部分") if s.id == "s1.1" else s
                                     for s in mini.sections))
    assert run(d, "complete.overview_sections") == ()


def test_an_untyped_grid_without_amounts_does_not_soften_a_missing_table(mini):
    from builders import item, table

    d = drop_table(mini, K.STATE_CAPITAL)
    d = replace(d, tables=d.tables + (table(K.GENERIC, (("col2", "一级目录"),), [item("A1501", "公共信息服务")], id="t99"),))
    (f,) = run(d, "complete.required_tables")
    assert f.severity is Severity.ERROR


def test_shanghai_three_public_items_are_columns():
    from builders import disclosure
    from test_rules_arith import shanghai_three_public

    d = disclosure(shanghai_three_public())
    assert run(d, "complete.three_public_items") == ()
    t = d.tables[0]
    d = with_table(d, K.THREE_PUBLIC_AND_RUNNING, columns=tuple(c for c in t.columns if c.key != "abroad"))
    (f,) = run(d, "complete.three_public_items")
    assert "因公出国（境）费”一列" in f.message


def test_contents_naming_the_department_generically_finds_the_full_name_in_the_body(mini):
    d = replace(mini, contents=contents("一、部门主要职能", "五、部门预算表"),
                sections=mini.sections + (section("s9", "上海市普陀区人民政府办公室主要职能", "……", level=1),))
    assert run(d, "complete.contents_entries") == ()
    d = replace(d, contents=contents("一、部门主要职责范围"))
    assert len(run(d, "complete.contents_entries")) == 1


def test_a_table_whose_title_names_the_department_names_it(mini):
    d = with_table(mini, K.THREE_PUBLIC, entity=None, title="阳泉市民政局2025年“三公”经费预算表")
    assert run(d, "complete.table_entity") == ()
    d = with_table(mini, K.THREE_PUBLIC, entity=None)
    (f,) = run(d, "complete.table_entity")
    assert "其他表格注明了" in f.message


def test_tables_that_all_lack_the_department_are_said_once(mini):
    d = replace(mini, tables=tuple(replace(t, entity=None) for t in mini.tables))
    (f,) = run(d, "complete.table_entity")
    assert f"全部{len([t for t in mini.tables if t.kind is not K.GENERIC])}张表格均未注明" in f.message


def test_an_empty_table_the_narrative_says_is_nil_needs_no_note(mini):
    d = with_table(mini, K.STATE_CAPITAL, notes=())
    d = replace(d, meta=replace(d.meta, template="national"))  # 上海 and the national set: the 说明 may say so
    assert len(run(d, "complete.empty_table_note")) == 1
    said = section("s3.13", "国有资本经营预算情况", "2025年本部门国有资本经营预算拨款支出预算为0。")
    assert run(replace(d, sections=d.sections + (said,)), "complete.empty_table_note") == ()
    # 山西 asks for the note under the table itself
    shanxi = replace(d, meta=replace(d.meta, template="shanxi-13"), sections=d.sections + (said,))
    assert len(run(shanxi, "complete.empty_table_note")) == 1
    # a nil stated of something else explains nothing
    other = section("s3.13", "国有资本经营预算情况", "国有资本经营预算拨款支出20万元，比上年增加0万元。")
    assert len(run(replace(d, sections=d.sections + (other,)), "complete.empty_table_note")) == 1


def test_a_total_read_into_the_code_column_is_a_total_row(mini):
    # 国家信访局's 决算 tables: “合计 | 13,733.80 …” under 项目/科目代码, the name column empty (the row read as an item)
    from builders import row_of

    from yusuan.model import RowRole, Value

    total = row_of(mini, K.GENERAL_EXPENDITURE, "合计")
    word = Value(column="code_text", text="合计", amount=None, provenance=total.provenance)
    t = next(t for t in mini.tables if t.kind is K.GENERAL_EXPENDITURE)
    rows = tuple(replace(r, role=RowRole.ITEM, label="", values=(word, *r.values)) if r is total else r for r in t.rows)
    assert run(with_table(mini, K.GENERAL_EXPENDITURE, rows=rows), "complete.total_row") == ()


def test_contents_table_names_match_up_to_filler_words_not_another_table(mini):
    # 江苏 目录 “十、政府性基金财政拨款支出预算表” for the body's “公开10表：政府性基金支出预算表”; two entries read as one
    # line are two entries; but “一般公共预算项目支出表” is not the 一般公共预算支出预算表 (项目 names another table)
    d = replace(mini, contents=contents("八、政府性基金财政拨款支出预算表九、国有资本经营预算收支预算表"))
    assert run(d, "complete.contents_entries") == ()
    d = replace(mini, contents=contents("五、一般公共预算项目支出表"))
    (f,) = run(d, "complete.contents_entries")
    assert "一般公共预算项目支出表" in f.message


def test_contents_heading_of_the_same_number_reworded_is_found_but_not_another_subject(mini):
    # the body's “一、部门主要职责及内设机构”; the 目录 “一、部门主要职责和内设机构” found, “一、部门人员编制情况” not
    numbered = replace(mini, sections=tuple(replace(s, number="一", title="部门主要职责及内设机构") if s.id == "s1.1" else s
                                            for s in mini.sections))
    assert run(replace(numbered, contents=contents("一、部门主要职责和内设机构")), "complete.contents_entries") == ()
    assert len(run(replace(numbered, contents=contents("一、部门人员编制情况")), "complete.contents_entries")) == 1


def test_empty_headings_under_a_colon_are_still_empty_when_they_name_parts_of_the_explanation(mini):
    # “主要包括以下方面：” / “（一）机关运行经费” / “（二）政府采购情况”, both without text: two slips, not a list of names
    intro = section("s3.12", "其他重要事项", "主要包括以下方面：")
    heads = (section("s3.12.1", "机关运行经费", level=3), section("s3.12.2", "政府采购情况", level=3))
    assert len(run(replace(mini, sections=mini.sections + (intro, *heads)), "complete.empty_sections")) == 2
    # a list of three units read as headings is no empty heading
    units = tuple(section(f"s3.12.{i}", name, level=3) for i, name in enumerate(("市第一人民医院", "市胸科医院", "市血液中心"), 1))
    intro = section("s3.12", "部门预算构成", "预算单位3个，具体包括：")
    assert run(replace(mini, sections=mini.sections + (intro, *units)), "complete.empty_sections") == ()
