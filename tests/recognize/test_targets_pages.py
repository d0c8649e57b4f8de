"""Inline forms for the cases a PDF brings: a form continued over a page break with the page number
between its rows, the 填报日期 footer in its printed shapes, and the 财政拨款/财政专户 funding variant."""
from __future__ import annotations

from decimal import Decimal

import pytest

from test_targets_inline import MINIMAL, _lines

from yusuan.recognize.claims import Context
from yusuan.recognize.targets import read_forms, recognize_targets
from yusuan.sources.raw import RawLine

FOOTER = "负责人：\t\t经办人：\t\t联系电话：\t\t填报日期：\t20250122171414\n"
HEAD = MINIMAL.replace(FOOTER, "")  # the inline 遗属补助 form up to its first indicator row
AFTER_BREAK = "\t\t时效指标\t发放时间\t按月发放\t时效指标\t发放时间\t按月发放\n"
CTX = Context("inline.pdf")


def _paged(text: str, break_before: int) -> list[RawLine]:
    """The text's lines as a PDF gives them: page 32 up to `break_before`, page 33 after it."""
    return [RawLine(ln.cells, ln.line, 32 if ln.line < break_before else 33, ln.is_row) for ln in _lines(text)]


@pytest.mark.parametrize("page_number", ["第 32 页", "32", "- 32 -"])
def test_form_steps_over_the_page_number_between_its_rows(page_number):
    text = HEAD + f"\n{page_number}\n\n" + AFTER_BREAK + FOOTER
    lines = _paged(text, break_before=12)
    (form,) = read_forms(lines, CTX)
    assert [(i.name, i.value) for i in form.target.indicators_for("period")] == [("人员数量", "1人"), ("发放时间", "按月发放")]
    assert dict(form.placements)[11] == "furniture"
    assert form.target.end_line == 14 and form.target.filled_on == "20250122171414"
    assert not [i for i in form.issues if i.provenance.line == 11]  # furniture, not content
    assert 11 in recognize_targets(lines, CTX).consumed


def test_page_number_between_goal_and_grid_is_no_goal():
    # 总体目标 at the foot of page 41, the grid heading at the top of page 42
    text = HEAD.replace("绩效指标\t", "\n第 41 页\n\n绩效指标\t") + FOOTER
    (form,) = read_forms(_paged(text, break_before=10), CTX)
    assert form.target.goal_period == "保障遗属生活" and dict(form.placements)[9] == "furniture"
    assert not [i for i in form.issues if i.code in ("ingest.target_goal_continued", "ingest.target_inferred_label")]


def test_page_number_after_the_last_row_of_a_form_without_footer_is_not_the_forms():
    text = HEAD + "\n第 32 页\n\n十一、国有资产占有使用情况\n"
    claim = recognize_targets(_paged(text, break_before=12), CTX)
    assert claim.items[0].end_line == 9 and max(claim.consumed) == 9


@pytest.mark.parametrize("footer, date", [
    ("负责人：\t\t经办人：\t\t联系电话：\t\t填报日期：\t20250122171414", "20250122171414"),
    ("负责人：\t\t经办人：\t\t联系电话：\t\t填报日期：20250210145614\t\t", "20250210145614"),
    ("负责人:\t经办人:\t联系电话:\t填报日期:\t\t20250108\t\t", "20250108"),
    ("负责人：\t\t经办人：\t\t联系电话：\t\t填报日期：\t\t\t\n\t\t\t\t\t\t20250116092945\t\t\t", "20250116092945"),
])
def test_filled_on_read_from_the_footer_as_printed(footer, date):
    (form,) = read_forms(_lines(HEAD + footer + "\n"), CTX)
    assert form.target.filled_on == date
    assert not [i for i in form.issues if "填报日期" in i.message]


def test_empty_filled_on_is_reported():
    (form,) = read_forms(_lines(HEAD + "负责人：\t\t经办人：\t\t联系电话：\t\t填报日期：\t\t\n"), CTX)
    assert form.target.filled_on == ""
    (issue,) = [i for i in form.issues if "填报日期" in i.message]
    assert (issue.code, issue.severity, issue.provenance.line) == ("ingest.target_empty_field", "info", 10)


VARIANT_FUNDING = """\
项目属性\t\t201-一般公共服务\t\t101-民政\t1年\t\t
项目资金(元)\t\t201943.3\t财政拨款\t201943.3\t\t\t
\t\t0\t财政专户收入\t0\t\t\t
\t\t0\t债券(债务)\t\t\t\t
"""


def test_funding_under_its_own_labels_is_read_into_lines():
    text = HEAD.replace("项目资金（元）\t实施期资金总额：\t19,240\t年度资金总额：\t19240\n\t市县（区）财政资 金\t19,240\t市县（区）财政资金\t19240\n",
                        VARIANT_FUNDING)
    (form,) = read_forms(_lines(text + FOOTER), CTX)
    target = form.target
    assert (target.attribute, target.period) == ("201-一般公共服务 101-民政", "1年")
    period, year = target.funding_period, target.funding_year
    assert [(ln.label, ln.amount.value) for ln in period.lines] == [
        ("财政拨款", Decimal("201943.3")), ("财政专户收入", 0), ("债券(债务)", 0)]
    assert [(ln.label, ln.amount and ln.amount.value) for ln in year.lines] == [
        ("财政拨款", Decimal("201943.3")), ("财政专户收入", 0), ("债券(债务)", None)]  # an empty cell stays None
    assert year.lines[0].provenance.line == 6 and period.total is None and year.total is None
    codes = {i.code for i in form.issues}
    assert {"ingest.target_total_not_printed", "ingest.target_funding_label_shared"} <= codes
    assert "ingest.target_unplaced_amount" not in codes and "ingest.target_missing_part" not in codes


def test_a_standard_label_after_an_unlabelled_amount_leaves_the_amount_reported():
    text = HEAD.replace("\t市县（区）财政资 金\t19,240", "\t5\t市县（区）财政资 金\t19,240")
    (form,) = read_forms(_lines(text + FOOTER), CTX)
    (stray,) = [i for i in form.issues if i.code == "ingest.target_unplaced_amount"]
    assert stray.provenance.line == 6 and "5" in stray.message
    assert form.target.funding_period.local.value == 19240 and not form.target.funding_period.lines
