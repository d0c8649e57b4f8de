"""Slips a reviewer finds and the audit used to miss, planted into real documents (Putuo's 司法局 2026
部门预算, samples/checklists; 社会工作部 and 规划和自然资源局 2024 决算, samples/final; provenance in
samples/README.md): each is found, with the page's arithmetic, and the printed document is silent there."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from yusuan.audit import Severity, audit
from yusuan.recognize.pipeline import recognize
from yusuan.sources.detect import read_source

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
JUSTICE = SAMPLES / "checklists" / "putuo-justice-2026-dept-budget.pdf"
SOCIALWORK = SAMPLES / "final" / "putuo-socialwork-2024-final.pdf"
PLANNING = SAMPLES / "final" / "putuo-planning-2024-final.pdf"


@lru_cache(maxsize=None)
def _raw(path: Path):
    return read_source(path)


def planted(path: Path, *edits: tuple[str, str]):
    """The document read again with each (printed text → slip) replaced at its first occurrence; a
    printed text ending in … stands for the whole line it starts."""
    raw = _raw(path)
    for old, new in edits:
        whole = old.endswith("…")
        for i, ln in enumerate(raw.lines):
            hit = next((j for j, c in enumerate(ln.cells) if (c.startswith(old[:-1]) if whole else old in c)), None)
            if hit is not None:
                cells = list(ln.cells)
                cells[hit] = new if whole else cells[hit].replace(old, new, 1)
                lines = list(raw.lines)
                lines[i] = replace(ln, cells=tuple(cells))
                raw = replace(raw, lines=tuple(lines))
                break
        else:
            raise AssertionError(f"{old!r} is not printed")
    return recognize(raw)


def found(d, *rules: str):
    return audit(d, only=set(rules)).findings


# --- a placeholder in a part heading -------------------------------------------------------------

def test_a_placeholder_left_in_a_part_heading_is_an_error_of_both_checks():
    """Page 6 prints the part heading “上海市普陀区司法局机构设置”; the template's “上海市普陀区XX局机构设置”
    left there is a placeholder (not a sentence of the narrative), and against the cover's 司法局 it is no
    tolerable variant of the name."""
    rules = ("wording.placeholder", "org.name_consistent")
    assert found(recognize(_raw(JUSTICE)), *rules) == ()
    d = planted(JUSTICE, ("上海市普陀区司法局机构设置", "上海市普陀区XX局机构设置"))
    by = {f.rule: f for f in found(d, *rules)}
    assert by["wording.placeholder"].severity is Severity.ERROR and "“XX”" in by["wording.placeholder"].message
    assert by["wording.placeholder"].locations[0].page == 6
    assert by["org.name_consistent"].severity is Severity.ERROR
    assert "上海市普陀区XX局" in by["org.name_consistent"].message and "上海市普陀区司法局" in by["org.name_consistent"].message


# --- a blank 三公 table against a statement stating amounts -------------------------------------------

def test_a_blank_three_public_table_against_a_stated_budget_is_an_error():
    """社会工作部 2024 决算: the 财政拨款“三公”经费支出决算表 (page 14) prints no figure, and page 20 says
    “2024 年度无“三公”经费财政拨款支出” — consistent. With “年初预算为 0.95 万元，支出决算为 0.95 万元” there
    instead, the blank table (0) and the statement (0.95) cannot both be right: 0.95 − 0 = 0.95."""
    assert found(recognize(_raw(SOCIALWORK)), "final.three_public_statement") == ()
    d = planted(SOCIALWORK, ("2024 年度无“三公”经费财政拨款支出。",
                             "2024 年度“三公”经费财政拨款支出年初预算为 0.95 万元，支出决算为 0.95 万元，完成年初预算的 100%。"))
    fs = found(d, "final.three_public_statement")
    assert [f.severity for f in fs] == [Severity.ERROR, Severity.ERROR]
    assert all("空表" in f.message and f.difference == Decimal("0.95") for f in fs)
    assert "年初预算为0.95万元" in fs[0].message and fs[0].locations[1].page == 14


# --- narrative totals restating the table ---------------------------------------------------------

def test_a_final_fiscal_total_restated_wrong_is_an_error():
    """规划和自然资源局 2024 决算, page 20: “财政拨款收入支出总计 9746.50 万元” against the 财政拨款收入支出决算总表's
    总计 9,746.50; written “0.3 万元……持平” it is 9746.50 − 0.3 = 9746.20 off."""
    rule = "final.narrative_totals"
    before = [f for f in found(recognize(_raw(PLANNING)), rule) if "0.3" in f.message]
    assert before == []
    d = planted(PLANNING, ("财政拨款收入支出总计 9746.50 万元。与 2023 年度相比，财政拨款收入支出总计增加 1193.20 万元，增长 13.95%。",
                           "财政拨款收入支出总计 0.3 万元。与 2023 年度相比，财政拨款收入支出总计持平。"))
    (f,) = [f for f in found(d, rule) if f.actual == Decimal("0.3")]
    assert f.severity is Severity.ERROR and f.expected == Decimal("9746.50") and f.difference == Decimal("-9746.20")


def test_shanghai_budget_totals_restated_wrong_are_errors():
    """司法局 2026, page 8: “收入预算9628.22万元，其中：财政拨款收入9628.22万元” and “财政拨款支出预算9628.22万元”
    restate the 财务收支预算总表 (page 10: 一、财政拨款收入 96,282,213.44元 = 9628.22万元) and the 财政拨款收支预算总表
    (page 14: 支出总计 96,282,213.44元). Written 0.3万元, each is 9628.22 − 0.3 = 9627.92 off."""
    rule = "narrative.shanghai_totals"
    assert found(recognize(_raw(JUSTICE)), rule) == ()
    d = planted(JUSTICE, ("其中：财政拨款收入9628.22万元", "其中：财政拨款收入0.3万元"),
                ("其中：财政拨款支出预算9628.22万元", "其中：财政拨款支出预算0.3万元"))
    fs = found(d, rule)
    assert [f.severity for f in fs] == [Severity.ERROR, Severity.ERROR]
    assert {f.locations[1].page for f in fs} == {10, 14}
    assert all(round(f.expected, 2) == Decimal("9628.22") and f.actual == Decimal("0.3") for f in fs)


# --- itemised changes -----------------------------------------------------------------------------

def test_an_item_rate_off_its_own_figures_and_one_copying_the_previous_item():
    """司法局 2026, page 9: item 9 (职业年金) prints 77.99 → 91.97 “增加17.66%”, item 8's rate: (91.97 − 77.99) ÷
    77.99 = 17.93 %. Planted: item 5 (信息化建设) “11.67 → 45.41 增加314.82%” is (45.41 − 11.67) ÷ 11.67 = 289.12 %;
    item 9 with item 8's 156.34 → 183.95 “增加17.66%” word for word is a copy of item 8."""
    rule = "narrative.shanghai_item_change"
    (printed,) = [f for f in found(recognize(_raw(JUSTICE)), rule) if f.actual == Decimal("17.66")]
    assert printed.expected == Decimal("17.93") and "上一项" in printed.message
    d = planted(JUSTICE, ("2025年当年预算执行数为60.41万元，2026年预算安排227.88万元，比2025年预算执行数增加277.22%",
                          "2025年当年预算执行数为11.67万元，2026年预算安排45.41万元，比2025年预算执行数增加314.82%"),
                ("2025年当年预算执行数为77.99万元，2026年预算安排91.97万元，比2025年预算执行数增加17.66%",
                 "2025年当年预算执行数为156.34万元，2026年预算安排183.95万元，比2025年预算执行数增加17.66%"))
    fs = found(d, rule)
    (rate,) = [f for f in fs if f.actual == Decimal("314.82")]
    assert rate.severity is Severity.ERROR and rate.expected == Decimal("289.12")
    (copy,) = [f for f in fs if "照抄了上一项" in f.message and "156.34" in f.message]
    assert copy.severity is Severity.ERROR and copy.locations[0].page == 9


# --- shares ---------------------------------------------------------------------------------------

def test_a_share_off_its_own_arithmetic_and_shares_that_do_not_add_up():
    """规划和自然资源局 2024 决算, page 21: 城乡社区支出 3832.36 ÷ 9746.50 = 39.32 %, and the five shares
    7.74 + 2.43 + 39.32 + 45.78 + 4.73 = 100.00 %. Printed 39.39 %, the share is off its own figures and the
    shares add to 100.07 %."""
    rules = ("narrative.share_recomputed", "narrative.shares_total")
    assert found(recognize(_raw(PLANNING)), *rules) == ()
    d = planted(PLANNING, ("3832.36万元，占 39.32%", "3832.36万元，占 39.39%"))
    by = {f.rule: f for f in found(d, *rules)}
    share, total = by["narrative.share_recomputed"], by["narrative.shares_total"]
    assert share.severity is Severity.ERROR and share.expected == Decimal("39.32") and share.actual == Decimal("39.39")
    assert total.severity is Severity.ERROR and total.actual == Decimal("100.07")
    assert share.locations[0].page == 21


# --- placeholder answers, truncated clauses, a reason against its change, 市级 in a district's document --

def test_placeholder_answers_in_the_explanation_and_a_project_statement():
    """司法局 2026: page 8, item 2's reason “主要原因是：业务量增加。” typed as “主要原因是qq。”; page 23, the 人民调解
    项目经费情况说明's 立项依据 (five documents cited) typed as “11”."""
    rule = "wording.placeholder_answer"
    assert found(recognize(_raw(JUSTICE)), rule) == ()
    d = planted(JUSTICE, ("比2025年预算执行数增加0.97%。主要原因是：业务量增加。", "比2025年预算执行数增加0.97%。主要原因是qq。"),
                ("《关于完善本市人民调解、行政调解、司法调解联动工作体系…", "11"))
    fs = found(d, rule)
    assert [f.severity for f in fs] == [Severity.ERROR, Severity.ERROR]
    assert "“qq”" in fs[0].message and fs[0].locations[0].page == 8
    assert "立项依据" in fs[1].message and "“11”" in fs[1].message and fs[1].locations[0].page == 23


def test_truncated_clauses_a_word_cut_and_a_figure_left_out():
    """司法局 2026, page 8: item 1's use “主要用于：行政单位的基本支出。” cut to “主要用于：一般行政管理事务经。”
    (经费 cut to 经), and item 3's “2025年当年预算执行数为118.46万元，…增加4.92%。” cut after “执行数为”."""
    rule = "wording.truncated_sentence"
    assert found(recognize(_raw(JUSTICE)), rule) == ()
    d = planted(JUSTICE, ("主要用于：行政单位的基本支出。", "主要用于：一般行政管理事务经。"),
                ("2025年当年预算执行数为118.46万元，2026年预算安排124.29万元，比2025年预算执行数增加4.92%。",
                 "2025年当年预算执行数为。"))
    fs = found(d, rule)
    assert [f.severity for f in fs] == [Severity.ERROR, Severity.ERROR]
    assert "事务经。" in fs[0].message and "执行数为。" in fs[1].message and {f.locations[0].page for f in fs} == {8}


def test_a_reason_that_says_increase_for_a_fall():
    """司法局 2026, page 8: item 1 fell, 1690.69 → 1672.67 (“减少1.07%”), because “部分人员退休”; its reason
    written “经费增加” contradicts the fall."""
    rule = "narrative.change_direction"
    assert [f for f in found(recognize(_raw(JUSTICE)), rule) if "原因" in f.message] == []
    d = planted(JUSTICE, ("减少1.07%。主要原因是：部分人员退休。", "减少1.07%。主要原因是：经费增加。"))
    (f,) = [f for f in found(d, rule) if "原因" in f.message]
    assert f.severity is Severity.WARNING and "经费增加" in f.message and "减少1.07%" in f.message


def test_city_level_words_in_a_district_document():
    """司法局 is a body of 普陀区 (the cover: 上海市普陀区2026年区级部门预算); its heading on page 8 written
    “2026年市级部门预算编制说明” names the wrong level of government."""
    rule = "wording.government_level"
    assert found(recognize(_raw(JUSTICE)), rule) == ()
    d = planted(JUSTICE, ("2026年部门预算编制说明", "2026年市级部门预算编制说明"))
    (f,) = found(d, rule)
    assert f.severity is Severity.WARNING and "市级部门" in f.message and f.locations[0].page == 8


# --- rounding between tables ------------------------------------------------------------------------

def test_a_class_printed_a_cent_apart_in_two_tables_is_information():
    """规划和自然资源局 2024 决算: class 210 卫生健康支出 is 236.64 in the 收入支出决算总表 (page 7) and 236.63 in the
    支出决算表 (page 10): 236.63 − 236.64 = −0.01, within the two tables' rounding (±0.02), a 尾差 — information,
    never a warning or an error."""
    rule = "cross.summary_classes_vs_expenditure"
    (f,) = [f for f in found(recognize(_raw(PLANNING)), rule) if "210" in f.message]
    assert f.severity is Severity.INFO and f.difference == Decimal("-0.01") and "尾差" in f.message
    assert (f.locations[0].page, f.locations[1].page) == (7, 10)


def test_a_blank_three_public_table_of_a_budget_against_its_statement(reference):
    """阳泉市民政局 2025 (the reference): its 三公 table prints 合计 19.30 (公务接待费 0.80, 公务用车 18.50) and the
    说明 says the same. The table printed blank (no row of figures) against that 说明: 19.30 − 0 = 19.30, an error
    for the total and each item stated, where before the blank table was not compared at all."""
    from yusuan.model import TableKind

    rule = "narrative.three_public"
    assert found(reference, rule) == ()
    blank = tuple(replace(t, rows=()) if t.kind is TableKind.THREE_PUBLIC else t for t in reference.tables)
    fs = found(replace(reference, tables=blank), rule)
    assert fs and all(f.severity is Severity.ERROR and "按0计" in f.message for f in fs)
    assert Decimal("19.30") in {f.actual for f in fs} and Decimal("0.80") in {f.actual for f in fs}


def test_a_total_the_reader_could_not_read_as_a_figure_is_not_judged():
    """A Shanghai 收支总表 whose 收入总计 was read as text (“120258,600”, a misplaced separator in 上海 sh-7cc63e19)
    has no figure to compare the 编制说明's “收入预算” with: not an error of the document (it was 6 false errors)."""
    from builders import K, edit, row_of

    d = edit(recognize(_raw(JUSTICE)), K.INCOME_EXPENDITURE_SUMMARY, "收入总计", "amount", "120258,600", side="income")
    assert row_of(d, K.INCOME_EXPENDITURE_SUMMARY, "收入总计", "income").amount("amount") is None
    assert [f for f in found(d, "narrative.shanghai_totals") if "收入预算" in f.message] == []


def test_a_cell_of_asterisks_alone_is_no_placeholder_but_xx_in_a_table_title_is():
    """西安 sn-xa-0a2d2c8d prints “**” alone in a table cell (a marker, 1 false error); “××局” in a title is a slip."""
    from builders import K, disclosure, item, table, total

    marked = table(K.THREE_PUBLIC, "total", [item("**", "1.00"), total("合计", "1.00")])
    assert found(disclosure(marked), "wording.placeholder") == ()
    titled = table(K.THREE_PUBLIC, "total", [total("合计", "1.00")], title="××局2025年“三公”经费预算表")
    (f,) = found(disclosure(titled), "wording.placeholder")
    assert f.severity is Severity.ERROR and "××" in f.message
