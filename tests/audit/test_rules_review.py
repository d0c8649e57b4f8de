"""Checks the 普陀区 reviewers made by hand: quotation marks in pairs; a 项's amount stated once."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from builders import disclosure, section
from test_rules_narrative import run

from yusuan.audit import Severity
from yusuan.audit.rules.review_quotes import unmatched

PUTUO = Path(__file__).resolve().parents[2] / "samples" / "checklists"


def test_a_closing_quote_too_many_is_found_where_it_stands():
    d = disclosure(sections=(section("s7.4", "实施方案", "4.开展“人民调解协议书检查”、优秀调解案例”活动。"),))
    (f,) = run("review.quotes", d)
    assert f.severity is Severity.WARNING and f.locations[0].section == "s7.4"
    assert "优秀调解案例”活动" in f.message and "右引号" in f.message


def test_quotes_in_pairs_nested_or_not_are_fine_and_an_open_one_is_not():
    assert list(unmatched("“三公”经费和“机关运行经费”")) == []
    assert list(unmatched("关于转发《财政部关于“加强‘人民调解’经费”的意见》")) == []
    assert list(unmatched("开展“普法宣传活动。")) == [(2, "“")]
    assert run("review.quotes", disclosure(sections=(section("s1", "主要职能", "负责“三公”经费管理。"),))) == ()


def test_coded_items_of_the_justice_bureau_are_read_and_their_restated_amounts_compared():
    from yusuan.audit.runner import audit
    from yusuan.ingest import read_disclosure

    d = read_disclosure(PUTUO / "putuo-justice-2026-dept-budget.pdf")
    report = audit(d, only={"narrative.shanghai_item_amount", "narrative.shanghai_item_change"})
    # every 项 written “公共安全支出（204类）司法（06款）行政运行（01项）1672.67万元” agrees with the tables
    assert report.by_rule("narrative.shanghai_item_amount") == ()
    assert next(o for o in report.outcomes if o.rule == "narrative.shanghai_item_amount").status == "ran"
    restated = [f for f in report.by_rule("narrative.shanghai_item_change") if "本项金额" in f.message]
    assert [(f.expected, f.actual) for f in restated] == [(Decimal("208.8"), Decimal("201.50"))]



