"""Which reader a file needs, judged by its content (an extension can lie)."""
from __future__ import annotations

import re
import threading
import zipfile
from pathlib import Path
from typing import Callable

from ..errors import InputError
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
}
FORMAT_ZH = {"txt": "文本", "pdf": "PDF", "docx": "Word(DOCX)", "xlsx": "Excel(XLSX)"}


def sniff(data: bytes, suffix: str = "") -> str:
    """The format the bytes are in: pdf, docx, xlsx or txt (anything else is judged by the text reader)."""
    head = data[:1024]
    # PDF readers look for the header anywhere in the first 1,024 bytes (junk may precede it); a text
    # quoting "%PDF-1.4" is told apart by the objects every PDF holds
    if head.lstrip().startswith(b"%PDF") or (_PDF_HEADER.search(head) and b"endobj" in data):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            import io

            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except (zipfile.BadZipFile, NotImplementedError, ValueError, OSError) as exc:  # a flipped version field …
            raise InputError("文件是损坏的压缩包（ZIP）格式，无法读取。", code="input.corrupt") from exc
        if any(n.startswith("word/") for n in names):
            return "docx"
        if any(n.startswith("xl/") for n in names):
            return "xlsx"
        raise InputError("文件是压缩包，但不是 Word(DOCX) 或 Excel(XLSX) 文档。", code="input.wrong_type")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        # An encrypted .docx/.xlsx is an OLE container holding an "EncryptedPackage" stream.
        if "EncryptedPackage".encode("utf-16-le") in data[:1 << 20]:
            raise InputError("文件已加密（需要密码才能打开），请提供未加密的 Word/Excel 文件。", code="input.office_encrypted")
        raise InputError("这是旧版 Office 文件（.doc/.xls），请另存为 .docx/.xlsx 或 PDF 后再读取。", code="input.wrong_type")
    return "txt"


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
