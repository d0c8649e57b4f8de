"""A finding about words inside a paragraph points at the line (and page) printing them, not at where the
paragraph or its sentence begins: a paragraph run over a page break is one text with two source lines
(`Paragraph.continued`), and the slip printed on the second is found on the second page."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from builders import FILE, disclosure
from test_rules_narrative import GENERAL, INCOME, SPENDING, SUMMARY, run

from yusuan.audit import audit
from yusuan.ingest import read_disclosure
from yusuan.model import Level, Paragraph, Provenance, Section, Stage

FIRST, SECOND = Provenance(file=FILE, page=3, line=40), Provenance(file=FILE, page=4, line=52)


def over_a_page(before: str, after: str, *more: str, title: str = "部门预算收支数据变动情况及原因",
                tables=(SUMMARY, INCOME, SPENDING, GENERAL), **meta):
    """A disclosure whose narrative prints `before` at the foot of page 3 and `after` at the top of page 4,
    read as one paragraph (then `more` paragraphs on page 4)."""
    p = Paragraph(before + after, FIRST, ((len(before), SECOND),))
    rest = tuple(Paragraph(t, SECOND.at(line=60 + i)) for i, t in enumerate(more))
    d = disclosure(*tables, sections=(Section("s3.1", "第三部分", "一", 2, title, (p, *rest), FIRST),))
    return replace(d, meta=replace(d.meta, **meta)) if meta else d


def place(rule: str, d) -> tuple[int | None, int | None]:
    (f,) = [f for f in run(rule, d) if f.severity.value != "info"] or run(rule, d)
    return f.locations[0].page, f.locations[0].line


# Each slip printed on the second page, the sentence it stands in begun on the first.
ON_THE_SECOND_PAGE = {
    "wording.unbalanced_marks": over_a_page("4.开展“人民调解协议书检查”、优秀调", "解案例”活动。"),
    "wording.sentence_end": over_a_page("财政拨款收入支出比上年增加，主要原因是", "工作量增加"),
    "wording.truncated_sentence": over_a_page("公用经费比上年减少2.00万元，人员有所调整，", "主要原因是。"),
    "wording.retired_subject": over_a_page("2025年一般公共预算支出100.00万元，其中：", "医疗卫生与计划生育支出39.06万元。"),
    "wording.zero_with_increase": over_a_page("公务用车购置费0万元，", "比2024年增加1421.25万元。"),
    "org.name_consistent": over_a_page("2024年度部门决算收入支出总计100.00万元，其中：", "上海市普陀区规划与自然资源局无政府性基金。",
                                       organisation="上海市普陀区规划和自然资源局"),
    "narrative.shares_total": over_a_page("2025年度阳泉市民政局支出预算4411.49万元，其中：",
                                          "基本支出1099.45万元，占24.92%；项目支出3312.04万元，占76.08%。"),
    "narrative.change_implied": over_a_page("2025年度阳泉市民政局预算收入总计4,411.49万元，比上年增加934.33万元，",
                                            "增长62.87%。"),
}


@pytest.mark.parametrize("rule", sorted(ON_THE_SECOND_PAGE))
def test_a_slip_printed_after_a_page_break_is_found_on_the_second_page(rule):
    assert place(rule, ON_THE_SECOND_PAGE[rule]) == (4, 52)


def test_the_first_stray_mark_is_the_place():
    # a closing bracket with no opening one, on page 4; then an unclosed opening one, on page 3 (the slip is
    # where the bracket opens, wherever its paragraph ends)
    assert place("wording.unbalanced_marks", over_a_page("机关运行经费含一般公共预算和政府性基金", "预算）支出12.00万元。")) == (4, 52)
    assert place("wording.unbalanced_marks", over_a_page("平均得分99.33分（其中，绩效评级为", "“优”的项目39个。")) == (3, 40)


def test_the_unit_word_outside_the_template_pair_is_the_one_pointed_at():
    # “部门（单位）” on page 3 is the template's own wording; the slip is the “本部门” on page 4
    d = over_a_page("本部门（单位）2025年收入预算100.00万元，其中：财政拨款收入100.00万元，", "本部门无其他收入。",
                    level=Level.UNIT)
    assert place("wording.level_mismatch", d) == (4, 52)


# --- the real documents ---------------------------------------------------------------------------------

CITIES = Path("/work/shared/corpus/cities")
corpus = pytest.mark.skipif(not CITIES.is_dir(), reason="the shared corpus is not here")
PDFS = Path(__file__).resolve().parents[2] / "samples" / "pdf"


@corpus
def test_a_missing_stop_after_a_page_break_is_on_the_page_printing_the_sentence_end():
    # sn-xa-a2737c88 p12 “…本部门无 2021 年结转的政府性” / p13 “基金预算拨款支出”: the stop is missing on p13
    rep = audit(read_disclosure(CITIES / "sn-xa-a2737c88.pdf"), only={"wording.sentence_end"})
    (f,) = [f for f in rep.findings if "政府性基金预算拨款支出" in f.message]
    assert f.locations[0].page == 13


@corpus
def test_a_stray_bracket_after_a_page_break_is_on_the_page_printing_it():
    # js-wx-7a2e13fd p39 “十四、社会保障和就业支出(类)…(项)：反映…” / p40 “…职业年金支出。( 含职业年金补记支出）”:
    # the half-width “(” closed full width is on p40
    rep = audit(read_disclosure(CITIES / "js-wx-7a2e13fd.pdf"), only={"wording.unbalanced_marks"})
    (f,) = [f for f in rep.findings if "十四、社会保障和就业支出" in f.message]
    assert f.locations[0].page == 40


@corpus
def test_items_listed_after_a_page_break_are_on_the_page_listing_them():
    # central-ca5db9ed: the sentence opens on p23, “…其中：人员经费7967.72万元，主要包括：…伙食补助费…” is on p24
    rep = audit(read_disclosure(CITIES / "central-ca5db9ed.pdf"), only={"narrative.basic_items"})
    found = [f for f in rep.findings if "伙食补助费" in f.message or "公务用车购置" in f.message]
    assert len(found) == 2 and {f.locations[0].page for f in found} == {24}


def test_a_shanghai_figure_is_found_on_the_line_printing_it():
    # putuo 福利院 2024 p6: “4. “社会保障和就业支出（类）…社会福利事业单位（项）”738.66万元” against a row printing
    # 6,964,796元. Its paragraph is given a second source line from the quoted subject on, after more white
    # space: the finding follows the words it quotes there (the rule matches the paragraph squashed, white
    # space left out, so its offsets are mapped back to the printed text)
    d = read_disclosure(PDFS / "putuo-welfare-home-2024-unit-budget.pdf")
    sec, p = next((s, p) for s in d.sections for p in s.paragraphs if "738.66" in p.text)
    cut = p.text.index("“社会保障")
    moved = replace(p, text=p.text[:cut] + "  " + p.text[cut:], continued=((cut + 1, SECOND),))
    d = replace(d, sections=tuple(replace(s, paragraphs=tuple(moved if x is p else x for x in s.paragraphs))
                                  if s is sec else s for s in d.sections))
    (f,) = run("narrative.shanghai_item_amount", d)
    assert "738.66" in f.message and (f.locations[0].page, f.locations[0].line) == (4, 52)


# --- a stated share or rate judged by table cells points at those cells too --------------------------------

def test_a_coverage_claim_points_at_the_total_it_is_a_share_of():
    from test_rules_target import FORMS, WHOLE, claims
    from test_rules_target import doc as target_doc

    d = target_doc(*FORMS, tables=(WHOLE,), sections=(claims(amount="28.00", split=("1", "26.08", "1", "1.92")),))
    (f,) = run("target.coverage_claim", d)
    total = WHOLE.total_row()
    assert [(x.table, x.row, x.column) for x in f.locations[1:]] == [(d.tables[0].id, total.index, "total")]


def test_a_three_public_rate_and_direction_point_at_the_budget_and_actual_cells():
    from test_rules_final import THREE, final, three_public

    title = "财政拨款“三公”经费支出决算情况说明"
    for slip in (THREE.replace("13.68%", "31.68%"), THREE.replace("小于预算数", "大于预算数")):
        (f,) = run("final.three_public_statement", final(three_public("2.85"), paragraphs=(slip,), title=title))
        assert [x.column for x in f.locations[1:]] == ["total", "total_budget"]


def test_a_final_statement_run_over_a_page_break_is_judged_where_its_rate_and_direction_are_printed():
    from test_rules_final import general, three_public

    final = dict(stage=Stage.FINAL_ACCOUNTS, year=2024, template="shanghai-final-9")
    budget = "年初预算为452.40万元，支出决算为446.11万元，"
    for slip in ("完成年初预算的89.61%。决算数小于预算数的主要原因：人员减少。", "完成年初预算的98.61%。决算数大于预算数的主要原因：人员减少。"):
        d = over_a_page(budget, slip, title="一般公共预算财政拨款支出决算具体情况", tables=(), **final)
        assert place("final.item_statements", d) == (4, 52), slip
    # the actual against the table's total (446.11), the line printing it on page 4
    d = over_a_page("年初预算为452.40万元，", "支出决算为446.21万元，完成年初预算的98.63%。决算数小于预算数的主要原因：人员减少。",
                    title="一般公共预算财政拨款支出决算具体情况", tables=(general(),), **final)
    assert place("final.item_statements", d) == (4, 52)
    said = "“三公”经费财政拨款支出年初预算为 2.85 万元，支出决算为 0.39 万元，"
    for slip in ("完成预算的 31.68%。", "完成预算的 13.68%。“三公”经费支出决算数大于预算数的主要原因：严格控制。"):
        d = over_a_page(said, slip, title="财政拨款“三公”经费支出决算情况说明", tables=(three_public("2.85"),), **final)
        assert place("final.three_public_statement", d) == (4, 52), slip


FINAL = Path(__file__).resolve().parents[2] / "samples" / "final" / "putuo-planning-2024-final.pdf"


def test_final_shares_and_changes_point_at_the_table_figures_they_are_judged_by():
    from test_final_planted import reword

    d = read_disclosure(FINAL)
    # 9746.50 ÷ 9759.38 = 99.87 %, printed 99.86 %: the 9759.38 is the 支出决算表's 合计
    (f,) = [f for f in run("final.narrative_totals", d) if "99.86%" in f.message]
    assert f.locations[1].column == "total" and f.locations[1].row_label == "合计"
    # 增加 1062.85 on 9859.38 is 12.08 %; printed 21.08 it is judged on the 收入支出决算总表's 总计
    (f,) = run("final.change_vs_last_year", reword(d, "增长 12.08%", "增长 21.08%"))
    assert f.locations[1].column == "total" and f.locations[1].table is not None
