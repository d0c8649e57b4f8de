"""The bundled reference list: every entry sourced, and the reference's codes in it as printed."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from yusuan.reference import (
    CodeLevel,
    EntryKind,
    NameVerdict,
    bundled_catalogue,
    class_code,
    level_of,
    name_matches,
    names_for,
    parent_of,
)
from yusuan.reference import CodeSystem
from yusuan.reference.harvest import harvest_pdf, harvest_rows, harvest_text

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "yusuan" / "reference" / "data" / "codes.csv"
REFERENCE = "samples/yangquan-civil-affairs-2025-dept-budget.txt"
CODED_LINE = re.compile(r"^(\d{3,7})\t([^\t]+)")


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with DATA.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def reference_lines(reference_path) -> list[str]:
    return reference_path.read_text(encoding="utf-8").splitlines()


def _section(lines: list[str], title: str, next_title: str) -> list[str]:
    start = lines.index(title)
    return lines[start : lines.index(next_title, start)]


def test_the_data_file_has_the_agreed_columns(rows):
    assert list(rows[0]) == ["system", "code", "name", "level", "parent", "source", "year", "note"]


def test_every_entry_has_a_source_and_a_consistent_place_in_the_tree(rows):
    for row in rows:
        assert row["source"], row
        assert row["name"].strip() == row["name"] != "", row
        assert row["level"] == level_of(row["code"]).value, row
        assert row["parent"] == (parent_of(row["code"]) or ""), row


def test_printed_sources_point_at_the_printed_line(rows):
    lines = (ROOT / REFERENCE).read_text(encoding="utf-8").splitlines()
    for row in rows:
        if row["source"].startswith(REFERENCE + "#L"):
            number = int(row["source"].rsplit("#L", 1)[1])
            assert lines[number - 1].startswith(f"{row['code']}\t{row['name']}"), row
        elif not row["source"].startswith("well-known:"):
            path, _, page = row["source"].partition("#page=")
            assert (ROOT / path).is_file() and int(page) >= 1, row


def test_well_known_entries_say_whether_the_corpus_confirms_the_name(rows):
    known = [r for r in rows if r["source"].startswith("well-known:")]
    assert {r["code"] for r in known} >= {"201", "223", "234", "301", "399", "30101", "501", "50905"}
    for row in known:
        assert row["note"].startswith(("name verified: ", "not printed in the corpus")), row
    assert all("#L" in r["note"] for r in known if r["code"] in {"201", "30101", "50101", "50905"})


def test_every_code_of_the_income_table_is_bundled_with_its_printed_name(reference_lines):
    table = _section(reference_lines, "2025年预算收入总表", "2025年预算支出总表")
    printed = [CODED_LINE.match(line).groups() for line in table if CODED_LINE.match(line)]
    assert len(printed) == 35 and printed[0] == ("201", "一般公共服务支出")
    for code, name in printed:
        assert name_matches(code, name).verdict is NameVerdict.MATCH, (code, name)


def test_the_revenue_codes_of_the_fund_income_table_are_bundled(reference_lines):
    table = _section(reference_lines, "2025年政府性基金预算收入表（不含上年结转）", "2025年政府性基金预算支出表（不含上年结转）")
    printed = dict(CODED_LINE.match(line).groups() for line in table if CODED_LINE.match(line))
    assert printed == {"103": "非税收入", "10301": "政府性基金收入", "1030155": "彩票公益金收入"}
    for code, name in printed.items():
        assert bundled_catalogue().name(code) == name
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
    assert class_code("一、一般公共服务支出") == "201"
    assert class_code("（三）国防支出") == "203"
    assert class_code("一、一般公共预算") is None  # the income side is not a function 类


def test_renamed_or_local_names_are_kept_with_their_own_source():
    assert names_for("30202") == ("印刷费", "咨询费")
    entries = bundled_catalogue().entries_for("30202")
    assert entries[0].kind is EntryKind.WELL_KNOWN
    assert any(e.source == "samples/pdf/putuo-welfare-home-2024-unit-budget.pdf#page=14" for e in entries)
    assert bundled_catalogue().name("30108") == "机关事业单位基本养老保险缴费"
    assert "机关事业单位基本养老保险费" in names_for("30108")


@pytest.mark.parametrize(
    ("code", "printed", "verdict"),
    [
        ("30202", "印 刷费", NameVerdict.MATCH),  # a wrapped cell
        ("30213", "维修（护）费", NameVerdict.MATCH),  # full-width brackets
        ("223", "国有资本经营 预算支出", NameVerdict.MATCH),
        ("2010399", "其他政府办公厅(室)及相关机构事务支出", NameVerdict.MATCH),
        ("30202", "咨询费", NameVerdict.VARIANT),  # only the welfare home's numbering says so
        ("30213", "其他商品和服务支出", NameVerdict.VARIANT),
        ("30202", "差旅费", NameVerdict.MISMATCH),
        ("2080201", "一般行政管理事务", NameVerdict.MISMATCH),
        ("2089901", "行政运行", NameVerdict.UNKNOWN),
    ],
)
def test_name_matches_folds_form_but_reports_a_real_difference(code, printed, verdict):
    check = name_matches(code, printed)
    assert check.verdict is verdict
    assert bool(check) is (verdict is NameVerdict.MATCH)
    if verdict is NameVerdict.MISMATCH:
        assert check.expected and check.entry is not None


def test_children_follow_the_tree():
    catalogue = bundled_catalogue()
    assert catalogue.children("20805") == ("2080501", "2080502", "2080505", "2080506", "2080599")
    assert "2080201" in catalogue.descendants("208")
    assert catalogue.children("2080201") == ()


def test_the_shanghai_split_rows_are_read_as_codes():
    rows = [
        ["类", "款", "项", None],
        ["208", "", "", "社会保障和就业支出", "4,213,779.28"],
        ["208", "05", "", "行政事业单位养老支出", "4,213,779.28"],
        ["208", "05", "01", "行政单位离退休", "1,554,220.00"],
        ["301", "2", "津贴补贴", "16,623,810"],
        ["", "", "", "合计", "1"],
    ]
    found = harvest_rows(rows, "x.pdf#page=1", 2024)
    assert [(p.code, p.name) for p in found] == [
        ("208", "社会保障和就业支出"),
        ("20805", "行政事业单位养老支出"),
        ("2080501", "行政单位离退休"),
        ("30102", "津贴补贴"),
    ]


def test_the_bundled_list_holds_what_a_shanghai_pdf_prints():
    pdf = ROOT / "samples" / "pdf" / "putuo-welfare-home-2024-unit-budget.pdf"
    printed = harvest_pdf(pdf, "samples/pdf/" + pdf.name)
    assert len(printed) > 20
    sources = {(e.code, e.name, e.source) for e in bundled_catalogue().entries}
    for item in printed:
        assert (item.code, item.name, item.source) in sources, item


def test_the_bundled_list_holds_every_coded_row_of_the_reference(reference_lines):
    printed = harvest_text(reference_lines, REFERENCE, 2025)
    assert len(printed) == 38  # 35 function codes (some in several tables) and 3 revenue codes
    bundled = {(e.code, e.name, e.source) for e in bundled_catalogue().entries}
    assert {(p.code, p.name, p.source) for p in printed} <= bundled
    assert not harvest_text(["208\t2895.74\t2895.74", "2025\t预算"], "x")  # amounts and years are not names


def test_economic_class_names_look_up_in_their_own_system():
    catalogue = bundled_catalogue()
    assert catalogue.class_code("工资福利支出", CodeSystem.DEPT_ECONOMIC) == "301"
    assert catalogue.class_code("对个人和家庭的补助", CodeSystem.GOV_ECONOMIC) == "509"
    assert catalogue.class_code("工资福利支出") is None  # not a function 类
