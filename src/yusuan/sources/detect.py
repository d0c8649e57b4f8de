"""Which reader a file needs, judged by its content (an extension can lie)."""
from __future__ import annotations

import re
import threading
import zipfile
import zlib
from pathlib import Path
from typing import Callable

from ..errors import InputError
from .ole import OLE_MAGIC, ole_kind
from .raw import RawDocument

# A disclosure larger than this is not a disclosure (the largest real ones are a few MB).
MAX_FILE_BYTES = 200 * 1024 * 1024

Reader = Callable[..., RawDocument]
_PDF_HEADER = re.compile(rb"%PDF-\d\.\d")
# PDFium (under pypdfium2 and pdfplumber's page rendering) is not thread-safe: one PDF at a time
# per process. Parsing is CPU-bound under the GIL anyway, so the lock costs little throughput.
_PDF_LOCK = threading.Lock()
READERS: dict[str, str] = {
    "txt": "yusuan.sources.text:read_text",
    "pdf": "yusuan.sources.pdf:read_pdf",
    "docx": "yusuan.sources.docx:read_docx",
    "xlsx": "yusuan.sources.xlsx:read_xlsx",
    "xls": "yusuan.sources.old_books:read_xls",
    "ods": "yusuan.sources.old_books:read_ods",
}
FORMAT_ZH = {"txt": "文本", "pdf": "PDF", "docx": "Word(DOCX)", "xlsx": "Excel(XLSX)", "xls": "Excel 97-2003(XLS)",
             "ods": "OpenDocument 表格(ODS)"}
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
_ODF_MIME = b"application/vnd.oasis.opendocument."
# How to turn a document we do not read into one we do (LibreOffice is free and runs without a screen).
_CONVERT = "，或用 LibreOffice 转换：soffice --headless --convert-to {0} 文件名，然后读取转换后的文件。"
_REFUSED = {
    "doc": "这是旧版 Word/WPS 文字文件（.doc/.wps），本工具不读取这种格式。请在 Word 或 WPS 中另存为 .docx 或 PDF"
           + _CONVERT.format("docx"),
    "ppt": "这是 PowerPoint 演示文稿（.ppt），不是预算公开文件所用的格式。请另存为 PDF" + _CONVERT.format("pdf"),
    "other": "这是旧版 Office 文件，但既不是 Excel 工作簿，也不是 Word 文档，无法判断其内容。请另存为 .docx、.xlsx 或 PDF"
             + _CONVERT.format("pdf"),
    "odt": "这是 OpenDocument 文字文件（.odt），本工具不读取这种格式。请另存为 .docx 或 PDF" + _CONVERT.format("docx"),
}


def sniff(data: bytes, suffix: str = "") -> str:
    """The format the bytes are in: pdf, docx, xlsx, xls, ods or txt (anything else is judged by the text reader)."""
    head = data[:1024]
    # PDF readers look for the header anywhere in the first 1,024 bytes (junk may precede it); a text
    # quoting "%PDF-1.4" is told apart by the objects every PDF holds
    if head.lstrip().startswith(b"%PDF") or (_PDF_HEADER.search(head) and b"endobj" in data):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if head.startswith(OLE_MAGIC):
        kind = ole_kind(data)
        if kind == "encrypted":  # an encrypted .docx/.xlsx is an OLE container holding an "EncryptedPackage"
            raise InputError("文件已加密（需要密码才能打开），请提供未加密的 Word/Excel 文件。", code="input.office_encrypted")
        if kind == "xls":
            return "xls"
        raise InputError(_REFUSED[kind], code="input.wrong_type")
    return "txt"


def _zip_kind(data: bytes) -> str:
    import io

    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        names = package.namelist()
        # An OpenDocument file names its kind in a member "mimetype" (a few dozen bytes)
        mime = package.read("mimetype")[:200] if "mimetype" in names and package.getinfo("mimetype").file_size < 200 else b""
    except (zipfile.BadZipFile, NotImplementedError, ValueError, OSError, RuntimeError, zlib.error) as exc:  # a flipped version
        # field …; RuntimeError: an encrypted member
        raise InputError("文件是损坏的压缩包（ZIP）格式，无法读取。", code="input.corrupt") from exc
    if any(n.startswith("word/") for n in names):
        return "docx"
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    if mime.startswith(_ODS_MIME):
        return "ods"
    if mime.startswith(_ODF_MIME):
        raise InputError(_REFUSED["odt"], code="input.wrong_type")
    raise InputError("文件是压缩包，但不是 Word(DOCX)、Excel(XLSX) 或 OpenDocument 表格(ODS) 文档。", code="input.wrong_type")


def _load(target: str) -> Reader:
    import importlib

    module, _, name = target.partition(":")
    try:
        return getattr(importlib.import_module(module), name)
    except ImportError as exc:
        raise InputError(f"本版本尚不支持读取该格式（{module}）。", code="input.unsupported") from exc


def read_source(path: Path, *, encoding: str | None = None, data: bytes | None = None,
                max_pages: int | None = None) -> RawDocument:
    """Read any supported file into raw lines, with a Chinese InputError for what cannot be read.

    With `data`, the bytes are read as if they were the file `path` (an upload never touches disk).
    `max_pages` bounds a PDF's pages (the reader's default otherwise).
    """
    if data is not None:
        return _read_bytes(path, data, encoding, max_pages)
    if not path.exists():
        raise InputError(f"找不到文件：{path}", code="input.missing")
    if path.is_dir():
        raise InputError(f"这是一个目录，不是文件：{path}", code="input.directory")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputError(f"文件过大（{size // 1048576} MB），超过上限 {MAX_FILE_BYTES // 1048576} MB。", code="input.too_large")
    return _read_bytes(path, path.read_bytes(), encoding, max_pages)


def _read_bytes(path: Path, data: bytes, encoding: str | None, max_pages: int | None = None) -> RawDocument:
    if len(data) > MAX_FILE_BYTES:
        raise InputError(f"文件过大（{len(data) // 1048576} MB），超过上限 {MAX_FILE_BYTES // 1048576} MB。", code="input.too_large")
    fmt = sniff(data, path.suffix.lower())
    reader = _load(READERS[fmt])
    if fmt == "txt":
        return reader(path, encoding=encoding, data=data)
    if fmt == "pdf":
        kwargs = {}
        if max_pages:
            from .pdf import PdfSettings

            kwargs["settings"] = PdfSettings(max_pages=max_pages)
        with _PDF_LOCK:
            return reader(path, data=data, **kwargs)
    return reader(path, data=data)
