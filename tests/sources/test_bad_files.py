"""Files that cannot be read: each a Chinese InputError with its own code, quickly, never a traceback.

Every bad file is made here at test time (no binary fixtures).
"""
from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest
from pdf_builders import build_pdf, image_page, text

from yusuan.errors import InputError
from yusuan.sources.detect import read_source
from yusuan.sources.docx import read_docx
from yusuan.sources.ooxml import ZipLimits, open_package
from yusuan.sources.pdf import PdfSettings, read_pdf
from yusuan.sources.xlsx import read_xlsx

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "pdf" / "putuo-welfare-home-2024-unit-budget.pdf"


def refused(read, *args, code: str, **kwargs) -> InputError:
    with pytest.raises(InputError) as caught:
        read(*args, **kwargs)
    assert caught.value.code == code
    assert any("\u4e00" <= ch <= "\u9fff" for ch in caught.value.message)  # said in Chinese
    return caught.value


def test_encrypted_pdf_says_it_is_encrypted():
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=SAMPLE)
    writer.encrypt("secret", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    error = refused(read_pdf, Path("locked.pdf"), data=out.getvalue(), code="input.pdf_encrypted")
    assert "加密" in error.message


def test_pdf_with_owner_password_only_still_reads():
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=SAMPLE)
    writer.encrypt("", "owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    doc = read_pdf(Path("restricted.pdf"), data=out.getvalue())
    assert ("7", "11", "02", "事业单位医疗", "503,724", "503,724", "") in [line.cells for line in doc.lines]


def test_scanned_pdf_without_text_layer_asks_for_ocr():
    data = build_pdf([image_page(), image_page()], image=True)
    error = refused(read_pdf, Path("scan.pdf"), data=data, code="input.pdf_needs_ocr")
    assert "OCR" in error.message


@pytest.mark.parametrize("cut", [0.02, 0.5, 0.98])
def test_truncated_pdf_is_corrupt(cut):
    data = SAMPLE.read_bytes()
    refused(read_pdf, Path("cut.pdf"), data=data[: int(len(data) * cut)], code="input.pdf_corrupt")


def test_pdf_header_followed_by_garbage_is_corrupt():
    refused(read_source_bytes, b"%PDF-1.7\n" + bytes(range(256)) * 40, ".pdf", code="input.pdf_corrupt")


def test_pdf_of_500_pages_is_refused_at_once_and_reads_when_the_limit_allows():
    data = build_pdf([text(60, 500, "Page of a very long file")] * 500)
    started = time.monotonic()
    error = refused(read_pdf, Path("long.pdf"), data=data, code="input.pdf_too_many_pages")
    assert "500" in error.message and time.monotonic() - started < 5
    started = time.monotonic()
    doc = read_pdf(Path("long.pdf"), data=data, settings=PdfSettings(max_pages=600))
    assert doc.pages == 500 and len([line for line in doc.lines if line.cells]) == 500
    assert time.monotonic() - started < 60  # about 0.02 s a page


def test_pdf_reading_stops_when_out_of_time():
    data = build_pdf([text(60, 500, "Page of text")] * 20)
    refused(read_pdf, Path("slow.pdf"), data=data, settings=PdfSettings(max_seconds=1e-9), code="input.pdf_timeout")


def test_page_with_too_many_characters_is_refused():
    data = build_pdf([text(60, 500, "Short"), text(60, 500, "A line much longer than the limit")])
    error = refused(read_pdf, Path("dense.pdf"), data=data, settings=PdfSettings(max_page_chars=20),
                    code="input.pdf_page_too_dense")
    assert "第 2 页" in error.message


def test_settings_refuse_nonsense_bounds():
    with pytest.raises(ValueError):
        PdfSettings(max_pages=0)


def bomb(member: str, size: int = 40 * 1024 * 1024) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open(member, "w") as f:
            chunk = b"\0" * (1 << 20)
            for _ in range(size >> 20):
                f.write(chunk)
    return out.getvalue()


@pytest.mark.parametrize("read, member", [(read_xlsx, "xl/worksheets/sheet1.xml"), (read_docx, "word/document.xml")])
def test_zip_bomb_disguised_as_office_file_is_refused_before_inflating(read, member):
    data = bomb(member)
    assert len(data) < 200_000
    started = time.monotonic()
    error = refused(read, Path("bomb.xlsx"), data=data, code="input.zip_bomb")
    assert "压缩炸弹" in error.message and time.monotonic() - started < 2


def test_zip_larger_than_the_total_limit_when_unpacked_is_refused():
    data = bomb("xl/sharedStrings.xml", size=3 * 1024 * 1024)
    refused(open_package, data, "Excel(XLSX)", ZipLimits(max_total=1024 * 1024), code="input.zip_bomb")


def test_member_lying_about_its_size_is_caught_when_inflated():
    data = bytearray(bomb("word/document.xml", size=1024 * 1024))
    central = data.rfind(b"PK\x01\x02")  # the last central directory entry is document.xml
    data[central + 24 : central + 28] = (1000).to_bytes(4, "little")  # declared uncompressed size
    refused(open_package, bytes(data), "Word(DOCX)", code="input.zip_corrupt")


def office(member: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(member, content)
    return out.getvalue()


def test_docx_with_broken_xml_is_corrupt():
    data = office("word/document.xml", b"<w:document><w:body><w:p>not closed")
    refused(read_docx, Path("broken.docx"), data=data, code="input.docx_corrupt")


def test_xlsx_with_broken_workbook_is_corrupt():
    data = office("xl/workbook.xml", b"<workbook><sheets><sheet name=")
    refused(read_xlsx, Path("broken.xlsx"), data=data, code="input.xlsx_corrupt")


@pytest.mark.parametrize("read, name", [(read_docx, "cut.docx"), (read_xlsx, "cut.xlsx")])
def test_truncated_office_file_is_corrupt(read, name, tiny_office):
    refused(read, Path(name), data=tiny_office[: len(tiny_office) // 2], code="input.zip_corrupt")


@pytest.fixture
def tiny_office() -> bytes:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["项目", 1])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read_source_bytes(data: bytes, suffix: str, tmp_path_factory=None):
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"file{suffix}"
        path.write_bytes(data)
        return read_source(path)


def test_extension_lies_pdf_name_docx_content_reads_as_docx():
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("2025年部门预算编制说明")
    out = io.BytesIO()
    document.save(out)
    doc = read_source_bytes(out.getvalue(), ".pdf")
    assert doc.format == "docx" and doc.lines[0].cells == ("2025年部门预算编制说明",)


def test_extension_lies_xlsx_name_text_content_reads_as_text():
    doc = read_source_bytes("项目\t预算数\n收入总计\t4,411.49\n".encode(), ".xlsx")
    assert doc.format == "txt" and doc.lines[1].cells == ("收入总计", "4,411.49")


def test_extension_lies_docx_name_pdf_content_reads_as_pdf():
    doc = read_source_bytes(build_pdf([text(60, 500, "Budget")]), ".docx")
    assert doc.format == "pdf" and doc.lines[0].cells == ("Budget",)
