"""A shanghai-9 book: Shanghai's nine tables and narrative, clean in the audit, the same numbers
read back from XLSX and DOCX, 元 tables with the 三公 table in 万元.

The book (fixtures/shanghai-2025) is a small 街道办事处 with a 行政, a 参公 and a 事业 unit, in 元
(illustrative figures; the bundled Shanghai sample rebuilt from a publication is tested in test_book_template).
"""
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from test_build_roundtrip import numbers, read_back

from yusuan.audit.runner import audit
from yusuan.author import BookError, build_disclosure, load_book
from yusuan.author.compile import compile_book
from yusuan.ingest import read_disclosure
from yusuan.model import Level, MoneyUnit, TableKind as K
from yusuan.render import render
from yusuan.templates import SHANGHAI_9

BOOK = Path(__file__).parent / "fixtures" / "shanghai-2025"


@pytest.fixture(scope="module")
def book():
    return load_book(BOOK)


@pytest.fixture(scope="module")
def compiled():
    return build_disclosure(BOOK)


def paragraphs(d, word: str) -> list[str]:
    return [p.text for s in d.sections if word in s.title for p in s.paragraphs]


def test_the_nine_tables_in_shanghai_order_with_shanghai_titles(compiled):
    assert compiled.meta.template == "shanghai-9"
    assert [t.kind for t in compiled.tables] == list(SHANGHAI_9.tables)
    assert compiled.tables[0].title == "2025年部门财务收支预算总表"
    assert compiled.table(K.GENERAL_BASIC_ECONOMIC).title == "2025年部门一般公共预算基本支出部门预算经济分类预算表"
    assert {t.entity for t in compiled.tables} == {"上海市普陀区人民政府长风街道办事处"}
    income = compiled.table(K.INCOME_SUMMARY)
    assert [c.key for c in income.columns] == ["total", "fiscal", "business_income", "operating_income", "other_income"]
    total = income.total_row()
    assert (total.number("fiscal"), total.number("other_income")) == (Decimal("9344527.89"), Decimal("120000.00"))


def test_economic_codes_as_shanghai_prints_them(compiled):
    t = compiled.table(K.GENERAL_BASIC_ECONOMIC)
    coded = t.coded_rows()
    assert coded["301"].number("personnel") == sum(r.number("personnel") for c, r in coded.items() if c[:3] == "301" and len(c) == 5)
    # 30101 is paid by the 行政/参公 units (50101) and the 事业 unit (50501): one row, the sum
    assert coded["30101"].number("total") == Decimal("2345678.12") + Decimal("876543.21") + Decimal("654321.09")


def test_three_public_and_running_is_one_row_in_wan_yuan(compiled):
    t = compiled.table(K.THREE_PUBLIC_AND_RUNNING)
    assert t.unit is MoneyUnit.WAN_YUAN and compiled.table(K.INCOME_SUMMARY).unit is MoneyUnit.YUAN
    (row,) = t.rows
    # 接待 13,500 元; 运行维护 98,600 元; 机关运行经费 = 公用经费 of the 行政 and 参公 units
    assert {v.column: v.text for v in row.values} == {
        "total": "11.21", "reception": "1.35", "vehicles": "9.86", "vehicle_running": "9.86", "agency_running": "74.30"}


def test_the_audit_finds_no_error(compiled):
    assert [f"{f.rule}: {f.message}" for f in audit(compiled).errors] == []


def test_each_item_of_the_explanation_with_its_use_and_last_years_execution(compiled):
    items = [p for p in paragraphs(compiled, "编制说明") if "（项）”" in p]
    assert len(items) == 5
    assert items[1] == ("2. “城乡社区支出（类）城乡社区管理事务（款）行政运行（项）”科目423.56万元，主要用于街道办事处机关的基本运行。"
                        "2024年当年预算执行数为400.00万元，2025年预算安排423.56万元，比2024年预算执行数增加5.89%。")
    assert items[4].endswith("科目32.11万元，主要用于按规定缴存的住房公积金。")  # no execution given: no comparison


def test_three_public_states_each_item_then_its_change_and_reason(compiled):
    text = paragraphs(compiled, "三公")
    assert text[0] == "2025年“三公”经费预算数为11.21万元，比2024年预算减少14.79万元，主要原因是公务用车购置预算减少。"
    assert "公务用车购置费比2024年预算减少15.00万元，主要原因是2025年不安排公务用车购置。" in text
    assert "因公出国（境）费与2024年预算持平。" in text


def test_a_missing_item_purpose_is_reported_not_invented(book):
    purposes = {k: v for k, v in book.item_purposes.items() if k != "2120104"}
    with pytest.raises(BookError) as err:
        compile_book(replace(book, item_purposes=purposes))
    (problem,) = err.value.problems
    assert problem.where.sheet == "科目说明" and "2120104" in problem.message


def test_carry_over_is_refused_for_shanghai(book):
    from yusuan.author.validate import check_book

    line = replace(book.lines[-2], period="上年结转")
    problems = check_book(replace(book, lines=(*book.lines[:-2], line, book.lines[-1])))
    assert any("上海9表模板" in p.message and p.where.column == "年度属性" for p in problems)


@pytest.mark.parametrize("unit", ["元", "万元"])
def test_units_per_table(book, unit):
    d = compile_book(replace(book, department=replace(book.department, unit=unit)), "book")
    want = MoneyUnit.YUAN if unit == "元" else MoneyUnit.WAN_YUAN
    assert {t.kind: t.unit for t in d.tables} == {
        **{t.kind: want for t in d.tables}, K.THREE_PUBLIC_AND_RUNNING: MoneyUnit.WAN_YUAN}
    assert d.table(K.INCOME_SUMMARY).total_row().text("total") == ("9464527.89" if unit == "元" else "946.45")
    assert [f.rule for f in audit(d).errors] == []


def test_a_unit_level_book_says_unit(book):
    d = compile_book(replace(book, department=replace(book.department, level="单位")), "book")
    assert d.meta.level is Level.UNIT
    assert d.tables[1].title == "2025年预算单位收入预算总表"
    assert [f.rule for f in audit(d).errors] == []


@pytest.fixture(scope="module")
def written(compiled, tmp_path_factory):
    out = tmp_path_factory.mktemp("shanghai")
    return {p.suffix: p for p in render(compiled, ["xlsx", "docx", "pdf"], out)}


@pytest.mark.parametrize("suffix", [".xlsx", ".docx", ".pdf"])
def test_written_files_read_back_with_the_same_numbers(compiled, written, suffix):
    assert read_back(compiled, written[suffix]).meta.template == "shanghai-9"


def test_the_docx_reads_back_clean_in_the_audit(written):
    back = read_disclosure(written[".docx"])
    assert [f"{f.rule}: {f.message}" for f in audit(back).errors] == []


def test_a_shanghai_publication_written_again_reads_back_the_same(tmp_path):
    """The recognised Putuo (万里街道) tables printed in Shanghai's layout (codes over 类/款/项,
    the 三公 row without a label) are read back as they were."""
    sample = Path(__file__).resolve().parents[2] / "samples" / "pdf" / "putuo-wanli-2025-dept-budget.pdf"
    original = read_disclosure(sample)
    (xlsx,) = render(original, ["xlsx"], tmp_path)
    got = {t.kind: t for t in read_disclosure(xlsx).tables}
    for want in original.tables:
        assert numbers(got[want.kind]) == numbers(want), want.kind.title_zh


def test_the_book_as_a_workbook_is_the_same_book(book, compiled, tmp_path):
    from yusuan.author.folder_book import read_folder
    from yusuan.author.xlsx_book import write_workbook

    path = write_workbook({name: [r.values for r in recs] for name, recs in read_folder(BOOK).items()},
                          tmp_path / "上海预算编制簿.xlsx")
    workbook = load_book(path)
    assert workbook.department == book.department and workbook.department.level == "部门"
    assert workbook.item_purposes == book.item_purposes and workbook.item_last_year == book.item_last_year
    assert [numbers(t) for t in build_disclosure(path).tables] == [numbers(t) for t in compiled.tables]


def test_a_compiled_shanghai_disclosure_round_trips_through_json(compiled):
    import json

    from yusuan.serialize import dumps, load_disclosure

    assert load_disclosure(json.loads(dumps(compiled))) == compiled
