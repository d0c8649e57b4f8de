"""Wording rules: template leftovers, truncations, punctuation, years, retired names, 部门/单位 words."""
from __future__ import annotations

from builders import disclosure, section
from test_rules_narrative import run

from yusuan.audit import Severity
from yusuan.model import Level


def said(*paragraphs: str, level: Level = Level.DEPARTMENT, title: str = "机关运行经费增减变动原因说明"):
    return disclosure(sections=(section("s3.8", title, *paragraphs),), level=level)


RUNNING = "机关运行经费财政拨款预算40.68万元，比2024年预算40.72万元减少0.04万元，下降0.098%，原因是人员流动。"


def test_template_alternative_fires_on_each_spelling_and_not_on_a_chosen_word():
    for alt in ("下降(增长)", "增加（减少）", "增长/下降", "增（减）"):
        (f,) = run("wording.template_alternative", said(RUNNING.replace("下降", alt, 1)))
        assert f.severity is Severity.ERROR and f.locations[0].section == "s3.8"
    assert run("wording.template_alternative", said(RUNNING)) == ()


def test_truncated_sentences():
    for cut in ("公用经费比上年减少2.00万元，主要原因是。", "主要用于以下方面：。", "其中：基本支出1,099.45万元，。"):
        assert run("wording.truncated_sentence", said(cut)), cut
    assert run("wording.truncated_sentence", said(RUNNING)) == ()


def test_doubled_punctuation():
    (f,) = run("wording.doubled_punctuation", said("原因是人员流动。。"))
    assert "。。" in f.message
    assert run("wording.doubled_punctuation", said("原因是人员流动，，单位减少。")) != ()
    assert run("wording.doubled_punctuation", said(RUNNING)) == ()


def test_ascii_comma_is_only_information_and_thousands_commas_are_fine():
    (f,) = run("wording.ascii_comma", said("一般公共预算当年支出3,008.67万元,比上年增加330.11万元。"))
    assert f.severity is Severity.INFO
    assert run("wording.ascii_comma", said("一般公共预算当年支出3,008.67万元，比上年增加330.11万元。")) == ()


def test_foreign_year_outside_comparisons_and_citations():
    (f,) = run("wording.foreign_year", said("2023年部门预算收入4,411.49万元。"))
    assert f.severity is Severity.WARNING and "2023年" in f.message
    assert run("wording.foreign_year", said(RUNNING, "依据晋财综[2023]43号和《2023年目录》执行。")) == ()
    (g,) = run("wording.foreign_year", said("2024年省级资金已下达。"))
    assert g.severity is Severity.INFO


def test_retired_subject_names():
    (f,) = run("wording.retired_subject", said("医疗卫生与计划生育支出39.06万元。"))
    assert "卫生健康支出" in f.message
    assert run("wording.retired_subject", said("卫生健康支出39.06万元。")) == ()


def test_department_words_in_a_unit_publication():
    (f,) = run("wording.level_mismatch", said("本部门2025年收入预算100.00万元。", level=Level.UNIT))
    assert f.severity is Severity.WARNING
    assert run("wording.level_mismatch", said("占部门（单位）项目支出总额的100%。", level=Level.UNIT)) == ()
    (g,) = run("wording.level_mismatch", said("本单位2025年收入预算100.00万元。"))
    assert g.severity is Severity.INFO
    assert run("wording.level_mismatch", said("本部门2025年收入预算100.00万元。")) == ()


def test_amount_without_unit():
    (f,) = run("wording.amount_without_unit", said("批复民政事务中心0.38公务用车运行维护费。"))
    assert "0.38" in f.message
    assert run("wording.amount_without_unit", said("批复民政事务中心0.38万元公务用车运行维护费。", RUNNING)) == ()
