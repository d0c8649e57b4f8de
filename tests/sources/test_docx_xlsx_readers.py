"""DOCX and XLSX readers on small disclosures made here with python-docx and openpyxl."""
from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from yusuan.sources.docx import read_docx
from yusuan.sources.xlsx import read_xlsx
from yusuan.sources.xlsx_numbers import format_number

docx = pytest.importorskip("docx")
openpyxl = pytest.importorskip("openpyxl")


@pytest.fixture(scope="module")
def income_docx():
    document = docx.Document()
    document.add_paragraph("2025年部门收入预算总表")
    document.add_paragraph("编制部门：上海市普陀区社会福利院\t\t单位：元")
    table = document.add_table(rows=5, cols=5)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "功能分类科目编码"  # gridSpan 3
    table.cell(0, 3).merge(table.cell(1, 3)).text = "功能分类科目名称"  # vMerge over two rows
    table.cell(0, 4).text = "合计"
    for col, label in enumerate(["类", "款", "项"]):
        table.cell(1, col).text = label
    for col, value in enumerate(["208", "05", "01", "行政单位离退休", "1,554,220.00"]):
        table.cell(2, col).text = value
    wrapped = table.cell(3, 3)
    wrapped.text = "机关事业单位基本养老"
    wrapped.add_paragraph("保险缴费支出")
    table.cell(3, 4).text = "767,579"
    document.add_page_break()
    document.add_paragraph("其他相关情况说明")
    out = io.BytesIO()
    document.save(out)
    return read_docx(Path("income.docx"), data=out.getvalue())


def test_docx_paragraphs_and_table_rows_in_body_order(income_docx):
    assert [(line.page, line.is_row, line.cells) for line in income_docx.lines] == [
        (1, False, ("2025年部门收入预算总表",)),
        (1, True, ("编制部门：上海市普陀区社会福利院", "单位：元")),
        (1, False, ()),
        (1, True, ("功能分类科目编码", "", "", "功能分类科目名称", "合计")),
        (1, True, ("类", "款", "项", "", "")),
        (1, True, ("208", "05", "01", "行政单位离退休", "1,554,220.00")),
        (1, True, ("", "", "", "机关事业单位基本养老保险缴费支出", "767,579")),
        (1, False, ()),
        (2, False, ("其他相关情况说明",)),
    ]
    assert [line.line for line in income_docx.lines] == list(range(1, 10))
    assert income_docx.format == "docx" and income_docx.pages == 2


@pytest.fixture(scope="module")
def summary_xlsx():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "财务收支预算总表"
    sheet.append(["2025年部门财务收支预算总表"])
    sheet.merge_cells("A1:D1")
    sheet.append(["本年收入", None, "本年支出", None])
    sheet.merge_cells("A2:B2")
    sheet.merge_cells("C2:D2")
    sheet.append(["项目", "预算数", "项目", "预算数"])
    sheet.append(["一、财政拨款收入", 4411.49, "一、一般公共服务支出", 500000])
    sheet["B4"].number_format = "0.00"
    sheet["D4"].number_format = "#,##0"
    sheet.append(["收入总计", 91016775.35, "支出总计", 0.1 + 0.2])
    sheet["B5"].number_format = "#,##0.00"
    second = book.create_sheet("三公经费")
    second["B2"] = "单位：万元"
    second["C3"] = 37.905
    second["C3"].number_format = "0.00"
    second["D3"] = dt.date(2025, 1, 20)
    out = io.BytesIO()
    book.save(out)
    return read_xlsx(Path("summary.xlsx"), data=out.getvalue())


def test_xlsx_sheets_in_order_rows_with_printed_numbers(summary_xlsx):
    assert [(line.page, line.is_row, line.cells) for line in summary_xlsx.lines] == [
        (1, False, ("2025年部门财务收支预算总表",)),  # a title merged across the sheet
        (1, True, ("本年收入", "", "本年支出", "")),
        (1, True, ("项目", "预算数", "项目", "预算数")),
        (1, True, ("一、财政拨款收入", "4411.49", "一、一般公共服务支出", "500,000")),
        (1, True, ("收入总计", "91,016,775.35", "支出总计", "0.3")),
        (2, False, ()),
        (2, True, ("单位：万元", "", "")),
        (2, True, ("", "37.91", "2025-01-20")),
    ]
    assert summary_xlsx.format == "xlsx" and summary_xlsx.pages == 2


@pytest.mark.parametrize("value, code, printed", [
    (4411.49, "0.00", "4411.49"),
    (4411.4899999999998, "#,##0.00", "4,411.49"),
    (500000.0, "#,##0", "500,000"),
    (2.5, "0", "3"),  # half away from zero, as Excel rounds
    (-1234.567, "#,##0.00;[Red]-#,##0.00", "-1,234.57"),
    (0.125, "0.0%", "12.5%"),
    (3.0, '#,##0.00"元"', "3.00"),
    (91016775.35, '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ', "91,016,775.35"),
    (0.1 + 0.2, "General", "0.3"),
    (12.0, "General", "12"),
    (1e-7, "General", "0.0000001"),
])
def test_number_printed_through_its_format(value, code, printed):
    assert format_number(value, code) == printed
