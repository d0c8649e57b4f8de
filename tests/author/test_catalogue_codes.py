"""The build judges a book's codes by the catalogue of the book's year (issue 18): a Putuo budget
book on the ordinary 2011301 行政运行 (商贸事务) builds; a code the year's catalogue lacks is refused
with the years it belongs to; an imported official list makes a local code acceptable."""
from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from yusuan.audit.runner import audit
from yusuan.author import build_disclosure, load_book
from yusuan.author.validate import check_book
from yusuan.model import TableKind as K
from yusuan.reference.local import import_file

BOOK = Path(__file__).parent / "fixtures" / "shanghai-2025"


@pytest.fixture
def commerce_book(tmp_path, monkeypatch):
    """The Shanghai fixture with its street office's 2120101 lines moved to 2011301 (商务委 style)."""
    monkeypatch.setenv("YUSUAN_DATA_DIR", str(tmp_path / "data"))
    folder = tmp_path / "book"
    shutil.copytree(BOOK, folder)
    for name in ("lines.csv", "items.csv"):
        path = folder / name
        path.write_text(path.read_text(encoding="utf-8").replace("2120101", "2011301"), encoding="utf-8")
    return folder


def test_a_putuo_book_using_2011301_builds_with_the_catalogue_names(commerce_book):
    d = build_disclosure(commerce_book)
    rows = d.table(K.GENERAL_EXPENDITURE).coded_rows()
    assert (rows["201"].label, rows["20113"].label, rows["2011301"].label) == ("一般公共服务支出", "商贸事务", "行政运行")
    report = audit(d, only={"code.known_code", "code.name_matches_reference"})
    assert report.findings == ()


def test_a_code_of_other_years_only_is_refused_with_its_years(commerce_book):
    book = load_book(commerce_book)
    line = replace(book.lines[0], function_code="2101101")  # 行政单位医疗: 21011 from 2019 (21005 before)
    problems = [str(p) for p in check_book(replace(book, lines=(line, *book.lines[1:]),
                                                   department=replace(book.department, year=2018)))]
    assert any("“2101101”是2019年起目录中的科目" in p and "2018年目录中没有" in p for p in problems), problems


def test_a_local_code_is_accepted_once_the_official_list_is_imported(commerce_book, tmp_path):
    book = load_book(commerce_book)
    line = replace(book.lines[0], function_code="2011397")
    with_local = replace(book, lines=(line, *book.lines[1:]))
    assert any("“2011397”不在科目目录中" in str(p) and "yusuan catalogue import" in str(p) for p in check_book(with_local))
    official = tmp_path / "2025年科目目录.csv"
    official.write_text("科目编码,科目名称\n2011397,区级商贸专项事务\n", encoding="utf-8")
    import_file(official)
    assert not [p for p in check_book(with_local) if "2011397" in str(p)]
