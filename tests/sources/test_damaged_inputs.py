"""Damaged inputs the fuzz campaign of issue 11 found crashing the readers, one focused case per defect.

Each file is made here at test time from a small, valid one; the crash folder itself is replayed by
tests/regressions/test_crash_folder.py.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from yusuan.errors import InputError
from yusuan.sources.docx import read_docx
from yusuan.sources.ooxml import open_package
from yusuan.sources.xlsx import read_xlsx


def refused(read, *args, code: str, **kwargs) -> InputError:
    with pytest.raises(InputError) as caught:
        read(*args, **kwargs)
    assert caught.value.code == code
    assert any("\u4e00" <= ch <= "\u9fff" for ch in caught.value.message)
    return caught.value


# -- defect 2: a compressed member whose deflate stream is broken (zlib.error) -----------------------


def with_broken_deflate(member: str) -> bytes:
    """An Office-like package whose `member` starts with an invalid deflate block type."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(member, "".join(f"<row r='{i}'><c>{i * 7919 % 10007}</c></row>" for i in range(300)))
    data = bytearray(out.getvalue())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(member)
    start = info.header_offset + 30 + len(member.encode()) + len(info.extra)
    data[start] = 0x07  # BFINAL=1, BTYPE=11: "invalid block type"
    return bytes(data)


@pytest.mark.parametrize("read, member", [(read_docx, "word/document.xml"), (read_xlsx, "xl/worksheets/sheet1.xml")])
def test_member_with_a_broken_deflate_stream_is_corrupt(read, member):
    error = refused(read, Path("damaged"), data=with_broken_deflate(member), code="input.zip_corrupt")
    assert member in error.message


def test_package_check_names_the_member_it_cannot_inflate():
    error = refused(open_package, with_broken_deflate("xl/styles.xml"), "Excel(XLSX)", code="input.zip_corrupt")
    assert "xl/styles.xml" in error.message and "已损坏" in error.message


# -- defect 3: number formats beyond the default decimal context (decimal.InvalidOperation) ----------


def test_huge_value_under_a_fixed_format_prints_every_digit():
    from yusuan.sources.xlsx_numbers import format_number

    printed = format_number(1e308, "0.00")
    assert printed == "1" + "0" * 308 + ".00"
    assert format_number(1e308, "#,##0").startswith("100,000,000,") and format_number(1e308, "#,##0").endswith(",000")


def test_format_with_26_decimal_places_keeps_the_amount_exact():
    from decimal import Decimal

    from yusuan.sources.xlsx_numbers import format_number

    printed = format_number(4411.49, "0." + "0" * 26)
    assert printed == "4411.49" + "0" * 24 and Decimal(printed) == Decimal("4411.49")
    assert format_number(4411.49, "0." + "0" * 80) == "4411.49" + "0" * 28  # Excel shows at most 30 places


def test_value_that_is_not_a_number_prints_as_excel_error():
    from yusuan.sources.xlsx_numbers import format_number

    assert format_number(float("inf"), "0.00") == "#NUM!" and format_number(float("nan"), "General") == "#NUM!"


def test_sheet_with_a_huge_value_reads_with_the_amount_as_printed():
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["收入总计", 1e308, 4411.49])
    book.active["B1"].number_format = "0.00"
    book.active["C1"].number_format = "0." + "0" * 26
    out = io.BytesIO()
    book.save(out)
    doc = read_xlsx(Path("huge.xlsx"), data=out.getvalue())
    assert doc.lines[0].cells == ("收入总计", "1" + "0" * 308 + ".00", "4411.49" + "0" * 24)


# -- defect 1: damaged PDF pages (PdfiumError "Failed to load page") ---------------------------------


def three_pages() -> bytes:
    from pdf_builders import build_pdf, text

    return build_pdf([text(72, 500, "Income summary of the department"), text(72, 500, "Second page of text"),
                      text(72, 500, "Third page of text")])


def delete_object(data: bytes, number: int) -> bytes:
    """The PDF with object `number` replaced by null (same length, so the cross-reference still holds)."""
    import re

    body = re.search(rb"\n%d 0 obj\n(<<.*?>>)\nendobj" % number, data, re.S).group(1)
    return data.replace(body, b"null".ljust(len(body)))


def test_pdf_with_a_deleted_page_reads_the_others_and_reports_the_damaged_one():
    from yusuan.sources.pdf import read_pdf

    raw = read_pdf(Path("damaged.pdf"), data=delete_object(three_pages(), 7))  # object 7 is page 2
    assert [(line.page, line.cells) for line in raw.lines if line.cells] == [
        (1, ("Income summary of the department",)), (3, ("Third page of text",))]
    assert [(n.code, n.page) for n in raw.notes] == [("read.page_damaged", 2)]
    assert "第 2 页已损坏" in raw.notes[0].message


def test_pdf_whose_page_tree_points_to_itself_is_damaged_with_exit_2():
    import re

    from pdf_builders import build_pdf, text

    from yusuan.sources.pdf import read_pdf

    data = re.sub(rb"/Kids \[\d+ 0 R\]", b"/Kids [2 0 R]", build_pdf([text(72, 500, "Only page")]))
    assert b"/Type /Pages /Kids [2 0 R]" in data
    error = refused(read_pdf, Path("loop.pdf"), data=data, code="input.pdf_corrupt")
    assert "PDF 已损坏" in error.message and error.exit_code == 2


def test_damaged_page_makes_the_document_incomplete(reference_raw):
    from dataclasses import replace

    from yusuan.ingest import is_incomplete
    from yusuan.recognize.pipeline import recognize
    from yusuan.sources.raw import ReadNote

    raw = replace(reference_raw, notes=(ReadNote("read.page_damaged", "PDF 第 3 页已损坏，无法解析，其内容未能读取。", 3),))
    d = recognize(raw)
    assert [(i.code, i.provenance.page) for i in d.issues if i.code.startswith("read.")] == [("read.page_damaged", 3)]
    assert is_incomplete(d)


# -- defect 4: lone surrogates from a PDF text layer (UnicodeEncodeError when writing JSON) ----------


def with_to_unicode(data: bytes, pairs: dict[bytes, bytes]) -> bytes:
    """The hand-made PDF with a ToUnicode map on its font: character code (hex) → UTF-16 units (hex)."""
    import re

    import pdf_builders

    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def /CMapType 2 def\n"
            b"1 begincodespacerange <00> <FF> endcodespacerange\n%d beginbfchar %s endbfchar\n"
            b"endcmap CMapName currentdict /CMap defineresource pop end end"
            % (len(pairs), b" ".join(b"<%s> <%s>" % kv for kv in pairs.items())))
    objects = re.findall(rb"\d+ 0 obj\n(.*?)\nendobj", data, re.S)
    objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap))
    font = b"/Encoding /WinAnsiEncoding /ToUnicode %d 0 R >>" % len(objects)
    return pdf_builders._serialise([o.replace(b"/Encoding /WinAnsiEncoding >>", font) for o in objects])


def test_lone_surrogate_reads_as_replacement_character_and_is_reported():
    from pdf_builders import build_pdf, text

    from yusuan.sources.pdf import read_pdf

    # A maps to a lone high surrogate (a damaged map); B to the pair of U+20000 𠀀 (CJK Extension B).
    data = with_to_unicode(build_pdf([text(72, 500, "Name AB here")]), {b"41": b"D800", b"42": b"D840DC00"})
    raw = read_pdf(Path("surrogates.pdf"), data=data)
    assert [line.cells for line in raw.lines] == [("Name \ufffd\U00020000 here",)]
    assert [(n.code, n.page) for n in raw.notes] == [("read.bad_characters", 1)]
    assert "1 个字符的编码无效" in raw.notes[0].message
    "".join(line.text for line in raw.lines).encode("utf-8")  # writable as JSON


def test_disclosure_json_with_a_lone_surrogate_escape_is_refused(tmp_path, reference):
    import json

    from yusuan.ingest import read_disclosure, write_disclosure

    path = tmp_path / "ref.json"
    write_disclosure(reference, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["disclosure"]["meta"]["organisation"] = "\ud800"
    path.write_text(json.dumps(data), encoding="utf-8")  # ASCII: the surrogate as the escape \\ud800
    refused(read_disclosure, path, code="input.bad_json")


# -- found by the fuzz run: a cell reference far away made calamine allocate 178 GB and abort --------


def test_xlsx_with_a_cell_at_row_a_billion_is_refused_before_calamine_lays_it_out():
    import zipfile as zf

    data = (Path(__file__).resolve().parents[2] / "samples" / "fuzz" / "yangquan-2025-4-tables.xlsx").read_bytes()
    source, out = zf.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zf.ZipFile(out, "w", zf.ZIP_DEFLATED) as z:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = content.replace(b"</sheetData>", b'<row r="1000000000"><c r="XFD1000000000"><v>1</v></c></row></sheetData>')
            z.writestr(info.filename, content)
    error = refused(read_xlsx, Path("far.xlsx"), data=out.getvalue(), code="input.xlsx_too_large")
    assert "1000000000 行 × 16384 列" in error.message


def with_member(path: Path, member: str, change) -> bytes:
    import zipfile as zf

    source, out = zf.ZipFile(io.BytesIO(path.read_bytes())), io.BytesIO()
    with zf.ZipFile(out, "w", zf.ZIP_DEFLATED) as z:
        for info in source.infolist():
            content = source.read(info)
            z.writestr(info.filename, change(content) if info.filename == member else content)
    return out.getvalue()


FUZZ_XLSX = Path(__file__).resolve().parents[2] / "samples" / "fuzz" / "yangquan-2025-4-tables.xlsx"


def test_xlsx_whose_xml_declares_an_unknown_encoding_is_corrupt():
    data = with_member(FUZZ_XLSX, "xl/styles.xml", lambda xml: xml.replace(b'encoding="UTF-8"', b'encoding="UTF-0"', 1))
    refused(read_xlsx, Path("enc.xlsx"), data=data, code="input.xlsx_corrupt")


def test_xlsx_cell_with_a_negative_style_index_prints_as_general():
    plain = read_xlsx(Path("ok.xlsx"), data=FUZZ_XLSX.read_bytes())
    data = with_member(FUZZ_XLSX, "xl/worksheets/sheet1.xml", lambda xml: xml.replace(b' s="', b' s="-9'))
    damaged = read_xlsx(Path("style.xlsx"), data=data)
    assert [line.filled for line in damaged.lines][:3] == [line.filled for line in plain.lines][:3]
