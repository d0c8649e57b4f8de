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
    """The document read again with each (printed text → slip) replaced at its first occurrence."""
    raw = _raw(path)
    for old, new in edits:
        for i, ln in enumerate(raw.lines):
            hit = next((j for j, c in enumerate(ln.cells) if old in c), None)
            if hit is not None:
                cells = list(ln.cells)
                cells[hit] = cells[hit].replace(old, new, 1)
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
