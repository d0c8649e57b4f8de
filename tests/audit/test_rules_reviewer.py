"""The checks Putuo's reviewers make by hand (their 公开情况检查表 list them): each fires on the sentence
shape they flagged and stays quiet on the corrected sentence; the real flagged documents are checked too."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from builders import K, disclosure, item, section, table, total, two_sided
from test_rules_narrative import run

from yusuan.audit import Severity, audit
from yusuan.ingest import read_disclosure
from yusuan.model import Stage

PDF = Path(__file__).resolve().parents[2] / "samples" / "checklists"


def said(*paragraphs: str, title: str = "2025年部门预算编制说明", year: int = 2025, final: bool = False, **meta):
    d = disclosure(sections=(section("s4", title, *paragraphs),))
    return replace(d, meta=replace(d.meta, year=year, stage=Stage.FINAL_ACCOUNTS if final else Stage.BUDGET, **meta))


def test_comparison_year_must_be_last_year():
    wrong = "支出预算9628.22万元，其中：财政拨款支出预算9628.22万元，比2025年预算增加1205.36万元。"
    (f,) = run("wording.comparison_year", said(wrong))
    assert f.severity is Severity.ERROR and "2024年" in f.message
    assert run("wording.comparison_year", said(wrong.replace("比2025年", "比2024年"))) == ()
    final = "与 2023 年度相比，收入支出总计增加 1062.85万元，增长 12.08%。"
    assert run("wording.comparison_year", said(final, year=2024, final=True)) == ()
    assert run("wording.comparison_year", said(final.replace("2023", "2024"), year=2024, final=True))


def test_one_item_stated_with_two_amounts():
    wrong = ("7、社会保障和就业支出（208类）行政事业单位养老支出（05款）行政单位离退休（01项）56.12万元。主要用于：退休人员支出。"
             "2024年当年预算执行数为57.43万元，2025年预算安排57.8万元，比2024年预算执行数减少2.27%。")
    (f,) = run("wording.two_amounts", said(wrong))
    assert f.severity is Severity.ERROR and "56.12" in f.message and "57.8" in f.message
    assert run("wording.two_amounts", said(wrong.replace("预算安排57.8", "预算安排56.12"))) == ()


def test_placeholders_left_from_the_template():
    for slip in ("XX单位2025年收入预算100.00万元。", "××局2025年收入预算100.00万元。", "{单位}2025年收入预算100.00万元。",
                 "【单位名称】2025年收入预算100.00万元。"):
        (f,) = run("wording.placeholder", said(slip))
        assert f.severity is Severity.ERROR, slip
    assert run("wording.placeholder", said("阳泉市民政局2025年收入预算100.00万元，采购XXL码服装。")) == ()


def test_a_zero_amount_cannot_have_grown():
    (f,) = run("wording.zero_with_increase", said("公务用车购置费0万元，比2024年增加1421.25万元。"))
    assert f.severity is Severity.ERROR and "1421.25" in f.message
    assert run("wording.zero_with_increase", said("公务用车购置费0万元，比2024年减少1421.25万元。")) == ()
    assert run("wording.zero_with_increase", said("公务用车购置费1421.25万元，比2024年增加1421.25万元。")) == ()


def test_wrong_year_in_a_heading():
    (f,) = run("wording.heading_year", said("收入预算100.00万元。", title="2024年部门预算编制说明"))
    assert "2024年" in f.message
    assert run("wording.heading_year", said("收入预算100.00万元。", title="2025年部门预算编制说明")) == ()


def test_wrong_year_after_as_of():
    budget = "截至2024年12月31日，本部门共有车辆2辆。"
    assert run("wording.as_of_year", said(budget)) == ()  # a 2025 budget counts at the end of 2024
    assert run("wording.as_of_year", said(budget.replace("2024", "2023")))
    final = "截至 2024 年 12 月 31 日，上海市普陀区规划和自然资源局部门（单位）共有车辆 0 辆。"
    assert run("wording.as_of_year", said(final, year=2024, final=True)) == ()
    (f,) = run("wording.as_of_year", said(final.replace("2024", "2023"), year=2024, final=True))
    assert "2024年" in f.message


def test_missing_full_stop_at_a_sentence_end():
    wrong = ("财政拨款收入支出增加的主要原因是工作量增加", "财政拨款支出主要内容如下：")
    (f,) = run("wording.sentence_end", said(*wrong))
    assert "工作量增加" in f.message
    assert run("wording.sentence_end", said(wrong[0] + "。", wrong[1])) == ()
    # a sentence the reader split at its line end (``…占本年支出合计的`` / ``100.00%。``) is not missing one
    assert run("wording.sentence_end", said("一般公共预算财政拨款支出 307.82 万元，占本年支出合计的", "100.00%。")) == ()


def test_unbalanced_quotes_and_brackets():
    (f,) = run("wording.unbalanced_marks", said("4.开展“人民调解协议书检查”、优秀调解案例”活动。"))
    assert "“”" in f.message
    assert run("wording.unbalanced_marks", said("4.开展“人民调解协议书检查”、“优秀调解案例”活动。")) == ()
    assert run("wording.unbalanced_marks", said("平均得分99.33分（其中，绩效评级为“优”的项目39个。"))


def test_a_full_width_bracket_closed_half_width_is_called_mixed():
    (f,) = run("wording.unbalanced_marks", said("机关运行经费（含一般公共预算和政府性基金预算)支出12.00万元。"))
    assert "括号全角与半角混用（全角“（”配了半角“)”）" in f.message and "不成对" not in f.message
    (g,) = run("wording.unbalanced_marks", said("机关运行经费(含一般公共预算）支出12.00万元。"))
    assert "半角“(”配了全角“）”" in g.message
    (h,) = run("wording.unbalanced_marks", said("机关运行经费（含一般公共预算支出12.00万元。"))
    assert "（）不成对" in h.message and "混用" not in h.message


def test_duplicated_words_and_paragraphs():
    (f,) = run("wording.duplicated_words", said("主要用于行政运行运行支出。"))
    assert "运行运行" in f.message
    assert run("wording.duplicated_words", said("主要用于行政运行支出，常常超支。")) == ()
    text = "主要原因是严格落实中央八项规定，控制“三公”经费支出，压减公务接待。"
    d = disclosure(sections=(section("s3.7", "“三公”经费情况", text), section("s3.8", "机关运行经费情况", text)))
    (f,) = run("wording.duplicated_paragraphs", d)
    assert "“三公”经费情况" in f.message
    d = disclosure(sections=(section("s3.7", "“三公”经费情况", text), section("s3.8", "机关运行经费情况", "机关运行经费比上年减少。")))
    assert run("wording.duplicated_paragraphs", d) == ()
    # 江苏: 财政拨款支出 and 一般公共预算支出 state the same figures item by item, part after part
    block = ("1.政协事务（款）行政运行（项）支出 3,233.03 万元，与上年相比减少 108.56 万元。",
             "2. 政协事务（款）一般行政管理事务（项）支出 1,577.82万元，与上年数一致。")
    d = disclosure(sections=(section("s3.5", "财政拨款支出预算表情况说明", *block),
                             section("s3.8", "一般公共预算支出预算表情况说明", *block)))
    assert run("wording.duplicated_paragraphs", d) == ()
    lone = disclosure(sections=(section("s3.5", "财政拨款支出预算表情况说明", block[0], "其余支出与上年持平，无变化。"),
                                section("s3.7", "“三公”经费情况", block[0])))
    (f,) = run("wording.duplicated_paragraphs", lone)  # one paragraph pasted into another part: still a slip
    assert "财政拨款支出预算表情况说明" in f.message


def test_organisation_name_the_same_everywhere():
    name = "上海市普陀区规划和自然资源局"
    slip = "上海市普陀区规划与自然资源局 2024 年度无政府性基金预算财政拨款收入和支出。"
    (f,) = run("org.name_consistent", said(slip, year=2024, final=True, organisation=name))
    assert "规划与自然资源局" in f.message
    fine = said(slip.replace("规划与", "规划和"), "下属单位：上海市普陀区土地发展中心（下属事业单位）。", year=2024,
                final=True, organisation=name)
    assert run("org.name_consistent", fine) == ()


def test_rate_printed_without_percent():
    (f,) = run("wording.rate_without_percent", said("一般公共预算财政拨款支出增加1193.20 万元，增长 13.95。"))
    assert "13.95" in f.message
    assert run("wording.rate_without_percent", said("一般公共预算财政拨款支出增加1193.20 万元，增长 13.95%。")) == ()


def _summary_and_economic(personnel: str, operating: str):
    summary = two_sided(K.INCOME_EXPENDITURE_SUMMARY, "amount", "total personnel operating project",
                        [total("收入总计", "500.00")], [total("支出总计", "500.00", personnel, operating, "100.00")])
    economic = table(K.GENERAL_BASIC_ECONOMIC, "total personnel operating",
                     [total("合计", "400.00", "352.00", "48.00"), item("301", "工资福利支出", "352.00", "352.00", "")], id="t02")
    return disclosure(summary, economic, template="shanghai-9")


def test_personnel_and_operating_split_the_same_in_both_tables():
    found = run("cross.personnel_operating_split", _summary_and_economic("341.88", "58.12"))  # 10.12 moved across
    assert len(found) == 2 and all(f.severity is Severity.ERROR for f in found)
    assert run("cross.personnel_operating_split", _summary_and_economic("352.00", "48.00")) == ()


@pytest.fixture(scope="module")
def justice():
    return {level: audit(read_disclosure(PDF / f"putuo-justice-2026-{level}-budget.pdf")) for level in ("dept", "unit")}


def test_the_reviewers_findings_on_the_justice_budgets(justice):
    dept, unit = justice["dept"], justice["unit"]
    # “存在5处与2025年预算比较的描述” — the reviewers counted five comparisons with the wrong year
    assert len(dept.by_rule("wording.comparison_year")) == 5
    assert any("工作量增加" in f.message for f in dept.by_rule("wording.sentence_end"))
    assert any("优秀调解案例" in f.message for f in dept.by_rule("wording.unbalanced_marks"))
    assert any("208.8" in f.message and "201.50" in f.message for f in dept.by_rule("wording.two_amounts"))
    pairs = {(f.expected, f.actual) for f in unit.by_rule("wording.two_amounts")}
    assert {(str(e), str(a)) for e, a in pairs} >= {("56.12", "57.8"), ("207", "170.03")}
    moved = unit.by_rule("cross.personnel_operating_split")
    assert all(len(f.locations) == 2 for f in moved)
    assert sorted(round(abs(f.difference)) for f in moved) == [101200, 101200]  # 101,200元 moved from 公用 to 人员
    assert dept.by_rule("wording.doubled_punctuation")  # “支出。。”
