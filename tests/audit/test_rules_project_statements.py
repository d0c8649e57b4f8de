"""项目经费情况说明 against the tables: the 年度预算安排 amount, the seven parts."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from builders import FILE, K, disclosure, group, item, table, total
from test_rules_narrative import run
from test_rules_target import form

from yusuan.audit import Severity
from yusuan.ingest import read_disclosure
from yusuan.model import ProjectStatement, Provenance
from yusuan.recognize.prose.statements import annual_amount

PDF = Path(__file__).resolve().parents[2] / "samples" / "pdf"
AMOUNT, PARTS = "narrative.project_statement_amount", "complete.project_statement_parts"
PROJECTS = table(K.PROJECTS, "total general_public", [
    total("合计", "900.00", "900.00"),
    group("上海市普陀区司法局", "900.00", "900.00"),
    item("人民调解", "500.00", "500.00"),
    item("人民调解", "295.00", "295.00"),
    item("社区矫正", "105.00", "105.00"),
])


def statement(name: str, budget: str, overview: str = "化解矛盾纠纷。", **parts) -> ProjectStatement:
    texts = dict(basis="《人民调解法》。", implementer="上海市普陀区司法局", plan="购买服务。",
                 period="2026年1月1日-2026年12月31日", target="调解成功率≥95%。") | parts
    return ProjectStatement(name=name, overview=overview, budget_text=budget, annual_amount=annual_amount(budget),
                            provenance=Provenance(file=FILE, line=500), budget_provenance=Provenance(file=FILE, line=510),
                            **texts)


def doc(*statements, tables=(PROJECTS,), targets=()):
    return disclosure(*tables, template="shanghai-9", project_statements=statements, targets=targets)


def test_amount_agrees_with_the_rows_of_one_project():
    assert run(AMOUNT, doc(statement("人民调解", "795万元"))) == ()


def test_amount_disagreeing_with_the_same_name_is_an_error():
    (f,) = run(AMOUNT, doc(statement("人民调解", "800万元")))
    assert f.severity is Severity.ERROR and (f.expected, f.actual, f.difference) == (Decimal("795.00"), Decimal("800"), Decimal("5.00"))
    assert "“人民调解”项目经费情况说明的年度预算安排为800万元" in f.message and "名称完全相同" in f.message
    assert [loc.line for loc in f.locations] == [510, 102, 103]  # the statement, then both 人民调解 rows


def test_a_similar_name_disagreeing_is_a_warning():
    (f,) = run(AMOUNT, doc(statement("社区矫正工作经费", "120万元")))
    assert f.severity is Severity.WARNING and "社区矫正" in f.message and "名称相近" in f.message


def test_a_nameless_statement_is_matched_by_its_overview():
    s = statement("", "第一季度用款计划26.25万元，第二季度用款计划26.25万元，第三季度用款计划26.25万元，第四季度用款计划26.25万元。",
                  overview="由本局组织实施的社区矫正，覆盖全区9个街镇。")
    assert run(AMOUNT, doc(s)) == ()
    (f,) = run(AMOUNT, doc(replace(s, annual_amount=annual_amount("110万元"))))
    assert f.severity is Severity.ERROR and f.expected == Decimal("105.00")


def test_a_project_in_no_table_is_a_warning():
    (f,) = run(AMOUNT, doc(statement("法治宣传", "30万元")))
    assert f.severity is Severity.WARNING and "找不到" in f.message


def test_without_project_tables_the_target_form_is_the_reference():
    pt = form("pt01", "人民调解服务", "上海市普陀区司法局", "7950000")
    assert run(AMOUNT, doc(statement("人民调解", "795万元"), tables=(), targets=(pt,))) == ()
    (f,) = run(AMOUNT, doc(statement("人民调解", "700万元"), tables=(), targets=(pt,)))
    assert f.severity is Severity.WARNING and "绩效目标表“人民调解服务”年度资金795万元" in f.message


def test_without_any_project_table_the_amount_stays_within_the_project_total():
    summary = table(K.EXPENDITURE_SUMMARY, "total basic project", [total("合计", "8726.73", "1672.67", "7054.05")])
    assert run(AMOUNT, doc(statement("人民调解", "795万元"), tables=(summary,))) == ()
    (f,) = run(AMOUNT, doc(statement("人民调解", "7100万元"), tables=(summary,)))
    assert f.severity is Severity.ERROR and "超过支出总表项目支出合计7054.05万元" in f.message


def test_missing_parts_and_an_unstated_amount_are_warnings():
    s = statement("区政府督查及建议提案工作业务经费", "结合区政府重点工作推进情况，根据合同条款，按时拨付资金。",
                  basis="", missing=("立项依据",))
    found = run(PARTS, doc(s))
    assert [f.severity for f in found] == [Severity.WARNING, Severity.WARNING]
    assert "缺少立项依据" in found[0].message and "未列明金额" in found[1].message
    assert run(AMOUNT, doc(s)) == ()  # no amount: nothing to compare, said once by the parts rule


@pytest.mark.parametrize(("name", "parts"), [
    ("putuo-justice-2026-dept-budget", 0), ("putuo-wanli-2024-dept-budget", 0), ("putuo-wanli-2025-dept-budget", 0),
    ("putuo-govoffice-2025-dept-budget", 1),  # 年度预算安排 “按时拨付资金”: no amount
])
def test_real_putuo_statements(name, parts):
    d = read_disclosure(next(PDF.parent.glob(f"*/{name}.pdf")))  # pdf/ or checklists/
    # No project table in the nine Shanghai tables: each amount is within the 支出总表's 项目支出.
    assert d.table(K.PROJECTS) is None and run(AMOUNT, d) == ()
    assert len(run(PARTS, d)) == parts
    if d.project_statements[0].annual_amount is not None:
        lowered = replace(d, tables=tuple(t for t in d.tables if t.kind is not K.EXPENDITURE_SUMMARY) + (
            table(K.EXPENDITURE_SUMMARY, "total basic project", [total("合计", "100.00", "99.99", "0.01")]),))
        (f,) = run(AMOUNT, lowered)
        assert f.severity is Severity.ERROR and f.unit == "万元"
