"""Narrative rules on the shapes other provinces print (Jiangsu): lists one item a line, a third
part of 支出, year spans, last year's base in brackets, new items at 100%, zero wholes."""
from __future__ import annotations

from builders import section
from test_rules_narrative import doc, run

from yusuan.audit import Severity

# As a PDF prints a list one item a line, the sentence cut before its unit and after 其中：
LIST_LINES = ("本年支出预算合计 13649.07", "万元，其中：", "基本支出 7666.68 万元，占 56.17%；",
              "- 3 -", "项目支出 5853.96 万元，占 42.89%；", "单位预留机动经费 128.43 万元，占 0.94%。")


def test_a_list_printed_one_item_a_line_is_one_sentence():
    d = doc(section("s3.3", "支出预算情况说明", *LIST_LINES))
    assert run("narrative.share_recomputed", d) == ()  # each share of 13649.07, not of 基本支出
    assert run("narrative.parts_sum", d) == ()  # 支出 = 基本 + 项目 + 单位预留机动经费


def test_the_third_part_of_expenditure_still_has_to_add_up():
    lines = LIST_LINES[:-1] + ("单位预留机动经费 228.43 万元，占 1.67%。",)
    (f,) = run("narrative.parts_sum", doc(section("s3.3", "支出预算情况说明", *lines)))
    assert f.severity is Severity.ERROR and "单位预留机动经费" in f.message


def test_a_year_span_covering_the_year_is_not_a_foreign_year():
    said = "根据《关于编制省级2025年部门预算的通知》和2025-2027 年财政规划要求编制。"
    assert run("wording.foreign_year", doc(section("s1.4", "编制依据", said))) == ()
    (f,) = run("wording.foreign_year", doc(section("s1.4", "编制依据", "按照2027-2029年财政规划要求编制。")))
    assert f.severity is Severity.WARNING


def test_included_in_it_ends_a_sentence():
    whole = "主要原因是统计口径变化，项目支出的日常公用经费支出不再列入其中。"
    assert run("wording.truncated_sentence", doc(section("s3.11", "机关运行经费", whole))) == ()
    (f,) = run("wording.truncated_sentence", doc(section("s3.11", "机关运行经费", "机关运行经费10万元，其中。")))
    assert f.severity is Severity.ERROR


def test_last_years_amount_in_brackets_is_the_base():
    said = "2025年度部门支出预算安排与2024年度相比（2024年度部门支出预算安排为8,648.07万元），增加498.72万元，增长5.77%。"
    assert run("narrative.change_implied", doc(section("s1.4", "编制依据", said))) == ()


def test_a_new_item_at_100_percent_is_a_note():
    (f,) = run("narrative.change_implied", doc(section("s3.5", "支出情况", "住房公积金（项）支出 530.72 万元，与上年相比增加 530.72 万元，增长 100%。")))
    assert f.severity is Severity.INFO and "新增" in f.message


def test_shares_of_a_zero_whole_need_not_make_100_percent():
    said = "政府性基金预算收入0万元，占0%；财政专户管理资金0万元，占0%；其他资金0万元，占0%。"
    assert run("narrative.shares_total", doc(section("s3.2", "收入预算情况说明", said))) == ()


def test_a_sentence_of_items_only_takes_its_whole_from_the_sentence_before():
    whole = "2025年政府采购预算总额1,271.22万元。"
    items = "其中，货物类政府采购支出预算 259.32 万元,占 20.40%；服务类政府采购支出预算 1,011.90 万元,占 79.60%。"
    assert run("narrative.share_recomputed", doc(section("s3.12", "政府采购情况", whole, items))) == ()
    wrong = items.replace("79.60%", "79.70%")
    (f,) = run("narrative.share_recomputed", doc(section("s3.12", "政府采购情况", whole, wrong)))
    assert "1271.22" in f.message
