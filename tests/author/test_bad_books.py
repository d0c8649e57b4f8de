"""A bad book gives precise Chinese errors (sheet or file, row, column) and no disclosure."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
import yaml

from yusuan.author import BookError, build_disclosure, load_book, write_book_template
from yusuan.author.folder_book import read_folder
from yusuan.author.xlsx_book import write_workbook

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "yusuan" / "author" / "samples" / "yangquan-2025"


@pytest.fixture
def book(tmp_path) -> Path:
    folder = tmp_path / "book"
    shutil.copytree(SAMPLE, folder)
    return folder


def _edit_csv(path: Path, row: int, column: str, value: str) -> None:
    """Set one cell; `row` is the 1-based sheet row (the header is row 1)."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    header = list(rows[0])
    rows[row - 2][column] = value
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, header)
        w.writeheader()
        w.writerows(rows)


def _problems(path) -> list[str]:
    with pytest.raises(BookError) as err:
        build_disclosure(path)
    return [str(p) for p in err.value.problems]


def test_the_sample_folder_is_a_good_book():
    assert load_book(SAMPLE).department.name == "阳泉市民政局"


def test_a_code_not_in_the_catalogue_is_named_with_its_cell(book):
    _edit_csv(book / "lines.csv", 3, "功能分类科目编码", "2089998")
    assert ("“支出” 第3行 “功能分类科目编码”列：“2089998”不在科目目录中（支出功能分类科目）；"
            "如为本地科目，请用“yusuan catalogue import”导入财政部门的官方科目目录") in _problems(book)


def test_a_code_of_the_wrong_level(book):
    _edit_csv(book / "lines.csv", 4, "部门经济科目编码", "302")
    assert "“支出” 第4行 “部门经济科目编码”列：“302”应为款级（部门预算经济分类）编码" in _problems(book)


def test_a_unit_not_declared(book):
    _edit_csv(book / "lines.csv", 2, "单位", "阳泉市福利彩票中心")
    problems = _problems(book)
    assert "“支出” 第2行 “单位”列：单位“阳泉市福利彩票中心”未在“单位”表中列出" in problems


def test_income_that_does_not_match_expenditure(book):
    _edit_csv(book / "income.csv", 2, "金额（元）", "1")
    problems = _problems(book)
    assert any(p.startswith("“收入” “金额（元）”列：一般公共预算（本年）收入合计1.00元，与“支出”表中该来源支出合计")
               for p in problems), problems


def test_a_form_whose_sources_do_not_add_up_to_the_project(book):
    _edit_csv(book / "targets.csv", 2, "年度市县（元）", "1")
    assert any("年度资金各来源之和" in p and "“绩效目标” 第2行" in p for p in _problems(book))


def test_a_missing_sheet(book):
    (book / "lines.csv").unlink()
    assert _problems(book) == ["“支出”：缺少工作表/文件“支出”（lines.csv）"]


def test_a_value_outside_its_list_and_an_empty_required_cell(book):
    _edit_csv(book / "lines.csv", 5, "支出类型", "基本支出")
    _edit_csv(book / "lines.csv", 6, "资金来源", "")
    problems = _problems(book)
    assert "“支出” 第5行 “支出类型”列：“基本支出”不是可选值（人员经费、公用经费、项目支出）" in problems
    assert "“支出” 第6行 “资金来源”列：必填项为空" in problems


def test_an_amount_with_three_decimals(book):
    _edit_csv(book / "lines.csv", 7, "金额（元）", "12.345")
    assert "“支出” 第7行 “金额（元）”列：金额“12.345”超过两位小数（应以元为单位，精确到分）" in _problems(book)


def test_a_missing_reason_is_reported_not_invented(book):
    data = yaml.safe_load((book / "book.yaml").read_text(encoding="utf-8"))
    del data["说明文字"]["三公经费变动原因"]
    del data["说明文字"]["机关运行经费变动原因"]
    (book / "book.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    problems = _problems(book)
    assert "“说明文字” “三公经费变动原因”列：缺少“三公经费变动原因”（“三公”经费比上年有增减），编制程序不会代写，请补充" in problems
    assert any("机关运行经费变动原因" in p for p in problems)


def test_a_workbook_reports_sheet_row_and_column(book, tmp_path):
    sheets = {name: [dict(r.values) for r in records] for name, records in read_folder(book).items()}
    sheets["支出"][0]["功能分类科目编码"] = "999"
    del sheets["单位"]
    path = write_workbook(sheets, tmp_path / "bad.xlsx")
    # the 单位 sheet exists in every workbook written from the spec, but is empty here
    problems = _problems(path)
    assert "“支出” 第2行 “功能分类科目编码”列：“999”不是支出功能分类科目编码" in problems
    assert any("未在“单位”表中列出" in p for p in problems)


def test_the_empty_template_is_not_a_book_yet(tmp_path):
    path = write_book_template(tmp_path / "template.xlsx")
    problems = _problems(path)
    assert "“部门” 第2行 “内容”列：必填项“部门名称”尚未填写" in problems, problems


@pytest.mark.parametrize("key, value", [("公务用车实有", "两辆"), ("领导用车", "1e999999999"),
                                        ("办公用房建筑面积（平方米）", "1,200.5平方米")])
def test_asset_figures_that_are_not_numbers_are_book_problems(book, key, value):
    """The fuzz run's three compiler crashes (bench/fuzz_readers.py): 国有资产 figures reached int()
    and Decimal() unchecked; now the book names the figure instead of crashing the build."""
    data = yaml.safe_load((book / "book.yaml").read_text(encoding="utf-8"))
    data["国有资产"][key] = value
    (book / "book.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert any("国有资产" in p and key in p for p in _problems(book))
