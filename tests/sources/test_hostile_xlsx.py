"""Hostile workbooks (issues 17, 19) made small at test time: a shared string repeated in every cell,
a sheet of too many rows, merges running down the whole sheet, formulas saved without values."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from yusuan.errors import InputError
from yusuan.sources import xlsx, xlsx_styles
from yusuan.sources.xlsx import read_xlsx

_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def workbook(rows: str, *, strings: tuple[str, ...] = (), merges: str = "") -> bytes:
    """One sheet "表1" holding `rows` (<row> elements), with `strings` as its shared strings: an
    openpyxl workbook whose sheet XML is replaced (openpyxl would lay out every merged cell)."""
    from openpyxl import Workbook

    book, plain = Workbook(), io.BytesIO()
    book.active.title = "表1"
    book.active["A1"] = "x"
    book.save(plain)
    source, out = zipfile.ZipFile(plain), io.BytesIO()
    merged = f"<mergeCells>{merges}</mergeCells>" if merges else ""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = f"<worksheet {_NS}><sheetData>{rows}</sheetData>{merged}</worksheet>".encode()
            z.writestr(info, content)
        z.writestr("xl/sharedStrings.xml", f'<sst {_NS}>' + "".join(f"<si><t>{s}</t></si>" for s in strings) + "</sst>")
    return out.getvalue()


def row(r: int, *cells: str) -> str:
    return f'<row r="{r}">' + "".join(f'<c r="{"ABCDEF"[i]}{r}" t="inlineStr"><is><t>{c}</t></is></c>'
                                      for i, c in enumerate(cells)) + "</row>"


def test_shared_string_used_by_many_cells_is_refused_by_the_text_it_would_become(monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_TEXT", 100_000)
    cells = "".join(f'<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>' for r in range(1, 201))
    data = workbook(cells, strings=("合" * 1000,))
    assert len(data) < 20_000
    with pytest.raises(InputError, match="重复引用") as caught:
        read_xlsx(Path("sst.xlsx"), data=data)
    assert caught.value.code == "input.xlsx_too_large"


def test_sheet_with_more_rows_than_the_bound_is_refused_before_calamine_reads_it(monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_ROWS", 1_000)
    monkeypatch.setattr(xlsx_styles, "MAX_ROWS", 1_000)
    data = workbook("".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(1, 3_001)))
    with pytest.raises(InputError, match="超过 1000 行数据") as caught:
        read_xlsx(Path("rows.xlsx"), data=data)
    assert caught.value.code == "input.xlsx_too_large"


def test_merge_running_down_the_whole_sheet_is_no_title():
    """A row with one value keeps its column (a title's merge would make it one line of text)."""
    rows = row(1, "收入总表", "", "") + row(2, "项目", "金额", "备注") + row(3, "", "12", "")
    title = '<mergeCell ref="A1:C1"/>'
    data = workbook(rows, merges=title + '<mergeCell ref="A1:C1048576"/>' * 50)
    assert [line.cells for line in read_xlsx(Path("m.xlsx"), data=data).lines] == [
        ("收入总表",), ("项目", "金额", "备注"), ("", "12", "")]


def test_formula_saved_without_its_value_is_reported_with_its_cell():
    rows = row(1, "项目", "金额") + '<row r="2"><c r="A2" t="inlineStr"><is><t>合计</t></is></c><c r="B2"><f>SUM(B3:B4)</f>' \
        '<v></v></c></row>' + '<row r="3"><c r="A3" t="inlineStr"><is><t>甲</t></is></c><c r="B3"><f>1+1</f><v>2</v></c></row>'
    raw = read_xlsx(Path("f.xlsx"), data=workbook(rows))
    assert [(n.code, n.page) for n in raw.notes] == [("read.formula_no_cache", 1)]
    assert "1 个公式单元格" in raw.notes[0].message and "如 B2" in raw.notes[0].message
