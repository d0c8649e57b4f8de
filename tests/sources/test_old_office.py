"""Old Office files told apart by their streams: an .xls (or WPS 表格 .et) workbook is read; a .doc or
.wps document is refused with a Chinese message saying how to convert it (exit code 2 at the CLI);
an OpenDocument spreadsheet is read and an OpenDocument text refused."""
from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile

import pytest
from soffice import convert, needs_soffice

from yusuan.errors import InputError
from yusuan.sources.detect import sniff
from yusuan.sources.ole import has_stream

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def compound(*names: str) -> bytes:
    """A compound file's header and one directory sector holding `names` (128-byte entries)."""
    entries = b""
    for name in ("Root Entry", *names):
        encoded = (name + "\0").encode("utf-16-le")
        entries += encoded.ljust(64, b"\0") + len(encoded).to_bytes(2, "little") + b"\x02".ljust(62, b"\0")
    return OLE + b"\0" * 504 + entries.ljust(512, b"\0")


def odf(mime: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", mime)
        z.writestr("content.xml", "<x/>")
    return buf.getvalue()


def test_a_workbook_stream_makes_an_xls_and_a_word_stream_a_refused_doc():
    assert sniff(compound("Workbook")) == "xls"
    assert sniff(compound("Book")) == "xls"  # BIFF5, as old WPS and Excel 95 wrote
    with pytest.raises(InputError) as err:
        sniff(compound("WordDocument", "1Table"))
    assert err.value.code == "input.wrong_type"
    assert "旧版 Word/WPS" in str(err.value) and "另存为 .docx" in str(err.value) and "soffice" in str(err.value)


def test_a_stream_name_in_the_text_is_no_stream():
    text = ("x" + "Workbook").encode("utf-16-le") + b"\0\0"  # the name at an odd place, no entry around it
    assert not has_stream(compound("WordDocument") + text, "Workbook")


def test_opendocument_spreadsheet_is_read_and_text_refused():
    assert sniff(odf("application/vnd.oasis.opendocument.spreadsheet")) == "ods"
    with pytest.raises(InputError) as err:
        sniff(odf("application/vnd.oasis.opendocument.text"))
    assert ".odt" in str(err.value) and "另存为 .docx" in str(err.value)


@needs_soffice
def test_a_real_doc_is_refused_at_the_cli_with_how_to_convert(tmp_path):
    import docx

    source = tmp_path / "说明.docx"
    document = docx.Document()
    document.add_paragraph("2025年部门预算公开说明")
    document.save(str(source))
    old = convert(source, "doc", tmp_path / "old")
    wps = old.with_suffix(".wps")  # WPS 文字 saves the same format under its own suffix
    wps.write_bytes(old.read_bytes())
    env = {**os.environ, "COLUMNS": "300"}
    for path in (old, wps):
        r = subprocess.run([sys.executable, "-m", "yusuan", "ingest", str(path)], capture_output=True, text=True,
                           timeout=120, env=env)
        assert r.returncode == 2, r.stderr
        assert "旧版 Word/WPS 文字文件" in r.stderr and "--convert-to docx" in r.stderr
        assert "Traceback" not in r.stderr


@pytest.mark.parametrize("data", [compound("Workbook"), OLE + b"\xff" * 600, OLE[:4]])
def test_an_xls_whose_workbook_cannot_be_followed_is_refused_as_damaged(data):
    from yusuan.sources.xls_formats import xls_formats

    with pytest.raises(InputError) as err:
        xls_formats(data, 1000)
    assert err.value.code == "input.xlsx_corrupt"


def test_an_ods_declaring_a_billion_filled_cells_is_refused_before_calamine_lays_it_out(tmp_path):
    """A few hundred bytes of content.xml: one filled cell repeated 1,000 columns wide, its row a
    million times; calamine would allocate every cell (and the process die of it)."""
    from yusuan.sources.detect import read_source

    table = ('<table:table table:name="表1"><table:table-row table:number-rows-repeated="1000000">'
             '<table:table-cell table:number-columns-repeated="1000" office:value-type="float" office:value="1">'
             '<text:p>1</text:p></table:table-cell></table:table-row></table:table>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
                   ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
                   ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
                   f'{table}</office:spreadsheet></office:body></office:document-content>')
    with pytest.raises(InputError) as err:
        read_source(tmp_path / "bomb.ods", data=buf.getvalue())
    assert err.value.code == "input.xlsx_too_large" and "1000000 行 × 1000 列" in str(err.value)


@needs_soffice
def test_an_xls_whose_sheet_extent_is_reversed_is_refused_not_allocated(tmp_path):
    """A damaged DIMENSIONS record (first row past the last) made calamine allocate a terabyte and
    abort the process; the reader refuses it first."""
    import xlsxwriter

    from yusuan.sources.detect import read_source

    source = tmp_path / "表.xlsx"
    with xlsxwriter.Workbook(str(source)) as book:
        sheet = book.add_worksheet("收支总表")
        for row in range(40):
            sheet.write_row(row, 0, ["项目", row * 1.25, row * 2.5])
    data = bytearray(convert(source, "xls", tmp_path / "old").read_bytes())
    at = data.find(bytes.fromhex("00020e00") + bytes(4) + (40).to_bytes(4, "little"))  # DIMENSIONS: rows 0..40
    assert at > 0
    data[at + 4:at + 8] = (13828096).to_bytes(4, "little")
    with pytest.raises(InputError) as err:
        read_source(tmp_path / "表.xls", data=bytes(data))
    assert err.value.code == "input.xlsx_corrupt"


@needs_soffice
def test_a_small_xls_in_the_mini_stream_prints_its_numbers_through_their_formats(tmp_path):
    """A workbook under 4 KB lives in the compound file's mini stream; its 1.5 under ``0.00`` prints 1.50."""
    import xlsxwriter

    from yusuan.sources.detect import read_source
    from yusuan.sources.xls_cfb import workbook_stream

    source = tmp_path / "小表.xlsx"
    with xlsxwriter.Workbook(str(source)) as book:
        sheet = book.add_worksheet("收入")
        sheet.write_row(0, 0, ["合计", 1.5, 1234567.0], book.add_format({"num_format": "#,##0.00"}))
    old = convert(source, "xls", tmp_path / "old")
    assert len(workbook_stream(old.read_bytes())[0]) < 4096
    raw = read_source(old)
    assert [ln.cells for ln in raw.lines] == [("合计", "1.50", "1,234,567.00")] and raw.notes == ()


ODS_STYLES = ('<office:automatic-styles><number:number-style style:name="N4"><number:number number:decimal-places="2"'
              ' number:grouping="true"/></number:number-style><style:style style:name="ce1" style:family="table-cell"'
              ' style:data-style-name="N4"/><style:style style:name="ce2" style:family="table-cell"/>'
              '</office:automatic-styles>')


def ods_package(cells: str) -> zipfile.ZipFile:
    ns = " ".join(f'xmlns:{p}="urn:oasis:names:tc:opendocument:xmlns:{u}"' for p, u in (
        ("office", "office:1.0"), ("table", "table:1.0"), ("text", "text:1.0"), ("style", "style:1.0"),
        ("number", "datastyle:1.0")))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("content.xml", f'<office:document-content {ns}>{ODS_STYLES}<office:body><office:spreadsheet>'
                   f'<table:table table:name="表"><table:table-column table:number-columns-repeated="2"'
                   f' table:default-cell-style-name="ce1"/><table:table-row>{cells}</table:table-row></table:table>'
                   '</office:spreadsheet></office:body></office:document-content>')
    return zipfile.ZipFile(buf)


def test_ods_number_formats_follow_cell_column_and_data_styles():
    from yusuan.sources.ods_formats import ods_formats

    got, merges = ods_formats(ods_package(
        '<table:table-cell office:value-type="float" office:value="1234.5"/>'  # the column's default style
        '<table:table-cell table:style-name="ce2" office:value-type="float" office:value="7"/>'  # no data style
        '<table:table-cell table:number-columns-repeated="2" table:style-name="ce1" office:value-type="percentage"'
        ' office:value="0.5"/>'))
    assert got == {"表": {(0, 0): "#,##0.00", (0, 1): "General", (0, 2): "#,##0.00", (0, 3): "#,##0.00"}}
    assert merges == {"表": []}
    # a style kept elsewhere (styles.xml's common styles): the formats are not known, not guessed
    assert ods_formats(ods_package('<table:table-cell table:style-name="Heading" office:value-type="float"'
                                   ' office:value="1"/>'))[0] is None


def test_ods_merged_cells_are_read_from_their_spans():
    from yusuan.sources.ods_formats import ods_formats

    _, merges = ods_formats(ods_package('<table:table-cell table:number-columns-spanned="3" table:number-rows-spanned="2"'
                                        ' office:value-type="string"><text:p>2025年预算收支总表</text:p></table:table-cell>'
                                        '<table:covered-table-cell table:number-columns-repeated="2"/>'
                                        '<table:table-cell table:number-columns-spanned="2"/>'))
    assert merges == {"表": [((0, 0), (1, 2)), ((0, 3), (0, 4))]}


def test_an_empty_merged_cell_repeated_a_million_times_is_not_laid_out():
    from yusuan.sources.ods_formats import ods_formats

    _, merges = ods_formats(ods_package('<table:table-cell table:number-columns-spanned="2"'
                                        ' table:number-columns-repeated="1000000"/>'))
    assert merges == {"表": []}
