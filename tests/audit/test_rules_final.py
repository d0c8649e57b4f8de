"""决算 rules on small inline documents that read like a Shanghai 决算."""
from __future__ import annotations

from dataclasses import replace

from builders import K, columns, disclosure, group, item, section, subtotal, table, total, two_sided
from test_rules_narrative import run

from yusuan.audit import Severity
from yusuan.model import Stage

IN, EX = "income", "expenditure"
ITEM = ("3、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。"
        "主要用于：行政事业单位养老保险支出。年初预算为 452.40 万元，支出决算为446.11 万元，完成年初预算的 98.61%。"
        "决算数小于预算数的主要原因：机构改革人员变动，年中社会保险缴费基数变更等因素综合导致。")


def final(*tables, paragraphs=(), title="一般公共预算财政拨款支出决算具体情况"):
    d = disclosure(*tables, template="shanghai-final-9",
                   sections=(section("s3.5.3", title, *paragraphs),) if paragraphs else ())
    return replace(d, meta=replace(d.meta, stage=Stage.FINAL_ACCOUNTS, year=2024))


def general():
    return table(K.GENERAL_EXPENDITURE, "total basic project", [
        total("合计", "446.11", "446.11", "0.00"),
        group("208", "社会保障和就业支出", "446.11", "446.11", "0.00"),
        group("20805", "行政事业单位养老支出", "446.11", "446.11", "0.00"),
        item("2080505", "机关事业单位基本养老保险缴费支出", "446.11", "446.11", "0.00"),
    ])


def test_a_correct_item_statement_passes():
    assert [f for f in run("final.item_statements", final(general(), paragraphs=(ITEM,)))
            if f.severity is not Severity.INFO] == []


def test_flipped_direction_word_is_an_error():
    (f,) = run("final.item_statements", final(general(), paragraphs=(ITEM.replace("决算数小于", "决算数大于"),)))
    assert f.severity is Severity.ERROR and "大于" in f.message and "小于" in f.message


def test_wrong_completion_rate_and_missing_reason():
    wrong = ITEM.replace("98.61%", "99.61%")
    (f,) = run("final.item_statements", final(general(), paragraphs=(wrong,)))
    assert f.severity is Severity.ERROR and "98.61%" in f.message
    cut = ITEM.split("决算数小于")[0]
    (f,) = run("final.item_statements", final(general(), paragraphs=(cut,)))
    assert f.severity is Severity.WARNING and "未说明原因" in f.message


def test_actual_must_be_the_tables_figure_for_that_item():
    (f,) = run("final.item_statements", final(general(), paragraphs=(ITEM.replace("支出决算为446.11", "支出决算为436.11")
                                                                       .replace("98.61%", "96.40%"),)))
    assert f.severity is Severity.ERROR and "2080505" in f.message


def summary(closing: str):
    return two_sided(K.INCOME_EXPENDITURE_SUMMARY, "amount", "total",
                     [subtotal("本年收入合计", "9746.50"), item("年初结转和结余", "112.88"), total("总计", "9859.38")],
                     [subtotal("本年支出合计", "9759.38"), item("年末结转和结余", closing), total("总计", "9859.38")])


def test_balance_with_opening_and_closing_balances():
    assert run("final.balance", final(summary("100.00"))) == ()
    (f,) = run("final.balance", final(summary("90.00")))
    assert f.severity is Severity.ERROR and "年末结转和结余" in f.message
    # the budget rule reads the same rows: 总计 = 本年支出合计 + 年末结转和结余, no false error
    assert [f for f in run("arith.summary_expenditure_total", final(summary("100.00")))] == []


def three_public(total_budget: str):
    cols = columns("total_budget total abroad_budget abroad vehicles_budget vehicles reception_budget reception")
    return table(K.THREE_PUBLIC, cols, [total("", total_budget, "0.39", "0.00", "0.00", "0.00", "0.00", "2.85", "0.39")])


THREE = ("“三公”经费财政拨款支出年初预算为 2.85 万元，支出决算为 0.39 万元，完成预算的 13.68%，其中：公务接待费支出决算为 "
         "0.39 万元。2024 年度“三公”经费支出决算数小于预算数的主要原因：严格落实中央八项规定，控制“三公”经费支出。")


def test_three_public_budget_and_actual():
    d = final(three_public("2.85"), paragraphs=(THREE,), title="财政拨款“三公”经费支出决算情况说明")
    assert run("final.three_public_budget", d) == ()
    assert run("final.three_public_statement", d) == ()
    # the 2.85 budget is not summed with the actual items any more
    assert run("narrative.parts_sum", d) == ()
    bad = final(three_public("3.85"), paragraphs=(THREE,), title="财政拨款“三公”经费支出决算情况说明")
    assert run("final.three_public_budget", bad)
    assert any("预算数" in f.message for f in run("final.three_public_statement", bad))


def test_final_rules_step_aside_for_a_budget():
    d = disclosure(summary("90.00"), general(), sections=(section("s3.5.3", "具体情况", ITEM),))
    for rule in ("final.balance", "final.item_statements", "final.narrative_totals", "final.basic_parts"):
        assert run(rule, d) == (), rule
