"""Reading what the narrative states: sentences, amounts with their subjects, shares, changes, counts."""
from __future__ import annotations

from decimal import Decimal

import pytest

from yusuan.audit.claims import (
    Sentence, find_section, narrative, read_figures, sign_of, split_text, subject_key,
)
from yusuan.model import Provenance

D = Decimal


def said(text: str):
    return read_figures(Sentence(text, "s3.1", "测试", Provenance(file="inline.txt", line=1)))


@pytest.fixture(scope="module")
def sections(reference):
    return reference.sections


def test_sentences_keep_their_terminator_and_a_paragraph_without_one():
    assert split_text("预算收入4,411.49万元。其中：本年收入3,922.42万元；上年结转489.07万元") == [
        "预算收入4,411.49万元。", "其中：本年收入3,922.42万元；上年结转489.07万元"]
    assert split_text("主要原因是。。") == ["主要原因是。。"]


def test_amounts_with_thousands_commas_and_their_subjects():
    f = said("2025年度阳泉市民政局预算收入总计4,411.49万元，其中：本年收入3,922.42万元，上年结转489.07万元。")
    assert [(a.key, a.value, a.amount.places) for a in f.amounts] == [
        ("收入总计", D("4411.49"), 2), ("本年收入", D("3922.42"), 2), ("上年结转", D("489.07"), 2)]
    assert f.amounts[0].subject == "2025年度阳泉市民政局预算收入总计"


def test_yuan_amounts_and_one_decimal_amounts():
    f = said("实施期资金总额500,000元，批复公务接待费0.8万元。")
    assert [(a.amount.unit.value, a.value, a.amount.places) for a in f.amounts] == [
        ("元", D("500000"), 0), ("万元", D("0.8"), 1)]


def test_a_change_belongs_to_the_head_amount_before_its_qizhong_enumeration():
    f = said("预算收入总计4,411.49万元，其中：本年收入3,922.42万元，上年结转489.07万元，比上年增加934.33万元，增长26.87%。")
    amount, percent = f.changes
    assert (amount.kind, amount.sign, amount.value, amount.of.key) == ("amount", 1, D("934.33"), "收入总计")
    assert (percent.kind, percent.value, percent.places, percent.of.key) == ("percent", D("26.87"), 2, "收入总计")
    assert amount.base_year == "上年"


def test_a_quoted_previous_amount_and_an_unresolved_direction():
    f = said("机关运行经费财政拨款预算40.68万元，比2024年预算40.72万元减少0.04万元，下降(增长)0.001%，原因是人员流动。")
    assert [a.role for a in f.amounts] == ["stated", "previous"]
    down, pct = f.changes
    assert (down.signed, down.previous.value, down.base_year) == (D("-0.04"), D("40.72"), "2024年")
    assert pct.direction == "下降(增长)" and pct.sign is None and pct.signed is None


def test_no_change_is_a_change_of_zero():
    f = said("其中：因公出国（境）费0万元，与上年预算数相同；公务接待费0.80万元，与上年相比预算数增加0.80万元。")
    same, up = f.changes
    assert (same.kind, same.signed, same.of.key) == ("same", 0, "因公出国（境）费")
    assert (up.signed, up.of.key) == (D("0.80"), "公务接待费")


def test_amounts_inside_a_reason_are_not_figures_of_the_budget():
    f = said("“三公”经费预算19.30万元比2024年增加 1.18万元，主要原因是：批复民政局机关公务接待费0.8万元，"
             "公务用车运行维护费18.50万元，与上年相比预算数增加0.38万元。")
    assert [(a.key, a.role) for a in f.amounts] == [
        ("三公经费", "stated"), ("公务接待费", "reason"), ("公务用车运行维护费", "stated")]
    assert f.changes[0].of.key == "三公经费" and f.changes[1].of.key == "公务用车运行维护费"


def test_shares_of_the_head_and_of_a_named_whole():
    f = said("预算收入4,411.49万元，主要包括一般公共预算拨款收入3,008.67万元，占68.20%；上年结转489.07万元，占11.09%。")
    assert [(s.value, s.of.key, s.base.key) for s in f.shares] == [
        (D("68.20"), "一般公共预算拨款", "预算收入"), (D("11.09"), "上年结转", "预算收入")]
    g = said("公开项目绩效目标45个，涉及项目金额2,545.59万元，占部门（单位）项目支出总额的100%。")
    assert g.shares[0].base is None and g.shares[0].base_text == "部门（单位）项目支出总额"


def test_counts_name_what_they_count():
    f = said("民政局机关设置6个科室：办公室、财务科。下属预算单位5个，分别是甲、乙。")
    assert [(c.count, c.measure, c.noun) for c in f.counts] == [(6, "个", "科室"), (5, "个", "下属预算单位")]
    assert [c.count for c in said("共有公务用车编制10辆，实有10辆。").counts] == [10, 10]


def test_years_are_not_figures():
    assert said("2025年阳泉市民政局比2024年预算。").amounts == ()
    assert said("2025年阳泉市民政局比2024年预算。").counts == ()


def test_direction_signs():
    assert (sign_of("增加"), sign_of("下降"), sign_of("增加（减少）"), sign_of("增长/下降")) == (1, -1, None, None)


def test_subject_keys_prefer_the_longest_name():
    assert subject_key("主要包括一般公共预算拨款收入") == "一般公共预算拨款"
    assert subject_key("本年部门预算支出总计") == "支出总计"
    assert subject_key("财政拨款安排的“三公”经费预算") == "三公经费"
    assert subject_key("一般公共服务支出") is None


# --- the reference narrative -------------------------------------------------------------------

def test_reference_income_section_states_six_sources_with_shares(sections):
    sf = find_section(sections, "收入预算情况说明")
    assert sf.head.value == D("4411.49")
    assert [(s.of.key, s.value) for s in sf.shares] == [
        ("一般公共预算拨款", D("68.20")), ("政府性基金预算拨款", D("20.71")), ("国有资本经营预算拨款", D("0")),
        ("财政专户管理资金", D("0")), ("单位资金", D("0")), ("上年结转", D("11.09"))]
    assert {s.base.key for s in sf.shares} == {"预算收入"}


def test_reference_basic_expenditure_parts_are_shares_of_the_section_head(sections):
    sf = find_section(sections, "一般公共预算基本支出")
    assert [(a.key, a.value) for a in sf.amounts()] == [
        ("基本支出", D("1099.45")), ("人员经费", D("938.80")), ("公用经费", D("160.64"))]


def test_reference_three_public_changes(sections):
    sf = find_section(sections, "三公")
    changed = [(c.of.key, c.signed) for c in sf.changes]
    assert ("三公经费", D("1.18")) in changed and ("公务接待费", D("0.80")) in changed
    assert ("因公出国（境）费", 0) in changed and ("公务用车购置费", 0) in changed


def test_reference_agency_running_change_quotes_last_year(sections):
    sf = find_section(sections, "机关运行经费")
    amount, pct = sf.changes
    assert sf.head.value == D("40.68") and amount.previous.value == D("40.72")
    assert amount.signed == D("-0.04") and pct.value == D("0.001") and pct.sign is None


def test_reference_sections_keep_provenance(sections):
    sf = find_section(sections, "支出预算情况说明")
    s = sf.sentences[0].sentence
    assert s.section == sf.section.id and s.provenance.line == 549
    assert all(f.sentence.section for x in narrative(sections) for f in x.sentences)
