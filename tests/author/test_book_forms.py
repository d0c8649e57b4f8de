"""The two forms of a book (XLSX workbook, YAML/CSV folder) hold the same data; the template is
what finance staff fill in; a compiled disclosure serialises to JSON and back unchanged."""
from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from yusuan.author import build_disclosure, load_book, write_book_template
from yusuan.author.sheets import SHEETS
from yusuan.serialize import dumps, load_disclosure

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "yusuan" / "author" / "samples"


def test_the_workbook_and_the_folder_are_the_same_book():
    folder, workbook = load_book(SAMPLES / "yangquan-2025"), load_book(SAMPLES / "yangquan-2025.xlsx")
    assert folder.department == workbook.department
    assert [(ln.unit, ln.function_code, ln.amount) for ln in folder.lines] == \
        [(ln.unit, ln.function_code, ln.amount) for ln in workbook.lines]
    assert folder.texts == workbook.texts and folder.last_year == workbook.last_year
    assert [t.indicators for t in folder.targets] == [t.indicators for t in workbook.targets]


def test_the_template_has_instructions_a_sheet_per_part_and_drop_down_lists(tmp_path):
    wb = load_workbook(write_book_template(tmp_path / "预算编制簿.xlsx"))
    assert wb.sheetnames == ["填写说明", "填写示例", *(s.name for s in SHEETS), "科目代码"]
    assert "最大余数法" in "".join(str(c.value) for c in wb["填写说明"]["B"])
    lines = wb["支出"]
    assert [c.value for c in lines[1]][:3] == ["单位", "功能分类科目编码", "支出类型"]
    lists = {dv.formula1 for dv in lines.data_validations.dataValidation}
    assert '"人员经费,公用经费,项目支出"' in lists
    assert [c.value for c in wb["部门"]["A"]][1:3] == ["部门名称", "主管部门代码"]


def test_a_compiled_disclosure_round_trips_through_json():
    d = build_disclosure(SAMPLES / "yangquan-2025")
    import json

    assert load_disclosure(json.loads(dumps(d))) == d
