"""Code rules on the miniature department."""
from __future__ import annotations

import pytest
from builders import K, drop_row, mini_department, relabel
from test_rules_arith import run

from yusuan.audit import Severity, audit, default_catalog

CASES = [
    ("code.name_matches_reference", lambda d: relabel(d, K.INCOME_SUMMARY, "2080201", "一般行政管理事务"),
     Severity.WARNING, (K.INCOME_SUMMARY, "2080201")),
    ("code.known_code", lambda d: relabel(d, K.GENERAL_EXPENDITURE, "2080202", "一般行政管理事务", code="2080298"),
     Severity.INFO, (K.GENERAL_EXPENDITURE, "2080298")),
    ("code.names_consistent", lambda d: relabel(d, K.EXPENDITURE_SUMMARY, "2296002", "用于社会福利的彩票公益金"),
     Severity.WARNING, (K.INCOME_SUMMARY, "2296002")),
    ("code.valid_format", lambda d: relabel(d, K.EXPENDITURE_SUMMARY, "2080202", "彩票公益金收入", code="1030155"),
     Severity.ERROR, (K.EXPENDITURE_SUMMARY, "1030155")),
    ("code.hierarchy", lambda d: drop_row(d, K.EXPENDITURE_SUMMARY, "22102"), Severity.ERROR,
     (K.EXPENDITURE_SUMMARY, "2210201")),
    ("code.duplicate", lambda d: relabel(d, K.GENERAL_EXPENDITURE, "2080202", "行政运行", code="2080201"),
     Severity.WARNING, (K.GENERAL_EXPENDITURE, "2080201")),
    ("code.order", lambda d: relabel(d, K.EXPENDITURE_SUMMARY, "2080201", "行政运行", code="2080203"),
     Severity.WARNING, (K.EXPENDITURE_SUMMARY, "2080202")),
    ("code.summary_class_lines", lambda d: relabel(d, K.INCOME_EXPENDITURE_SUMMARY, "二十、住房保障支出", "二十、住房支出"),
     Severity.WARNING, (K.INCOME_EXPENDITURE_SUMMARY, "二十、住房支出")),
]


@pytest.fixture(scope="module")
def mini():
    return mini_department()


@pytest.mark.parametrize("rule_id, mutate, severity, where", CASES, ids=[c[0] for c in CASES])
def test_rule_fires_on_the_changed_row(mini, rule_id, mutate, severity, where):
    found = [f for f in run(mutate(mini), rule_id) if f.severity is severity]
    kind, row = where
    assert any(f.locations[0].table_kind == kind.value and row in (f.locations[0].code, f.locations[0].row_label)
               for f in found), [f.message for f in found]


@pytest.mark.parametrize("rule_id", [c[0] for c in CASES])
def test_rule_is_silent_on_the_miniature(mini, rule_id):
    assert run(mini, rule_id) == ()


def test_every_code_rule_has_a_case():
    assert {r.id for r in default_catalog() if r.family == "code"} == {c[0] for c in CASES}


def test_name_mismatch_names_the_catalogue_name(mini):
    d = relabel(mini, K.INCOME_SUMMARY, "2080201", "一般行政管理事务")
    (f,) = run(d, "code.name_matches_reference")
    assert "行政运行" in f.message and "一般行政管理事务" in f.message


def test_names_consistent_points_at_both_tables(mini):
    d = relabel(mini, K.EXPENDITURE_SUMMARY, "2296002", "用于社会福利的彩票公益金")
    (f,) = run(d, "code.names_consistent")
    assert [loc.table_kind for loc in f.locations] == [K.INCOME_SUMMARY.value, K.EXPENDITURE_SUMMARY.value]


def test_wrapped_class_name_still_maps(mini):
    d = relabel(mini, K.INCOME_EXPENDITURE_SUMMARY, "二十、住房保障支出", "二十、住房保障 支出")
    assert run(d, "code.summary_class_lines") == ()


def test_without_a_catalogue_the_name_rule_is_not_applicable(mini):
    from yusuan.audit.runner import audit as run_audit

    class Empty:
        def name_matches(self, code, name, year=None):
            from yusuan.reference import NameCheck, NameVerdict

            return NameCheck(code, name, NameVerdict.UNKNOWN)

    rep = run_audit(mini, only={"code.name_matches_reference"}, catalogue=Empty())
    assert rep.outcomes[0].status == "not_applicable"
    assert audit(mini, only={"code.name_matches_reference"}).outcomes[0].status == "ran"


def test_retired_class_name_is_reported_but_still_checked_as_its_class(mini):
    d = relabel(mini, K.INCOME_EXPENDITURE_SUMMARY, "二十、住房保障支出", "三、医疗卫生与计划生育支出")
    (f,) = run(d, "code.summary_class_lines")
    assert "已停用" in f.message and "卫生健康支出" in f.message
    # the retired name stands for 210, which the expenditure table does not have: the money is compared by class
    found = run(d, "cross.summary_classes_vs_expenditure")
    assert {f.locations[0].code or f.locations[0].row_label for f in found} >= {"三、医疗卫生与计划生育支出"}


def test_economic_codes_printed_in_the_economic_table_are_checked_too():
    from builders import columns, disclosure, group, item, table, total

    eco = table(K.GENERAL_BASIC_ECONOMIC, columns("total personnel operating"), [
        group("301", "工资福利支出", "3.00", "3.00"), item("30101", "基本工资", "3.00", "3.00"),
        total("合计", "3.00", "3.00")])
    assert run(disclosure(eco), "code.valid_format") == () and run(disclosure(eco), "code.hierarchy") == ()
    wrong = relabel(disclosure(eco), K.GENERAL_BASIC_ECONOMIC, "30101", "行政运行", code="2080201")
    (f,) = run(wrong, "code.valid_format")
    assert "部门预算支出经济分类" in f.message
    orphan = relabel(disclosure(eco), K.GENERAL_BASIC_ECONOMIC, "30101", "办公费", code="30201")
    (f,) = run(orphan, "code.hierarchy")
    assert "302" in f.message


def test_a_code_printed_again_right_after_itself_is_in_order(mini):
    # 西安's 基本支出明细表 prints “30101 基本工资” once under 50101 工资奖金津补贴 and again under 50501 工资福利支出:
    # a repeat, which code.duplicate judges, not a row out of order
    d = relabel(mini, K.EXPENDITURE_SUMMARY, "2080202", "行政运行", code="2080201")
    assert run(d, "code.order") == ()
