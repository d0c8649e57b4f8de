"""The two real Putuo 2024 决算: every error the audit reports is a real mistake of the document (each
listed with why), and the budget-only identities no longer fire falsely on a 决算."""
from __future__ import annotations

from pathlib import Path

import pytest

from yusuan.audit import Severity, audit
from yusuan.ingest import read_disclosure

FINAL = Path(__file__).resolve().parents[2] / "samples" / "final"


@pytest.fixture(scope="module")
def planning():
    return audit(read_disclosure(FINAL / "putuo-planning-2024-final.pdf"))


@pytest.fixture(scope="module")
def socialwork():
    return audit(read_disclosure(FINAL / "putuo-socialwork-2024-final.pdf"))


def errors(rep):
    return sorted((f.rule, f.message) for f in rep.findings if f.severity is Severity.ERROR)


def test_planning_errors_are_each_real(planning):
    found = errors(planning)
    assert [rule for rule, _ in found] == [
        "final.item_statements", "final.narrative_totals", "narrative.basic_split", "narrative.basic_split",
        "wording.template_alternative"]
    messages = dict(found[:2])
    # 9746.50 ÷ 10210.34 = 95.457…%: correctly rounded 95.46%, the text prints 95.45% (cut, not rounded).
    assert "95.46%" in messages["final.item_statements"] and "95.45%" in messages["final.item_statements"]
    # 9746.50 ÷ 9759.38 = 99.868…%: 99.87%, the text prints 99.86%.
    assert "99.87%" in messages["final.narrative_totals"]
    basic = sorted((m for r, m in found if r == "narrative.basic_split"), key=lambda m: "人员经费" in m)
    # 一般公共预算财政拨款基本支出 is 5364.75 in the 一般公共预算财政拨款支出决算表 (5377.64 is the 支出决算表's
    # 基本支出 of all funds, 12.89 from 年初结转); its 人员经费合计 prints 4884.09, the text 4896.98 (= 5377.64 − 480.66).
    assert "5364.75" in basic[0] and "5377.64" in basic[0]
    assert "4884.09" in basic[1] and "4896.98" in basic[1]
    # The 三公 paragraph still reads “减少 0.15 万元，下降（增长）27.78%”: the template's alternative was never chosen.
    assert "下降（增长）" in found[-1][1]


def test_socialwork_errors_are_each_real(socialwork):
    ((rule, message),) = errors(socialwork)
    # 住房保障支出 29.42 ÷ 307.82 = 9.557…%: 9.56%, the text prints 9.55%.
    assert rule == "narrative.share_recomputed" and "9.56%" in message and "9.55%" in message


def test_planning_warnings_name_real_slips(planning):
    warned = {(f.rule, f.message) for f in planning.findings if f.severity is Severity.WARNING}
    names = {m for r, m in warned if r == "org.name_consistent"}
    # the table part's heading drops 普陀区; the narrative writes 规划与 for 规划和
    assert any("“上海市规划和自然资源局”" in m for m in names)
    assert any("“上海市普陀区规划与自然资源局”" in m for m in names)
    items = {m for r, m in warned if r == "final.item_statements"}
    # items the text names by codes the table does not have (2080599 is 其他行政事业单位养老支出, 2200199 其他自然资源事务支出)
    assert any("机关事业单位退休人员活动费支出（项）" in m for m in items)
    assert any("其他国土资源事务支出（项）" in m for m in items)
    assert any(r == "wording.rate_without_percent" and "13.95" in m for r, m in warned)  # “增长 13.95。”
    assert any(r == "wording.unbalanced_marks" for r, _ in warned)  # “平均得分99.33分（其中，…” never closed


@pytest.mark.parametrize("doc", ["planning", "socialwork"])
def test_budget_identities_do_not_fire_falsely_on_a_final(doc, request):
    rep = request.getfixturevalue(doc)
    quiet = ("arith.summary_income_total", "arith.summary_expenditure_total", "arith.fiscal_income_total",
             "arith.fiscal_expenditure_total", "cross.income_vs_expenditure_by_code", "cross.general_vs_income_column",
             "narrative.parts_sum", "complete.overview_sections", "complete.table_entity", "complete.total_row",
             "code.order", "narrative.change_implied", "complete.empty_table_note", "final.balance",
             "final.three_public_statement", "final.three_public_budget", "final.basic_parts")
    assert [(f.rule, f.message) for f in rep.findings if f.rule in quiet and f.severity is not Severity.INFO] == []
    assert not [o for o in rep.outcomes if o.status == "crashed"]
    ran = {o.rule for o in rep.outcomes if o.status == "ran"}
    assert {"final.balance", "final.basic_parts", "final.narrative_totals", "final.item_statements"} <= ran


def test_comparison_with_last_years_final():
    """“与 2023 年度相比，收入支出总计增加 1062.85 万元，增长 12.08%”: 9859.38 − 1062.85 = 8796.53 last year, and
    1062.85 ÷ 8796.53 = 12.08%. Last year's 决算 (here the same tables reprinted with 2023's totals) must print 8796.53."""
    from dataclasses import replace

    from builders import edit
    from test_final_planted import reword

    from yusuan.model import TableKind as K

    d = read_disclosure(FINAL / "putuo-planning-2024-final.pdf")
    only = {"final.change_vs_last_year"}
    assert audit(d, only=only).by_rule("final.change_vs_last_year") == ()
    (f,) = audit(reword(d, "增长 12.08%", "增长 21.08%"), only=only).by_rule("final.change_vs_last_year")
    assert "12.08%" in f.message and "8796.53" in f.message
    last = replace(d, meta=replace(d.meta, year=2023))
    for kind, ref, side, figure in ((K.INCOME_EXPENDITURE_SUMMARY, "总计", "expenditure", "8796.53"),
                                    (K.FISCAL_SUMMARY, "总计", "expenditure", "8553.30"),
                                    (K.GENERAL_EXPENDITURE, "合计", None, "8553.30"), (K.THREE_PUBLIC, "", None, "0.54")):
        last = edit(last, kind, ref, "total", figure, side=side)
    assert audit(d, previous=last, only=only).by_rule("final.change_vs_last_year") == ()
    wrong = edit(last, K.INCOME_EXPENDITURE_SUMMARY, "总计", "total", "8896.53", side="expenditure")
    (f,) = audit(d, previous=wrong, only=only).by_rule("final.change_vs_last_year")
    assert f.severity is Severity.ERROR and "8896.53" in f.message
