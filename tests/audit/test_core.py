"""The audit framework: catalog, runner isolation, report summary, fingerprints."""
from __future__ import annotations

from decimal import Decimal

import pytest
from builders import K, disclosure, item, table, total

from yusuan.audit import Catalog, Finding, Location, NotApplicable, RuleInfo, Severity, audit, default_catalog
from yusuan.audit.catalog import FAMILIES
from yusuan.audit.compare import check_equal, check_sum
from yusuan.model import Amount, IngestIssue, MoneyUnit, Provenance

W = MoneyUnit.WAN_YUAN


def _info(id: str, func, family: str = "arith") -> RuleInfo:
    return RuleInfo(id=id, family=family, title="测试", severity=Severity.ERROR, doc="测试规则。", func=func)


def _finding(rule: str = "arith.x", **loc) -> Finding:
    return Finding(rule=rule, severity=Severity.ERROR, message="错误。", locations=(Location(**loc),))


def test_catalog_refuses_duplicate_ids():
    cat = Catalog([_info("arith.a", lambda d, c: ())])
    with pytest.raises(ValueError, match="duplicate"):
        cat.register(_info("arith.a", lambda d, c: ()))


def test_catalog_refuses_id_outside_its_family():
    with pytest.raises(ValueError):
        Catalog([_info("cross.a", lambda d, c: (), family="arith")])


def test_catalog_iterates_sorted_and_groups_families():
    cat = Catalog([_info("arith.b", lambda d, c: ()), _info("arith.a", lambda d, c: ())])
    assert [r.id for r in cat] == ["arith.a", "arith.b"]
    assert list(cat.families()) == ["arith"] and len(cat) == 2


def test_default_catalog_holds_every_rule_module_and_known_families():
    from yusuan.audit.rules import MODULES

    cat = default_catalog()
    registered = {r.module.rsplit(".", 1)[1] for r in cat}
    assert set(MODULES) <= registered, "every rule module registers at least one rule"
    assert {r.family for r in cat} <= set(FAMILIES)


def test_crashing_rule_becomes_outcome_and_finding_not_crash():
    def boom(d, ctx):
        raise ZeroDivisionError("division by zero")

    def fine(d, ctx):
        yield _finding("arith.fine")

    cat = Catalog([_info("arith.boom", boom), _info("arith.fine", fine)])
    rep = audit(disclosure(), catalog=cat)
    outcomes = {o.rule: o for o in rep.outcomes}
    assert outcomes["arith.boom"].status == "crashed" and "ZeroDivisionError" in outcomes["arith.boom"].error
    assert outcomes["arith.fine"].status == "ran" and outcomes["arith.fine"].findings == 1
    crash = rep.by_rule("audit.rule_crashed")
    assert len(crash) == 1 and "“测试”运行出错" in crash[0].message and crash[0].severity is Severity.WARNING
    assert "arith.boom" not in crash[0].message  # the rule's title, never its id, in Chinese text
    assert rep.summary["crashed"] == 1 and rep.summary["ran"] == 1


def test_a_finding_under_another_id_or_above_the_declared_severity_is_reported(monkeypatch):
    """The runner holds each finding to the rule's catalog entry: its own id, at most its declared
    severity. The finding stays; a warning beside it says what is off (in Chinese, no ids)."""
    from yusuan.audit.runner import MISDECLARED_RULE, STRICT_ENV

    monkeypatch.delenv(STRICT_ENV, raising=False)
    warn = RuleInfo(id="arith.w", family="arith", title="测试", severity=Severity.WARNING, doc="测试。",
                    func=lambda d, c: [_finding("arith.w")])  # an error from a rule declared as warning
    other = _info("arith.o", lambda d, c: [_finding("arith.x")])
    ok = _info("arith.ok", lambda d, c: [Finding("arith.ok", Severity.INFO, "提示。", (Location(),))])
    rep = audit(disclosure(), catalog=Catalog([warn, other, ok]))
    flagged = rep.by_rule(MISDECLARED_RULE)
    assert len(flagged) == 2 and {f.severity for f in flagged} == {Severity.WARNING}
    assert any("最高严重程度是“警告”" in f.message for f in flagged)
    assert any("另一条规则" in f.message for f in flagged)
    assert not any("arith." in f.message for f in flagged)
    assert len(rep.by_rule("arith.w")) == 1 and len(rep.by_rule("arith.x")) == 1  # kept, not dropped


def test_a_misdeclared_finding_fails_loudly_in_the_tests(monkeypatch):
    from yusuan.audit.runner import STRICT_ENV, RuleMisdeclared

    monkeypatch.setenv(STRICT_ENV, "1")
    with pytest.raises(RuleMisdeclared, match="arith.o"):
        audit(disclosure(), catalog=Catalog([_info("arith.o", lambda d, c: [_finding("arith.x")])]))


def test_not_applicable_is_an_outcome_without_findings():
    def needs_table(d, ctx):
        ctx.require(K.THREE_PUBLIC)
        yield _finding()

    rep = audit(disclosure(), catalog=Catalog([_info("arith.n", needs_table)]))
    assert rep.outcomes[0].status == "not_applicable" and "三公" in rep.outcomes[0].error
    assert rep.findings == () and rep.summary["not_applicable"] == 1


def test_only_restricts_the_rules_run():
    cat = Catalog([_info("arith.a", lambda d, c: [_finding("arith.a")]), _info("arith.b", lambda d, c: [_finding("arith.b")])])
    rep = audit(disclosure(), catalog=cat, only={"arith.b"})
    assert [f.rule for f in rep.findings] == ["arith.b"]


def test_summary_excludes_accepted_findings():
    f1, f2 = _finding("arith.a", table_title="收入总表", column="total"), _finding("arith.a", table_title="支出总表")
    cat = Catalog([_info("arith.a", lambda d, c: [f1, f2])])
    rep = audit(disclosure(), catalog=cat, accepted=frozenset({f1.fingerprint}))
    assert rep.summary["error"] == 1 and rep.summary["accepted"] == 1 and rep.errors == (f2,)


def test_ingest_issues_become_findings():
    issue = IngestIssue("ingest.unplaced_line", "warning", "此行内容未能归入任何表格或章节。", Provenance("a.txt", line=7), "某行")
    rep = audit(disclosure(issues=(issue,)), catalog=Catalog())
    (f,) = rep.by_rule("ingest.issue")
    assert f.severity is Severity.INFO and f.locations[0].line == 7 and "未能归入" in f.message
    assert rep.reading_notes == (f,) and rep.summary["reading"] == 1 and rep.summary["info"] == 0


def test_a_line_the_reader_could_not_place_is_no_warning_but_a_blank_page_is():
    """What the reader could not place says nothing of the document (读取提示, counted apart from the
    warnings); a page the printed document leaves blank is a fact the page shows (the 普陀 reviewers
    marked 目录后有一页多余的空表页)."""
    stray = IngestIssue("ingest.cell_unplaced", "warning", "第3列的内容“x”无法对应到表头的任何一列。", Provenance("a.pdf", page=4))
    blank = IngestIssue("read.blank_page", "warning", "第 3 页是空白页（没有文字也没有图像），可能是多余的页面。",
                        Provenance("a.pdf", page=3))
    rep = audit(disclosure(issues=(stray, blank)), catalog=Catalog())
    assert [f.severity for f in rep.by_rule("ingest.issue")] == [Severity.INFO, Severity.WARNING]
    assert rep.summary["warning"] == 1 and rep.summary["reading"] == 1 and "read.blank_page" in rep.warnings[0].message


def test_fingerprint_ignores_line_numbers_but_not_the_cell():
    a = _finding(table_kind="income_summary", row_label="合计", column="total", line=10)
    b = _finding(table_kind="income_summary", row_label="合计", column="total", line=99)
    c = _finding(table_kind="income_summary", row_label="合计", column="general_public", line=10)
    assert a.fingerprint == b.fingerprint != c.fingerprint and len(a.fingerprint) == 16


def test_location_of_value_points_at_the_cell():
    t = table(K.INCOME_SUMMARY, "total", [total("合计", "3.00"), item("208", "社会保障和就业支出", "3.00")])
    loc = Location.of_value(t, t.rows[1], "total")
    assert (loc.table, loc.row, loc.code, loc.column, loc.line) == ("t01", 1, "208", "total", 101)
    assert loc.table_kind == "income_summary" and "社会保障和就业支出" in loc.describe()


def _amt(text: str, places: int = 2) -> Amount:
    return Amount(Decimal(text), W, places)


def test_check_sum_rounding_is_info_and_says_so():
    f = check_sum("arith.t", total=_amt("1.01"), parts=[_amt("0.50"), _amt("0.50")], unit=W, subject="合计", locations=[])
    assert f.severity is Severity.INFO and "尾差" in f.message
    assert (f.expected, f.actual, f.difference, f.tolerance) == (Decimal("1.00"), Decimal("1.01"), Decimal("0.01"), Decimal("0.015"))


def test_check_sum_beyond_rounding_is_error_and_exact_is_silent():
    f = check_sum("arith.t", total=_amt("1.10"), parts=[_amt("0.50"), _amt("0.50")], unit=W, subject="合计", locations=[])
    assert f.severity is Severity.ERROR and "超出" in f.message and f.difference == Decimal("0.10")
    assert check_sum("arith.t", total=_amt("1.00"), parts=[_amt("0.50"), _amt("0.50")], unit=W, subject="合计", locations=[]) is None


def test_check_equal_same_figure_printed_alike_has_no_tolerance():
    f = check_equal("cross.t", expected=_amt("1.00"), actual=_amt("1.01"), unit=W, subject="两表", locations=[])
    assert f.severity is Severity.ERROR and f.tolerance == 0


def test_check_equal_across_units_allows_both_roundings():
    yuan = Amount(Decimal("10049"), MoneyUnit.YUAN, 0)
    f = check_equal("cross.t", expected=_amt("1.00"), actual=yuan, unit=MoneyUnit.YUAN, subject="两表", locations=[])
    assert f.severity is Severity.INFO and f.tolerance == Decimal("50.5")


def test_not_applicable_is_an_exception():
    assert issubclass(NotApplicable, Exception)


def test_memo_computes_once_per_audit_and_rules_share_it():
    calls = []

    def shared(d, ctx):
        ctx.memo("shared", lambda: calls.append(1) or 42)
        return ()

    cat = Catalog([_info("arith.a", shared), _info("arith.b", shared)])
    audit(disclosure(), catalog=cat)
    audit(disclosure(), catalog=cat)
    assert calls == [1, 1]  # once per run, not once per rule


def test_same_figure_differing_says_it_should_be_identical_not_rounding():
    f = check_equal("cross.t", expected=_amt("4411.49"), actual=_amt("4412.49"), unit=W, subject="支出总计应等于收入总计",
                    locations=[])
    assert "应完全一致" in f.message and "容差" not in f.message and f.difference == Decimal("1.00")


def test_unusual_but_possible_rounding_is_a_warning_not_an_error():
    parts = [_amt("0.10")] * 20  # 20 parts + total: hard bound ±0.105, usual (3σ) ±0.04
    f = check_sum("arith.t", total=_amt("2.06"), parts=parts, unit=W, subject="合计", locations=[])
    assert f.severity is Severity.WARNING and "请核对" in f.message and f.tolerance == Decimal("0.105")
    f = check_sum("arith.t", total=_amt("2.03"), parts=parts, unit=W, subject="合计", locations=[])
    assert f.severity is Severity.INFO and "尾差" in f.message
    f = check_sum("arith.t", total=_amt("2.11"), parts=parts, unit=W, subject="合计", locations=[])
    assert f.severity is Severity.ERROR


def test_ingest_issue_repeated_by_a_rule_that_ran_is_not_reported_twice():
    missing = IngestIssue("ingest.missing_table", "warning", "未找到“机关运行经费表”。", Provenance("a.txt"))
    d = disclosure(issues=(missing,))
    assert audit(d, catalog=Catalog()).by_rule("ingest.issue")  # no rule re-checks it: kept
    rep = audit(d)
    assert rep.by_rule("complete.required_tables") and not rep.by_rule("ingest.issue")
