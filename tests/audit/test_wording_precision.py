"""Issue 18, wording family: the false warnings over the cities corpus that the pages refute, gone, and the
real slips kept. Inline cases read like the pages that showed them; the real documents run where the shared
corpus is (``YUSUAN_CORPUS``). Pages were read with ``pdftotext -layout -f N -l N`` and looked at rendered."""
from __future__ import annotations

import os
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import pytest
from builders import disclosure, section
from jiangsu_files import JIANGSU_FILES
from test_rules_narrative import run

from yusuan.audit import Severity, audit
from yusuan.model import Level, Paragraph, Provenance, Section
from yusuan.ingest import read_disclosure

CITIES = Path(os.environ.get("YUSUAN_CORPUS", "/work/shared/corpus")) / "cities"
corpus = pytest.mark.skipif(not CITIES.is_dir(), reason="shared corpus not present")


def said(*paragraphs: str, title: str = "部门主要工作任务", year: int = 2026):
    d = disclosure(sections=(section("s1.2", title, *paragraphs),))
    return replace(d, meta=replace(d.meta, year=year))


# --- inline -------------------------------------------------------------------------------------------

def test_three_words_end_to_end_are_no_doubled_word():
    # js-wx-7a2e13fd p3 “监测预测预警”: 监测、预测、预警, not 测预 twice; gd-gz-d16e612b p6 “低空航空航天”
    duty = "（三）监测预测预警宏观经济和社会发展态势趋势，做好监测分析和预测工作，及时发布预警。"
    assert run("wording.duplicated_words", said(duty)) == ()
    (f,) = run("wording.duplicated_words", said("主要用于用于贯彻落实“产业强市”主导战略。", "主要用于单位运转。"))
    assert "用于用于" in f.message  # js-wx-7a2e13fd p29: a real slip, 用于 printed everywhere else


def test_three_words_the_document_prints_nowhere_else_are_told_by_the_budgets_words():
    # gd-gz-d16e612b p6 “…产业发展处、低空航空航天发展处、服务业处…”: 低空、航空、航天, printed once; the classification
    # names print 航空 (民用航空运输), never 空航
    offices = "内设机构分别是办公室、产业发展处、低空航空航天发展处、服务业处、创新和高技术处。"
    assert run("wording.duplicated_words", said(offices)) == ()
    (f,) = run("wording.duplicated_words", said("主要用于行政运行运行支出。"))  # 运行 is a word, 行运 none
    assert "运行运行" in f.message


def test_the_duties_quoted_from_the_sanding_plan_are_no_claim_of_level():
    # js-wx-9f207433 p3, a unit's 主要职能: “（五）负责本部门教育经费统筹管理，参与拟订教育经费筹措……”
    duty = "（五）负责本部门教育经费统筹管理，参与拟订教育经费筹措、使用管理、教育收费、国有资产等方面的政策。"
    unit = replace(said(duty, title="主要职能"), meta=replace(said(duty).meta, level=Level.UNIT))
    assert run("wording.level_mismatch", unit) == ()
    # the same words where the unit speaks of its own budget stay a warning (sh-a4d829c2 p21 “2026年部门预算安排…”)
    (f,) = run("wording.level_mismatch", replace(unit, sections=said("本部门2026年收入预算1000万元。", title="收入预算").sections))
    assert f.severity is Severity.WARNING and "本部门" in f.message


def test_a_numbered_two_clause_title_and_a_bracketed_note_need_no_full_stop():
    title = "（二）严格耕地用途管制，坚决守住耕地红线"  # sn-xa-1cf1891a p10, a heading with a comma
    note = "（四十六）着力抓好示范企业建设，扎实开展“陕西好粮油”产品遴选，争取国家和省政府政策支持。（发展处）"
    assert run("wording.sentence_end", said(title, "一是压实各级耕地保护责任。", note, "（四十七）强化监管。")) == ()
    # sn-xa-81d0a923 p17: “原因是转业干部增” / “加，预算增加；” (a line broken by hand inside a word)
    assert run("wording.sentence_end", said("商品和服务支出(302)268.85 万元，较上年增加 28.01 万元，原因是转业干部增",
                                            "加，预算增加；")) == ()
    # js-cppcc-office-2017 p12: a label line under “（二）公用经费 1,131.92 万元”, its comma grouping thousands
    assert run("wording.sentence_end", said("商品和服务支出（类）1,131.92 万元", "（1）办公费（款）支出 110 万元。")) == ()
    # js-procuratorate-2018 p23: a sentence finished, the next one cut after 其中 (a thousands comma is no clause mark,
    # the stop is)
    (f,) = run("wording.sentence_end", said("1．财政拨款收入预算总计 21,940.96 万元。其中", "（1）一般公共预算收入 21,940.96 万元。"))
    assert "“其中”" in f.message
    # js-npc-office-2018: a template's remark in brackets left after the sentence's stop is no unfinished sentence
    assert run("wording.sentence_end", said("（二）公用经费1579.38万元。主要包括：办公费、水费、其他交通费用。（按“部门预算公开06表 "
                                            "财政拨款基本支出预算表”中实际发生经济分类支出事项填写）", "七、一般公共预算支出")) == ()
    (f,) = run("wording.sentence_end", said("财政拨款收入支出增加的主要原因是工作量增加", "财政拨款支出主要内容如下："))
    assert "工作量增加" in f.message


def test_a_list_carried_on_by_the_next_paragraph_is_not_unfinished():
    # js-wx-f6baddff p5: the first item ends the line, the next items open the next paragraph
    assert run("wording.sentence_end", said("根据单位职责分工，本单位内设机构包括：(一）办公室",
                                            "（二）法规处（三）行政审批处（四）建筑节能与设计处。")) == ()


def test_lead_ins_notes_form_titles_and_withheld_parts_repeat_by_design():
    lead = "2022 年本部门当年一般公共预算支出 1899.9 万元，其中："  # sn-xa-a2737c88 p11 and p12, before two lists
    note = "本报表金额转化为万元时，四舍五入可能存在尾差。"  # gd-gz-57f5d6dd, under each table
    title = "2022年部门预算专项业务经费绩效目标表"  # sn-xa-05218864, over each form
    withheld = "本部门按照保密审查机制确定此项内容为涉密内容，按规定不予公开。"  # sn-xa-abb39910
    d = disclosure(sections=(section("s2.5.3.2", "支出按功能科目分类的明细情况", lead, "（1）行政运行 1.00 万元。", note, title, withheld),
                             section("s2.5.3.3", "支出按经济科目分类的明细情况", lead, "工资福利支出（301）1.00 万元。", note, title,
                                     withheld)))
    assert run("wording.duplicated_paragraphs", d) == ()
    text = "主要原因是严格落实中央八项规定，控制“三公”经费支出，压减公务接待。"
    d = disclosure(sections=(section("s3.7", "“三公”经费情况", text), section("s3.8", "机关运行经费情况", text)))
    assert len(run("wording.duplicated_paragraphs", d)) == 1


def test_a_pair_opened_in_one_paragraph_and_closed_in_the_next_is_one_paragraph_cut():
    # sn-xa-1bfd0c2c p22, a chart's legend: “…（按政府预算支出经” / “济科目分） 金额（万元）”
    cut = ("一般公共预算拨款支出（按政府预算支出经", "济科目分） 金额（万元）")
    assert run("wording.unbalanced_marks", said(*cut)) == ()
    assert run("review.quotes", said("推进婚姻登记业务跨区域办理，高标准完成“全", "市通办”工作。")) == ()
    (f,) = run("review.quotes", said("实现监狱教育改造与社会安置帮教的“无缝衔接。"))  # gd-gz-3cdc0ad0 p50, real
    assert "没有闭合" in f.message


def test_a_year_in_a_history_or_a_target_is_a_note_an_old_budget_year_a_warning():
    history = "提租补贴（项）：指按照国家有关政策规定，自 2000 年开始，向在京职工发放的补贴。"  # central p41, a 2024 final
    target = "争取到 2030 年，苏州交通全面建成国际性铁路枢纽。"  # js-sz-8ef659f0 p5
    for text in (history, target):
        (f,) = run("wording.foreign_year", said(text))
        assert f.severity is Severity.INFO
    (g,) = run("wording.foreign_year", said("2023年度阳泉市民政局支出预算4,411.49万元。"))
    assert g.severity is Severity.WARNING


def test_a_figure_broken_down_in_brackets_and_a_percent_the_text_layer_lacks():
    # sn-xa-3f525e76 p23: 37.45 万元 = 11.95 + 25.50, in the unit of the amount they break down
    breakdown = "专项业务费减少 37.45 万元（生产力中心减少 11.95，大市场中心网络宽带费列其他科目减少 25.50）。"
    assert run("wording.rate_without_percent", said(breakdown)) == ()
    # sn-xa-1bfd0c2c p12 prints “减少 12.95% ，”; its text layer reads “减少 12.95 ，”
    assert run("wording.rate_without_percent", said("收支预算总体较上年减少 12.95 ，减少的主要原因是职能划出。")) == ()
    assert run("wording.rate_without_percent", said("一般公共预算财政拨款支出增加1193.20 万元，增长 13.95。"))


def test_scores_lengths_areas_and_model_names_carry_their_unit():
    for text in ("分值30分，得分25.30分，得分率84.33%。", "对沙尾水闸至生南涌段2.42千米堤岸进行达标加固。",
                 "覆盖面积412.34平方公里。", "保障PM2.5成分、臭氧及前体物组分监测数据的有效获取。", "覆盖面积33297.31平米。"):
        assert run("wording.amount_without_unit", said(text)) == (), text
    assert run("wording.amount_without_unit", said("批复民政事务中心0.38公务用车运行维护费。"))


def test_a_finding_on_a_paragraph_cut_by_a_page_break_points_at_the_page_printing_its_words():
    # hn-cs-794e5387 p9 “（三）一般性支出情况：2025 年本单位会议费预算 18 万元，” / p10 “拟召开…人数 800人，；培训费…”
    first, rest = Provenance(file="inline.pdf", page=9, line=72), Provenance(file="inline.pdf", page=10, line=74)
    head = "（三）一般性支出情况：2025 年本单位会议费预算 18 万元，"
    para = Paragraph(head + "拟召开年度公安工作及业务线工作部署和总结会议，人数 800人，；培训费预算 163.46 万元。"
                     "会议费较上年减少，，主要是压减会议。", first, ((len(head), rest),))
    d = replace(said(), sections=(Section("s3.6", "第三部分", "（三）", 3, "一般性支出情况", (para,), first),))
    doubled = run("wording.doubled_punctuation", d)
    assert sorted((f.locations[0].page, f.locations[0].line) for f in doubled) == [(10, 74), (10, 74)]
    (level,) = run("wording.level_mismatch", replace(d, meta=replace(d.meta, level=Level.DEPARTMENT)))
    assert (level.locations[0].page, level.locations[0].line) == (9, 72)  # 本单位 is printed on p9
    # two paragraphs the reader left apart, read as one sentence: each keeps its own line
    apart = (Paragraph(head, first), Paragraph("拟召开会议，人数 800人，；", rest))
    (f,) = run("wording.doubled_punctuation", replace(d, sections=(replace(d.sections[0], paragraphs=apart),)))
    assert (f.locations[0].page, f.locations[0].line) == (10, 74)


# --- the real documents ---------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def warned(name: str, *rules: str) -> list[tuple[str, int | None, str]]:
    rep = audit(read_disclosure(CITIES / name), only=set(rules))
    return [(f.rule, f.locations[0].page if f.locations else None, f.message) for f in rep.findings
            if f.severity is not Severity.INFO and f.rule in rules]


@corpus
def test_a_duty_over_a_page_break_and_the_running_header_are_no_findings():
    # js-sz-0ace4bb2 p3 “（6）…提请、衔接解放军和武警部队参与” / p4 “应急救援工作。”, between them “- 2 -” and the
    # header “苏州市应急管理局2026年度部门预算公开” printed on every page (12 duplicated paragraphs before)
    assert warned("js-sz-0ace4bb2.pdf", "wording.sentence_end", "wording.duplicated_paragraphs") == []
    d = read_disclosure(CITIES / "js-sz-0ace4bb2.pdf")
    texts = [p.text for s in d.sections for p in s.paragraphs]
    assert any(t.endswith("提请、衔接解放军和武警部队参与应急救援工作。") for t in texts)


@corpus
def test_quotes_over_a_page_break_are_paired_and_the_real_ones_kept():
    # central-ca5db9ed p26 “…对“信息化运行维护费”（一级项目）、“全” / p27 “国信访信息系统维护费”…”
    assert [w for w in warned("central-ca5db9ed.pdf", "review.quotes", "wording.unbalanced_marks") if w[1] in (26, 27)] == []
    # gd-gz-e742f012 p48 “构建“精准感知-智能决策-自动处置-持续优化“的智能运维体系”: a closing mark printed as an opening one
    assert any(p == 48 for _, p, _ in warned("gd-gz-e742f012.pdf", "review.quotes"))
    # js-sz-141f031e p7 “(机关党委(与办公室(组织人事处、审计监督处)合署办公)”: three opened, two closed
    assert any(p == 7 for _, p, _ in warned("js-sz-141f031e.pdf", "wording.unbalanced_marks"))


@corpus
def test_a_sentence_joined_over_its_page_break_still_lacks_its_stop():
    # sn-xa-a2737c88 p12 “…本部门无 2021 年结转的政府性” / p13 “基金预算拨款支出”, no full stop on either page:
    # the stop is missing after “支出”, on p13, where the finding points
    (f,) = [w for w in warned("sn-xa-a2737c88.pdf", "wording.sentence_end") if "政府性基金预算拨款支出" in w[2]]
    assert f[1] == 13


@corpus
def test_a_table_under_its_heading_is_its_content():
    # fj-qz-09bdaf86 p8: “一、收支预算总表” then the table (its page number no longer counts as text)
    assert not any("收支预算总表" in m for _, _, m in warned("fj-qz-09bdaf86.pdf", "complete.empty_sections"))


@corpus
def test_a_slip_on_the_page_a_paragraph_runs_on_to_is_reported_there():
    # hn-cs-794e5387: “（三）一般性支出情况：…会议费预算 18 万元，” ends p9; p10 prints “…人数 800人，；培训费…”
    (f,) = warned("hn-cs-794e5387.pdf", "wording.doubled_punctuation")
    assert "，；" in f[2] and f[1] == 10


@corpus
def test_a_list_of_units_after_its_lead_in_is_no_empty_headings():
    # gd-gz-7ca93e6d p5–6: “预算单位24个，具体包括：” then （一）广州市第一人民医院 … （二十四）, one a line
    assert warned("gd-gz-7ca93e6d.pdf", "complete.empty_sections") == []
    d = read_disclosure(CITIES / "gd-gz-7ca93e6d.pdf")
    (built,) = [s for s in d.sections if s.title == "部门预算构成"]
    assert built.paragraphs[-1].text == "（二十四）广州市卫生健康委员会（本级）" and len(built.paragraphs) == 25


@corpus
def test_a_sentence_cut_at_a_word_ending_in_yi_is_joined():
    # js-sz-ac8160cd p5 “…构建集中统” / “一、全面覆盖、权威高效的审计监督体系。”: one paragraph, no missing stop
    assert warned("js-sz-ac8160cd.pdf", "wording.sentence_end") == []


def test_a_sentence_left_unfinished_after_a_figure_with_a_thousands_comma_is_reported():
    # 江苏省检察院 2018 p23 “1．财政拨款收入预算总计 21,940.96 万元。其中” then “（1）一般公共预算收入…”: 其中 unfinished
    rep = audit(read_disclosure(JIANGSU_FILES["procuratorate-2018-full"]), only={"wording.sentence_end"})
    (f,) = rep.findings
    assert "“其中”" in f.message and f.locations[0].page == 23


@corpus
def test_no_seam_doubling_and_no_duty_level_claim_on_the_real_pages_and_the_real_slips_kept():
    assert warned("gd-gz-d16e612b.pdf", "wording.duplicated_words") == []  # p6 “低空航空航天”
    assert warned("js-wx-9f207433.pdf", "wording.level_mismatch") == []  # p3 “负责本部门教育经费统筹管理”
    assert [w[1] for w in warned("js-wx-7a2e13fd.pdf", "wording.duplicated_words")] == [29]  # “用于用于”
    assert [w[1] for w in warned("js-sz-4d535a5b.pdf", "wording.level_mismatch")] == [37]  # “本年度本部门市立项目”
