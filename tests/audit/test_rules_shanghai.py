"""Shanghai narrative rules on the corpus PDFs: silent on what is printed right, firing on what is
printed wrong (the real slips of the corpus, and one-fact changes of a correct document)."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from yusuan.audit import Severity, audit
from yusuan.ingest import read_disclosure
from yusuan.model import Amount, MoneyUnit, TableKind

PDFS = Path(__file__).resolve().parents[2] / "samples" / "pdf"
RULES = ("narrative.shanghai_item_amount", "narrative.shanghai_item_change", "narrative.shanghai_three_public",
         "narrative.shanghai_agency_running", "narrative.shanghai_procurement", "narrative.shanghai_assets")


@pytest.fixture(scope="module")
def docs():
    return {p.stem: read_disclosure(p) for p in sorted(PDFS.glob("*.pdf"))}


def run(rule: str, d):
    rep = audit(d, only={rule})
    assert all(o.status == "ran" for o in rep.outcomes), [(o.rule, o.status, o.error) for o in rep.outcomes]
    return rep.by_rule(rule)


def said(d, old: str, new: str):
    """The document with one phrase of its narrative printed otherwise."""
    assert any(old in p.text for s in d.sections for p in s.paragraphs), old
    sections = tuple(replace(s, paragraphs=tuple(replace(p, text=p.text.replace(old, new)) for p in s.paragraphs))
                     for s in d.sections)
    return replace(d, sections=sections)


def three_public_cell(d, column: str, text: str):
    """The document with one cell of the 三公 table printed otherwise (万元)."""
    t = d.table(TableKind.THREE_PUBLIC_AND_RUNNING)
    row = t.total_row()
    places = len(text.split(".")[1]) if "." in text else 0
    values = tuple(replace(v, text=text, amount=Amount(Decimal(text), MoneyUnit.WAN_YUAN, places))
                   if v.column == column else v for v in row.values)
    table = replace(t, rows=tuple(replace(r, values=values) if r is row else r for r in t.rows))
    return replace(d, tables=tuple(table if x is t else x for x in d.tables))


@pytest.mark.parametrize("rule", RULES)
def test_silent_on_the_correctly_printed_figures(docs, rule):
    # 万里街道 2025 states no change rates; the 福利院 2024 states six, all right
    name = "putuo-welfare-home-2024-unit-budget" if rule.endswith("item_change") else "putuo-wanli-2025-dept-budget"
    found = run(rule, docs[name])
    # the one true finding: 计划生育事务 named as a 项 of 款 卫生健康支出; the table has 21007 计划生育事务 (款)
    assert [f.severity for f in found] == ([Severity.WARNING] if rule.endswith("item_amount") else [])


def test_item_amount_checked_after_rounding_yuan_to_wan(docs):
    d = docs["putuo-wanli-2025-dept-budget"]
    # 17,887,739元 prints as 1788.77万元; 1788.78 is a misstatement beyond rounding
    (f,) = [f for f in run("narrative.shanghai_item_amount", said(d, "科目1788.77万元", "科目1788.78万元"))
            if f.severity is Severity.ERROR]
    assert "行政运行" in f.message and f.locations[1].code == "2120101"
    assert f.actual == Decimal("1788.78")


def test_welfare_home_states_738_66_for_a_row_printing_6_964_796(docs):
    (f,) = run("narrative.shanghai_item_amount", docs["putuo-welfare-home-2024-unit-budget"])
    assert f.severity is Severity.ERROR and "696.48万元" in f.message and "738.66万元" in f.message


def test_dash_separated_subjects_are_read_too(docs):
    d = docs["putuo-govoffice-2025-dept-budget"]
    assert run("narrative.shanghai_item_amount", d) == ()
    found = run("narrative.shanghai_item_amount", said(d, "行政运行”科目1,202.95万元", "行政运行”科目1,212.95万元"))
    assert [f.severity for f in found] == [Severity.ERROR]


def test_change_rate_recomputed_and_the_twice_printed_amount_compared(docs):
    d = docs["putuo-wanli-2024-dept-budget"]
    # 住房公积金: 350.35万元, yet “2024年预算安排352.67万元”; the 0.53% was computed from 350.35
    (f,) = run("narrative.shanghai_item_change", d)
    assert f.severity is Severity.ERROR and "352.67" in f.message and "350.35" in f.message
    wrong = said(d, "比2023年预算执行数增加100.00%。主要原因是：公共法律服务", "比2023年预算执行数增加10.00%。主要原因是：公共法律服务")
    assert [x.expected for x in run("narrative.shanghai_item_change", wrong) if x is not f and x.unit == "%"] == [
        Decimal("100.00")]


def test_change_direction_matters(docs):
    d = docs["putuo-welfare-home-2024-unit-budget"]
    assert run("narrative.shanghai_item_change", d) == ()
    found = run("narrative.shanghai_item_change", said(d, "比2023年预算执行数减少1.39%", "比2023年预算执行数增加1.39%"))
    assert [(f.severity, f.expected) for f in found] == [(Severity.ERROR, Decimal("-1.39"))]


def test_three_public_sentences_against_the_table_columns(docs):
    d = docs["putuo-welfare-home-2024-unit-budget"]
    assert run("narrative.shanghai_three_public", d) == ()  # 6.40 in the text, 6.4 in the table
    (f,) = run("narrative.shanghai_three_public", three_public_cell(d, "vehicle_running", "5.4"))
    assert f.severity is Severity.ERROR and f.locations[1].column == "vehicle_running"


def test_agency_running_against_its_column_and_the_no_running_cost_sentence(docs):
    d = docs["putuo-wanli-2025-dept-budget"]
    (f,) = run("narrative.shanghai_agency_running", said(d, "预算为464.64万元", "预算为446.64万元"))
    assert f.severity is Severity.ERROR and f.locations[1].column == "agency_running"
    welfare = docs["putuo-welfare-home-2024-unit-budget"]
    assert run("narrative.shanghai_agency_running", welfare) == ()
    (g,) = run("narrative.shanghai_agency_running", three_public_cell(welfare, "agency_running", "12.00"))
    assert "无机关运行经费" in g.message


def test_procurement_parts_and_reservations(docs):
    d = docs["putuo-wanli-2025-dept-budget"]
    (f,) = run("narrative.shanghai_procurement", said(d, "政府采购服务预算983.05万元", "政府采购服务预算993.05万元"))
    assert f.severity is Severity.ERROR and f.expected == Decimal("4831.20")
    (g,) = run("narrative.shanghai_procurement", said(d, "预算为1349.94万元", "预算为2349.94万元"))
    assert "小型和微型企业" in g.message


def test_vehicle_counts_and_the_purchase_fee(docs):
    d = docs["putuo-wanli-2025-dept-budget"]
    (f,) = run("narrative.shanghai_assets", said(d, "共有车辆8辆", "共有车辆9辆"))
    assert f.severity is Severity.ERROR and (f.expected, f.actual) == (8, 9)
    (g,) = run("narrative.shanghai_assets", three_public_cell(d, "vehicle_purchase", "0"))
    assert g.severity is Severity.WARNING and "购置车辆1辆" in g.message


def test_not_applicable_to_the_shanxi_reference(reference):
    rep = audit(reference, only=set(RULES))
    assert {o.rule: o.status for o in rep.outcomes} == {r: "not_applicable" for r in RULES}
