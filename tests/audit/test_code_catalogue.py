"""The code rules judge a document by the catalogue of its own year; an unknown code is a note,
a name that conflicts with the catalogue's is a warning (issue 18)."""
from __future__ import annotations

from dataclasses import replace

import pytest
from builders import K, mini_department, relabel
from test_rules_arith import run

from yusuan.audit import Severity, audit
from yusuan.reference import load_catalogue


@pytest.fixture(scope="module")
def mini():
    return mini_department()


def _in_year(d, year: int):
    return replace(d, meta=replace(d.meta, year=year))


def _renamed_class(d):
    """The 208 line of the 收入总表 printed as 210 under its name before 2019."""
    return relabel(d, K.INCOME_SUMMARY, "208", "医疗卫生与计划生育支出", code="210")


def test_a_2017_document_with_the_2017_name_passes(mini):
    assert run(_in_year(_renamed_class(mini), 2017), "code.name_matches_reference") == ()


def test_the_same_name_in_a_2025_document_is_a_note_naming_the_years_not_a_warning(mini):
    (f,) = run(_in_year(_renamed_class(mini), 2025), "code.name_matches_reference")
    assert f.severity is Severity.INFO
    assert "2018年及以前" in f.message and "卫生健康支出" in f.message and "2025年科目目录" in f.message


def test_the_2025_name_in_a_2017_document_is_a_note_too(mini):
    d = relabel(mini, K.INCOME_SUMMARY, "208", "卫生健康支出", code="210")
    (f,) = run(_in_year(d, 2017), "code.name_matches_reference")
    assert f.severity is Severity.INFO and "医疗卫生与计划生育支出" in f.message


def test_a_conflicting_name_is_a_warning_with_the_years_name(mini):
    d = relabel(mini, K.INCOME_SUMMARY, "2080201", "一般行政管理事务")
    (f,) = run(_in_year(d, 2018), "code.name_matches_reference")
    assert f.severity is Severity.WARNING and "2018年科目目录中该编码的名称为“行政运行”" in f.message


def test_an_unknown_code_is_a_note_only(mini):
    d = relabel(mini, K.GENERAL_EXPENDITURE, "2080202", "社区治理创新专项", code="2080297")
    (f,) = run(d, "code.known_code")
    assert f.severity is Severity.INFO and "2080297" in f.message
    assert run(d, "code.name_matches_reference") == ()  # nothing to compare its name with


def test_an_unknown_code_bearing_a_siblings_name_is_a_warning(mini):
    # “2080298 一般行政管理事务”: the name is 2080202's, the code is not in the catalogue — a misprinted code
    d = relabel(mini, K.GENERAL_EXPENDITURE, "2080202", "一般行政管理事务", code="2080298")
    (f,) = run(d, "code.name_matches_reference")
    assert f.severity is Severity.WARNING and "“2080202”" in f.message


def test_ordinary_codes_of_a_putuo_document_raise_no_hint(mini):
    d = relabel(mini, K.GENERAL_EXPENDITURE, "2080202", "行政运行", code="2011301")
    assert not [f for f in run(d, "code.known_code") if f.locations[0].code == "2011301"]


def test_an_imported_list_decides_over_the_bundled_one(mini, tmp_path):
    path = tmp_path / "2025年科目目录.csv"
    path.write_text("科目编码,科目名称\n2080202,一般行政管理事务（民政）\n", encoding="utf-8")
    d = relabel(mini, K.GENERAL_EXPENDITURE, "2080202", "一般行政管理事务（民政）")
    assert [f.severity for f in run(d, "code.name_matches_reference")] == [Severity.WARNING]
    report = audit(d, only={"code.name_matches_reference"}, catalogue=load_catalogue(path).over(_bundled()))
    assert [f.severity for f in report.findings] == [Severity.INFO, Severity.INFO]  # the bundled name elsewhere: a variant
    assert all("一般行政管理事务（民政）" in f.message for f in report.findings)


def _bundled():
    from yusuan.reference import bundled_catalogue

    return bundled_catalogue()
