"""The bundled catalogue: one dated file per classification, every row sourced, and names judged
by the catalogue of the document's own year."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from yusuan.reference import (
    CodeLevel,
    CodeSystem,
    EntryKind,
    NameVerdict,
    bundled_catalogue,
    class_code,
    is_code,
    name_matches,
    names_for,
)
from yusuan.reference.bundled import FIELDS, KIND_FILES
from yusuan.reference.codes import system_of
from yusuan.reference.names import fold_name

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "yusuan" / "reference"
CODED_LINE = re.compile(r"^(\d{3,7})\t([^\t]+)")
SOURCE = re.compile(r"^(mof-recalled|mof-pattern); (corpus \d+ documents, \d+ regions|not printed in the corpus)$"
                    r"|^corpus: \d+ documents, \d+ regions; first \S+#(page=\d+|L\d+)$")


@pytest.fixture(scope="module")
def files() -> dict[CodeSystem, list[dict[str, str]]]:
    out = {}
    for system, name in KIND_FILES.items():
        with (DATA / name).open(encoding="utf-8") as handle:
            out[system] = list(csv.DictReader(handle))
    return out


@pytest.fixture(scope="module")
def reference_lines(reference_path) -> list[str]:
    return reference_path.read_text(encoding="utf-8").splitlines()


def _section(lines: list[str], title: str, next_title: str) -> list[str]:
    start = lines.index(title)
    return lines[start : lines.index(next_title, start)]


def test_every_row_is_a_code_of_its_file_with_years_and_a_source(files):
    for system, rows in files.items():
        assert rows and list(rows[0]) == list(FIELDS)
        for row in rows:
            assert is_code(row["code"]) and system_of(row["code"]) is system, row
            assert row["name"].strip() == row["name"] != "", row
            assert SOURCE.match(row["source"]), row
            first, last = (int(row[k]) if row[k] else None for k in ("first_year", "last_year"))
            assert first is None or last is None or first <= last, row
        pairs = [(r["code"], fold_name(r["name"]), r["first_year"]) for r in rows]
        assert len(pairs) == len(set(pairs)), system  # one row per code, name and years


def test_the_catalogue_covers_every_year_and_every_classification():
    cat = bundled_catalogue()
    for year in range(2017, 2027):
        counts = {s: len(cat.listing(year, s)) for s in CodeSystem}
        assert counts[CodeSystem.FUNCTION] > 500 and counts[CodeSystem.DEPT_ECONOMIC] > 80, (year, counts)
        assert counts[CodeSystem.REVENUE] >= 14, (year, counts)
        assert all(len(cat.listing(year, s)) for s in CodeSystem if s is not CodeSystem.GOV_ECONOMIC or year >= 2018)


def test_ordinary_codes_are_known():
    """The issue's examples: every Putuo document printed these and got 33 hints."""
    cat = bundled_catalogue()
    for code, name in (("20113", "商贸事务"), ("2011301", "行政运行"), ("2011302", "一般行政管理事务"),
                       ("2080505", "机关事业单位基本养老保险缴费支出"), ("30113", "住房公积金")):
        assert name_matches(code, name, 2025).verdict is NameVerdict.MATCH, code
        assert cat.knows(code, 2025)


def test_the_welfare_homes_misprint_is_not_bundled():
    """putuo-welfare-home-2024-unit-budget.pdf p.14 numbers its 302 lines one after another (30203 水费,
    30204 电费 …); every other document prints 30203 咨询费, 30205 水费."""
    assert name_matches("30203", "咨询费", 2024).verdict is NameVerdict.MATCH
    assert name_matches("30203", "水费", 2024).verdict is NameVerdict.MISMATCH
    assert name_matches("30205", "水费", 2024).verdict is NameVerdict.MATCH
    assert "水费" not in names_for("30203")


@pytest.mark.parametrize(
    ("code", "printed", "year", "verdict"),
    [
        ("210", "医疗卫生与计划生育支出", 2017, NameVerdict.MATCH),  # the 2017 name in a 2017 document
        ("210", "卫生健康支出", 2017, NameVerdict.OTHER_YEAR),
        ("210", "卫生健康支出", 2025, NameVerdict.MATCH),
        ("210", "医疗卫生与计划生育支出", 2025, NameVerdict.OTHER_YEAR),  # renamed in 2019: a note, not a mismatch
        ("30307", "医疗费", 2017, NameVerdict.MATCH),  # 医疗费补助 from the 2018 reform
        ("30307", "医疗费补助", 2024, NameVerdict.MATCH),
        ("310", "其他资本性支出", 2017, NameVerdict.MATCH),
        ("310", "资本性支出", 2025, NameVerdict.MATCH),
        ("20805", "行政事业单位离退休", 2018, NameVerdict.MATCH),
        ("20805", "行政事业单位养老支出", 2024, NameVerdict.MATCH),
        ("30202", "印 刷费", 2025, NameVerdict.MATCH),  # a wrapped cell
        ("30213", "维修(护)费", 2025, NameVerdict.MATCH),  # half-width brackets
        ("223", "国有资本经营 预算支出", 2025, NameVerdict.MATCH),
        ("30202", "差旅费", 2025, NameVerdict.MISMATCH),
        ("2080201", "一般行政管理事务", 2025, NameVerdict.MISMATCH),
        ("2089801", "行政运行", 2025, NameVerdict.UNKNOWN),
    ],
)
def test_a_name_is_judged_by_the_catalogue_of_the_documents_year(code, printed, year, verdict):
    check = name_matches(code, printed, year)
    assert check.verdict is verdict, check
    assert bool(check) is (verdict is NameVerdict.MATCH)
    if verdict in (NameVerdict.MISMATCH, NameVerdict.OTHER_YEAR):
        assert check.expected and check.entry is not None


def test_renamed_entries_say_their_years():
    old = bundled_catalogue().name_matches("210", "医疗卫生与计划生育支出", 2025).entry
    assert old.years == "2018年及以前" and old.kind is EntryKind.WELL_KNOWN
    assert bundled_catalogue().name("210", 2017) == "医疗卫生与计划生育支出"
    assert bundled_catalogue().name("210", 2020) == bundled_catalogue().name("210") == "卫生健康支出"


def test_every_code_of_the_income_table_is_known_with_its_printed_name(reference_lines):
    table = _section(reference_lines, "2025年预算收入总表", "2025年预算支出总表")
    printed = [CODED_LINE.match(line).groups() for line in table if CODED_LINE.match(line)]
    assert len(printed) == 35 and printed[0] == ("201", "一般公共服务支出")
    for code, name in printed:
        assert name_matches(code, name, 2025).verdict is NameVerdict.MATCH, (code, name)


def test_the_revenue_codes_of_the_fund_income_table_are_known(reference_lines):
    table = _section(reference_lines, "2025年政府性基金预算收入表（不含上年结转）", "2025年政府性基金预算支出表（不含上年结转）")
    printed = dict(CODED_LINE.match(line).groups() for line in table if CODED_LINE.match(line))
    assert printed == {"103": "非税收入", "10301": "政府性基金收入", "1030155": "彩票公益金收入"}
    for code, name in printed.items():
        assert bundled_catalogue().name(code, 2025) == name
    assert bundled_catalogue().lookup("1030155").level is CodeLevel.ITEM


def test_the_ordinal_class_names_of_the_summary_table_map_to_codes(reference_lines):
    table = _section(reference_lines, "2025年预算收支总表", "2025年预算收入总表")
    labels = [cells[2] for cells in (line.split("\t") for line in table) if len(cells) > 2 and "、" in cells[2]]
    codes = [class_code(label) for label in labels]
    assert len(codes) == 30 and None not in codes
    assert codes == sorted(codes)  # the 收支总表 lists the 类 in code order
    assert codes[0] == "201" and codes[-1] == "234"
    assert class_code("二十二、国有资本经营 预算支出") == "223"
    assert class_code("十八、援助其他地区支出") == "219"  # no 218: the ordinal is not the code
    assert class_code("（三）国防支出") == "203"
    assert class_code("八、医疗卫生与计划生育支出") == "210"  # the 2017 name still stands for its class
    assert class_code("一、一般公共预算") is None  # the income side is not a function 类


def test_children_follow_the_tree():
    catalogue = bundled_catalogue()
    assert {"2080501", "2080502", "2080505", "2080506"} <= set(catalogue.children("20805"))
    assert "2080201" in catalogue.descendants("208")
    assert catalogue.children("2080201") == ()
    assert catalogue.codes_named("行政运行", "20113") == ("2011301",)


def test_economic_class_names_look_up_in_their_own_system():
    catalogue = bundled_catalogue()
    assert catalogue.class_code("工资福利支出", CodeSystem.DEPT_ECONOMIC) == "301"
    assert catalogue.class_code("对个人和家庭的补助", CodeSystem.GOV_ECONOMIC) == "509"
    assert catalogue.class_code("工资福利支出") is None  # not a function 类
