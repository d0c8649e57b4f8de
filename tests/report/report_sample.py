"""A small audited disclosure for the output tests: a few tables, a narrative section, a target
form, and findings of every severity pointing at cells, rows, sentences and the form.

    d, report = sample()
"""
from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "audit"))

from builders import FILE, K, disclosure, item, section, table, total, two_sided  # noqa: E402

from yusuan.audit import Finding, Location, Report, RuleOutcome, Severity  # noqa: E402
from yusuan.model import Funding, PerformanceTarget, Provenance  # noqa: E402

D = Decimal
SENTENCE = "2025年“三公”经费预算19.30万元，比2024年增加1.18万元。"


def sample_disclosure():
    summary = two_sided(
        K.INCOME_EXPENDITURE_SUMMARY, (("amount", "收入/2025年"),),
        (("total", "支出/2025年合计"), ("current_year", "支出/当年预算安排")),
        [item("一、一般公共预算", "3008.67"), total("收入总计", "3008.67")],
        [item("八、社会保障和就业支出", "3008.67", "3008.67"), total("支出总计", "3008.67", "3008.67")],
        id="t01", title="2025年预算收支总表",
    )
    income = table(K.INCOME_SUMMARY, (("total", "本年收入/合计"), ("general_public", "本年收入/一般公共预算"),
                                      ("carry_over", "上年结转")), [
        total("合计", "2895.74", "2895.74", ""),
        item("208", "社会保障和就业支出", "2895.74", "2895.74", ""),
        item("20802", "民政管理事务", "470.32", "470.32", ""),
        item("2080201", "行政运行", "157.60", "157.60", ""),
    ], id="t02", title="2025年预算收入总表", first_line=200)
    three = section("s3.7", "“三公”经费增减变动原因说明", SENTENCE)
    target = PerformanceTarget(
        id="pt01", title="项目支出绩效目标表", project_name="城乡低保<资金>",
        funding_period=Funding(), funding_year=Funding(), provenance=Provenance(file=FILE, line=700),
    )
    return disclosure(summary, income, sections=(three,), targets=(target,))


def sample_findings(d) -> tuple[Finding, ...]:
    income = d.tables[1]
    total_row, cls, leaf = income.rows[0], income.rows[1], income.rows[3]
    return (
        Finding("arith.column_total", Severity.ERROR,
                "《2025年预算收入总表》“合计”行“本年收入/合计”列应为2895.75万元，实为2895.74万元。<b>粗体</b>",
                (Location.of_value(income, total_row, "total"),),
                expected=D("2895.75"), actual=D("2895.74"), difference=D("-0.01"), tolerance=D("0.005"), unit="万元"),
        Finding("arith.class_sum", Severity.INFO, "“208 社会保障和就业支出”行与其下各款之和相差0.01万元，属尾差。",
                (Location.of_value(income, cls, "general_public"),),
                expected=D("2895.75"), actual=D("2895.74"), difference=D("-0.01"), tolerance=D("0.030"), unit="万元"),
        Finding("code.name_mismatch", Severity.WARNING, "科目2080201的名称与科目表不一致。",
                (Location.of_row(income, leaf),)),
        Finding("narrative.three_public_change", Severity.ERROR, "“三公”经费比上年增加1.18万元，与表中数据不符。",
                (Location(file=FILE, line=10, section="s3.7", sentence=SENTENCE),),
                expected=D("1.20"), actual=D("1.18"), difference=D("-0.02"), unit="万元"),
        Finding("target.funding_sum", Severity.WARNING, "绩效目标表“城乡低保<资金>”资金来源之和不等于资金总额。",
                (Location(file=FILE, line=700, target="pt01"),), expected=D("500000"), actual=D("300000"),
                difference=D("-200000"), unit="元"),
        Finding("ingest.issue", Severity.WARNING,
                "未找到“政府性基金预算支出表”（shanxi-13 模板要求的表格），文件可能不完整。（ingest.missing_table）",
                (Location(file=FILE),)),
    )


def sample(accepted: frozenset[str] = frozenset()):
    d = sample_disclosure()
    findings = sample_findings(d)
    outcomes = (
        RuleOutcome("arith.column_total", "ran", 1), RuleOutcome("arith.class_sum", "ran", 1),
        RuleOutcome("code.name_mismatch", "ran", 1), RuleOutcome("narrative.three_public_change", "ran", 1),
        RuleOutcome("target.funding_sum", "ran", 1), RuleOutcome("cross.fund_balance", "not_applicable", 0, "缺少政府性基金预算支出表"),
    )
    return d, Report(meta=d.meta, source=d.source, findings=findings, outcomes=outcomes, accepted=accepted)
