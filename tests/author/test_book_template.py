"""The blank book as a newcomer meets it: its check asks only for what is required, its 模板 is
named as the web app names it, it shows filled-in examples and offers the codes of the catalogue;
and the Shanghai sample beside the Shanxi one builds a clean publication with `yusuan build`."""
from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook
from typer.testing import CliRunner

from yusuan.author import BookError, load_book, write_book_template
from yusuan.author.folder_book import read_folder
from yusuan.author.xlsx_book import write_workbook
from yusuan.cli import app

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "src" / "yusuan" / "author" / "samples"
PUTUO = ROOT / "samples" / "pdf" / "putuo-govoffice-2025-dept-budget.pdf"  # the publication the sample is rebuilt from
REQUIRED = [
    "“部门” 第2行 “内容”列：必填项“部门名称”尚未填写", "“部门” 第3行 “内容”列：必填项“主管部门代码”尚未填写",
    "“部门” 第4行 “内容”列：必填项“年度”尚未填写", "“部门” 第5行 “内容”列：必填项“模板”尚未填写",
    "“部门” 第6行 “内容”列：必填项“金额单位”尚未填写",
    "“单位”：尚未填写，至少需要一行", "“收入”：尚未填写，至少需要一行", "“支出”：尚未填写，至少需要一行",
]


def _problems(path) -> list[str]:
    with pytest.raises(BookError) as err:
        load_book(path)
    return [str(p) for p in err.value.problems]


def test_the_blank_books_check_lists_only_the_required_fields(tmp_path):
    problems = _problems(write_book_template(tmp_path / "预算编制簿.xlsx"))
    assert problems == REQUIRED
    # the optional rows the template lists (上年数, 政府采购, 国有资产) may stay empty
    assert not [p for p in problems if any(s in p for s in ("上年数", "政府采购", "国有资产", "说明文字"))]


def _with_template(tmp_path, value: str) -> Path:
    book = shutil.copytree(SAMPLES / "putuo-govoffice-2025", tmp_path / value.replace("/", "_"))
    data = yaml.safe_load((book / "book.yaml").read_text(encoding="utf-8"))
    data["部门"]["模板"] = value
    (book / "book.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return book


@pytest.mark.parametrize("value", ["上海9表", "shanghai-9"])
def test_the_template_is_named_as_the_web_app_shows_it_or_by_its_code(tmp_path, value):
    assert load_book(_with_template(tmp_path, value)).department.template == "shanghai-9"


def test_an_unknown_template_is_refused_in_chinese_names_only(tmp_path):
    (problem,) = _problems(_with_template(tmp_path, "上海8表"))
    assert "“上海8表”不是可选值（山西13表、上海9表）" in problem
    assert "shanghai" not in problem and "shanxi" not in problem


def test_the_blank_book_shows_examples_and_offers_the_catalogues_codes(tmp_path):
    wb = load_workbook(write_book_template(tmp_path / "预算编制簿.xlsx"))
    examples = [[c for c in row if c] for row in wb["填写示例"].iter_rows(values_only=True)]
    assert ["部门名称", "阳泉市民政局"] in examples
    assert ["阳泉市民政局", "2080201", "公用经费", "30201", "50201", "一般公共预算", "本年", "16700.00"] in examples
    codes = wb["科目代码"]
    assert codes.sheet_state == "hidden" and "2080201 行政运行" in [c.value for c in codes["A"]]
    department = {str(dv.sqref): dv.formula1 for dv in wb["部门"].data_validations.dataValidation}
    assert wb["部门"]["A5"].value == "模板" and department["B5"] == '"山西13表,上海9表"'
    by_column = {str(dv.sqref): dv.formula1 for dv in wb["支出"].data_validations.dataValidation}
    assert by_column["B2:B5001"].startswith("'科目代码'!$A$2:$A$")
    assert by_column["D2:D5001"].startswith("'科目代码'!$B$2")


def test_a_code_picked_from_the_drop_down_is_read_as_its_code(tmp_path):
    sheets = {name: [dict(r.values) for r in records] for name, records in read_folder(SAMPLES / "yangquan-2025").items()}
    assert sheets["支出"][0]["功能分类科目编码"] == "2080201"
    sheets["支出"][0]["功能分类科目编码"] = "2080201 行政运行"
    sheets["支出"][0]["部门经济科目编码"] = "30201 办公费"
    line = load_book(write_workbook(sheets, tmp_path / "picked.xlsx")).lines[0]
    assert (line.function_code, line.dept_economic) == ("2080201", "30201")


@pytest.mark.parametrize("book, formats, suffixes", [
    ("putuo-govoffice-2025", "xlsx,docx,pdf,html,json", [".docx", ".html", ".json", ".pdf", ".xlsx"]),
    ("putuo-govoffice-2025.xlsx", "json", [".json"])])
def test_the_shanghai_sample_builds_its_publication_clean_and_number_for_number(tmp_path, book, formats, suffixes):
    """The bundled Shanghai book, rebuilt from 上海市普陀区人民政府办公室's 2025 budget (make_putuo.py), builds
    with `yusuan build`, checks clean, and prints the nine tables of the publication, title and cell alike."""
    from yusuan.ingest import read_disclosure

    result = CliRunner().invoke(app, ["build", str(SAMPLES / book), "-o", str(tmp_path), "-f", formats],
                                env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "自检：错误 0 条，警告 0 条" in result.output
    assert sorted(p.suffix for p in tmp_path.iterdir()) == suffixes
    (json_file,) = tmp_path.glob("*.json")
    built, printed = read_disclosure(json_file), read_disclosure(PUTUO)
    assert built.meta.template == "shanghai-9"
    assert [(t.kind, t.title) for t in built.tables] == [(t.kind, t.title) for t in printed.tables]
    for ours, theirs in zip(built.tables, printed.tables):
        assert _cells(ours) == _cells(theirs), ours.title


def _cells(t) -> Counter:
    return Counter((r.label, r.code, v.column, v.amount.value) for r in t.rows for v in r.values if v.amount is not None)
