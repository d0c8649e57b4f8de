"""XLSX: a sheet per table that the project's own reader turns back into the same tables."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from yusuan.ingest import read_disclosure
from yusuan.model import Amount, MoneyUnit, TableKind
from yusuan.render.amounts import exact_float, number_format
from yusuan.render.xlsx import write_xlsx

from render_compare import assert_same_tables


@pytest.fixture(scope="module")
def workbook(reference, render_dir):
    return write_xlsx(reference, render_dir / "reference.xlsx")


def test_round_trip_gives_the_same_numbers_table_by_table(reference, workbook):
    assert_same_tables(reference, read_disclosure(workbook))


def test_sheet_per_table_with_merged_headers_and_print_setup(reference, workbook):
    import openpyxl

    book = openpyxl.load_workbook(workbook)
    assert len(book.worksheets) == len(reference.tables)
    ws = book.worksheets[1]  # 收入总表: 9 columns
    assert ws.title.startswith("预算公开表2")
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert "A4:B4" in merged  # 项目 over 科目编码 / 科目名称
    assert "I4:I5" in merged  # 上年结转 spans both header rows
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.print_title_rows == "$4:$5"
    assert ws.sheet_properties.pageSetUpPr.fitToPage  # one page wide (the default 1), any number tall
    assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0


def test_amounts_are_numbers_with_the_printed_places(workbook):
    import openpyxl

    ws = openpyxl.load_workbook(workbook).worksheets[1]
    total = ws["C6"]
    assert total.value == 3922.42 and total.number_format == "0.00"


def test_amount_no_double_prints_exactly_is_written_as_text(reference, render_dir):
    import openpyxl

    exact = Amount(Decimal("4411.49"), MoneyUnit.WAN_YUAN, 2)
    long = Amount(Decimal("12345678901234567.89"), MoneyUnit.WAN_YUAN, 2)
    assert exact_float(exact) == 4411.49
    assert exact_float(long) is None
    t = reference.table(TableKind.GENERAL_EXPENDITURE)
    first = t.rows[0]
    value = replace(first.values[0], text="12345678901234567.89", amount=long)
    rows = (replace(first, values=(value, *first.values[1:])), *t.rows[1:])
    d = replace(reference, tables=(replace(t, rows=rows),))
    ws = openpyxl.load_workbook(write_xlsx(d, render_dir / "long.xlsx")).worksheets[0]
    cell = ws["C5"]  # no caption: title, preamble, two header rows, then 合计
    assert cell.data_type == "s" and cell.value == "12345678901234567.89"
    assert read_disclosure(render_dir / "long.xlsx").tables[0].rows[0].amount("total") == long


def test_number_formats_follow_grouping_and_places():
    assert number_format(Amount(Decimal("500000"), MoneyUnit.YUAN, 0), comma=True) == "#,##0"
    assert number_format(Amount(Decimal("1.5"), MoneyUnit.WAN_YUAN, 2), comma=False) == "0.00"


def test_a_row_whose_label_wraps_is_as_tall_as_its_lines(workbook):
    """Calc and Excel leave a generated row at the default height: a wrapped label is cut to its last
    line there (LibreOffice's PDF lost the start of long project names), unless the row is tall enough."""
    import openpyxl

    from yusuan.text.width import text_lines

    for ws in openpyxl.load_workbook(workbook).worksheets:
        width = ws.column_dimensions["A"].width
        for row in ws.iter_rows(min_row=1):
            label, lines = row[0].value, text_lines(str(row[0].value or ""), int(width))
            header = row[0].fill.fgColor.rgb not in (None, "00000000")
            if isinstance(label, str) and lines > 1 and row[0].alignment.wrap_text and not header:
                assert (ws.row_dimensions[row[0].row].height or 15) >= 13.5 * lines, (ws.title, label)
